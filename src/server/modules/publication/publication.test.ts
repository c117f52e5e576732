// Publication and public statistics: only released cases count, by the same rule in SQL as in
// src/domain/counting.ts (held to it on random data), and nothing but counts leaves.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { caseActions, cases, findings, investigations, perpetrators } from "../../../db/schema.js";
import { allegationPair, type CountableCase, countAllegations, groupings } from "../../../domain/counting.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const stats = async (query: string) => {
  const response = await t.app.inject({ method: "GET", url: `/api/public/stats/allegations?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { key: string; count: number }[];
};

type TestCase = Omit<CountableCase, "allegationCodes" | "allegationPairs"> & {
  allegationCodes?: readonly string[];
  perpetrators?: { categoryCode: string; nationalityCode: string | null }[];
};

/** The case as the counting rule sees it: its pairs are its perpetrators'. */
const countable = (item: TestCase): CountableCase => ({
  ...item,
  allegationCodes: item.allegationCodes ?? ["SA_RAPE"],
  allegationPairs: (item.perpetrators ?? []).map((p) => allegationPair(p.categoryCode, p.nationalityCode)),
});

async function insert(items: TestCase[], published: boolean) {
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values(
      items.map((item) => ({
        id: item.id,
        reference: `PUB-${item.id}`,
        missionCode: item.missionCode,
        dateReported: item.dateReported,
        categoryCodes: item.categoryCodes,
        nationalityCodes: item.nationalityCodes,
        allegationCodes: [...(item.allegationCodes ?? ["SA_RAPE"])],
        publishedAt: published ? new Date() : null,
        narrativeEncrypted: null,
      })),
    );
    const people = items.flatMap((item) =>
      (item.perpetrators ?? []).map((p, i) => ({ caseId: item.id, code: `P-${i + 1}`, ...p })),
    );
    if (people.length > 0) await tx.insert(perpetrators).values(people);
  });
}

describe("publication and public statistics", () => {
  it("a publisher releases cases; the public counts only released ones, by the counting rule", async () => {
    const ids = [randomUUID(), randomUUID()];
    await insert(
      [
        {
          id: ids[0],
          dateReported: "2017-05-01",
          missionCode: "UNMIL",
          categoryCodes: ["MIL_MC", "CIV_INT"],
          nationalityCodes: ["GHA", "NPL"],
        },
        {
          id: ids[1],
          dateReported: "2017-07-01",
          missionCode: "UNMIL",
          categoryCodes: ["POL_FPU"],
          nationalityCodes: ["BGD"],
        },
      ],
      false,
    );
    expect(await stats("groupBy=mission&mission=UNMIL")).toEqual([]);
    const publisher = await t.tokenFor(await t.createStaff("publisher"));
    const analyst = await t.tokenFor(await t.createStaff("analyst"));
    expect(
      (await analyst.request({ method: "POST", url: "/api/publication", payload: { caseIds: ids, action: "publish" } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await publisher.request({
          method: "POST",
          url: "/api/publication",
          payload: { caseIds: [ids[0]], action: "publish" },
        })
      ).json(),
    ).toEqual({ changed: 1 });
    expect(await stats("groupBy=mission&mission=UNMIL")).toEqual([{ key: "UNMIL", count: 3 }]);
    expect(await stats("groupBy=nationality&mission=UNMIL")).toEqual([
      { key: "GHA", count: 1 },
      { key: "NPL", count: 1 },
    ]);
    await publisher.request({ method: "POST", url: "/api/publication", payload: { caseIds: ids, action: "publish" } });
    expect(await stats("groupBy=category&year=2017&mission=UNMIL")).toEqual([
      { key: "CIV_INT", count: 1 },
      { key: "MIL_MC", count: 2 },
      { key: "POL_FPU", count: 1 },
    ]);
    expect(
      (
        await publisher.request({
          method: "POST",
          url: "/api/publication",
          payload: { caseIds: [ids[1]], action: "withdraw" },
        })
      ).json(),
    ).toEqual({ changed: 1 });
    expect(await stats("groupBy=year&mission=UNMIL")).toEqual([{ key: "2017", count: 3 }]);
    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ actor_role: string }>("SELECT actor_role FROM audit_events WHERE action = 'case.withdraw'"),
    );
    expect(event.actor_role).toBe("publisher");
  });

  it("counts a case's alleged perpetrators as they are, not its lists crossed; a case that is not SEA not at all", async () => {
    const [people, misconduct] = [randomUUID(), randomUUID()];
    await insert(
      [
        {
          id: people,
          dateReported: "2036-04-01",
          missionCode: "UNMISS",
          categoryCodes: ["MIL_MC", "POL_FPU"],
          nationalityCodes: ["GHA", "SEN"],
          perpetrators: [
            { categoryCode: "MIL_MC", nationalityCode: "GHA" },
            { categoryCode: "POL_FPU", nationalityCode: "SEN" },
          ],
        },
        {
          id: misconduct,
          dateReported: "2036-05-01",
          missionCode: "UNMISS",
          categoryCodes: ["MIL_MC"],
          nationalityCodes: ["GHA"],
          allegationCodes: ["TRAFFIC_DUI"],
        },
      ],
      true,
    );
    try {
      expect(await stats("groupBy=category&year=2036")).toEqual([
        { key: "MIL_MC", count: 1 },
        { key: "POL_FPU", count: 1 },
      ]);
      expect(await stats("groupBy=nationality&year=2036")).toEqual([
        { key: "GHA", count: 1 },
        { key: "SEN", count: 1 },
      ]);
      const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?year=2036" })).json();
      expect(table.items.map((row: { reference: string }) => row.reference)).toEqual([
        `PUB-${people}`,
        `PUB-${people}`,
      ]);
    } finally {
      await t.handle.asOwner((owner) => owner.query("DELETE FROM cases WHERE date_reported >= '2036-01-01'"));
    }
  });

  it("each row of the public table carries its own personnel's findings and actions, on random cases", async () => {
    const person = fc.record({
      categoryCode: fc.constantFrom("MIL_MC", "POL_FPU", "CIV_INT"),
      nationalityCode: fc.constantFrom("GHA", "RWA", "SEN"),
      finding: fc.constantFrom("substantiated", "not_substantiated", null),
      action: fc.constantFrom(
        { takenBy: "un", kind: "repatriation_and_ban" },
        { takenBy: "member_state", kind: "imprisonment" },
        null,
      ),
    });
    const arbitrary = fc.array(fc.array(person, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(arbitrary, async (casesOfPeople) => {
        const ids = casesOfPeople.map(() => randomUUID());
        await inTransaction(t.app.services.db, systemActor, async (tx) => {
          for (const [index, people] of casesOfPeople.entries()) {
            const caseId = ids[index];
            await tx.insert(cases).values({
              id: caseId,
              reference: `PUB-${caseId}`,
              missionCode: "UNISFA",
              dateReported: "2037-01-01",
              categoryCodes: [...new Set(people.map((p) => p.categoryCode))],
              nationalityCodes: [...new Set(people.map((p) => p.nationalityCode))],
              allegationCodes: ["SA_RAPE"],
              publishedAt: new Date(),
            });
            const [investigation] = await tx
              .insert(investigations)
              .values({
                caseId,
                entity: "oios",
                startedOn: "2037-01-02",
                completedOn: "2037-03-01",
                dueOn: "2037-04-01",
                deadlineKind: "investigation_sea",
                policyVersion: "default-1",
              })
              .returning();
            for (const [n, p] of people.entries()) {
              const [row] = await tx
                .insert(perpetrators)
                .values({
                  caseId,
                  code: `P-${n + 1}`,
                  categoryCode: p.categoryCode,
                  nationalityCode: p.nationalityCode,
                })
                .returning();
              if (p.finding)
                await tx.insert(findings).values({
                  caseId,
                  investigationId: investigation.id,
                  perpetratorId: row.id,
                  finding: p.finding,
                  recordedOn: "2037-03-01",
                });
              if (p.action)
                await tx.insert(caseActions).values({
                  caseId,
                  perpetratorId: row.id,
                  stage: "final",
                  takenBy: p.action.takenBy,
                  kind: p.action.kind,
                  months: p.action.kind === "imprisonment" ? 12 : null,
                  decidedOn: "2037-03-10",
                });
            }
          }
        });
        try {
          const table = (
            await t.app.inject({ method: "GET", url: "/api/public/allegations?year=2037&limit=1000" })
          ).json().items as {
            reference: string;
            categoryCode: string;
            nationalityCode: string | null;
            findings: string[];
            unActions: string[];
            memberStateActions: string[];
            allegedPerpetrators: number;
          }[];
          for (const [index, people] of casesOfPeople.entries()) {
            const rows = table.filter((row) => row.reference === `PUB-${ids[index]}`);
            const pairs = new Set(people.map((p) => allegationPair(p.categoryCode, p.nationalityCode)));
            expect(rows).toHaveLength(pairs.size);
            for (const row of rows) {
              const own = people.filter(
                (p) =>
                  allegationPair(p.categoryCode, p.nationalityCode) ===
                  allegationPair(row.categoryCode, row.nationalityCode),
              );
              const distinct = (values: (string | null | undefined)[]) =>
                [...new Set(values.filter((v): v is string => !!v))].sort();
              expect(row.allegedPerpetrators).toBe(own.length);
              expect(row.findings).toEqual(distinct(own.map((p) => p.finding)));
              expect(row.unActions).toEqual(
                distinct(own.map((p) => (p.action?.takenBy === "un" ? p.action.kind : null))),
              );
              expect(row.memberStateActions).toEqual(
                distinct(own.map((p) => (p.action?.takenBy === "member_state" ? p.action.kind : null))),
              );
            }
          }
        } finally {
          await t.handle.asOwner((owner) => owner.query("DELETE FROM cases WHERE date_reported >= '2037-01-01'"));
        }
      }),
      { numRuns: 15 },
    );
  });

  it("the SQL behind the public API counts exactly as the domain rule, on random cases", async () => {
    const category = fc.constantFrom("CIV_INT", "CIV_NS", "MIL_MC", "MIL_MO", "POL_UNPOL", "POL_FPU");
    const arbitrary = fc.array(
      fc.record({
        id: fc.uuid(),
        dateReported: fc.integer({ min: 2030, max: 2033 }).map((year) => `${year}-02-01`),
        missionCode: fc.constantFrom("UNFICYP", "UNTSO"),
        categoryCodes: fc.array(category, { maxLength: 3 }),
        nationalityCodes: fc.array(fc.constantFrom("IND", "NPL", "RWA"), { maxLength: 3 }),
        allegationCodes: fc.constantFrom(["SA_RAPE"], ["SE_SOLICITATION", "TRAFFIC_DUI"], ["TRAFFIC_DUI"], []),
        perpetrators: fc.array(
          fc.record({ categoryCode: category, nationalityCode: fc.constantFrom("IND", "NPL", "RWA", null) }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (items) => {
        const unique = items.map((item) => ({ ...item, id: randomUUID() }));
        await insert(unique, true);
        try {
          for (const groupBy of groupings) {
            // Years 2030–2033 hold only this run's cases, so the expected counts are exact.
            for (const year of [2030, 2031, 2032, 2033]) {
              const expected = countAllegations(unique.map(countable), groupBy, { year });
              expect(await stats(`groupBy=${groupBy}&year=${year}`)).toEqual(expected);
            }
          }
        } finally {
          await t.handle.asOwner((owner) => owner.query("DELETE FROM cases WHERE date_reported >= '2030-01-01'"));
        }
      }),
      { numRuns: 15 },
    );
  });

  it("the kept counts follow cases as they are edited, withdrawn and deleted", async () => {
    const category = fc.constantFrom("CIV_UNV", "MIL_MC", "POL_FPU");
    const nationalities = fc.array(fc.constantFrom("IND", "NPL"), { maxLength: 2 });
    const arbitrary = fc.array(
      fc.record({
        before: fc.record({
          categoryCodes: fc.array(category, { maxLength: 2 }),
          nationalityCodes: nationalities,
          year: fc.constantFrom(2034, 2035),
        }),
        after: fc.record({
          categoryCodes: fc.array(category, { maxLength: 2 }),
          nationalityCodes: nationalities,
          year: fc.constantFrom(2034, 2035),
          published: fc.boolean(),
          deleted: fc.boolean(),
        }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (items) => {
        const rows = items.map((item) => ({ ...item, id: randomUUID() }));
        await insert(
          rows.map(({ id, before }) => ({
            id,
            dateReported: `${before.year}-03-01`,
            missionCode: "UNTSO",
            categoryCodes: before.categoryCodes,
            nationalityCodes: before.nationalityCodes,
          })),
          true,
        );
        try {
          // Several cases in one statement, then one at a time: both paths keep the counts.
          await t.handle.asOwner(async (owner) => {
            await owner.query("UPDATE cases SET status = 'closed' WHERE date_reported >= '2034-01-01'");
            for (const { id, after } of rows) {
              if (after.deleted) await owner.query("DELETE FROM cases WHERE id = $1", [id]);
              else
                await owner.query(
                  "UPDATE cases SET category_codes = $2, nationality_codes = $3, date_reported = $4, published_at = $5 WHERE id = $1",
                  [
                    id,
                    after.categoryCodes,
                    after.nationalityCodes,
                    `${after.year}-03-01`,
                    after.published ? new Date() : null,
                  ],
                );
            }
          });
          const remaining = rows
            .filter(({ after }) => after.published && !after.deleted)
            .map(({ id, after }) => ({
              id,
              dateReported: `${after.year}-03-01`,
              missionCode: "UNTSO",
              categoryCodes: after.categoryCodes,
              nationalityCodes: after.nationalityCodes,
            }));
          for (const groupBy of groupings) {
            for (const year of [2034, 2035])
              expect(await stats(`groupBy=${groupBy}&year=${year}`)).toEqual(
                countAllegations(remaining.map(countable), groupBy, { year }),
              );
          }
        } finally {
          await t.handle.asOwner((owner) => owner.query("DELETE FROM cases WHERE date_reported >= '2034-01-01'"));
        }
      }),
      { numRuns: 15 },
    );
  });

  it("small cells become ranges when a threshold is set", async () => {
    const guarded = await createTestApp({ smallCellThreshold: 5 });
    try {
      await inTransaction(guarded.app.services.db, systemActor, (tx) =>
        tx.insert(cases).values({
          reference: "UNDOF-2016-0001",
          missionCode: "UNDOF",
          dateReported: "2016-01-01",
          categoryCodes: ["MIL_MC"],
          nationalityCodes: ["IND"],
          allegationCodes: ["SE_SOLICITATION"],
          publishedAt: new Date(),
        }),
      );
      const response = await guarded.app.inject({
        method: "GET",
        url: "/api/public/stats/allegations?groupBy=mission",
      });
      expect(response.json()).toEqual([{ key: "UNDOF", count: null, range: "1–4" }]);
    } finally {
      await guarded.close();
    }
  });

  it("the public table shows one row per published allegation with what the UN publishes, and nothing else", async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: "MINUSTAH-2014-0007",
        missionCode: "MINUSTAH",
        dateReported: "2014-09-15",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["URY", "NPL"],
        allegationCodes: ["SA_MINOR", "SE_TRANSACTIONAL_SEX"],
        victimsGirls: 1,
        victimsWomen: 1,
        paternityClaim: true,
        narrativeEncrypted: "never-public",
        publishedAt: new Date(),
      });
      // Two contingent members: the Uruguayan one is investigated by his State and found to have
      // done it; the Nepalese one is not. Each State's row carries its own.
      const [perpetrator] = await tx
        .insert(perpetrators)
        .values([
          { caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "URY" },
          { caseId, code: "P-02", categoryCode: "MIL_MC", nationalityCode: "NPL" },
        ])
        .returning();
      const [investigation] = await tx
        .insert(investigations)
        .values({
          caseId,
          entity: "nio",
          countryCode: "URY",
          startedOn: "2014-10-01",
          completedOn: "2014-12-30",
          dueOn: "2014-12-30",
          deadlineKind: "investigation_sea",
          policyVersion: "default-1",
        })
        .returning();
      await tx.insert(findings).values({
        caseId,
        investigationId: investigation.id,
        perpetratorId: perpetrator.id,
        finding: "substantiated",
        recordedOn: "2014-12-30",
      });
      await tx.insert(caseActions).values([
        {
          caseId,
          perpetratorId: perpetrator.id,
          stage: "interim",
          takenBy: "un",
          kind: "payment_suspension",
          amount: 1000,
          currency: "USD",
          decidedOn: "2014-10-02",
        },
        {
          caseId,
          perpetratorId: perpetrator.id,
          stage: "final",
          takenBy: "member_state",
          kind: "criminal_referral",
          decidedOn: "2015-01-20",
        },
      ]);
    });
    const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?mission=MINUSTAH" })).json();
    expect(table.items).toHaveLength(2);
    const shared = {
      reference: "MINUSTAH-2014-0007",
      monthReported: "2014-09",
      missionCode: "MINUSTAH",
      categoryCode: "MIL_MC",
      allegation: "SE;SA",
      allegationSubtypes: ["SA_MINOR", "SE_TRANSACTIONAL_SEX"],
      incidentPeriod: null,
      allegedPerpetrators: 1,
      victims: 2,
      victimsByGroup: { women: 1, girls: 1, boys: 0, men: 0 },
      childVictims: 1,
      // Said on the case, with no claim recorded yet: pending on every row.
      paternityClaim: true,
      paternityStatus: ["pending"],
    };
    expect(table.items.find((row: { nationalityCode: string }) => row.nationalityCode === "URY")).toEqual({
      ...shared,
      nationalityCode: "URY",
      investigatingEntities: ["nio"],
      investigationDays: 90,
      findings: ["substantiated"],
      interimActions: ["payment_suspension"],
      finalActions: ["criminal_referral"],
      unActions: [],
      memberStateActions: ["criminal_referral"],
      criminalReferral: true,
    });
    // Uruguay's investigation, finding and actions are not Nepal's.
    expect(table.items.find((row: { nationalityCode: string }) => row.nationalityCode === "NPL")).toEqual({
      ...shared,
      nationalityCode: "NPL",
      investigatingEntities: [],
      investigationDays: null,
      findings: [],
      interimActions: [],
      finalActions: [],
      unActions: [],
      memberStateActions: [],
      criminalReferral: false,
    });
    const csv = await t.app.inject({ method: "GET", url: "/api/public/allegations?mission=MINUSTAH&format=csv" });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe(
      "reference,date_reported,mission,category_of_personnel,nationality,allegation,allegation_subtype,date_of_incident,alleged_perpetrators,victims,victims_women,victims_girls,victims_boys,victims_men,victims_children,paternity_claim,paternity_status,investigating_entity,investigation_days,findings,interim_action,final_action,un_action,member_state_action,criminal_referral",
    );
    expect(csv.body).toContain("MINUSTAH-2014-0007,2014-09,MINUSTAH,Military (MC),");
    expect(`${JSON.stringify(table)}${csv.body}`).not.toContain("never-public");
    const xlsx = await t.app.inject({ method: "GET", url: "/api/public/allegations?mission=MINUSTAH&format=xlsx" });
    expect(xlsx.headers["content-disposition"]).toBe('attachment; filename="allegations.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Allegations");
    expect(sheet?.getRow(2).getCell(1).value).toBe("MINUSTAH-2014-0007");
    expect(sheet?.rowCount).toBe(csv.body.trim().split("\n").length);
  });
});

describe("support to victims and other misconduct, in public", () => {
  it("counts other misconduct by category of misconduct, apart from SEA, published cases only", async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values([
        {
          id: ids[0],
          reference: "UNFICYP-2038-0001",
          missionCode: "UNFICYP",
          dateReported: "2038-02-01",
          categoryCodes: ["CIV_INT", "MIL_MC"],
          allegationCodes: ["TRAFFIC_DUI", "TRAFFIC_VIOLATION"],
          publishedAt: new Date(),
        },
        {
          id: ids[1],
          reference: "UNFICYP-2038-0002",
          missionCode: "UNFICYP",
          dateReported: "2038-03-01",
          categoryCodes: ["MIL_MC"],
          allegationCodes: ["SA_RAPE"],
          publishedAt: new Date(),
        },
        {
          id: ids[2],
          reference: "UNFICYP-2038-0003",
          missionCode: "UNFICYP",
          dateReported: "2038-04-01",
          categoryCodes: ["MIL_MC"],
          allegationCodes: ["TRAFFIC_DUI"],
        },
      ]),
    );
    const misconduct = async (query: string) =>
      (await t.app.inject({ method: "GET", url: `/api/public/stats/misconduct?${query}` })).json();
    // One case, two categories of personnel, one category of misconduct at its most serious level.
    expect(await misconduct("groupBy=area&year=2038")).toEqual([{ key: "traffic_related_violations", count: 2 }]);
    expect(await misconduct("groupBy=level&year=2038")).toEqual([{ key: "serious_misconduct", count: 2 }]);
    expect(await misconduct("groupBy=category&year=2038&mission=UNFICYP")).toEqual([
      { key: "CIV_INT", count: 1 },
      { key: "MIL_MC", count: 1 },
    ]);
    // And the SEA figures do not see it.
    expect(await stats("groupBy=year&year=2038")).toEqual([{ key: "2038", count: 1 }]);
    const page = await t.app.inject({ method: "GET", url: "/data/misconduct?groupBy=area&year=2038&lang=fr" });
    expect(page.body).toContain("Infractions routières");
    // The big number says what it counts.
    expect(page.body).toContain('<p class="headline">2</p><p class="meta">Total</p>');
    expect((await t.app.inject({ method: "GET", url: "/data/misconduct?groupBy=nonsense" })).body).toContain("groupBy");
  });

  it("publishes the Trust Fund's projects with the people they reached, and paternity claims by status", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/public/victim-support" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ projects: expect.any(Array), paternityClaims: expect.any(Array) });
    const page = await t.app.inject({ method: "GET", url: "/data/victim-support?lang=zh" });
    expect(page.body).toContain("亲子关系申索");
  });
});

describe("the other public views", () => {
  const view = async (path: string) => {
    const response = await t.app.inject({ method: "GET", url: `/api/public/stats/${path}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { key: string; count: number; medianDays?: number | null }[];
  };

  it("count perpetrators, victims, investigations and actions of published cases only", async () => {
    const [published, hidden] = [randomUUID(), randomUUID()];
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values([
        {
          id: published,
          reference: "UNMOGIP-2019-0001",
          missionCode: "UNMOGIP",
          dateReported: "2019-04-02",
          categoryCodes: ["MIL_MO", "CIV_INT"],
          nationalityCodes: ["URY"],
          allegationCodes: ["SA_RAPE"],
          victimsWomen: 1,
          victimsGirls: 2,
          publishedAt: new Date(),
        },
        {
          id: hidden,
          reference: "UNMOGIP-2019-0002",
          missionCode: "UNMOGIP",
          dateReported: "2019-05-02",
          categoryCodes: ["MIL_MO"],
          nationalityCodes: ["URY"],
          victimsBoys: 4,
        },
      ]);
      const [observer, official] = await tx
        .insert(perpetrators)
        .values([
          { caseId: published, code: "P-01", categoryCode: "MIL_MO", nationalityCode: "URY" },
          { caseId: published, code: "P-02", categoryCode: "CIV_INT", nationalityCode: "FRA" },
        ])
        .returning();
      await tx
        .insert(perpetrators)
        .values({ caseId: hidden, code: "P-01", categoryCode: "MIL_MO", nationalityCode: "URY" });
      const [investigation] = await tx
        .insert(investigations)
        .values({
          caseId: published,
          entity: "oios",
          startedOn: "2019-05-01",
          completedOn: "2019-06-30",
          dueOn: "2019-07-30",
          deadlineKind: "investigation_sea",
          policyVersion: "default-1",
        })
        .returning();
      await tx.insert(findings).values({
        caseId: published,
        investigationId: investigation.id,
        perpetratorId: observer.id,
        finding: "substantiated",
        recordedOn: "2019-06-30",
      });
      await tx.insert(caseActions).values([
        {
          caseId: published,
          perpetratorId: observer.id,
          stage: "interim",
          takenBy: "un",
          kind: "repatriation",
          decidedOn: "2019-05-03",
        },
        {
          caseId: published,
          perpetratorId: observer.id,
          stage: "final",
          takenBy: "member_state",
          kind: "imprisonment",
          months: 24,
          decidedOn: "2019-09-01",
        },
        {
          caseId: published,
          perpetratorId: official.id,
          stage: "interim",
          takenBy: "un",
          kind: "administrative_leave",
          decidedOn: "2019-05-03",
        },
      ]);
    });
    const filter = "mission=UNMOGIP&year=2019";
    expect(await view(`perpetrators?groupBy=category&${filter}`)).toEqual([
      { key: "CIV_INT", count: 1 },
      { key: "MIL_MO", count: 1 },
    ]);
    // Nationality is published for uniformed personnel only.
    expect(await view(`perpetrators?groupBy=nationality&${filter}`)).toEqual([{ key: "URY", count: 1 }]);
    expect(await view(`victims?groupBy=group&${filter}`)).toEqual([
      { key: "girls", count: 2 },
      { key: "women", count: 1 },
    ]);
    expect(await view(`victims?groupBy=year&${filter}&category=CIV_INT`)).toEqual([{ key: "2019", count: 3 }]);
    expect(await view(`victims?groupBy=year&${filter}&category=POL_FPU`)).toEqual([]);
    // Two allegations (MIL_MO/URY and CIV_INT), both investigated by OIOS for 60 days; only the
    // observer's was substantiated, and each carries only its own person's actions.
    expect(await view(`investigations?groupBy=entity&${filter}`)).toEqual([{ key: "oios", count: 2, medianDays: 60 }]);
    expect(await view(`investigations?groupBy=status&${filter}`)).toEqual([
      { key: "substantiated", count: 1, medianDays: 60 },
      { key: "under_investigation", count: 1, medianDays: 60 },
    ]);
    expect(await view(`actions?groupBy=action&${filter}&stage=final`)).toEqual([{ key: "imprisonment", count: 1 }]);
    expect(await view(`actions?groupBy=action&${filter}`)).toEqual([
      { key: "administrative_leave", count: 1 },
      { key: "imprisonment", count: 1 },
      { key: "repatriation", count: 1 },
    ]);
    // A view takes only its own breakdowns.
    expect((await t.app.inject({ method: "GET", url: "/api/public/stats/victims?groupBy=entity" })).statusCode).toBe(
      400,
    );
  });

  it("imported history: its free text folds to the same codes, its children count without a sex", async () => {
    const importer = await t.tokenFor(await t.createStaff("cds_officer"));
    const csv = [
      "reference,date_reported,mission,category_of_personnel,nationality,allegation,victims,victims_children,paternity_claim,investigating_entity,investigation_days,findings,interim_action,final_action,criminal_referral",
      "UNISFA-HIST-0001,2016-03,UNISFA,Military (MC),ETH,SA,3,1,No,TCC,120,Under Investigation,Repatriation,,No",
    ].join("\n");
    expect(
      (await importer.request({ method: "POST", url: "/api/publication/import", payload: { csv } })).statusCode,
    ).toBe(200);
    const filter = "mission=UNISFA&year=2016";
    expect(await view(`victims?groupBy=group&${filter}`)).toEqual([
      { key: "children", count: 1 },
      { key: "unknown", count: 2 },
    ]);
    expect(await view(`investigations?groupBy=status&${filter}`)).toEqual([
      { key: "under_investigation", count: 1, medianDays: 120 },
    ]);
    expect(await view(`investigations?groupBy=entity&${filter}`)).toEqual([{ key: "tcc", count: 1, medianDays: 120 }]);
    expect(await view(`actions?groupBy=action&${filter}`)).toEqual([{ key: "repatriation", count: 1 }]);
  });
});
