// Takes screenshots of the main pages in English, French and Arabic with headless Chromium, on a
// fresh in-memory database with demo data: `npm run screenshots` (writes docs/screenshots/).
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { openDatabase } from "../src/db/connection.js";
import { DEMO_PASSWORD, seedDemoData } from "../src/seed/demo.js";
import { seedReferenceData } from "../src/seed/reference.js";
import { buildApp } from "../src/server/app.js";
import { enrolTotp, totpCode } from "../src/server/auth/two-factor.js";
import { readConfig } from "../src/server/config.js";
import { sweepReminders } from "../src/server/modules/deadlines/reminders.js";
import { ensureDataKey } from "../src/server/security/encryption.js";

const port = 3917;
const base = `http://127.0.0.1:${port}`;
const out = "docs/screenshots";
mkdirSync(out, { recursive: true });

const handle = await openDatabase({});
const masterKey = randomBytes(32);
await ensureDataKey(handle, masterKey);
await seedReferenceData(handle);
// This tool signs in far more often than a person; the sign-in rate limit would stop it.
const app = await buildApp({
  handle,
  masterKey,
  config: { ...readConfig({}), port, publicUrl: base, authRateLimit: { window: 60, max: 10_000 } },
});
await seedDemoData(app.services);
await sweepReminders(app.services);
await app.listen({ host: "127.0.0.1", port });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});

async function session(email: string, language: string) {
  const enrolment = await enrolTotp(app.services.auth, email, DEMO_PASSWORD).catch(() => null);
  secrets.set(email, enrolment?.totpSecret ?? (secrets.get(email) as string));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: language });
  await context.addInitScript((lang) => localStorage.setItem("conduct.language", lang), language);
  const page = await context.newPage();
  await page.goto(`${base}/staff?lang=${language}`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.locator('input[autocomplete="one-time-code"]').first().waitFor();
  await page.keyboard.type(await totpCode(secrets.get(email) as string));
  await page.locator('button[type="submit"]').click();
  // Signing in lands on "My work" drawn by the server; its link opens the app.
  await page.locator('#root nav, main a[href="/staff"]').first().waitFor();
  if (new URL(page.url()).pathname === "/start") await page.locator('main a[href="/staff"]').click();
  await page.locator("#root nav").first().waitFor();
  return page;
}
const secrets = new Map<string, string>();

// [who, page, name, and the name of the first row's page when it is opened too]
const shots: [string, string, string, string?][] = [
  ["cdt.monusco@demo.conduct.test", "/reports", "reports"],
  ["cdt.monusco@demo.conduct.test", "/reports/new", "record-report"],
  ["cdt.monusco@demo.conduct.test", "/cases", "cases", "case"],
  ["cds@demo.conduct.test", "/cases?mission=MINUSCA&status=findings", "cases-filtered", "case-enforcement"],
  ["focal.point@demo.conduct.test", "/cases", "member-state-cases", "member-state-case"],
  ["advocate@demo.conduct.test", "/victims", "victims", "victim-record"],
  ["focal.point@demo.conduct.test", "/paternity", "paternity-state", "paternity-claim"],
  ["advocate@demo.conduct.test", "/trust-fund", "trust-fund"],
  ["cdt.monusco@demo.conduct.test", "/screening", "screening"],
  ["cdt.monusco@demo.conduct.test", "/risk", "risk", "risk-assessment"],
  ["cdt.monusco@demo.conduct.test", "/training", "training"],
  ["focal.point@demo.conduct.test", "/training", "training-state"],
  ["cdt.monusco@demo.conduct.test", "/after-action", "after-action"],
  ["cdt.monusco@demo.conduct.test", "/outreach", "outreach"],
  ["cds@demo.conduct.test", "/overdue", "overdue"],
  ["cdt.monusco@demo.conduct.test", "/notifications", "notifications"],
  ["admin@demo.conduct.test", "/users", "users"],
  ["admin@demo.conduct.test", "/reference", "reference"],
  ["auditor@demo.conduct.test", "/audit", "audit"],
  ["cds@demo.conduct.test", "/tokens", "tokens"],
  ["cds@demo.conduct.test", "/accountability", "accountability"],
];
// The public site, without JavaScript: one page in each of the six UN languages.
const publicPages: [path: string, name: string, language: string][] = [
  ["/data", "public-data", "en"],
  ["/data?view=investigations&groupBy=status", "public-investigations", "fr"],
  ["/data/allegations", "public-table", "ar"],
  ["/data/allegations", "public-table", "en"],
  ["/data/allegations", "public-table", "fr"],
  ["/data/victim-support", "public-victim-support", "ar"],
  ["/data/victim-support", "public-victim-support", "en"],
  ["/data/misconduct?groupBy=area", "public-misconduct", "fr"],
  ["/data/commitments", "public-commitments", "zh"],
  ["/data/good-practices", "public-good-practices", "ru"],
  ["/data/member-states", "public-member-states", "es"],
];
for (const [path, name, language] of publicPages) {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })
  ).newPage();
  await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lang=${language}`);
  await page.screenshot({ path: `${out}/${name}-${language}.png`, fullPage: true });
  await page.context().close();
}
for (const language of ["en", "fr", "ar"]) {
  // The sign-in page is the server's: it reads without script, on a phone's screen too.
  const signIn = await (
    await browser.newContext({ viewport: { width: 390, height: 700 }, javaScriptEnabled: false })
  ).newPage();
  await signIn.goto(`${base}/staff?lang=${language}`);
  await signIn.screenshot({ path: `${out}/sign-in-${language}.png`, fullPage: true });
  await signIn.context().close();
  const form = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
  ).newPage();
  await form.goto(`${base}/report?lang=${language}`);
  await form.screenshot({ path: `${out}/report-form-${language}.png`, fullPage: true });
  await form.context().close();
  for (const [email, path, name, detail] of shots) {
    const page = await session(email, language);
    await page.goto(`${base}${path}`);
    await page.locator("main table, main [role=alert], main p").first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-${language}.png` });
    if (detail) {
      await page.locator("main table a").first().click();
      await page.locator("main h1").first().waitFor();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${out}/${detail}-${language}.png`, fullPage: true });
    }
    await page.context().close();
  }
}
await browser.close();
await app.close();
await handle.close();
process.stdout.write(`Screenshots written to ${out}/\n`);
