// Misconduct risk management: a mission's team assesses its locations, keeps mitigations, gets the
// quarterly report; overdue mitigations and reviews are chased like case deadlines; RLS keeps each
// mission's assessments to headquarters, analysts and that mission's team.
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { riskAssessments } from "../../../db/schema.js";
import { quarterOf } from "../../../domain/risk.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { todayIso } from "../../dates.js";
import { inTransaction } from "../../transaction.js";
import { sweepReminders } from "../deadlines/reminders.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let monusco: Client;
let minusca: Client;
let hq: Client;
let analyst: Client;
let ghana: Client;
let monuscoOfficerId: string;

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const assessment = (over: object = {}) => ({
  missionCode: "MONUSCO",
  location: "Camp Bunia",
  locationKind: "camp",
  assessedOn: daysFromToday(-40),
  reviewOn: daysFromToday(50),
  notes: "The camp's eastern fence borders the market.",
  factors: [
    { kind: "proximity_to_communities", likelihood: 4, impact: 5, notes: "Market 50 m from the fence" },
    { kind: "lighting", likelihood: 3, impact: 3 },
    { kind: "curfew", likelihood: 2, impact: 2 },
  ],
  mitigations: [
    {
      factorKind: "lighting",
      action: "Floodlights along the eastern fence",
      owner: "Engineering section",
      dueOn: daysFromToday(-10),
    },
    {
      factorKind: "proximity_to_communities",
      action: "Move the gate away from the market",
      owner: "Contingent commander",
      dueOn: daysFromToday(30),
    },
  ],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const officer = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
  monuscoOfficerId = officer.id;
  monusco = await t.tokenFor(officer);
  minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
  analyst = await t.tokenFor(await t.createStaff("analyst"));
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
});
afterAll(() => t.close());

const post = (client: Client, body: object) =>
  client.request({ method: "POST", url: "/api/risk-assessments", payload: body });

