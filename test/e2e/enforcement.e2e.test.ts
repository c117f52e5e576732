// The whole enforcement journey in Chromium: an anonymous report without JavaScript → a CDT officer
// opens a case, assesses it and refers it to the Member State → the State's focal point records the
// NIO, the investigation and the finding → the officer records the final action and closes the case
// → the reporter sees the status change and the officer's message through the receipt. Each step is
// photographed into test-results/journey/ (copied to docs/screenshots/journey/ for the README).
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { pngFile } from "../helpers/files.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const shots = "test-results/journey";
let step = 0;
async function photograph(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${shots}/${String(++step).padStart(2, "0")}-${name}.png`, fullPage: true });
}

describe("the enforcement journey", () => {
  it("from an anonymous report to a closed case, with the reporter kept informed", async () => {
    // 1. The reporter, on a basic phone without JavaScript.
    const phone = await (
      await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "en" })
    ).newPage();
    await phone.goto(`${base}/report?lang=en`);
    await phone
      .getByLabel("What happened? *")
      .fill("A soldier from the Ghanaian camp offered money to a 16-year-old girl for sex near the market.");
    await phone.getByLabel("Where? UN mission or office").selectOption("MINUSCA");
    await phone.getByLabel("Soldier (contingent)").check();
    await phone.getByLabel("Nationality of the personnel, if known").selectOption({ label: "Ghana" });
    const photo = await pngFile();
    await phone
      .getByLabel("Photos, documents or recordings (optional)")
      .setInputFiles({ name: "market.png", mimeType: "image/png", buffer: photo });
    await photograph(phone, "report-form");
    await phone.getByRole("button", { name: "Send the report" }).click();
    await phone.getByRole("heading", { name: "Your report was received" }).waitFor();
    const receipt = ((await phone.locator(".receipt").textContent()) as string).trim();
    await photograph(phone, "receipt");

    // 2. The mission's CDT officer opens a case, records who is implicated, assesses and refers it.
    const officer = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(officer, base, await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    // The new report waits on the officer's first page, My work.
    await officer.getByRole("region", { name: "Reports not yet in a case" }).getByRole("link").first().waitFor();
    await officer.getByRole("link", { name: "Reports", exact: true }).click();
    await officer.getByRole("link", { name: /^Open/ }).first().click();
    // The photo sent without JavaScript is there, to download.
    await officer.getByRole("link", { name: "market.png" }).waitFor();
    await officer.getByRole("button", { name: "Open a case from this report" }).click();
    await officer.getByText("Part of case").getByRole("link").first().click();
    const reference = ((await officer.getByRole("heading", { level: 1 }).textContent()) as string).trim();
    expect(reference).toMatch(/^MINUSCA-\d{4}-\d{4}$/);
    await officer.getByRole("button", { name: "Start preliminary assessment" }).click();
    await officer.getByText("Moved to Preliminary assessment").waitFor();
    await officer.getByRole("button", { name: "Add an alleged perpetrator" }).click();
    await officer.getByRole("dialog").getByLabel("Name").fill("Cpl. Journey Example");
    await officer.getByRole("dialog").getByRole("button", { name: "Add an alleged perpetrator" }).click();
    await officer.getByRole("cell", { name: "P-01" }).first().waitFor();
    await officer.getByText("To refer the case, record the referral under Referrals").waitFor();
    await officer.getByRole("button", { name: "Record a referral" }).click();
    await officer.getByRole("dialog").getByLabel("Note verbale").fill("NV/MINUSCA/2026/301");
    await officer.getByRole("dialog").getByRole("button", { name: "Record the referral" }).click();
    await officer.getByRole("dialog").waitFor({ state: "detached" });
    await officer.getByText("Awaiting reply").waitFor();
    await expectAccessible(officer);
    await photograph(officer, "officer-referred");

    // 3. Ghana's focal point: the State's reply and NIO, the investigation, progress and the finding.
    const ghana = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(ghana, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await ghana.getByRole("link", { name: "Cases" }).click();
    await ghana.getByRole("link", { name: reference }).click();
    await ghana.getByText("The narrative is not shown to your role.").waitFor();
    expect(await ghana.getByText("16-year-old").count()).toBe(0);
    expect(await ghana.getByText("Journey Example").count()).toBe(0);
    await ghana.getByRole("button", { name: "Record the State's reply" }).click();
    await ghana.getByLabel("National Investigation Officer").fill("Major K. Mensah");
    await ghana.getByRole("button", { name: "Save" }).click();
    await ghana.getByText("National Investigation Officer: Major K. Mensah", { exact: false }).waitFor();
    await ghana.getByRole("button", { name: "Open an investigation" }).click();
    const opening = ghana.getByRole("dialog");
    await opening.getByLabel("Investigating entity").first().click();
    await ghana.getByRole("option", { name: "National Investigation Officer" }).click();
    // A loaded machine can take the click while the list still opens: the choice must have landed.
    await opening.locator('input[value="National Investigation Officer"]').waitFor();
    await opening.getByLabel("Investigators").fill("Major K. Mensah (NIO)");
    await opening.getByRole("button", { name: "Open an investigation" }).click();
    await ghana.getByRole("heading", { name: "National Investigation Officer — Ghana" }).waitFor();
    await ghana.getByRole("button", { name: "Report progress" }).click();
    await ghana
      .getByRole("dialog")
      .getByLabel("What has happened")
      .fill("The complainant and two witnesses were interviewed.");
    await ghana.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await ghana.getByText("The complainant and two witnesses were interviewed.", { exact: false }).first().waitFor();
    await ghana.getByLabel("P-01").first().click();
    await ghana.getByRole("option", { name: "Substantiated", exact: true }).click();
    await ghana.locator('input[value="Substantiated"]').waitFor();
    await expectAccessible(ghana);
    await photograph(ghana, "member-state-investigation");

    // 4. The officer sees the State's work at once, records the final action and closes the case.
    await officer.reload();
    await officer.getByText("The complainant and two witnesses were interviewed.", { exact: false }).first().waitFor();
    await officer.getByRole("button", { name: "Record an action" }).click();
    const action = officer.getByRole("dialog");
    await action.getByLabel("Stage").first().click();
    await officer.getByRole("option", { name: "Final" }).click();
    await action.getByRole("button", { name: "Record an action" }).click();
    await officer.getByRole("cell", { name: "Repatriation on disciplinary grounds and ban" }).waitFor();
    await officer.getByRole("button", { name: "Close the case" }).click();
    await officer.getByText("Moved to Closed").waitFor();
    await expectAccessible(officer);
    await photograph(officer, "officer-closed");
    const [queued] = (
      await (
        await t.tokenFor(await t.createStaff("cds_officer"))
      ).request({ method: "GET", url: "/api/reports?mission=MINUSCA" })
    ).json().items;
    await officer.goto(`${base}/reports/${queued.id}`);
    await officer.getByLabel("Write to the reporter").fill("Thank you. Action was taken and the case is closed.");
    await officer.getByRole("button", { name: "Send", exact: true }).click();
    await officer.getByRole("status").getByText(/Sent/).waitFor();

    // 5. The reporter comes back with the receipt.
    await phone.goto(`${base}/report/follow-up?lang=en`);
    await phone.getByLabel("Receipt code *").fill(receipt);
    await phone.getByRole("button", { name: "Show my report" }).click();
    await phone.getByText("Closed", { exact: false }).first().waitFor();
    await phone.getByText("Thank you. Action was taken and the case is closed.").waitFor();
    await photograph(phone, "reporter-follow-up");
  });

  it("the overdue dashboard, reminders and a filtered, searched case list work and are accessible, in French", async () => {
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cds_officer"));
    // French chosen as the app remembers a choice: on the device and in the cookie the server's pages share.
    await page.evaluate(() => localStorage.setItem("conduct.language", "fr"));
    await page.context().addCookies([{ name: "conduct_lang", value: "fr", url: base }]);
    await page.goto(`${base}/overdue`);
    await page.getByRole("heading", { name: "En retard", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.goto(`${base}/notifications`);
    await page.getByRole("heading", { name: "Rappels", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.goto(`${base}/cases?mission=MINUSCA`);
    await page.getByRole("heading", { name: "Dossiers", level: 1 }).waitFor();
    // "soldiers" finds "soldier" (English stemming) in the journey's narrative.
    await page.getByLabel("Rechercher").first().fill("soldiers");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page
      .getByRole("link", { name: /^MINUSCA-\d{4}-\d{4}$/ })
      .first()
      .waitFor();
    expect(page.url()).toContain("q=soldiers");
    await expectAccessible(page);
  });
});
