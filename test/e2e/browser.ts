// The real app listening on a local port, and headless Chromium to drive it, for browser journeys.
import { existsSync, mkdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { totpCode } from "../../src/server/auth/two-factor.js";
import type { Config } from "../../src/server/config.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { freePort } from "../helpers/free-port.js";
import { patience } from "../helpers/patience.js";

const CHROMIUM = "/usr/bin/chromium";
/** How long the app may take to draw its first page after signing in. */
const APP_LOAD_LIMIT = patience(60_000);

export interface BrowserHarness {
  t: TestApp;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

/** Settings a journey needs besides the defaults, given the address the app will listen on. */
export type HarnessSettings = (base: string) => Promise<Partial<Config>>;

export async function startBrowserHarness(settings?: HarnessSettings): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium`);
  mkdirSync("test-results", { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ publicUrl: base, port, ...(await settings?.(base)) });
  await t.app.listen({ host: "127.0.0.1", port });
  // The flags keep Chromium off the network: this machine (and a field office) may have none.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  return {
    t,
    browser,
    base,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the web app as a person does: email, password, then the authenticator code if the role has one. */
export async function signInThroughBrowser(
  page: Page,
  base: string,
  staff: { email: string; password: string; totpSecret: string | null },
) {
  await page.goto(`${base}/staff`);
  await page.getByLabel("Email").fill(staff.email);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(staff.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Community focal points sign in without an authenticator (their role reads no confidential record).
  if (staff.totpSecret) {
    await page.getByText("Enter the 6-digit code").waitFor();
    await page.keyboard.type(await totpCode(staff.totpSecret));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  // Signing in lands on "My work" drawn by the server (src/server/modules/work/first-page.ts), whose
  // link opens the app; a page asked for by name opens in the app at once.
  await page.locator('#root nav, main a[href="/staff"]').first().waitFor({ timeout: APP_LOAD_LIMIT });
  if (new URL(page.url()).pathname === "/start") await page.locator('main a[href="/staff"]').click();
  // The app's own navigation (the sign-in page, drawn by the server, has navigation too but no app root).
  // Its first load fetches the app's code: under a loaded CI machine that can take past the default 30 s.
  await page.locator("#root nav").first().waitFor({ timeout: APP_LOAD_LIMIT });
}

/** What axe finds wrong with the page as it is now, one line a node. */
async function violationsOf(page: Page) {
  // A dialog fading in has half-transparent text, which axe measures as low contrast: let it arrive.
  // (A spinner turns for ever, a paused animation never ends: a second at most.)
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 1000)),
    ]),
  );
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.html} ${JSON.stringify(n.any[0]?.data ?? "")}`),
  );
}

/** The page at rest passes axe: a finding still there a moment later fails the test. */
export async function expectAccessible(page: Page) {
  if ((await violationsOf(page)).length === 0) return;
  // A transition that starts a frame after the content is drawn is not in the first wait.
  await page.waitForTimeout(500);
  expect(await violationsOf(page)).toEqual([]);
}

/** Starts the harness before the file's tests and closes it after; `ready` receives it. */
export function withBrowserHarness(ready: (harness: BrowserHarness) => void, settings?: HarnessSettings) {
  // A whole journey is several people's work in one test; on CI the two database suites share the
  // machine's two cores and a journey can take three times as long as alone.
  vi.setConfig({ testTimeout: patience(180_000) });
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness(settings);
    ready(harness);
  });
  afterAll(() => harness?.close());
}