describe("risk assessments", () => {
  let assessmentId: string;

  it("a mission's team records an assessment with its factors and mitigations, and it leads the register", async () => {
    const created = await post(monusco, assessment());
    expect(created.statusCode, created.body).toBe(201);
    assessmentId = created.json().id;
    expect(
      (
        await post(
          monusco,
          assessment({
            location: "Team site Kiwanja",
            locationKind: "team_site",
            factors: [{ kind: "patrols", likelihood: 2, impact: 3 }],
            mitigations: [],
          }),
        )
      ).statusCode,
    ).toBe(201);

    const register = (await monusco.request({ method: "GET", url: "/api/risk/MONUSCO" })).json();
    expect(register.locations.map((l: { location: string; level: string }) => [l.location, l.level])).toEqual([
      ["Camp Bunia", "critical"],
      ["Team site Kiwanja", "medium"],
    ]);
    expect(register.locations[0].mitigations.overdue).toBe(1);
    expect(register.heat[3][4]).toBe(1);
    expect(register.can.assess).toBe(true);
    expect(register.quarter).toBe(quarterOf(todayIso()));

    const detail = (await monusco.request({ method: "GET", url: `/api/risk-assessments/${assessmentId}` })).json();
    expect(detail.factors[0]).toMatchObject({ kind: "proximity_to_communities", score: 20, level: "critical" });
    expect(detail.mitigations.map((m: { state: string }) => m.state)).toEqual(["overdue", "open"]);
    expect(detail.history).toEqual([{ id: assessmentId, assessedOn: detail.assessedOn, current: true }]);
  });

  it("a reassessment replaces the location's place in the register and keeps the earlier one in its history", async () => {
    const again = await post(
      monusco,
      assessment({
        location: "camp bunia",
        assessedOn: daysFromToday(-1),
        factors: [{ kind: "proximity_to_communities", likelihood: 2, impact: 4 }],
        mitigations: [],
      }),
    );
    expect(again.statusCode).toBe(201);
    const register = (await monusco.request({ method: "GET", url: "/api/risk/MONUSCO" })).json();
    expect(
      register.locations.find((l: { location: string }) => l.location.toLowerCase() === "camp bunia"),
    ).toMatchObject({ level: "medium", assessmentId: again.json().id });
    const history = (await monusco.request({ method: "GET", url: `/api/risk-assessments/${again.json().id}` })).json()
      .history;
    expect(history.map((h: { id: string; current: boolean }) => [h.id, h.current])).toEqual([
      [again.json().id, true],
      [assessmentId, false],
    ]);
  });

  it("refuses what cannot be right, naming the field, and stores nothing of it", async () => {
    const count = async () =>
      (
        await t.handle.asOwner((owner) => owner.query<{ n: number }>("select count(*)::int as n from risk_assessments"))
      )[0].n;
    const before = await count();
    const cases: [object, number, string][] = [
      [{ reviewOn: daysFromToday(-50) }, 400, "review_before_assessment"],
      [{ assessedOn: daysFromToday(3) }, 400, "date_in_future"],
      [
        {
          factors: [
            { kind: "lighting", likelihood: 1, impact: 1 },
            { kind: "lighting", likelihood: 2, impact: 2 },
          ],
        },
        400,
        "factor_repeated",
      ],
      [
        {
          mitigations: [
            { factorKind: "alcohol", action: "Ban alcohol sales", owner: "Force commander", dueOn: daysFromToday(5) },
          ],
        },
        400,
        "factor_not_assessed",
      ],
      [
        { mitigations: [{ factorKind: null, action: "Something", owner: "Someone", dueOn: daysFromToday(-400) }] },
        400,
        "due_before_assessment",
      ],
      [{ factors: [{ kind: "lighting", likelihood: 6, impact: 1 }] }, 400, "validation_failed"],
      [{ factors: [] }, 400, "validation_failed"],
      [{ missionCode: "NOPE" }, 400, "unknown_code"],
    ];
    for (const [change, status, code] of cases) {
      const response = await post(hq, assessment(change));
      expect([response.statusCode, response.json().code], JSON.stringify(change)).toEqual([status, code]);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
    }
    expect(await count()).toBe(before);
  });

  it("completes a mitigation once; a stale version gets 409 with the current one", async () => {
    const detail = (await monusco.request({ method: "GET", url: `/api/risk-assessments/${assessmentId}` })).json();
    const overdue = detail.mitigations[0];
    const complete = (client: Client, version: number) =>
      client.request({
        method: "POST",
        url: `/api/risk-mitigations/${overdue.id}/completion`,
        payload: { completedOn: todayIso(), note: "Six floodlights installed", version },
      });
    expect((await complete(minusca, overdue.version)).statusCode).toBe(404);
    expect((await complete(analyst, overdue.version)).statusCode).toBe(403);
    const done = await complete(monusco, overdue.version);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      state: "done",
      completionNote: "Six floodlights installed",
      version: overdue.version + 1,
    });
    const stale = await complete(monusco, overdue.version);
    expect([stale.statusCode, stale.json().code, stale.json().current.state]).toEqual([409, "stale_version", "done"]);
    const twice = await complete(hq, overdue.version + 1);
    expect([twice.statusCode, twice.json().code]).toEqual([409, "already_completed"]);

    const added = await monusco.request({
      method: "POST",
      url: `/api/risk-assessments/${assessmentId}/mitigations`,
      payload: {
        factorKind: "curfew",
        action: "Curfew checks at 22:00",
        owner: "Military police",
        dueOn: daysFromToday(14),
      },
    });
    expect(added.statusCode).toBe(201);
    const audit = await t.handle.asOwner((owner) =>
      owner.query<{ action: string }>("select action from audit_events where action like 'risk.%' order by id"),
    );
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(["risk.assess", "risk.mitigation.complete", "risk.mitigation.add"]),
    );
  });

  it("shows a mission's assessments to headquarters, analysts and its own team only", async () => {
    const status = async (client: Client, url: string) => (await client.request({ method: "GET", url })).statusCode;
    expect(await status(hq, "/api/risk/MONUSCO")).toBe(200);
    expect(await status(analyst, "/api/risk/MONUSCO")).toBe(200);
    expect(await status(minusca, "/api/risk/MONUSCO")).toBe(403);
    expect(await status(ghana, "/api/risk/MONUSCO")).toBe(403);
    expect(await status(minusca, `/api/risk-assessments/${assessmentId}`)).toBe(404);
    expect(await status(ghana, `/api/risk-assessments/${assessmentId}`)).toBe(403);
    expect((await post(minusca, assessment())).statusCode).toBe(403);
    expect((await post(analyst, assessment())).statusCode).toBe(403);
    const analystView = (await analyst.request({ method: "GET", url: "/api/risk/MONUSCO" })).json();
    expect(analystView.can.assess).toBe(false);
  });
});

