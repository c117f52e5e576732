// The architecture's boundaries: domain imports nothing of the others; web never imports server or db;
// routes never touch the database directly.
module.exports = {
  forbidden: [
    { name: "domain-is-pure", severity: "error", from: { path: "^src/domain" }, to: { path: "^src/(server|db|web|cli)" } },
    { name: "web-stays-in-the-browser", severity: "error", from: { path: "^src/web" }, to: { path: "^src/(server|db|cli)" } },
    { name: "routes-do-not-query", severity: "error", from: { path: "^src/server/modules/[^/]+/routes\\.ts$" }, to: { path: "^src/db|queries\\.ts$" } },
  ],
  options: { tsConfig: { fileName: "tsconfig.json" }, doNotFollow: { path: "node_modules" }, exclude: { path: "\\.test\\.ts$" } },
};
