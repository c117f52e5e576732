// Field reach in Chromium: the public home leads to the form without JavaScript; a report sent
// straight to headquarters stays hidden from the mission's team until headquarters hands it over;
// the mission's help, kept in the staff app, shows on the receipt.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const shots = "test-results/field-reach";
async function photograph(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

const staffPage = async (locale = "en") =>
  (await browser.newContext({ locale, viewport: { width: 1280, height: 900 } })).newPage();

describe("field reach", () => {
  it("the mission's team writes its help; a reporter without JavaScript finds the form from the home page and the help on the receipt", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] });
    const page = await staffPage();
    await signInThroughBrowser(page, base, officer);
    await page.goto(`${base}/help-information`);
    await page.getByRole("button", { name: /MINUSCA/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Add a contact" }).click();
    await dialog.getByLabel("Number or address").fill("+236 72 555 0112");
    await dialog.getByLabel("Who answers, when").fill("24/7");
    await dialog.getByRole("tab", { name: "French" }).click();
    await dialog.getByLabel("What happens next").fill("L'équipe de la MINUSCA vous rappelle sous 48 heures.");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "MINUSCA" }).waitFor();
    await expectAccessible(page);
    await photograph(page, "help-information-en");

    const phone = await (
      await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "fr-FR" })
    ).newPage();
    await phone.goto(base);
    await phone.getByRole("heading", { name: /Signaler une faute du personnel des Nations Unies/ }).waitFor();
    await photograph(phone, "home-fr");
    await phone.getByRole("link", { name: /Signaler une faute Dites-nous/ }).click();
    await phone
      .getByLabel("Que s'est-il passé ?")
      .fill("Un casque bleu a demandé des faveurs sexuelles contre de l'eau.");
    await phone.getByLabel("Où ? Mission ou bureau des Nations Unies").selectOption("MINUSCA");
    await phone.getByLabel(/Le Siège de l'ONU et le BSCI seulement/).check();
    await phone.getByRole("button", { name: "Envoyer le signalement" }).click();
    await phone.getByRole("heading", { name: "Votre signalement a été reçu" }).waitFor();
    await phone.getByText("L'équipe de la MINUSCA vous rappelle sous 48 heures.").waitFor();
    expect(await phone.getByRole("link", { name: "+236 72 555 0112" }).getAttribute("href")).toBe("tel:+236725550112");
    await photograph(phone, "receipt-with-help-fr");

    // The mission's own officer does not see it; headquarters does, marked, and hands it over.
    await page.goto(`${base}/reports`);
    await page.getByRole("heading", { name: "Reports" }).waitFor();
    expect(await page.getByText("Un casque bleu a demandé").count()).toBe(0);
    const hq = await staffPage();
    await signInThroughBrowser(hq, base, await t.createStaff("cds_officer"));
    await hq.goto(`${base}/reports`);
    await hq
      .getByRole("listitem")
      .filter({ hasText: "Un casque bleu a demandé" })
      .getByRole("link", { name: /^Open/ })
      .click();
    await hq.getByText("Sent to headquarters by the reporter").waitFor();
    await expectAccessible(hq);
    await photograph(hq, "report-sent-to-headquarters-en");
    await hq.getByRole("button", { name: "Hand to the mission's team" }).click();
    await hq.getByRole("button", { name: /Confirm: MINUSCA's team will see/ }).click();
    await hq.getByText("Sent to headquarters by the reporter").waitFor({ state: "detached" });
    await page.reload();
    await page.getByText("Un casque bleu a demandé").waitFor();
  });

  it("the home page in Swahili, without JavaScript, leads to the form and a receipt in Swahili", async () => {
    const phone = await (
      await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "sw-CD" })
    ).newPage();
    await phone.goto(base);
    await phone.getByRole("heading", { name: /Ripoti utovu wa nidhamu/ }).waitFor();
    await phone.getByText("tafsiri ya awali ambayo bado haijakaguliwa", { exact: false }).waitFor();
    await photograph(phone, "home-sw");
    await phone.getByRole("link", { name: /Ripoti utovu wa nidhamu Tuambie/ }).click();
    await phone.getByLabel("Nini kilitokea? *").fill("Askari wa kambi aliomba ngono kwa kubadilishana na chakula.");
    await phone.getByLabel("Wapi? Misheni ya Umoja wa Mataifa").selectOption("MONUSCO");
    await phone.getByRole("button", { name: "Tuma ripoti" }).click();
    await phone.getByRole("heading", { name: "Ripoti yako imepokelewa" }).waitFor();
    await photograph(phone, "receipt-sw");
  });

  it("an address that does not exist answers a page that leads back, in the reader's language", async () => {
    const phone = await (await browser.newContext({ javaScriptEnabled: false, locale: "ar" })).newPage();
    const response = await phone.goto(`${base}/data/allegation`);
    expect(response?.status()).toBe(404);
    expect(await phone.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await phone
      .getByRole("link", { name: /الإبلاغ عن سوء سلوك/ })
      .first()
      .click();
    await phone.getByRole("button", { name: "إرسال البلاغ" }).waitFor();
  });
});
