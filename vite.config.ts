import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { STAFF_SESSION_CACHE, staffAppPatterns } from "./src/domain/contracts/staff-app.js";

/**
 * Field offices work over slow and costly links: each text asset is also written compressed (brotli
 * at its best for today's browsers, gzip for the others), and the server sends the one the browser
 * accepts without compressing anything per request.
 */
function precompress(): Plugin {
  return {
    name: "conduct-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const full = path.join(options.dir as string, file);
        const content = readFileSync(full);
        if (content.length < 1024) continue;
        writeFileSync(
          `${full}.br`,
          brotliCompressSync(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        );
        writeFileSync(`${full}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * The staff app as an installable web app: Workbox precaches the app itself (every page and
 * language), so it opens without a connection, and keeps the last answer of who is signed in and
 * the reference lists the intake form needs (network first: a live answer whenever there is one).
 * Only the staff app's own addresses are answered from it; public pages always come from the server.
 */
function offlineShell() {
  return VitePWA({
    injectRegister: false,
    registerType: "autoUpdate",
    manifest: {
      name: "Conduct Ledger — staff",
      short_name: "Conduct Ledger",
      start_url: "/staff",
      scope: "/",
      display: "standalone",
      background_color: "#ffffff",
      theme_color: "#1c5a8c",
      icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
    },
    workbox: {
      globPatterns: ["**/*.{js,css,html,svg,woff2}"],
      // The first page opened is kept by the worker at once, not from the next visit on.
      clientsClaim: true,
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: "/index.html",
      navigateFallbackAllowlist: staffAppPatterns,
      runtimeCaching: [
        {
          urlPattern: ({ url }) => url.pathname === "/api/me" || url.pathname.startsWith("/api/reference/"),
          handler: "NetworkFirst",
          options: { cacheName: STAFF_SESSION_CACHE, networkTimeoutSeconds: 6 },
        },
      ],
    },
  });
}

export default defineConfig({
  root: "src/web",
  // The manifest tells the server's sign-in page which files the app needs next.
  build: { outDir: "../../dist/web", emptyOutDir: true, manifest: true },
  plugins: [precompress(), offlineShell()],
  server: { proxy: { "/api": "http://127.0.0.1:3000", "/healthz": "http://127.0.0.1:3000" } },
});
