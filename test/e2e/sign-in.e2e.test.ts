// Browser journey in Chromium: a CLI-made officer signs in with password + TOTP, reaches the case
// list, switches to French and Arabic (right-to-left), and the pages have no axe-core violations.
import { existsSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../../src/server/auth/two-factor.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

const CHROMIUM = "/usr/bin/chromium";
const port = 41000 + Math.floor(Math.random() * 8000);
const base = `http://127.0.0.1:${port}`;
let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium`);
  t = await createTestApp({ publicUrl: base, port });
  await t.app.listen({ host: "127.0.0.1", port });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("signing in in the browser", () => {
  it("a CDT officer signs in with password and TOTP, sees the case list, in English, French and Arabic", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
    const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await page.goto(base);
    await page.getByLabel("Email").fill(officer.email);
    await page.getByLabel(/^Password/).first().fill(officer.password);
    const signInAxe = await new AxeBuilder({ page }).analyze();
    expect(signInAxe.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.html}`))).toEqual([]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter the 6-digit code").waitFor();
    await page.keyboard.type(await totpCode(officer.totpSecret as string));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
    await page.getByText("No cases in your scope yet.").waitFor();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: "test-results/cases-en.png", fullPage: true });

    await page.getByLabel("Language").first().click();
    await page.getByRole("option", { name: "Français" }).click();
    await page.getByRole("heading", { name: "Dossiers", level: 1 }).waitFor();

    await page.getByLabel("Langue").first().click();
    await page.getByRole("option", { name: "العربية" }).click();
    await page.getByRole("heading", { name: "القضايا", level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: "test-results/cases-ar.png", fullPage: true });
  });

  it("a wrong code keeps the person out and says why", async () => {
    const officer = await t.createStaff("cds_officer");
    const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await page.goto(base);
    await page.getByLabel("Email").fill(officer.email);
    await page.getByLabel(/^Password/).first().fill(officer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter the 6-digit code").waitFor();
    const right = await totpCode(officer.totpSecret as string);
    await page.keyboard.type(String((Number(right) + 7) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("alert").getByText("That code is not correct or has expired.").waitFor();
    expect(await page.getByRole("heading", { name: "Cases" }).count()).toBe(0);
  });
});
