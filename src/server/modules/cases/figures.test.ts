// The internal figures count the cases of the reader's scope by one dimension, under the case
// list's own filters: every bar's number is the number of cases its list shows.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
const mission = "MINUSMA";
beforeAll(async () => {
  t = await createTestApp();
  const rows = [
    {
      missionCode: mission,
      nationalityCodes: ["GHA", "RWA"],
      categoryCodes: ["MIL_MC"],
      allegationCodes: ["SA"],
      dateReported: "2025-03-01",
    },
    {
      missionCode: mission,
      nationalityCodes: ["GHA"],
      categoryCodes: ["MIL_MC"],
      allegationCodes: ["SE"],
      dateReported: "2026-03-01",
    },
    {
      missionCode: mission,
      nationalityCodes: ["IND"],
      categoryCodes: ["POL_FPU"],
      allegationCodes: ["SE"],
      dateReported: "2026-04-01",
    },
    {
      missionCode: "UNFICYP",
      nationalityCodes: ["GHA"],
      categoryCodes: ["MIL_MC"],
      allegationCodes: ["SE"],
      dateReported: "2026-04-01",
    },
  ];
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values(
      rows.map((row) => ({
        ...row,
        id: randomUUID(),
        reference: `${row.missionCode}-F-${randomUUID().slice(0, 8)}`,
      })),
    ),
  );
});
afterAll(() => t.close());

describe("internal figures", () => {
  it("count each case once in the total, under each nationality it involves, and drill down with the list's filters", async () => {
    const analyst = await t.tokenFor(await t.createStaff("analyst"));
    const byNationality = (
      await analyst.request({ method: "GET", url: `/api/figures?by=nationality&mission=${mission}` })
    ).json();
    expect(byNationality.total).toBe(3);
    expect(byNationality.rows).toEqual([
      { key: "GHA", cases: 2 },
      { key: "IND", cases: 1 },
      { key: "RWA", cases: 1 },
    ]);
    // Drilling into Ghana by year: the same numbers as the case list with the same filters.
    const ghanaByYear = (
      await analyst.request({ method: "GET", url: `/api/figures?by=year&mission=${mission}&nationality=GHA` })
    ).json();
    expect(ghanaByYear.rows).toEqual([
      { key: "2025", cases: 1 },
      { key: "2026", cases: 1 },
    ]);
    const list = (
      await analyst.request({ method: "GET", url: `/api/cases?mission=${mission}&nationality=GHA&year=2026` })
    ).json();
    expect(list.items).toHaveLength(1);
    const byType = (
      await analyst.request({ method: "GET", url: `/api/figures?by=allegation&mission=${mission}` })
    ).json();
    expect(byType.rows).toEqual([
      { key: "SE", cases: 2 },
      { key: "SA", cases: 1 },
    ]);
  });

  it("stay within the reader's scope: a mission team sees its missions' cases; other roles are refused", async () => {
    const team = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNFICYP"] }));
    const own = (await team.request({ method: "GET", url: "/api/figures?by=mission" })).json();
    expect(own.rows.map((row: { key: string }) => row.key)).toEqual(["UNFICYP"]);
    for (const staff of [
      await t.createStaff("member_state_focal_point", { countryCode: "GHA" }),
      await t.createStaff("victim_assistance", { missionCodes: [mission] }),
      await t.createStaff("publisher"),
    ]) {
      const token = await t.tokenFor(staff);
      expect((await token.request({ method: "GET", url: "/api/figures" })).statusCode).toBe(403);
    }
    const bad = await team.request({ method: "GET", url: "/api/figures?by=victim" });
    expect(bad.statusCode).toBe(400);
  });
});