describe("the quarterly report", () => {
  const quarter = quarterOf(todayIso());

  it("comes as JSON, a spreadsheet and a PDF, and its download is audited", async () => {
    const json = await monusco.request({ method: "GET", url: `/api/risk/MONUSCO/reports/${quarter}` });
    expect(json.statusCode).toBe(200);
    expect(json.json().totals.locations).toBe(2);

    const xlsx = await monusco.request({
      method: "GET",
      url: `/api/risk/MONUSCO/reports/${quarter}?format=xlsx&lang=fr`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toBe(`attachment; filename="risk-report-MONUSCO-${quarter}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Synthèse", "Site", "Facteurs", "Mesures en retard"]);
    // The latest assessment's spelling names the location.
    expect(workbook.getWorksheet("Site")?.getRow(2).getCell(1).value).toBe("camp bunia");

    const pdf = await hq.request({ method: "GET", url: `/api/risk/MONUSCO/reports/${quarter}?format=pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);

    const audited = await t.handle.asOwner((owner) =>
      owner.query<{ details: { format: string } }>(
        "select details from audit_events where action = 'risk.report' order by id",
      ),
    );
    expect(audited.map((a) => a.details.format)).toEqual(["json", "xlsx", "pdf"]);
  });

  it("refuses a quarter that has not begun and a malformed one", async () => {
    const next = `${Number(todayIso().slice(0, 4)) + 1}-Q1`;
    expect((await monusco.request({ method: "GET", url: `/api/risk/MONUSCO/reports/${next}` })).json().code).toBe(
      "quarter_in_future",
    );
    expect((await monusco.request({ method: "GET", url: "/api/risk/MONUSCO/reports/2026-Q7" })).statusCode).toBe(400);
  });
});

describe("overdue mitigations and reviews", () => {
  it("remind the mission's team once, leading to the assessment", async () => {
    const late = await post(
      monusco,
      assessment({
        location: "Sector North",
        locationKind: "sector",
        assessedOn: daysFromToday(-200),
        reviewOn: daysFromToday(-20),
        factors: [{ kind: "welfare_and_recreation", likelihood: 3, impact: 2 }],
        mitigations: [
          { factorKind: null, action: "Recreation room", owner: "Sector commander", dueOn: daysFromToday(-30) },
        ],
      }),
    );
    const lateId = late.json().id;
    await sweepReminders(t.app.services);
    expect(await sweepReminders(t.app.services)).toBe(0);
    const mine = (await monusco.request({ method: "GET", url: "/api/notifications" }))
      .json()
      .items.filter((n: { kind: string }) => n.kind.startsWith("risk_"));
    expect(
      mine
        .map((n: { kind: string; subjectPath: string; caseReference: string }) => [
          n.kind,
          n.subjectPath,
          n.caseReference,
        ])
        .sort(),
    ).toEqual([
      ["risk_mitigation_overdue", `/risk/assessments/${lateId}`, "MONUSCO · Sector North"],
      ["risk_review_overdue", `/risk/assessments/${lateId}`, "MONUSCO · Sector North"],
    ]);
    const others = (await minusca.request({ method: "GET", url: "/api/notifications" })).json().items;
    expect(others.filter((n: { kind: string }) => n.kind.startsWith("risk_"))).toEqual([]);
    expect(monuscoOfficerId).toBeTruthy();
  });
});

describe("row-level security on the risk tables, on its own", () => {
  const as = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
    ...systemActor,
    userId: "someone",
    role,
    via: "token",
    ...scope,
  });
  const count = (who: Actor, table: string) =>
    inTransaction(
      t.app.services.db,
      who,
      async (tx) =>
        ((await tx.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] })
          .rows[0].n,
    );

  it("lets headquarters, analysts and the mission's team read, and no one else", async () => {
    for (const table of ["risk_assessments", "risk_factors", "risk_mitigations"]) {
      expect(await count(as("cds_officer"), table), table).toBeGreaterThan(0);
      expect(await count(as("analyst"), table), table).toBeGreaterThan(0);
      expect(await count(as("cdt_officer", { missionCodes: ["MONUSCO"] }), table), table).toBeGreaterThan(0);
      for (const role of [
        "member_state_focal_point",
        "victim_assistance",
        "investigator",
        "publisher",
        "auditor",
        "administrator",
        "cbcm_focal_point",
      ] as const) {
        expect(
          await count(as(role, { missionCodes: ["MONUSCO"], countryCode: "GHA" }), table),
          `${role} ${table}`,
        ).toBe(0);
      }
      expect(await count(as("cdt_officer", { missionCodes: ["MINUSCA"] }), table), table).toBe(0);
    }
  });

  it("refuses another mission's officer writing straight to the table", async () => {
    const write = inTransaction(t.app.services.db, as("cdt_officer", { missionCodes: ["MINUSCA"] }), (tx) =>
      tx.insert(riskAssessments).values({
        missionCode: "MONUSCO",
        location: "X",
        locationKind: "camp",
        assessedOn: "2026-01-01",
        reviewOn: "2026-06-01",
      }),
    );
    const refusal = await write.then(
      () => null,
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(refusal).toMatch(/row-level security/);
  });
});
