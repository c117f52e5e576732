// Member State accountability in Chromium: headquarters compares the contributing countries and opens
// Ghana's scorecard, with its PDF; Ghana's focal point sees its own; axe-core in English, French, Arabic.
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases, nationalProceedings, perpetrators, referrals } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("accountability scorecards", () => {
  it("headquarters compares countries and opens one; the State's focal point sees its own", async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: "MINUSCA-2025-0301",
        missionCode: "MINUSCA",
        dateReported: "2025-04-01",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      });
      await tx.insert(perpetrators).values({ caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" });
      await tx.insert(referrals).values({
        caseId,
        entity: "member_state",
        countryCode: "GHA",
        sentOn: "2025-04-02",
        replyDueOn: "2025-04-16",
        repliedOn: "2025-04-10",
        nioAppointedOn: "2025-04-22",
        policyVersion: "default-1",
      });
      // A published case whose soldier Ghana tried by court-martial on site, and convicted.
      const tried = randomUUID();
      await tx.insert(cases).values({
        id: tried,
        reference: "MINUSCA-2025-0302",
        missionCode: "MINUSCA",
        dateReported: "2025-04-03",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
        publishedAt: new Date(),
      });
      const [soldier] = await tx
        .insert(perpetrators)
        .values({ caseId: tried, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" })
        .returning();
      await tx.insert(nationalProceedings).values({
        caseId: tried,
        perpetratorId: soldier.id,
        countryCode: "GHA",
        kind: "court_martial",
        venue: "mission_area",
        openedOn: "2025-06-01",
        charges: "Sexual exploitation",
        verdict: "convicted",
        verdictOn: "2025-07-01",
      });
    });
    const hq = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(hq, base, await t.createStaff("cds_officer"));
    await hq.getByRole("link", { name: "Accountability" }).click();
    await hq.getByRole("heading", { name: "Member State accountability", level: 1 }).waitFor();
    const comparison = hq.getByRole("region", { name: "All contributing countries" });
    await comparison.getByRole("row", { name: /Ghana/ }).waitFor();
    expect(await comparison.getByRole("row", { name: /Ghana/ }).textContent()).toContain("1 of 1 (100%)");
    await expectAccessible(hq);
    await hq.getByLabel("Contributing country").first().click();
    await hq.getByRole("option", { name: "Ghana" }).click();
    await hq.getByRole("button", { name: "Open the scorecard" }).click();
    await hq.getByRole("heading", { name: "Ghana", level: 2 }).waitFor();
    await hq.getByText("Replies to notes verbales on time").last().waitFor();
    const pdf = await hq.getByRole("link", { name: "Download the scorecard (PDF)" }).getAttribute("href");
    expect(pdf).toBe("/api/accountability/GHA?format=pdf&lang=en");
    // Its published military justice, and each mission's command record below.
    await hq
      .getByRole("region", { name: "Military justice and command, published" })
      .getByRole("row", { name: /Courts-martial on site, in the mission area 1/ })
      .waitFor();
    const minusca = hq.getByRole("region", { name: "Missions: command and military justice" }).getByRole("row", {
      name: /^MINUSCA/,
    });
    await minusca.waitFor();
    // Proceedings, on site, convictions: one each (every other cell is 0 or empty).
    expect(await minusca.getByRole("cell").allTextContents()).toEqual([
      "MINUSCA",
      "0",
      "0",
      "—",
      "0",
      "0",
      "1",
      "1",
      "1",
      "0 (0)",
      "0 / 0",
      "0",
    ]);
    await expectAccessible(hq);
    await hq.screenshot({ path: "test-results/accountability.png", fullPage: true });

    // Headquarters records Sweden's signature of the Voluntary Compact; the public page shows it.
    await hq.getByRole("button", { name: "Record a commitment" }).click();
    const dialog = hq.getByRole("dialog");
    await dialog.getByLabel(/^Contributing country/).click();
    await hq.getByRole("option", { name: "Sweden" }).click();
    await dialog.getByLabel(/^Date/).fill("2019-06-03");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await hq
      .getByRole("region", { name: "Commitments" })
      .getByRole("row", { name: /Sweden/ })
      .waitFor();
    await expectAccessible(hq);
    const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await visitor.goto(`${base}/data/commitments?lang=fr`);
    await visitor.getByRole("row", { name: /Suède/ }).waitFor();
    await visitor.context().close();
    // The public page of every State, in Arabic: the mission's courts-martial on site (axe runs in JavaScript).
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/data/member-states?lang=ar`);
    await reader.getByRole("heading", { name: "القضاء العسكري والقيادة — حسب البعثة" }).waitFor();
    await reader.getByRole("row", { name: /MINUSCA/ }).waitFor();
    await expectAccessible(reader);
    await reader.screenshot({ path: "test-results/accountability-public-ar.png", fullPage: true });
    await reader.context().close();

    const ghana = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(ghana, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await ghana.getByRole("link", { name: "Accountability" }).click();
    await ghana.getByRole("heading", { name: "Ghana", level: 2 }).waitFor();
    expect(await ghana.getByRole("region", { name: "All contributing countries" }).count()).toBe(0);
    for (const [language, heading] of [
      ["Français", "Responsabilité des États Membres"],
      ["العربية", "مساءلة الدول الأعضاء"],
    ]) {
      await ghana.getByRole("combobox", { name: /Language|Langue/ }).click();
      await ghana.getByRole("option", { name: language }).click();
      await ghana.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectAccessible(ghana);
    }
  });
});
