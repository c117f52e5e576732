// An officer screens a contingent list in the web app and sees the one planted match; then one
// candidate whose name is written differently. The page passes axe in English and Arabic.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const contingent = [
  "name,date_of_birth,nationality,document_numbers",
  "Kwame Asante,1991-03-12,GHA,",
  "Yaw Boateng,1987-07-30,GHA,G7788990",
  "Kofi Owusu Mensah,1985-09-09,GHA,",
  "Ama Serwaa,1993-01-20,GHA,",
].join("\n");

describe("screening in the web app", () => {
  it("an officer screens a contingent list and sees the one planted match", async () => {
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const planted = await hq.request({
      method: "POST",
      url: "/api/screening/entries",
      payload: {
        name: "Kofi Owusu Mensah",
        dateOfBirth: "1985-09-09",
        nationalityCode: "GHA",
        reason: "substantiated_sea",
      },
    });
    expect(planted.statusCode, planted.body).toBe(201);
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    await page.getByRole("link", { name: "Screening" }).click();
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "contingent.csv", mimeType: "text/csv", buffer: Buffer.from(contingent) });
    await page.getByRole("button", { name: "Screen the list" }).click();
    await page.getByText("4 candidates screened: 1 matches, 0 possible matches.").waitFor();
    const download = await page.getByRole("link", { name: "Download the results" }).getAttribute("href");
    expect(decodeURIComponent(download?.split(",").slice(1).join(",") ?? "")).toContain(
      "Kofi Owusu Mensah,1985-09-09,GHA,,4,match,substantiated_sea,",
    );
    await page.getByLabel("Full name").fill("MENSAH Kofi-Owusu");
    await page.getByLabel("Date of birth").fill("1985-09-09");
    await page.getByLabel("Nationality").fill("gha");
    await page.getByRole("button", { name: "Screen", exact: true }).click();
    await page.getByRole("status").getByText("Substantiated sexual exploitation or abuse").waitFor();
    await expectAccessible(page);
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "العربية" }).click();
    await page.getByRole("heading", { name: "التدقيق", level: 1 }).waitFor();
    await expectAccessible(page);
  });
});
