// The real app listening on a local port, and headless Chromium to drive it, for browser journeys.
import { existsSync, mkdirSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { createTestApp, type TestApp } from "../helpers/app.js";

const CHROMIUM = "/usr/bin/chromium";

export interface BrowserHarness {
  t: TestApp;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium`);
  mkdirSync("test-results", { recursive: true });
  const port = 41000 + Math.floor(Math.random() * 8000);
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ publicUrl: base, port });
  await t.app.listen({ host: "127.0.0.1", port });
  // The flags keep Chromium off the network: this machine (and a field office) may have none.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
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
