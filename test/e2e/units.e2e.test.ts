// Patterns in units, in Chromium: a battalion with three SEA allegations in one rotation is signalled
// (resolution 2272); headquarters finds it among the signalled units and records its decision in
// English; the mission's officer reads it in French without the decision button; Ghana's focal
// point reads the decision in Arabic, right to left. Each page passes axe.
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases, perpetrators } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

async function signalledBattalion() {
  const headquarters = await t.tokenFor(await t.createStaff("cds_officer"));
  const unitName = `GHANBATT-${randomUUID().slice(0, 4)}`;
  const unit = await headquarters.request({
    method: "POST",
    url: "/api/training/contingents",
    payload: {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: unitName,
      categoryCode: "MIL_MC",
      strength: 800,
      deployedOn: "2026-01-05",
      rotation: "ROT 9",
    },
  });
  expect(unit.statusCode, unit.body).toBe(201);
  const unitId = unit.json().id as string;
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    for (const allegation of ["SE_TRANSACTIONAL_SEX", "SE_SOLICITATION", "SA_SEXUAL_ASSAULT"]) {
      const caseId = randomUUID();
      await tx.insert(cases).values({
        id: caseId,
        reference: `MONUSCO-2026-U${caseId.slice(0, 4)}`,
        missionCode: "MONUSCO",
        status: "referred",
        dateReported: "2026-06-20",
        allegationCodes: [allegation],
      });
      await tx.insert(perpetrators).values({
        caseId,
        code: "P-01",
        categoryCode: "MIL_MC",
        nationalityCode: "GHA",
        contingentId: unitId,
      });
    }
  });
  return unitName;
}

describe("patterns in units", () => {
  it("headquarters sees the battalion signalled and records its decision; the mission and the State read it", async () => {
    const unitName = await signalledBattalion();

    const hq = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(hq, base, await t.createStaff("cds_officer"));
    await hq.goto(`${base}/units`);
    await hq.getByRole("heading", { name: "Patterns in units" }).waitFor();
    await hq.getByLabel("Only units with a signal").check();
    const row = hq.getByRole("row", { name: new RegExp(unitName) });
    await row.getByText("Three or more SEA allegations").waitFor();
    await row.getByRole("button", { name: "Record a decision" }).click();
    const dialog = hq.getByRole("dialog");
    await dialog.getByLabel("Decision").selectOption("repatriation");
    await dialog.getByLabel("Decided on").fill("2026-11-30");
    await dialog.getByLabel("Grounds").fill("Three allegations in one rotation; the State agreed.");
    await dialog.getByRole("button", { name: "Save" }).click();
    await row.getByText("Repatriation of the unit").waitFor();
    await expectAccessible(hq);
    if (process.env.SCREENSHOTS)
      await hq.screenshot({ path: `${process.env.SCREENSHOTS}/units-en.png`, fullPage: true });

    const officer = await (await browser.newContext({ locale: "en" })).newPage();
    await officer.addInitScript(() => localStorage.setItem("conduct.language", "fr"));
    await signInThroughBrowser(officer, base, await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    await officer.goto(`${base}/units`);
    const seen = officer.getByRole("row", { name: new RegExp(unitName) });
    await seen.getByText("Trois allégations d'EAS ou plus").waitFor();
    await seen.getByText("Rapatriement de l'unité").waitFor();
    expect(await officer.getByRole("button", { name: "Enregistrer une décision" }).count()).toBe(0);
    await expectAccessible(officer);

    const state = await (await browser.newContext({ locale: "en" })).newPage();
    await state.addInitScript(() => localStorage.setItem("conduct.language", "ar"));
    await signInThroughBrowser(state, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await state.goto(`${base}/units`);
    await state.getByRole("heading", { name: "الأنماط في الوحدات" }).waitFor();
    const own = state.getByRole("row", { name: new RegExp(unitName) });
    await own.getByText("إعادة الوحدة إلى الوطن").waitFor();
    expect(await state.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(state);
    if (process.env.SCREENSHOTS)
      await state.screenshot({ path: `${process.env.SCREENSHOTS}/units-ar.png`, fullPage: true });
  });
});
