// Browser journey for single sign-on: an administrator gives UNICEF's conduct group a role; a UNICEF
// officer signs in at her organisation's identity provider (a local OpenID provider) and lands in
// the app, without a password or code here; someone no rule covers is turned back, in their language.
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { type IdentityProvider, startIdentityProvider } from "../helpers/identity-provider.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
let unicef: IdentityProvider;
withBrowserHarness(
  (harness) => ({ t, browser, base } = harness),
  async (address) => {
    unicef = await startIdentityProvider("unicef", address);
    return { ssoProviders: [unicef.config("UNICEF")] };
  },
);
afterAll(() => unicef?.close());

async function newPage(language = "en") {
  const context = await browser.newContext({ locale: language });
  await context.addInitScript((lang) => localStorage.setItem("conduct.language", lang), language);
  return context.newPage();
}

/** At the provider's own sign-in form (its development one takes any password), then its consent. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

describe("single sign-on", () => {
  it("an administrator adds a rule; a UNICEF officer signs in through UNICEF and works at once", async () => {
    const admin = await t.createStaff("administrator");
    const adminPage = await newPage();
    await signInThroughBrowser(adminPage, base, admin);
    await adminPage.goto(`${base}/users`);
    await adminPage.getByRole("heading", { name: "Single sign-on", level: 2 }).waitFor();
    await adminPage.getByRole("button", { name: "New rule" }).click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByLabel("Value").fill("unicef-conduct");
    await dialog.getByLabel("Missions").click();
    await adminPage.getByRole("option", { name: /^MONUSCO/ }).click();
    await dialog.getByLabel("Missions").press("Escape");
    await dialog.getByRole("button", { name: "New rule" }).click();
    await adminPage.getByRole("cell", { name: "groups = unicef-conduct" }).first().waitFor();
    await expectAccessible(adminPage);
    await adminPage.screenshot({ path: "test-results/sso-rules.png", fullPage: true });

    unicef.people.set("amina", { email: "amina.diallo@unicef.test", name: "Amina Diallo", groups: ["unicef-conduct"] });
    const page = await newPage();
    await page.goto(`${base}/cases`);
    await page.getByRole("button", { name: "Sign in with UNICEF" }).click();
    await signInAtProvider(page, "amina");
    // Back in the app at the page she asked for, as a CDT officer of MONUSCO, no code asked here.
    await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
    const me = await page.evaluate(() => fetch("/api/me").then((response) => response.json()));
    expect(me).toMatchObject({ role: "cdt_officer", missionCodes: ["MONUSCO"], signInWith: "unicef" });
    await page.screenshot({ path: "test-results/sso-landed.png", fullPage: true });

    // The administrator sees where her account signs in; its role is not edited by hand.
    await adminPage.reload();
    await adminPage.getByRole("cell", { name: /amina\.diallo@unicef\.test/ }).waitFor();
    await adminPage.getByText("Through UNICEF").waitFor();
  });

  it("turns back someone no rule covers, saying why in their language", async () => {
    unicef.people.set("visitor", { email: "visitor@unicef.test", name: "Visitor", groups: ["staff"] });
    const page = await newPage("fr");
    await page.goto(`${base}/sign-in?lang=fr`);
    await page.getByRole("button", { name: "Se connecter avec UNICEF" }).click();
    await signInAtProvider(page, "visitor");
    await page.getByText("ne vous donne aucun rôle ici").waitFor();
    expect(new URL(page.url()).searchParams.get("sso")).toBe("no_matching_rule");
    await expectAccessible(page);

    const arabic = await newPage("ar");
    await arabic.goto(`${base}/sign-in?lang=ar`);
    await arabic.getByRole("button", { name: "تسجيل الدخول عبر UNICEF" }).waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(arabic);
    await arabic.screenshot({ path: "test-results/sso-sign-in-ar.png", fullPage: true });
  });
});
