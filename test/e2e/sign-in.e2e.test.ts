// Browser journeys in Chromium: signing in with password + TOTP, the administrator's and the
// auditor's pages, in English, French and Arabic (right-to-left), with no axe-core violations.
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/roles.js";
import { totpCode } from "../../src/server/auth/two-factor.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

async function newPage(language = "en") {
  const context = await browser.newContext({ locale: language });
  await context.addInitScript((lang) => localStorage.setItem("conduct.language", lang), language);
  return context.newPage();
}

const signIn = (page: Page, staff: Awaited<ReturnType<TestApp["createStaff"]>>) =>
  signInThroughBrowser(page, base, staff);

async function staffOf(role: Role, scope: { missionCodes?: string[]; countryCode?: string } = {}) {
  return t.createStaff(role, scope);
}

describe("signing in", () => {
  it("a CDT officer signs in with password and TOTP, sees the case list, in English, French and Arabic", async () => {
    const page = await newPage();
    await page.goto(`${base}/staff`);
    await page.getByLabel("Email").waitFor();
    await expectAccessible(page);
    await signIn(page, await staffOf("cdt_officer", { missionCodes: ["MONUSCO"] }));
    // An officer starts at what needs their action: My work.
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Cases" }).click();
    await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
    await page.getByText("No cases in your scope yet.").waitFor();
    await expectAccessible(page);

    await page.getByLabel("Language").first().click();
    await page.getByRole("option", { name: "Français" }).click();
    await page.getByRole("heading", { name: "Dossiers", level: 1 }).waitFor();

    await page.getByLabel("Langue").first().click();
    await page.getByRole("option", { name: "العربية" }).click();
    await page.getByRole("heading", { name: "القضايا", level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(page);
  });

  it("signs in on the server's page in Arabic, with no script needed there; the app opens in Arabic; signing out comes back", async () => {
    const officer = await staffOf("cdt_officer", { missionCodes: ["MONUSCO"] });
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await page.goto(`${base}/cases?lang=ar`);
    // The page asked for is where the person lands once signed in.
    await page.getByRole("heading", { name: "تسجيل الدخول", level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.locator("script").count()).toBe(0);
    await expectAccessible(page);
    await page.getByLabel("البريد الإلكتروني").fill(officer.email);
    await page.getByLabel("كلمة المرور").fill(officer.password);
    await page.getByRole("button", { name: "دخول" }).click();
    await page.getByLabel("رمز التحقق").fill(await totpCode(officer.totpSecret as string));
    await expectAccessible(page);
    await page.getByRole("button", { name: "تحقق" }).click();
    await page.getByRole("heading", { name: "القضايا", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/cases");
    expect(new URL(page.url()).search).toBe("");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByRole("button", { name: "تسجيل الخروج" }).click();
    await page.getByRole("heading", { name: "تسجيل الدخول", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("a person signs in and moves around with the keyboard alone", async () => {
    const officer = await staffOf("cds_officer");
    const page = await newPage();
    await page.goto(`${base}/staff`);
    await page.getByLabel("Email").waitFor();
    const focusedLabel = () =>
      page.evaluate(
        () =>
          (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ??
          document.activeElement?.textContent ??
          "",
      );
    for (let i = 0; i < 10 && !(await focusedLabel()).startsWith("Email"); i++) await page.keyboard.press("Tab");
    await page.keyboard.type(officer.email);
    await page.keyboard.press("Tab");
    expect(await focusedLabel()).toMatch(/^Password/);
    await page.keyboard.type(officer.password);
    await page.keyboard.press("Enter");
    await page.getByText("Enter the 6-digit code").waitFor();
    await page.keyboard.type(await totpCode(officer.totpSecret as string));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    for (let i = 0; i < 40 && (await focusedLabel()) !== "API tokens"; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "API tokens", level: 1 }).waitFor();
  });

  it("lands on My work drawn by the server, without script, in French and Arabic; its links open the app", async () => {
    const officer = await staffOf("cdt_officer", { missionCodes: ["MONUSCO"] });
    const page = await newPage();
    await page.goto(`${base}/sign-in?lang=fr`);
    await page.locator("#email").fill(officer.email);
    await page.locator("#password").fill(officer.password);
    await page.locator("form button[type=submit]").first().click();
    await page.locator("#code").fill(await totpCode(officer.totpSecret as string));
    await page.locator("form button[type=submit]").first().click();
    await page.getByRole("heading", { name: "Mon travail", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/start");
    expect(await page.locator("script").count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/first-page-fr.png", fullPage: true });

    await page.goto(`${base}/start?lang=ar`);
    await page.getByRole("heading", { name: "عملي", level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/first-page-ar.png", fullPage: true });

    // Its navigation opens the app, signed in, in the language chosen.
    await page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name: "القضايا" }).click();
    await page.getByRole("heading", { name: "القضايا", level: 1 }).waitFor();
    expect(await page.locator("#root nav").count()).toBeGreaterThan(0);
  });

  it("a wrong code keeps the person out and says why", async () => {
    const officer = await staffOf("cds_officer");
    const page = await newPage();
    await page.goto(`${base}/staff`);
    await page.getByLabel("Email").fill(officer.email);
    await page
      .getByLabel(/^Password/)
      .first()
      .fill(officer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter the 6-digit code").waitFor();
    const right = await totpCode(officer.totpSecret as string);
    await page.keyboard.type(String((Number(right) + 7) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("alert").getByText("That code is not correct or has expired.").waitFor();
    expect(await page.getByRole("heading", { name: "Cases" }).count()).toBe(0);
  });

  it("a new staff member enrols in two-factor with the QR code on first sign-in", async () => {
    const admin = await t.signIn(await staffOf("administrator"));
    const created = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "first.time@test.conduct.org", name: "First Time", role: "analyst" },
    });
    const password = created.json().temporaryPassword as string;
    const page = await newPage();
    await page.goto(`${base}/staff`);
    await page.getByLabel("Email").fill("first.time@test.conduct.org");
    await page
      .getByLabel(/^Password/)
      .first()
      .fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Set up two-factor authentication" }).waitFor();
    await page
      .getByLabel(/^Confirm your password/)
      .first()
      .fill(password);
    await page.getByRole("button", { name: "Show QR code" }).click();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    await expectAccessible(page);
    const key = (await page.locator("code").first().textContent()) as string;
    await page.getByLabel("Authentication code").first().click();
    await page.keyboard.type(await totpCode(key.trim()));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
  });
});

describe("administration and audit pages", () => {
  it("an administrator creates a CDT officer scoped to a mission, in the web app", async () => {
    const page = await newPage();
    await signIn(page, await staffOf("administrator"));
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "New account" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email").fill("new.cdt@test.conduct.org");
    await dialog.getByLabel("Name").fill("Nadia Officer");
    await dialog.getByRole("button", { name: "New account" }).click();
    await dialog.getByText("choose at least one mission").waitFor();
    await dialog.getByLabel("Missions").click();
    await page.getByRole("option", { name: /^MINUSCA/ }).click();
    await page.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "New account" }).click();
    await dialog.getByText("Temporary password").waitFor();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Close" }).first().click();
    const row = page.getByRole("row", { name: /Nadia Officer/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("MINUSCA");
    await page.screenshot({ path: "test-results/users-en.png", fullPage: true });
  });

  it("reference data and API tokens pages are usable in Arabic", async () => {
    const page = await newPage();
    await signIn(page, await staffOf("administrator"));
    await page.getByLabel("Language").first().click();
    await page.getByRole("option", { name: "العربية" }).click();
    await page.getByRole("link", { name: "البيانات المرجعية" }).click();
    await page.getByRole("heading", { name: "البيانات المرجعية", level: 1 }).waitFor();
    await page.getByRole("cell", { name: "MONUSCO", exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "رموز الواجهة البرمجية" }).click();
    await page.getByRole("heading", { name: "رموز الواجهة البرمجية", level: 1 }).waitFor();
    await expectAccessible(page);
  });

  it("an auditor browses the trail and verifies the chain", async () => {
    const page = await newPage();
    await signIn(page, await staffOf("auditor"));
    await page.getByRole("heading", { name: "Audit trail", level: 1 }).waitFor();
    await page.getByRole("cell", { name: "auth.verify_totp" }).first().waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Verify the chain" }).click();
    await page
      .getByRole("status")
      .getByText(/The chain holds/)
      .waitFor();
  });
});
