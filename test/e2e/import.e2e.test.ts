// Headquarters imports historical allegations from the web app: the valid rows go in as published
// cases, the rejected one comes back with its line and reason; a wrong import is withdrawn, in
// French, with its reason; the pages stay accessible.
import { mkdirSync } from "node:fs";
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

  it("a headquarters officer withdraws a wrong import, in French, and its allegation leaves the public table", async () => {
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cds_officer"));
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "Français" }).click();
    await page.getByRole("link", { name: "Dossiers" }).click();
    await page.getByRole("button", { name: "Imports effectués" }).click();
    const dialog = page.getByRole("dialog");
    const made = dialog.getByRole("listitem", { name: "history.csv" });
    await made.getByText("2 lignes lues — importées : 1, déjà importées : 0, rejetées : 1.").waitFor();
    await made.getByRole("button", { name: "Retirer cet import" }).click();
    await made.getByText("Son allégation quitte aussitôt le tableau public et les chiffres publiés.").waitFor();
    await made.getByRole("button", { name: "Retirer 1 allégation" }).click();
    // The reason is asked for before anything is withdrawn.
    expect(
      await made.getByLabel(/Motif du retrait/).evaluate((field) => (field as HTMLTextAreaElement).validity.valid),
    ).toBe(false);
    await made.getByLabel(/Motif du retrait/).fill("Le fichier de 2015 d’une autre mission, importé par erreur.");
    await made.getByRole("button", { name: "Retirer 1 allégation" }).click();
    await made.getByText(/^Retiré le /).waitFor();
    await made
      .getByText("Retiré pour ce motif : Le fichier de 2015 d’une autre mission, importé par erreur.")
      .waitFor();
    await expect(made.getByRole("button", { name: "Retirer cet import" }).count()).resolves.toBe(0);
    await expectAccessible(page);
    mkdirSync("test-results/import", { recursive: true });
    await page.screenshot({ path: "test-results/import/imports-made-fr.png", fullPage: true });
    const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?format=csv" })).body;
    expect(table).not.toContain("WEB-HIST-1");
  });
});
