// Military justice, in Chromium: Ghana's focal point records, in French, the on-site court-martial
// of its national and the sentence; headquarters reads it in English on the case page. Each page
// passes axe.
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { describe, it } from "vitest";
import { cases, perpetrators } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("national proceedings", () => {
  it("the State records an on-site court-martial and its sentence; headquarters reads it", async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: `MONUSCO-2026-M${caseId.slice(0, 4)}`,
        missionCode: "MONUSCO",
        status: "actions",
        dateReported: "2026-03-02",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      });
      await tx.insert(perpetrators).values({ caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" });
    });

    const state = await (await browser.newContext({ locale: "en" })).newPage();
    await state.addInitScript(() => localStorage.setItem("conduct.language", "fr"));
    await signInThroughBrowser(state, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await state.goto(`${base}/cases/${caseId}`);
    await state.getByRole("heading", { name: "Procédures nationales" }).waitFor();
    await state.getByText("Aucune procédure nationale enregistrée.").waitFor();
    await state.getByRole("button", { name: "Enregistrer une procédure" }).click();
    const dialog = state.getByRole("dialog");
    await dialog.getByLabel("Procédure", { exact: true }).selectOption("court_martial");
    await dialog.getByLabel("Lieu", { exact: true }).selectOption("mission_area");
    await dialog.getByLabel("Ouverte le").fill("2026-06-02");
    await dialog
      .getByLabel("Chefs d'accusation")
      .fill("Exploitation sexuelle ; violation de l'ordre de non-fraternisation.");
    await dialog.getByLabel("Jugement", { exact: true }).selectOption("convicted");
    await dialog.getByLabel("Jugement du").fill("2026-07-20");
    await dialog.getByLabel("Peine").fill("Deux ans d'emprisonnement et radiation");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    const row = state.getByRole("row", { name: /P-01/ }).filter({ hasText: "Cour martiale" });
    await row.getByText("Condamnation").waitFor();
    await row.getByText("Sur place, dans la zone de la mission", { exact: false }).waitFor();
    await expectAccessible(state);
    if (process.env.SCREENSHOTS)
      await state.screenshot({ path: `${process.env.SCREENSHOTS}/proceedings-fr.png`, fullPage: true });

    const hq = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(hq, base, await t.createStaff("cds_officer"));
    await hq.goto(`${base}/cases/${caseId}`);
    const seen = hq.getByRole("row", { name: /P-01/ }).filter({ hasText: "Court-martial" });
    await seen.getByText("Convicted").waitFor();
    await seen.getByText("Deux ans d'emprisonnement et radiation").waitFor();
    await expectAccessible(hq);
  });
});
