// System-wide figures: the counts the database keeps equal the domain's rule recomputed from the
// cases (src/domain/system-wide.ts), however cases are published, withdrawn, found on or moved; the
// public page names entities in the reader's language; the quarterly report totals both ways.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { pdfText } from "../../../../test/helpers/pdf-text.js";
import { cases, findings, investigations, missions, perpetrators, unEntities } from "../../../db/schema.js";
import { allegationPair, allegationUnits } from "../../../domain/counting.js";
import { findingOutcomes, type FindingOutcome } from "../../../domain/enforcement.js";
import { personnelCategorySeeds } from "../../../domain/reference/personnel.js";
import {
  systemWideStatuses,
  systemWideCategoryOf,
  systemWideStatusOf,
  type SystemWideGrouping,
} from "../../../domain/system-wide.js";
import { quarterOf } from "../../../domain/risk.js";
import { caseStatuses, type CaseStatus } from "../../../domain/workflow.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const asSystem = <T>(work: Parameters<typeof inTransaction<T>>[2]) =>
  inTransaction(t.app.services.db, systemActor, work);

let entitySequence = 0;
/** A new entity with two units of its own, so each test counts only its own cases. */
async function newEntity() {
  entitySequence += 1;
  const code = `SWT${entitySequence}`;
  const units = [`${code}-A`, `${code}-B`];
  await asSystem(async (tx) => {
    await tx.insert(unEntities).values({ code, kind: "fund_programme", name: `Test entity ${entitySequence}` });
    await tx
      .insert(missions)
      .values(
        units.map((unit) => ({ code: unit, entityCode: code, name: unit, kind: "entity_office", startYear: 2001 })),
      );
  });
  return { code, units };
}

interface Person {
  categoryCode: string;
  nationalityCode: string | null;
  finding: FindingOutcome | null;
}
interface TestCase {
  id: string;
  unit: number;
  dateReported: string;
  status: CaseStatus;
  published: boolean;
  allegationCodes: string[];
  people: Person[];
}

async function insert(units: string[], items: TestCase[]) {
  await asSystem(async (tx) => {
    await tx.insert(cases).values(
      items.map((item) => ({
        id: item.id,
        reference: `SW-${item.id}`,
        missionCode: units[item.unit],
        status: item.status,
        dateReported: item.dateReported,
        categoryCodes: [...new Set(item.people.map((person) => person.categoryCode))],
        nationalityCodes: [...new Set(item.people.flatMap((person) => person.nationalityCode ?? []))],
        allegationCodes: item.allegationCodes,
        publishedAt: item.published ? new Date() : null,
      })),
    );
  });
  for (const item of items) for (const person of item.people) await addPerson(item.id, person);
}

/** An alleged perpetrator on the case, with the finding of an investigation of its own when there is one. */
async function addPerson(caseId: string, person: Person) {
  await asSystem(async (tx) => {
    const [row] = await tx
      .insert(perpetrators)
      .values({
        caseId,
        code: `P-${randomUUID().slice(0, 8)}`,
        categoryCode: person.categoryCode,
        nationalityCode: person.nationalityCode,
      })
      .returning({ id: perpetrators.id });
    if (!person.finding) return;
    const [investigation] = await tx
      .insert(investigations)
      .values({
        caseId,
        entity: "oios",
        startedOn: "2024-01-01",
        dueOn: "2024-12-31",
        deadlineKind: "investigation_sea",
        policyVersion: "default-1",
      })
      .returning({ id: investigations.id });
    await tx.insert(findings).values({
      caseId,
      investigationId: investigation.id,
      perpetratorId: row.id,
      finding: person.finding,
      recordedOn: "2024-06-30",
    });
  });
}

/** The figures the domain's rule gives for these cases, broken down one way. */
function expected(items: TestCase[], entity: string, groupBy: SystemWideGrouping) {
  const counts = new Map<string, number>();
  for (const item of items.filter((candidate) => candidate.published)) {
    const finding = systemWideStatuses.find((outcome) => item.people.some((person) => person.finding === outcome));
    const units = allegationUnits({
      id: item.id,
      dateReported: item.dateReported,
      missionCode: "",
      categoryCodes: [...new Set(item.people.map((person) => person.categoryCode))],
      nationalityCodes: [],
      allegationCodes: item.allegationCodes,
      allegationPairs: item.people.map((person) => allegationPair(person.categoryCode, person.nationalityCode)),
    });
    for (const unit of units) {
      const key = {
        entity,
        quarter: quarterOf(item.dateReported),
        category: systemWideCategoryOf(unit.categoryCode),
        status: systemWideStatusOf(item.status, finding ?? null),
      }[groupBy];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1));
}

