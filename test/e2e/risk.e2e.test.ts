// A mission's conduct and discipline officer records a risk assessment with a mitigation in the web
// app, marks a mitigation done, and downloads the quarterly report to headquarters (XLSX and PDF).
// The register and the assessment pass axe in English, French and Arabic.
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { quarterOf } from "../../src/domain/risk.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("misconduct risk in the web app", () => {
  it("an officer assesses a camp with a mitigation and gets the quarterly report", async () => {
    const context = await browser.newContext({ locale: "en", acceptDownloads: true });
    const page = await context.newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    await page.getByRole("link", { name: "Misconduct risk" }).click();
    await page.getByText("No location of this mission has been assessed yet.").waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "New assessment" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Location/).fill("Camp Malakal");
    await dialog.getByLabel("Proximity to communities — Likelihood").selectOption("4");
    await dialog.getByLabel("Proximity to communities — Impact").selectOption("5");
    await dialog.getByLabel("Lighting — Likelihood").selectOption("3");
    await dialog.getByLabel("Lighting — Impact").selectOption("2");
    await dialog.getByRole("button", { name: "Add a mitigation" }).click();
    await dialog.getByLabel(/^Mitigation/).fill("Fence and light the northern perimeter");
    await dialog.getByLabel("Owner").fill("Engineering section");
    await dialog.getByLabel("Answers").selectOption("lighting");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Save the assessment" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.getByRole("heading", { name: "Camp Malakal · UNMISS", level: 1 }).waitFor();
    await page
      .getByRole("row", { name: /Proximity to communities/ })
      .getByText("Critical")
      .waitFor();
    await page.getByRole("button", { name: "Add a mitigation" }).click();
    await page
      .getByRole("dialog")
      .getByLabel(/^Mitigation/)
      .fill("Market day briefing for every patrol");
    await page.getByRole("dialog").getByLabel("Owner").fill("Conduct and Discipline Team");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page
      .getByRole("row", { name: /Market day briefing/ })
      .getByRole("button", { name: "Mark as done" })
      .click();
    await page.getByRole("dialog").getByLabel("What was done").fill("Briefed on 3 patrols");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page
      .getByRole("row", { name: /Market day briefing/ })
      .getByText(/Done on/)
      .waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Back to the register" }).click();
    await page
      .getByRole("row", { name: /Camp Malakal/ })
      .getByText("Critical")
      .waitFor();
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Spreadsheet (XLSX)" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(
      `risk-report-UNMISS-${quarterOf(new Date().toISOString().slice(0, 10))}.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const factors = workbook.getWorksheet("Factors");
    expect(factors?.getRow(2).values).toEqual([
      undefined,
      "Camp Malakal",
      "Proximity to communities",
      4,
      5,
      20,
      "Critical",
    ]);
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF" }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

    for (const [language, heading] of [
      ["Français", "Risques de faute"],
      ["العربية", "مخاطر سوء السلوك"],
    ]) {
      await page.getByRole("combobox", { name: /Language|Langue/ }).click();
      await page.getByRole("option", { name: language }).click();
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectAccessible(page);
    }
    await page.getByRole("table").last().getByRole("link", { name: "Camp Malakal" }).click();
    await page.getByRole("heading", { name: "Camp Malakal · UNMISS", level: 1 }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
