// Headquarters imports historical allegations from the web app: the valid rows go in as published
// cases, the rejected one comes back with its line and reason; the page stays accessible.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const file = [
  "reference,date_reported,mission,category_of_personnel,nationality,allegation,victims,victims_children,paternity_claim,investigating_entity,investigation_days,findings,interim_action,final_action,criminal_referral",
  "WEB-HIST-1,2015-06,MINUSCA,Military (MC),FRA,SA,1,1,No,NIO,300,Substantiated,,Imprisonment,Yes",
  "WEB-HIST-2,2015-07,MINUSCA,Sailor,FRA,SA,1,0,No,,,,,,",
].join("\n");

describe("importing allegations in the web app", () => {
  it("a headquarters officer imports the valid rows and gets the rejected one back", async () => {
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cds_officer"));
    await page.getByRole("link", { name: "Cases" }).click();
    await page.getByRole("button", { name: "Import allegations" }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByLabel("CSV file")
      .setInputFiles({ name: "history.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await dialog.getByText(/^line 3: category_of_personnel "Sailor"/).waitFor();
    await dialog.getByLabel("Import the valid rows and give me the rejected ones").check();
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await dialog.getByText("2 rows read: 1 imported, 0 already imported, 1 rejected.").waitFor();
    await dialog.getByText(/Line 3: category_of_personnel "Sailor"/).waitFor();
    await expectAccessible(page);
    const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?format=csv" })).body;
    expect(table).toContain(
      "WEB-HIST-1,2015-06,MINUSCA,Military (MC),FRA,SA,,,,1,0,0,0,0,1,No,,NIO,300,Substantiated,,Imprisonment,,,Yes",
    );
  });
});
