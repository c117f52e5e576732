// Command measures in the accountability pages: each mission's command record for headquarters
// (audited), and military justice and command in the published part, with small counts as ranges.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import type { Role } from "../../../domain/roles.js";
import { publicUnitDecisions, unitDecisions as decisionKinds } from "../../../domain/command.js";
import {
  cases,
  commandDuties,
  contingents,
  leadershipCommitments,
  leadershipPlans,
  nationalProceedings,
  perpetrators,
  unitDecisions,
} from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
const [published, unpublished] = [randomUUID(), randomUUID()];
const year = new Date().getUTCFullYear();

/** Two Ghanaian cases in MINUSCA, one published; a unit with every kind of decision; this year's plans. */
async function seed(app: TestApp) {
  await inTransaction(app.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values(
      [published, unpublished].map((id, i) => ({
        id,
        reference: `MINUSCA-2025-09${i}1`,
        missionCode: "MINUSCA",
        dateReported: "2025-03-04",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
        publishedAt: i === 0 ? new Date() : null,
      })),
    );
    const [unit] = await tx
      .insert(contingents)
      .values({
        missionCode: "MINUSCA",
        countryCode: "GHA",
        name: "GHANBATT-9",
        categoryCode: "MIL_MC",
        strength: 650,
        deployedOn: "2025-01-01",
      })
      .returning();
    const people = await tx
      .insert(perpetrators)
      .values(
        [published, unpublished].map((caseId) => ({
          caseId,
          code: "P-01",
          categoryCode: "MIL_MC",
          nationalityCode: "GHA",
          contingentId: unit.id,
        })),
      )
      .returning();
    await tx.insert(nationalProceedings).values([
      {
        caseId: published,
        perpetratorId: people[0].id,
        countryCode: "GHA",
        kind: "court_martial",
        venue: "mission_area",
        openedOn: "2025-05-01",
        charges: "Sexual exploitation",
        verdict: "convicted",
        verdictOn: "2025-06-01",
        sentence: "Two years",
      },
      {
        caseId: unpublished,
        perpetratorId: people[1].id,
        countryCode: "GHA",
        kind: "civilian_court",
        venue: "home_country",
        openedOn: "2025-07-01",
        charges: "Sexual exploitation",
      },
    ]);
    await tx.insert(unitDecisions).values(
      decisionKinds.map((decision) => ({
        contingentId: unit.id,
        decision,
        decidedOn: "2025-08-01",
        grounds: "The unit's record",
      })),
    );
    await tx.insert(commandDuties).values({ caseId: published, contingentId: unit.id, duty: "reported", answer: "no" });
    const [plan] = await tx
      .insert(leadershipPlans)
      .values({
        missionCode: "MINUSCA",
        year,
        post: "head_of_mission",
        leaderName: "The head of mission",
        certifiedOn: `${year}-01-15`,
      })
      .returning();
    await tx.insert(leadershipCommitments).values([
      { planId: plan.id, commitment: "Walk the camps", owner: "HoM", dueOn: `${year}-01-20`, status: "done" },
      { planId: plan.id, commitment: "Vet the guards", owner: "FC", dueOn: `${year}-01-20`, status: "planned" },
      { planId: plan.id, commitment: "Light the paths", owner: "DMS", dueOn: `${year + 1}-01-01`, status: "planned" },
    ]);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await seed(t);
});
afterAll(() => t.close());

describe("command measures in the accountability pages", () => {
  it("headquarters reads each mission's command record, audited; no one else does", async () => {
    const headquarters = await t.tokenFor(await t.createStaff("cds_officer"));
    const response = await headquarters.request({ method: "GET", url: "/api/accountability/missions" });
    expect(response.statusCode).toBe(200);
    const minusca = response.json().find((row: { missionCode: string }) => row.missionCode === "MINUSCA");
    expect(minusca.measures).toEqual({
      command: {
        units: 1,
        signalled: 0,
        decisions: Object.fromEntries(decisionKinds.map((kind) => [kind, 1])),
        failedDuties: 1,
        leaderAllegations: 0,
      },
      // Published or not: headquarters sees every proceeding.
      proceedings: { total: 2, onSiteCourtsMartial: 1, convictions: 1 },
      commitments: { plans: 1, certified: 1, items: 3, done: 1, late: 1 },
    });
    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ subject_type: string; details: Record<string, unknown> }>(
        "select subject_type, details from audit_events where action = 'accountability.missions'",
      ),
    );
    expect(event).toEqual({ subject_type: "mission", details: { missions: response.json().length } });

    const others: [Role, { countryCode?: string; missionCodes?: string[] }][] = [
      ["member_state_focal_point", { countryCode: "GHA" }],
      ["cdt_officer", { missionCodes: ["MINUSCA"] }],
      ["head_of_mission", { missionCodes: ["MINUSCA"] }],
    ];
    for (const [role, scope] of others) {
      const other = await t.tokenFor(await t.createStaff(role, scope));
      expect((await other.request({ method: "GET", url: "/api/accountability/missions" })).statusCode).toBe(403);
    }
  });

  it("the published part counts proceedings on published allegations and the units sent home, no more", async () => {
    const card = (await t.app.inject({ method: "GET", url: "/api/public/member-states/GHA" })).json();
    // The unpublished case's civilian court and the internal decisions are not there.
    expect(card.command).toEqual([
      { key: "court_martial_mission_area", count: 1 },
      { key: "convicted", count: 1 },
      ...publicUnitDecisions.map((decision) => ({ key: `unit_${decision}`, count: 1 })),
    ]);
    const missions = (await t.app.inject({ method: "GET", url: "/api/public/missions/command" })).json();
    expect(missions).toEqual([{ missionCode: "MINUSCA", measures: card.command }]);
    const other = (await t.app.inject({ method: "GET", url: "/api/public/member-states/NPL" })).json();
    expect(other.command).toEqual([]);

    // The public pages: the State's, in French; every mission's, in Arabic.
    const page = (await t.app.inject({ method: "GET", url: "/data/member-states/GHA?lang=fr" })).body;
    expect(page).toContain("<h2>Justice militaire et commandement</h2>");
    expect(page).toContain('<th scope="row">Cours martiales sur place, dans la zone de la mission</th>');
    expect(page).not.toContain("Tribunaux civils");
    const all = (await t.app.inject({ method: "GET", url: "/data/member-states?lang=ar" })).body;
    expect(all).toContain("القضاء العسكري والقيادة — حسب البعثة");
    expect(all).toMatch(/<tr><th scope="row">MINUSCA<\/th>(<td class="num">[01]<\/td>){7}<\/tr>/);
  });

  it("small counts are published as ranges", async () => {
    const guarded = await createTestApp({ smallCellThreshold: 5 });
    try {
      await seed(guarded);
      const card = (await guarded.app.inject({ method: "GET", url: "/api/public/member-states/GHA" })).json();
      expect(card.command.length).toBeGreaterThan(0);
      for (const row of card.command) expect(row).toEqual({ key: row.key, count: null, range: "1–4" });
    } finally {
      await guarded.close();
    }
  });
});
