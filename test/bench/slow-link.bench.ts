// Slow-link benchmark (Chromium, DevTools throttling at 400 kbit/s and 400 ms, as a field office's
// "Slow 3G"): time until usable and bytes over the wire for the public home, the Swahili home, the
// report form and the staff app's sign-in, first visit (empty cache) and repeat visit, against the
// no-JavaScript report form in English as the baseline, in the same run.
// Run (after npm run build:web): DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/slow-link.bench.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { webRoot } from "../../src/server/app.js";
import { createTestApp } from "../helpers/app.js";
import { freePort } from "../helpers/free-port.js";
import { requirePostgres } from "./measure.js";

requirePostgres();
if (!existsSync(path.join(webRoot, "index.html"))) {
  process.stderr.write("The web app is not built: npm run build:web, then run this benchmark again.\n");
  process.exit(1);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const t = await createTestApp({ publicUrl: base, port });
await t.app.listen({ host: "127.0.0.1", port });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });

/** Opens a page on the throttled line; answers milliseconds until `usable` and bytes received. */
async function visit(page: Page, path: string, usable: (page: Page) => Promise<unknown>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: 400_000 / 8,
    uploadThroughput: 400_000 / 8,
  });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  const started = performance.now();
  await page.goto(`${base}${path}`, { waitUntil: "commit" });
  await usable(page);
  const ms = performance.now() - started;
  await cdp.detach();
  return { ms, bytes };
}

const targets: { name: string; path: string; usable: (page: Page) => Promise<unknown> }[] = [
  {
    name: "report form, no JavaScript (baseline)",
    path: "/report?lang=en",
    usable: (page) => page.getByRole("button", { name: "Send the report" }).waitFor(),
  },
  {
    name: "public home",
    path: "/?lang=fr",
    usable: (page) =>
      page
        .getByRole("link", { name: /Signaler une faute/ })
        .first()
        .waitFor(),
  },
  {
    name: "public home in Swahili",
    path: "/?lang=sw",
    usable: (page) =>
      page
        .getByRole("link", { name: /Ripoti utovu/ })
        .first()
        .waitFor(),
  },
  {
    name: "staff app: sign-in",
    path: "/staff",
    usable: (page) => page.getByLabel("Email").waitFor({ timeout: 60_000 }),
  },
];

try {
  process.stdout.write("\nSlow-link benchmark — Chromium throttled to 400 kbit/s, 400 ms round trip\n\n");
  process.stdout.write(
    `${"page".padEnd(40)} ${"first visit".padStart(18)} ${"repeat visit".padStart(18)}  ×baseline (first)\n`,
  );
  let baseline = 0;
  for (const target of targets) {
    const context = await browser.newContext({ locale: "en" });
    const first = await visit(await context.newPage(), target.path, target.usable);
    const repeat = await visit(await context.newPage(), target.path, target.usable);
    await context.close();
    if (!baseline) baseline = first.ms;
    const cell = (r: { ms: number; bytes: number }) =>
      `${(r.ms / 1000).toFixed(2)} s ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(7)}`;
    process.stdout.write(
      `${target.name.padEnd(40)} ${cell(first).padStart(18)} ${cell(repeat).padStart(18)}  ${(first.ms / baseline).toFixed(1)}×\n`,
    );
  }
} finally {
  await browser.close();
  await t.close();
}
