// The architecture's boundaries (docs/architecture.md): domain imports nothing of the others; web
// never imports server or db; routes never touch the database; no import cycles; a module is used
// by others only through its entry file; no production code imports the demo seeder.
const anyModule = "^src/server/modules/([^/]+)/";
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      severity: "error",
      from: { path: "^src/domain" },
      to: { path: "^src/(server|db|web|cli|seed)" },
    },
    {
      name: "web-stays-in-the-browser",
      severity: "error",
      from: { path: "^src/web" },
      to: { path: "^src/(server|db|cli|seed)" },
    },
    {
      name: "db-does-not-reach-up",
      severity: "error",
      from: { path: "^src/db" },
      to: { path: "^src/(server|web|cli|seed)" },
    },
    {
      name: "routes-do-not-query",
      severity: "error",
      from: { path: "^src/server/modules/[^/]+/routes\\.ts$" },
      to: { path: "^src/db|queries\\.ts$" },
    },
    { name: "no-import-cycles", severity: "error", from: {}, to: { circular: true } },
    {
      name: "modules-meet-through-their-entry",
      comment: "Another module's files are its internals: import its index.ts.",
      severity: "error",
      from: { path: anyModule },
      to: { path: "^src/server/modules/", pathNot: ["^src/server/modules/$1/", "^src/server/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "outside-meets-modules-through-their-entry",
      severity: "error",
      from: { path: "^src/", pathNot: anyModule },
      to: { path: anyModule, pathNot: "^src/server/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "no-demo-data-in-production",
      comment: "Only the server's and the CLI's entry points may load demo data.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/seed/demo", "^src/server/main\\.ts$", "^src/cli/main\\.ts$"] },
      to: { path: "^src/seed/demo" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
  },
};