async function figures(query: string) {
  const response = await t.app.inject({ method: "GET", url: `/api/public/system-wide?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { key: string; count: number }[];
}

const person = fc.record({
  categoryCode: fc.constantFrom(...personnelCategorySeeds.map((seed) => seed.code)),
  nationalityCode: fc.constantFrom("GHA", "NPL", "TCD", null),
  finding: fc.constantFrom<FindingOutcome | null>(null, null, ...findingOutcomes),
});
const testCase = fc.record({
  id: fc.constant(""),
  unit: fc.constantFrom(0, 1),
  dateReported: fc.constantFrom("2024-02-10", "2024-05-31", "2024-09-01", "2025-12-31"),
  status: fc.constantFrom(...caseStatuses),
  published: fc.boolean(),
  allegationCodes: fc.constantFrom<string[]>(["SA_RAPE"], ["SE_TRANSACTIONAL_SEX", "MIS_FRAUD"], ["MIS_FRAUD"]),
  people: fc.array(person, { maxLength: 3 }),
});

describe("system-wide figures", () => {
  it("keeps every breakdown equal to the domain's rule as cases are published, found on and withdrawn", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(testCase, { minLength: 1, maxLength: 8 }), async (drawn) => {
        // Fresh ids: a shrunk example runs again on the same database.
        const items = drawn.map((item) => ({ ...item, id: randomUUID() }));
        const { code, units } = await newEntity();
        await insert(units, items);
        const check = async (now: TestCase[]) => {
          for (const groupBy of ["entity", "quarter", "category", "status"] as const)
            expect(await figures(`groupBy=${groupBy}&entity=${code}`)).toEqual(expected(now, code, groupBy));
        };
        await check(items);
        // Where the cases stand moves their allegations between statuses; withdrawing one takes its out.
        await asSystem((tx) =>
          tx
            .update(cases)
            .set({ status: sql`case when ${cases.status} = 'closed' then 'preliminary_assessment' else 'closed' end` })
            .where(sql`${cases.missionCode} in (${units[0]}, ${units[1]})`),
        );
        const moved = items.map((item) => ({
          ...item,
          status: (item.status === "closed" ? "preliminary_assessment" : "closed") as CaseStatus,
        }));
        await check(moved);
        const [first] = moved;
        // A staff member found on later: the case gains an allegation and its finding speaks for it.
        const later: Person = { categoryCode: "CIV_INT", nationalityCode: null, finding: "substantiated" };
        await addPerson(first.id, later);
        const found = moved.map((item) => (item === first ? { ...item, people: [...item.people, later] } : item));
        await check(found);
        await asSystem((tx) => tx.update(cases).set({ publishedAt: null }).where(eq(cases.id, first.id)));
        await check(found.map((item) => (item === found[0] ? { ...item, published: false } : item)));
      }),
      { numRuns: 12 },
    );
  });

  it("counts a peace operation's allegations as its own published figures do, and a unit moved takes them along", async () => {
    const { code, units } = await newEntity();
    const other = await newEntity();
    await insert(units, [
      {
        id: randomUUID(),
        unit: 0,
        dateReported: "2026-08-14",
        status: "under_investigation",
        published: true,
        allegationCodes: ["SA_RAPE"],
        people: [
          { categoryCode: "MIL_MC", nationalityCode: "GHA", finding: null },
          { categoryCode: "MIL_MC", nationalityCode: "NPL", finding: null },
          { categoryCode: "IP_STAFF", nationalityCode: null, finding: null },
        ],
      },
    ]);
    // Two countries' soldiers are two allegations, as peacekeeping counts them; the partner's worker a third.
    expect(await figures(`groupBy=category&entity=${code}`)).toEqual([
      { key: "implementing_partner", count: 1 },
      { key: "military", count: 2 },
    ]);
    expect(await figures(`groupBy=quarter&entity=${code}&status=under_investigation`)).toEqual([
      { key: "2026-Q3", count: 3 },
    ]);
    await asSystem((tx) => tx.update(missions).set({ entityCode: other.code }).where(eq(missions.code, units[0])));
    expect(await figures(`groupBy=entity&year=2026&quarter=3&entity=${code}`)).toEqual([]);
    expect(await figures(`groupBy=entity&year=2026&quarter=3&entity=${other.code}`)).toEqual([
      { key: other.code, count: 3 },
    ]);
  });

  it("holds the database's groups and statuses to the domain's for every category, status and finding", async () => {
    const categories = [...personnelCategorySeeds.map((seed) => seed.code), "UNKNOWN"];
    const pairs = caseStatuses.flatMap((status) => [null, ...findingOutcomes].map((finding) => ({ status, finding })));
    const [groups, statuses] = await asSystem(async (tx) => [
      (
        (await tx.execute(
          sql`select code, conduct_system_wide_category(code) as category from jsonb_array_elements_text(${JSON.stringify(categories)}::jsonb) as code`,
        )) as unknown as { rows: { code: string; category: string }[] }
      ).rows,
      (
        (await tx.execute(
          sql`select conduct_system_wide_status(p->>'status', p->>'finding') as status from jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) p`,
        )) as unknown as { rows: { status: string }[] }
      ).rows,
    ]);
    expect(groups).toEqual(categories.map((code) => ({ code, category: systemWideCategoryOf(code) })));
    expect(statuses.map((row) => row.status)).toEqual(
      pairs.map((pair) => systemWideStatusOf(pair.status, pair.finding)),
    );
  });

  it("counts imported history where its file said it stands", async () => {
    const { code, units } = await newEntity();
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const csv = [
      "reference,date_reported,mission,category_of_personnel,nationality,allegation,victims,victims_children,paternity_claim,investigating_entity,investigation_days,findings,interim_action,final_action,criminal_referral",
      `SWH-1,2015-02,${units[0]},Military (MC),Ghana,SA,1,0,No,NIO,120,Substantiated,,Repatriation,No`,
      `SWH-1,2015-02,${units[0]},Military (MC),Nepal,SA,1,0,No,NIO,,Under Investigation,,,`,
      `SWH-2,2015-11,${units[1]},Civilian (UNV),,SE,1,0,No,,,Pending preliminary assessment,,,`,
    ].join("\n");
    const imported = await officer.request({ method: "POST", url: "/api/publication/import", payload: { csv } });
    expect(imported.statusCode, imported.body).toBe(200);
    // The case's strongest word speaks for both its rows; the other waits for its assessment.
    expect(await figures(`groupBy=status&entity=${code}`)).toEqual([
      { key: "pending_assessment", count: 1 },
      { key: "substantiated", count: 2 },
    ]);
  });

  it("answers a bad breakdown or filter with the field named", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/public/system-wide?groupBy=mission" });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(response.json())).toContain("groupBy");
    const page = await t.app.inject({ method: "GET", url: "/data/system-wide?quarter=5&lang=fr" });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain("quarter");
  });

  it("shows the public page in French and Arabic, entities named as the UN names them in each", async () => {
    const { units } = await newEntity();
    await asSystem((tx) => tx.update(missions).set({ entityCode: "UNHCR" }).where(eq(missions.code, units[0])));
    await insert(units, [
      {
        id: randomUUID(),
        unit: 0,
        dateReported: "2026-02-03",
        status: "received",
        published: true,
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
        people: [{ categoryCode: "CIV_NONSTAFF", nationalityCode: null, finding: null }],
      },
    ]);
    const french = await t.app.inject({ method: "GET", url: "/data/system-wide?lang=fr&entity=UNHCR&year=2026" });
    expect(french.statusCode).toBe(200);
    expect(french.body).toContain("HCR — Haut-Commissariat des Nations Unies pour les réfugiés");
    expect(french.body).toContain("T1 2026");
    const arabic = await t.app.inject({
      method: "GET",
      url: "/data/system-wide?lang=ar&groupBy=category&entity=UNHCR&year=2026",
    });
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain("الربع 1 من 2026");
    expect(arabic.body).toMatch(/<p class="headline">[^<]+<\/p><p class="meta">المجموع<\/p>/);
  });

  it("gives headquarters the quarter's report, entities down and categories or statuses across, totalled", async () => {
    const { units } = await newEntity();
    await insert(units, [
      {
        id: randomUUID(),
        unit: 1,
        dateReported: "2019-11-05",
        status: "findings",
        published: true,
        allegationCodes: ["SA_RAPE"],
        people: [
          { categoryCode: "GPP", nationalityCode: null, finding: "substantiated" },
          { categoryCode: "CIV_UNV", nationalityCode: null, finding: "not_substantiated" },
        ],
      },
    ]);
    const publisher = await t.tokenFor(await t.createStaff("publisher"));
    const workbook = await publisher.request({
      method: "GET",
      url: "/api/publication/system-wide-report?year=2019&quarter=4&format=xlsx",
    });
    expect(workbook.statusCode, workbook.body).toBe(200);
    expect(workbook.headers["content-disposition"]).toContain("system-wide-2019-Q4.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.rawPayload as unknown as ArrayBuffer);
    const [byCategory, byStatus] = book.worksheets;
    const rows = (sheet: ExcelJS.Worksheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
    const [header, ...lines] = rows(byCategory);
    const line = lines.find((cells) => String(cells[0]).includes(`Test entity ${entitySequence}`));
    expect(line).toBeDefined();
    const cell = (cells: unknown[], column: string) => cells[header.indexOf(column)];
    expect(cell(line as unknown[], "Government-provided personnel")).toBe(1);
    expect(cell(line as unknown[], "UN Volunteers")).toBe(1);
    expect(cell(line as unknown[], "Total")).toBe(2);
    const statusHeader = rows(byStatus)[0];
    const statusLine = rows(byStatus).find((cells) => String(cells[0]).includes(`Test entity ${entitySequence}`));
    // The case's finding speaks for it: substantiated comes before not substantiated.
    expect((statusLine as unknown[])[statusHeader.indexOf("Substantiated")]).toBe(2);
    const pdf = await publisher.request({
      method: "GET",
      url: "/api/publication/system-wide-report?year=2019&quarter=4&format=pdf&lang=fr",
    });
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain("T4 2019");
    expect(text).toContain("Par statut");
    const reporter = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const refused = await reporter.request({
      method: "GET",
      url: "/api/publication/system-wide-report?year=2019&quarter=4&format=pdf",
    });
    expect(refused.statusCode).toBe(403);
  });
});
