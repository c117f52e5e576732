// Command at the time of the incident, in Chromium: headquarters records a battalion's commanders by
// period from the training page; the mission's officer sets the unit of an alleged perpetrator on the
// case page, reads who commanded it on the day and records what the leaders did; the State's focal
// point reads the same, in Arabic.
// Each page passes axe.
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("command at the time of the incident", () => {
  it("a unit's commanders are recorded; the case names the one in command on the day", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
    const api = await t.tokenFor(officer);
    const unitName = `GHANBATT-${randomUUID().slice(0, 4)}`;
    const unit = await api.request({
      method: "POST",
      url: "/api/training/contingents",
      payload: {
        missionCode: "MONUSCO",
        countryCode: "GHA",
        name: unitName,
        categoryCode: "MIL_MC",
        strength: 850,
        deployedOn: "2026-01-05",
        rotation: "ROT 7",
      },
    });
    expect(unit.statusCode).toBe(201);
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values({
        id: caseId,
        reference: `MONUSCO-2026-${caseId.slice(0, 4)}`,
        missionCode: "MONUSCO",
        status: "referred",
        dateReported: "2026-04-20",
        dateOfIncident: "2026-04-12",
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      }),
    );
    const added = await api.request({
      method: "POST",
      url: `/api/cases/${caseId}/perpetrators`,
      payload: { categoryCode: "MIL_MC", nationalityCode: "GHA", unit: null, identity: null },
    });
    expect(added.statusCode).toBe(201);

    // Headquarters records the battalion's commander from the training page.
    const hq = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(hq, base, await t.createStaff("cds_officer"));
    await hq.goto(`${base}/training`);
    await hq
      .getByRole("row", { name: new RegExp(unitName) })
      .getByRole("button", { name: "Leaders" })
      .click();
    const dialog = hq.getByRole("dialog");
    await dialog.getByText("No leader recorded yet.").waitFor();
    await dialog.getByLabel("Rank").fill("Colonel");
    await dialog.getByLabel("Name").fill("Kwame Mensah");
    await dialog.getByLabel("From").fill("2026-01-05");
    await dialog.getByRole("button", { name: "Record a leader" }).click();
    await dialog.getByRole("cell", { name: "Colonel Kwame Mensah" }).waitFor();
    await expectAccessible(hq);

    // The mission's officer sets where P-01 served, and reads who commanded on the day.
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, officer);
    await page.goto(`${base}/cases/${caseId}`);
    const section = page.getByRole("heading", { name: "Command at the time of the incident" });
    await section.waitFor();
    await page.getByLabel("Unit of P-01").first().click();
    await page.getByRole("option", { name: `${unitName} (ROT 7)` }).click();
    await page.getByRole("cell", { name: "Colonel Kwame Mensah" }).waitFor();
    await expectAccessible(page);

    // And records that the commander did not report it, but took interim measures.
    await page.getByRole("button", { name: "Record what the leaders did" }).click();
    await page.getByLabel("Reported the allegation").selectOption("no");
    await page.getByLabel("Took interim measures").selectOption("yes");
    await page.getByLabel("On", { exact: true }).nth(1).fill("2026-04-14");
    await page.getByRole("button", { name: "Record what the leaders did" }).click();
    await page.getByText("No · Failed").waitFor();
    await page.getByRole("cell", { name: "Took interim measures" }).waitFor();
    await expectAccessible(page);
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/duties-en.png`, fullPage: true });

    // The commander's failure to report becomes an allegation of its own, linked both ways.
    await page.getByRole("button", { name: "Allege misconduct by the commander" }).click();
    const allege = page.getByRole("dialog");
    await allege.getByLabel("Failure to enforce the standards of conduct").check();
    await allege.getByRole("button", { name: "Open the allegation" }).click();
    await page.getByRole("heading", { name: "Allegations against the units' leaders" }).waitFor();
    await page.getByRole("link", { name: /^MONUSCO-2026-/ }).click();
    await page.getByText("An allegation against a unit's leader, arising from").waitFor();
    await page.getByRole("link", { name: `MONUSCO-2026-${caseId.slice(0, 4)}` }).waitFor();
    await expectAccessible(page);
    await page.goBack();

    // Ghana's focal point reads the same, in Arabic, right to left.
    const state = await (await browser.newContext({ locale: "en" })).newPage();
    await state.addInitScript(() => localStorage.setItem("conduct.language", "ar"));
    await signInThroughBrowser(state, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await state.goto(`${base}/cases/${caseId}`);
    await state.getByRole("heading", { name: "القيادة وقت الواقعة" }).waitFor();
    await state.getByRole("cell", { name: "Colonel Kwame Mensah" }).waitFor();
    await state.getByText("لا · إخلال").waitFor();
    // The State reads what its unit's leaders did; recording it is the case officers'.
    expect(await state.getByRole("button", { name: "تسجيل ما قامت به القيادة" }).count()).toBe(0);
    expect(await state.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(state);
    if (process.env.SCREENSHOTS)
      await state.screenshot({ path: `${process.env.SCREENSHOTS}/duties-ar.png`, fullPage: true });
  });
});
