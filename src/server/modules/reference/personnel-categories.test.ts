// The categories of personnel: peace operations' seven and the system-wide additions, each placed in
// the system-wide figures; the database's rule for counting nationality held to the domain's.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases, perpetrators } from "../../../db/schema.js";
import { isUniformed, personnelCategorySeeds } from "../../../domain/reference/personnel.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("personnel categories", () => {
  it("lists peace operations' seven, then the system-wide ones, each with where the UN system counts it", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const response = await officer.request({ method: "GET", url: "/api/reference/personnel-categories" });
    expect(response.statusCode).toBe(200);
    const items: { code: string; peacekeeping: boolean; systemWide: string; uniformed: boolean }[] =
      response.json().items;
    expect(items.filter((c) => c.peacekeeping).map((c) => c.code)).toEqual([
      "CIV_INT",
      "CIV_NS",
      "CIV_UNV",
      "MIL_MC",
      "MIL_MO",
      "POL_UNPOL",
      "POL_FPU",
    ]);
    expect(items.slice(7).map((c) => [c.code, c.systemWide, c.uniformed])).toEqual([
      ["CIV_NONSTAFF", "non_staff", false],
      ["GPP", "government_provided", false],
      ["IP_STAFF", "implementing_partner", false],
      ["NON_UN_FORCE", "non_un_forces", true],
    ]);
    expect(Object.fromEntries(items.map((c) => [c.code, c.systemWide]))).toMatchObject({
      CIV_INT: "un_staff",
      CIV_UNV: "un_volunteer",
      MIL_MO: "military",
      POL_FPU: "police",
    });
  });

  it("counts nationality in the database exactly where the domain does", async () => {
    const codes = [...personnelCategorySeeds.map((seed) => seed.code), "UNKNOWN"];
    const answers = await t.handle.asOwner((owner) =>
      owner.query<{ code: string; uniformed: boolean }>(
        "SELECT code, conduct_is_uniformed(code) AS uniformed FROM unnest($1::text[]) AS code",
        [codes],
      ),
    );
    expect(Object.fromEntries(answers.map((row) => [row.code, row.uniformed]))).toEqual(
      Object.fromEntries(codes.map((code) => [code, isUniformed(code)])),
    );
  });

  it("counts a non-UN force's member by State and an implementing partner's staff member once", async () => {
    const id = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id,
        reference: "MINUSCA-2026-0911",
        missionCode: "MINUSCA",
        dateReported: "2026-02-03",
        categoryCodes: ["IP_STAFF", "NON_UN_FORCE"],
        nationalityCodes: ["CAF", "TCD"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      });
      await tx.insert(perpetrators).values([
        { caseId: id, code: "P-01", categoryCode: "IP_STAFF", nationalityCode: "CAF" },
        { caseId: id, code: "P-02", categoryCode: "NON_UN_FORCE", nationalityCode: "TCD" },
      ]);
    });
    // The pairs are the published figures' units, kept by a trigger and read only by the owner.
    const [{ pairs }] = await t.handle.asOwner((owner) =>
      owner.query<{ pairs: string[] }>("SELECT allegation_pairs AS pairs FROM cases WHERE id = $1", [id]),
    );
    expect([...pairs].sort()).toEqual(["IP_STAFF:", "NON_UN_FORCE:TCD"]);
  });
});
