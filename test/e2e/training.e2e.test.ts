// Training in the web app: a mission's officer adds a contingent; Ghana's focal point records the
// national pre-deployment training for it and certifies it; the officer imports an induction
// attendance list, sees the bad row named by its line, then imports the valid rows. Axe-checked in
// English, French and Arabic.
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole("dialog").getByLabel(label).first().click();
  await page.getByRole("option", { name: option }).click();
}

describe("training in the web app", () => {
  it("a Member State certifies its pre-deployment training; the mission imports attendance", async () => {
    const officer = await browser.newContext({ locale: "en" });
    const mission = await officer.newPage();
    await signInThroughBrowser(mission, base, await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    await mission.getByRole("link", { name: "Training" }).click();
    await mission.getByRole("button", { name: "Add a contingent" }).click();
    await choose(mission, /^State/, "Ghana");
    await mission
      .getByRole("dialog")
      .getByLabel(/^Contingent/)
      .fill("GHANBATT-7");
    await mission
      .getByRole("dialog")
      .getByLabel(/^Personnel/)
      .fill("500");
    await mission.getByRole("dialog").getByRole("button", { name: "Add a contingent" }).click();
    await mission.getByRole("dialog").waitFor({ state: "detached" });
    await mission
      .getByRole("row", { name: /GHANBATT-7/ })
      .getByText("Pre-deployment training not certified by the State")
      .waitFor();

    const state = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(state, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await state.getByRole("link", { name: "Training" }).click();
    await state.getByRole("row", { name: /GHANBATT-7/ }).waitFor();
    await state.getByRole("button", { name: "Record a session" }).click();
    await choose(state, /^Course/, /^CPTM-CD/);
    await state
      .getByRole("dialog")
      .getByLabel(/^Contingent/)
      .selectOption({ label: "GHANBATT-7 (UNMISS)" });
    await state
      .getByRole("dialog")
      .getByLabel(/^Trainer/)
      .fill("Kofi Annan International Peacekeeping Training Centre");
    await state
      .getByRole("dialog")
      .getByLabel(/^Participants/)
      .fill("500");
    await state
      .getByRole("dialog")
      .getByLabel(/^Completed/)
      .fill("500");
    await expectAccessible(state);
    await state.getByRole("dialog").getByRole("button", { name: "Record a session" }).click();
    await state.getByRole("dialog").waitFor({ state: "detached" });
    const session = state.getByRole("row", { name: /CPTM-CD/ });
    await session.getByText("Not certified").waitFor();
    await session.getByRole("button", { name: "Certify" }).click();
    expect(
      await state
        .getByRole("dialog")
        .getByLabel(/^Certification statement/)
        .inputValue(),
    ).toContain("GHANBATT-7");
    await state.getByRole("dialog").getByRole("button", { name: "Certify" }).click();
    await state.getByRole("dialog").waitFor({ state: "detached" });
    await session.getByText(/Certified on/).waitFor();
    await state
      .getByRole("row", { name: /GHANBATT-7/ })
      .filter({ hasText: "Not everyone has had the mission's induction" })
      .waitFor();
    await expectAccessible(state);

    // The officer sees the certification at once, and imports the induction attendance list.
    await mission.reload();
    const coverage = mission.getByRole("region", { name: "Coverage by contingent" });
    await coverage
      .getByRole("row", { name: /GHANBATT-7/ })
      .getByText(/Certified on/)
      .waitFor();
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const courses = (await hq.request({ method: "GET", url: "/api/training/courses" })).json().items as {
      id: string;
      code: string;
    }[];
    const contingentId = (await hq.request({ method: "GET", url: "/api/training?mission=UNMISS" })).json()
      .contingents[0].id;
    const today = new Date().toISOString().slice(0, 10);
    const induction = await hq.request({
      method: "POST",
      url: "/api/training/sessions",
      payload: {
        courseId: courses.find((c) => c.code === "IND-CD")?.id,
        missionCode: "UNMISS",
        countryCode: "GHA",
        contingentId,
        startsOn: today,
        endsOn: today,
        trainer: "UNMISS CDT",
        participants: 0,
        completions: 0,
      },
    });
    expect(induction.statusCode).toBe(201);
    await mission.reload();
    const list = [
      "service_number,completed,name",
      ...Array.from({ length: 499 }, (_, i) => `GH-${10_000 + i},Yes,Soldier ${i}`),
      "GH-99,perhaps,Someone",
    ].join("\n");
    await mission
      .getByRole("row", { name: /IND-CD/ })
      .getByRole("button", { name: "Import attendance" })
      .click();
    await mission
      .getByRole("dialog")
      .getByLabel("Attendance list")
      .setInputFiles({ name: "induction.csv", mimeType: "text/csv", buffer: Buffer.from(list) });
    await mission.getByRole("dialog").getByRole("button", { name: "Import" }).click();
    await mission.getByRole("dialog").getByText('line 501: completed must be Yes or No, not "perhaps"').waitFor();
    await expectAccessible(mission);
    await mission.getByRole("dialog").getByLabel("Import the valid rows and report the others").check();
    await mission.getByRole("dialog").getByRole("button", { name: "Import" }).click();
    await mission.getByRole("dialog").getByText("499 people imported, 499 completed; 1 rows not imported.").waitFor();
    await mission.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    expect(
      await coverage
        .getByRole("row", { name: /GHANBATT-7/ })
        .getByRole("cell")
        .allInnerTexts(),
    ).toContain("100%");

    for (const [language, heading] of [
      ["Français", "Formation"],
      ["العربية", "التدريب"],
    ]) {
      await mission.getByRole("combobox", { name: /Language|Langue/ }).click();
      await mission.getByRole("option", { name: language }).click();
      await mission.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectAccessible(mission);
    }
    await officer.close();
  });
});
