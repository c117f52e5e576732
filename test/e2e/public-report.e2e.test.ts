// The public report journey in Chromium with JavaScript turned off, as on a basic phone: report
// anonymously, keep the receipt, read the officer's reply and answer it, in French and Arabic.
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

/** axe-core needs scripts, which these pages run without: check the very same markup in a page that allows them. */
async function violationsIn(html: string, url: string) {
  const page = await (await browser.newContext()).newPage();
  await page.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(url);
  const result = await new AxeBuilder({ page }).analyze();
  await page.context().close();
  return result.violations.map((v) => v.id);
}

const noScriptPage = async () =>
  (
    await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "fr-FR" })
  ).newPage();

describe("reporting without JavaScript", () => {
  it("an anonymous report gets a receipt; the reporter reads the officer's reply and answers", async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/report`);
    await page
      .getByRole("heading", { name: "Signaler une faute commise par du personnel des Nations Unies" })
      .waitFor();
    expect(await violationsIn(await page.content(), `${base}/report`)).toEqual([]);
    await page
      .getByLabel("Que s'est-il passé ?")
      .fill("Un soldat a demandé des relations sexuelles en échange de nourriture. <script>alert(1)</script>");
    await page.getByLabel("Où ? Mission ou bureau des Nations Unies").selectOption("MONUSCO");
    await page.getByLabel("Soldat (contingent)").check();
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.getByRole("heading", { name: "Votre signalement a été reçu" }).waitFor();
    const receipt = ((await page.locator(".receipt").textContent()) as string).trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const [queued] = (await officer.request({ method: "GET", url: "/api/reports" })).json().items;
    expect((await officer.request({ method: "GET", url: `/api/reports/${queued.id}` })).json().whatHappened).toContain(
      "<script>alert(1)</script>",
    );
    await officer.request({
      method: "POST",
      url: `/api/reports/${queued.id}/messages`,
      payload: { message: "Merci. Pouvez-vous préciser le lieu ?" },
    });

    await page.getByRole("link", { name: "Suivre votre signalement" }).click();
    await page.getByLabel("Code du reçu").fill(receipt.toLowerCase());
    await page.getByRole("button", { name: "Afficher mon signalement" }).click();
    await page.getByText("Statut: Reçu").or(page.getByText("Statut : Reçu")).first().waitFor();
    await page.getByText("Merci. Pouvez-vous préciser le lieu ?").waitFor();
    await page.getByLabel("Écrire à l'agent").fill("Près du marché central.");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await page.getByRole("status").getByText("Votre message a été envoyé.").waitFor();
    expect(
      (await officer.request({ method: "GET", url: `/api/reports/${queued.id}` })).json().messages.at(-1).message,
    ).toBe("Près du marché central.");
    await page.screenshot({ path: "test-results/follow-up-fr.png", fullPage: true });
  });

  it("a form with mistakes comes back with what was typed and the problems named, in Arabic", async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/report?lang=ar`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByLabel("ماذا حدث؟").fill("قصير جدا");
    await page.getByLabel("نعم، يمكنكم التواصل معي:").check();
    await page.locator("form").evaluate((form: HTMLFormElement) => form.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "إرسال البلاغ" }).click();
    await page.getByRole("alert").getByText("اذكر طريقة للتواصل معك").waitFor();
    expect(await page.getByLabel("ماذا حدث؟").inputValue()).toBe("قصير جدا");
    expect(await violationsIn(await page.content(), `${base}/report?lang=ar`)).toEqual([]);
  });

  it("the mission's CDT officer finds the report in the web app, reads it and answers the reporter", async () => {
    const { receipt } = (
      await t.app.inject({
        method: "POST",
        url: "/api/public/reports",
        payload: {
          whatHappened: "Reported through the web form near Bunia.",
          missionCode: "MONUSCO",
          childrenInvolved: "yes",
          anonymous: true,
        },
      })
    ).json();
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    await page.getByRole("link", { name: "Reports", exact: true }).click();
    await page.getByRole("heading", { name: "Reports received", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: /^Open/ }).first().click();
    await page.getByText("Reported through the web form near Bunia.").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Write to the reporter").fill("Thank you. Are you safe where you are now?");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("status").getByText(/Sent/).waitFor();
    const seen = (
      await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } })
    ).json();
    expect(seen.messages.map((m: { message: string }) => m.message)).toContain(
      "Thank you. Are you safe where you are now?",
    );

    await page.getByRole("button", { name: "Open a case from this report" }).click();
    await page.getByText("Part of case").waitFor();
    await page
      .getByRole("link", { name: /^MONUSCO-\d{4}-\d{4}$/ })
      .or(page.getByText("Part of case").getByRole("link"))
      .first()
      .click();
    await page.getByRole("heading", { name: /^MONUSCO-\d{4}-\d{4}$/, level: 1 }).waitFor();
    await page.getByText("Reported through the web form near Bunia.").first().waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start preliminary assessment" }).click();
    await page.getByRole("button", { name: "Record a referral" }).waitFor();
    await page.getByText("Moved to Preliminary assessment").waitFor();
    const after = (
      await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } })
    ).json();
    expect(after.status).toBe("under_review");
  });

  it("an officer refers the case to the Member State, whose focal point records the NIO without seeing the narrative", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const { receipt } = (
      await t.app.inject({
        method: "POST",
        url: "/api/public/reports",
        payload: {
          whatHappened: "Confidential account of what a contingent member did.",
          missionCode: "MINUSCA",
          personnelCategoryCodes: ["MIL_MC"],
          nationalityCodes: ["GHA"],
          anonymous: true,
        },
      })
    ).json();
    const [queued] = (
      await officer.request({ method: "GET", url: "/api/reports?mission=MINUSCA&unlinked=true" })
    ).json().items;
    const { caseId, reference } = (
      await officer.request({
        method: "POST",
        url: `/api/reports/${queued.id}/case`,
        payload: { version: queued.version },
      })
    ).json();
    await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/transitions`,
      payload: { transition: "assess", version: 1 },
    });

    const cdt = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(cdt, base, await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    await cdt.goto(`${base}/cases/${caseId}`);
    await cdt.getByRole("button", { name: "Record a referral" }).click();
    await cdt.getByRole("dialog").getByLabel("Note verbale").fill("NV/MINUSCA/2026/77");
    await cdt.getByRole("dialog").getByRole("button", { name: "Record the referral" }).click();
    await cdt.getByText("Note verbale NV/MINUSCA/2026/77", { exact: false }).waitFor();
    await cdt.getByText("Awaiting reply").waitFor();
    await expectAccessible(cdt);

    const ghana = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(ghana, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await ghana.getByRole("link", { name: "Cases" }).click();
    await ghana.getByRole("link", { name: reference }).click();
    await ghana.getByText("The narrative is not shown to your role.").waitFor();
    expect(await ghana.getByText("Confidential account").count()).toBe(0);
    await ghana.getByRole("button", { name: "Record the State's reply" }).click();
    await ghana.getByLabel("National Investigation Officer").fill("Major K. Mensah");
    await ghana.getByRole("button", { name: "Save" }).click();
    await ghana.getByText("National Investigation Officer: Major K. Mensah", { exact: false }).waitFor();
    await expectAccessible(ghana);

    const status = (await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status;
    expect(status).toBe("under_investigation");
    expect(
      (await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } })).json()
        .status,
    ).toBe("under_investigation");
  });

  it("the report form stays under 60 KB", async () => {
    const response = await t.app.inject({ method: "GET", url: "/report", headers: { "accept-encoding": "identity" } });
    expect(Buffer.byteLength(response.body)).toBeLessThan(60 * 1024);
  });
});
