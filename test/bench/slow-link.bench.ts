// Slow-link benchmark (Chromium, DevTools throttling at 400 kbit/s and 400 ms, as a field office's
// "Slow 3G"): time until usable and bytes over the wire for the public home, the Swahili home, the
// report form and the staff app's sign-in, first visit (empty cache) and repeat visit, against the
// no-JavaScript report form in English as the baseline, in the same run.
// Run (after npm run build:web): DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/slow-link.bench.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { webRoot } from "../../src/server/app.js";
import { totpCode } from "../../src/server/auth/two-factor.js";
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

/** Puts a page on the throttled line; counts the bytes it receives from then on. */
async function throttled(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: 400_000 / 8,
    uploadThroughput: 400_000 / 8,
  });
  const meter = { bytes: 0 };
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
    meter.bytes += event.encodedDataLength;
  });
  return meter;
}

/** Milliseconds and bytes from `start` until `usable`. */
async function timed(meter: { bytes: number }, start: () => Promise<unknown>, usable: () => Promise<unknown>) {
  const before = meter.bytes;
  const started = performance.now();
  await start();
  await usable();
  return { ms: performance.now() - started, bytes: meter.bytes - before };
}

/** Opens a page on the throttled line; answers milliseconds until `usable` and bytes received. */
async function visit(page: Page, path: string, usable: (page: Page) => Promise<unknown>) {
  const meter = await throttled(page);
  return timed(
    meter,
    () => page.goto(`${base}${path}`, { waitUntil: "commit" }),
    () => usable(page),
  );
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
];

type Result = { ms: number; bytes: number };
const cell = (r: Result) => `${(r.ms / 1000).toFixed(2)} s ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(7)}`;

/**
 * The staff app, as an officer meets it: the sign-in page, then (password and authenticator code
 * typed) the first page, "My work" drawn by the server, timed from the last "Verify", then the app
 * opened from it; once typed at once, before the app fetched ahead has arrived, once after a
 * person's ten seconds of typing. Then a repeat visit, signed in (the app, kept on the device).
 */
async function staffJourney(typingMs: number) {
  const officer = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
  const context = await browser.newContext({ locale: "en" });
  const page = await context.newPage();
  const meter = await throttled(page);
  const signIn = await timed(
    meter,
    () => page.goto(`${base}/staff`, { waitUntil: "commit" }),
    () => page.getByLabel("Email").waitFor({ timeout: 60_000 }),
  );
  await page.waitForTimeout(typingMs);
  await page.getByLabel("Email").fill(officer.email);
  await page.getByLabel("Password").fill(officer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill(await totpCode(officer.totpSecret as string));
  // Signing in lands on "My work" drawn by the server; its link then opens the app (fetched ahead meanwhile).
  const firstPage = await timed(
    meter,
    () => page.getByRole("button", { name: "Verify" }).click(),
    () => page.getByRole("heading", { name: "My work", level: 1 }).waitFor({ timeout: 120_000 }),
  );
  if (new URL(page.url()).pathname !== "/start") throw new Error(`signing in landed on ${page.url()}`);
  const app = await timed(
    meter,
    () => page.getByRole("link", { name: "Open the full app" }).click(),
    () => page.locator("#root").getByRole("heading", { name: "My work", level: 1 }).waitFor({ timeout: 120_000 }),
  );
  const again = await context.newPage();
  const repeat = await visit(again, "/staff", (p) =>
    p.getByRole("heading", { name: "My work", level: 1 }).waitFor({ timeout: 60_000 }),
  );
  await context.close();
  return { signIn, firstPage, app, repeat };
}

let baseline = 0;
try {
  process.stdout.write("\nSlow-link benchmark — Chromium throttled to 400 kbit/s, 400 ms round trip\n\n");
  process.stdout.write(
    `${"page".padEnd(40)} ${"first visit".padStart(18)} ${"repeat visit".padStart(18)}  ×baseline (first)\n`,
  );
  for (const target of targets) {
    const context = await browser.newContext({ locale: "en" });
    const first = await visit(await context.newPage(), target.path, target.usable);
    const repeat = await visit(await context.newPage(), target.path, target.usable);
    await context.close();
    if (!baseline) baseline = first.ms;
    process.stdout.write(
      `${target.name.padEnd(40)} ${cell(first).padStart(18)} ${cell(repeat).padStart(18)}  ${(first.ms / baseline).toFixed(1)}×\n`,
    );
  }
  for (const [label, typingMs] of [
    ["typed at once", 0],
    ["after 10 s of typing", 10_000],
  ] as const) {
    const { signIn, firstPage, app, repeat } = await staffJourney(typingMs);
    const row = (name: string, first: Result, second?: Result) =>
      process.stdout.write(
        `${name.padEnd(40)} ${cell(first).padStart(18)} ${(second ? cell(second) : "").padStart(18)}  ${(first.ms / baseline).toFixed(1)}×\n`,
      );
    row(`staff sign-in (${label})`, signIn);
    row(`staff first page (${label})`, firstPage);
    row(`staff app after it (${label})`, app, repeat);
  }
} finally {
  await browser.close();
  await t.close();
}
