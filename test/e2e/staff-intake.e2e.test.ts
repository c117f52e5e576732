// Staff intake in the web app, on a poor link: a mission's officer writes down a hotline call, with
// a photo of the caller's letter; the answer to the first send is lost on the way back, the app
// sends again by itself with the same idempotency key, and the report is recorded once with the
// receipt shown once. A community focal point records one from their network. A report like a case
// already open is flagged and added to it. Axe-checked in English, French and Arabic.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { pngFile } from "../helpers/files.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const reportsWhere = async (condition: string) =>
  Number(
    (
      await t.handle.asOwner((owner) =>
        owner.query<{ count: string }>(`select count(*) from reports where ${condition}`),
      )
    )[0].count,
  );

describe("staff intake in the web app", () => {
  it("an officer records a hotline call; a lost answer is sent again and the report is recorded once", async () => {
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    await page.getByRole("link", { name: "Reports" }).click();
    await page.getByRole("link", { name: "Record a report" }).click();
    await page.getByRole("heading", { name: "Record a report", level: 1 }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Received by").selectOption({ label: "Hotline" });
    await page
      .getByLabel(/^What happened/)
      .fill(
        "The caller says a soldier at the Bunia camp gate asked her 15-year-old daughter for sex in exchange for food.",
      );
    await page.getByLabel(/^Place/).fill("Bunia, camp gate");
    await page.getByLabel("Military (MC)").check();
    await page.getByLabel("Were children involved?").selectOption({ label: "Yes" });
    const photo = await pngFile();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "letter-from-the-caller.png", mimeType: "image/png", buffer: photo });
    await page.getByRole("button", { name: "Record the report" }).click();
    // Neither a contact nor anonymity: the form says what is missing and sends nothing.
    await page.getByText("Say how to reach the reporter, or tick that they wish to stay anonymous.").waitFor();
    expect(await reportsWhere("channel = 'hotline'")).toBe(0);
    await page.getByLabel("The reporter wishes to stay anonymous").check();

    // The first send reaches the server, but its answer never comes back.
    let sends = 0;
    const keys: string[] = [];
    await page.route("**/api/reports", async (route) => {
      sends += 1;
      keys.push(route.request().headers()["idempotency-key"]);
      if (sends > 1) return route.continue();
      await route.fetch();
      await route.abort("connectionreset");
    });
    const replayed = page.waitForResponse(
      (response) => response.url().endsWith("/api/reports") && response.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Record the report" }).click();
    expect((await replayed).status()).toBe(200);
    await page.getByRole("heading", { name: "Report recorded" }).waitFor();
    const receipt = ((await page.locator("pre, code").first().textContent()) ?? "").trim();
    expect(receipt).toMatch(/^[A-Z0-9-]{16,40}$/);
    expect(sends).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await reportsWhere("channel = 'hotline' and mission_code = 'MONUSCO' and children_involved = 'yes'")).toBe(
      1,
    );
    await page.unroute("**/api/reports");

    // The receipt works for the caller on the public follow-up page.
    const followUp = await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } });
    expect(followUp.json()).toMatchObject({ status: "received" });

    await page.getByRole("link", { name: "Back to the queue" }).click();
    const hotline = page.getByRole("listitem").filter({ hasText: /Hotline/ });
    await hotline.waitFor();
    expect(await hotline.count()).toBe(1);
    await hotline.getByRole("link", { name: /Open/ }).click();
    await page.getByRole("link", { name: "letter-from-the-caller.png" }).waitFor();
    await page.goBack();

    await page.getByRole("link", { name: "Record a report" }).click();
    for (const [language, heading] of [
      ["Français", "Enregistrer un signalement"],
      ["العربية", "تسجيل بلاغ"],
    ]) {
      await page.getByRole("combobox", { name: /Language|Langue/ }).click();
      await page.getByRole("option", { name: language }).click();
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectAccessible(page);
    }
  });

  it("a community focal point records a report from their network, for their mission only", async () => {
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cbcm_focal_point", { missionCodes: ["UNMISS"] }));
    await page.getByRole("link", { name: "Reports" }).click();
    await page.getByRole("link", { name: "Record a report" }).click();
    // The page is fetched when first opened: read it once it is drawn.
    await page.getByLabel("Mission where it happened").waitFor();
    // Their channel is their network, and their mission the only one offered.
    expect(await page.getByLabel("Received by").count()).toBe(0);
    expect(await page.getByLabel("Mission where it happened").locator("option").allInnerTexts()).toEqual(["UNMISS"]);
    await page
      .getByLabel(/^What happened/)
      .fill("A woman at the site says a peacekeeper asked for sex in exchange for a job.");
    await page.getByLabel(/^How to reach the reporter/).fill("Through the women's committee chair, sector 2");
    await page.getByRole("button", { name: "Record the report" }).click();
    await page.getByRole("heading", { name: "Report recorded" }).waitFor();
    expect(await reportsWhere("channel = 'cbcm' and mission_code = 'UNMISS'")).toBe(1);
  });

  it("a report like a case already open is flagged in the queue, and added to that case in one click", async () => {
    const staff = await t.createStaff("cdt_officer", { missionCodes: ["UNIFIL"] });
    const api = await t.tokenFor(staff);
    const report = (whatHappened: string) => ({
      channel: "hotline",
      report: { whatHappened, missionCode: "UNIFIL", nationalityCodes: ["IDN"], anonymous: true },
    });
    await api.request({
      method: "POST",
      url: "/api/reports",
      payload: report("A soldier at the Naqoura gate asked a woman for sex for a work permit."),
    });
    const [first] = (await api.request({ method: "GET", url: "/api/reports?mission=UNIFIL" })).json().items;
    const opened = (
      await api.request({ method: "POST", url: `/api/reports/${first.id}/case`, payload: { version: first.version } })
    ).json();
    await api.request({
      method: "POST",
      url: "/api/reports",
      payload: report("Her sister calls about the same soldier at the Naqoura gate."),
    });

    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, staff);
    await page.getByRole("link", { name: "Reports" }).click();
    const flagged = page.getByRole("listitem").filter({ hasText: /Possible duplicate/ });
    await flagged.waitFor();
    expect(await flagged.count()).toBe(1);
    // The duplicate is named by its case number on the queue itself.
    await flagged.getByText(opened.reference, { exact: false }).waitFor();
    await flagged.getByRole("link", { name: /Open/ }).click();
    await page.getByText("This report may describe an allegation already reported").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Add to case: ${opened.reference}` }).click();
    await page.getByText("Part of case").waitFor();
    const [linked] = (await api.request({ method: "GET", url: "/api/reports?mission=UNIFIL&unlinked=false" })).json()
      .items;
    expect(linked.caseId).toBe(opened.caseId);
  });
});
