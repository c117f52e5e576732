import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { verifyAuditChain } from "./service.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("audit trail", () => {
  it("every write leaves an audit event, with no personal data in it", async () => {
    const admin = await t.signIn(await t.createStaff("administrator"));
    const created = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "secret.person@test.conduct.org", name: "Secret Person", role: "analyst" },
    });
    const auditor = await t.tokenFor(await t.createStaff("auditor"));
    const events = await auditor.request({
      method: "GET",
      url: `/api/audit-events?subjectId=${created.json().user.id}`,
    });
    expect(events.json().items.map((e: { action: string }) => e.action)).toContain("user.create");
    expect(JSON.stringify(events.json())).not.toMatch(/secret\.person|Secret Person/);
  });

  it("a read of a case is audited, naming who read which case", async () => {
    const officer = await t.createStaff("cds_officer");
    const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .insert(cases)
        .values({ reference: "UNMISS-2026-0007", missionCode: "UNMISS", dateReported: "2026-05-01" })
        .returning({ id: cases.id }),
    );
    expect((await (await t.tokenFor(officer)).request({ method: "GET", url: `/api/cases/${row.id}` })).statusCode).toBe(
      200,
    );
    const auditor = await t.tokenFor(await t.createStaff("auditor"));
    const events = (await auditor.request({ method: "GET", url: "/api/audit-events?action=case.read" })).json().items;
    expect(events).toEqual([
      expect.objectContaining({ actorId: officer.id, subjectType: "case", subjectId: row.id, outcome: "success" }),
    ]);
  });

  it("an auditor reads who acted by name and which case by its number; no other role can name it", async () => {
    const officer = await t.createStaff("cds_officer");
    const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .insert(cases)
        .values({ reference: "UNMISS-2026-0031", missionCode: "UNMISS", dateReported: "2026-05-02" })
        .returning({ id: cases.id }),
    );
    await (await t.tokenFor(officer)).request({ method: "GET", url: `/api/cases/${row.id}` });
    const auditor = await t.tokenFor(await t.createStaff("auditor"));
    const events = (await auditor.request({ method: "GET", url: `/api/audit-events?subjectId=${row.id}` })).json()
      .items;
    expect(events).toEqual([
      expect.objectContaining({
        action: "case.read",
        actorName: expect.stringMatching(/^cds_officer \d+$/),
        subjectName: "UNMISS-2026-0031",
      }),
    ]);
    const named = await inTransaction(
      t.app.services.db,
      { ...systemActor, role: "cds_officer", userId: officer.id },
      (tx) => tx.execute(sql`select * from conduct_audit_subject_names(${`{${row.id}}`}::uuid[])`),
    );
    expect((named as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it("an auditor finds every event of one case by its number, and by the person who acted", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINURSO"] }));
    const publisher = await t.tokenFor(await t.createStaff("publisher"));
    await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: { whatHappened: "An officer asked for money at the gate.", missionCode: "MINURSO", anonymous: true },
    });
    const [queued] = (
      await officer.request({ method: "GET", url: "/api/reports?mission=MINURSO&unlinked=true" })
    ).json().items;
    const { caseId, reference } = (
      await officer.request({
        method: "POST",
        url: `/api/reports/${queued.id}/case`,
        payload: { version: queued.version },
      })
    ).json();
    await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/assistance-requests`,
      payload: { urgency: "urgent" },
    });
    await publisher.request({
      method: "POST",
      url: "/api/publication",
      payload: { caseIds: [caseId], action: "publish" },
    });
    const auditor = await t.tokenFor(await t.createStaff("auditor"));
    const byCase = (
      await auditor.request({
        method: "GET",
        url: `/api/audit-events?caseReference=${reference.toLowerCase()}&limit=200`,
      })
    )
      .json()
      .items.map((event: { action: string }) => event.action);
    // The report's events, the case's, the request to victim assistance and the publication naming it among others.
    expect(byCase).toEqual(
      expect.arrayContaining(["report.submit", "report.link", "case.create", "assistance.request", "case.publish"]),
    );
    expect(byCase).not.toContain("audit.browse");
    const byPerson = (await auditor.request({ method: "GET", url: "/api/audit-events?person=publisher&limit=200" }))
      .json()
      .items.map((event: { action: string }) => event.action);
    expect(byPerson).toContain("case.publish");
    expect(byPerson).not.toContain("report.link");
  });

  it("a refused or out-of-scope request is recorded as denied, naming the route and record", async () => {
    const analyst = await t.createStaff("analyst");
    const client = await t.tokenFor(analyst);
    expect((await client.request({ method: "GET", url: "/api/users" })).statusCode).toBe(403);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await client.request({ method: "GET", url: `/api/cases/${missing}` })).statusCode).toBe(404);
    const auditor = await t.tokenFor(await t.createStaff("auditor"));
    const denied = (
      await auditor.request({ method: "GET", url: `/api/audit-events?actorId=${analyst.id}&outcome=denied` })
    ).json().items;
    expect(denied).toEqual([
      expect.objectContaining({
        action: "access.denied",
        subjectId: missing,
        details: { method: "GET", route: "/api/cases/:id" },
      }),
      expect.objectContaining({
        action: "access.denied",
        subjectId: null,
        details: { method: "GET", route: "/api/users" },
      }),
    ]);
  });

  it("the application role can neither update nor delete an audit event", async () => {
    await expect(t.app.services.db.execute("update audit_events set action = 'forged'" as never)).rejects.toThrow();
    await expect(t.app.services.db.execute("delete from audit_events" as never)).rejects.toThrow();
  });

  it("sixty writers at once extend one unbroken chain (on PostgreSQL they truly overlap)", async () => {
    const submissions = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.app.inject({
          method: "POST",
          url: "/api/public/reports",
          payload: {
            whatHappened: `Concurrent report number ${i} for the chain.`,
            missionCode: "UNMISS",
            anonymous: true,
          },
        }),
      ),
    );
    expect(submissions.every((response) => response.statusCode === 201)).toBe(true);
    const verified = await inTransaction(t.app.services.db, systemActor, (tx) => verifyAuditChain(tx));
    expect(verified.firstBreak).toBeNull();
    const [row] = await t.handle.asOwner((owner) =>
      owner.query<{ forks: number }>(
        "SELECT count(*)::int - count(DISTINCT previous_hash)::int AS forks FROM audit_events",
      ),
    );
    expect(row.forks).toBe(0);
  });

  it("the chain holds on a working database, and an owner's direct alteration is found and named", async () => {
    const check = () => inTransaction(t.app.services.db, systemActor, (tx) => verifyAuditChain(tx));
    const intact = await check();
    expect(intact.firstBreak).toBeNull();
    expect(intact.events).toBeGreaterThan(3);
    const [victim] = await t.handle.asOwner(async (owner) => {
      const rows = await owner.query<{ id: number }>(
        "SELECT id::int AS id FROM audit_events ORDER BY id LIMIT 1 OFFSET 2",
      );
      await owner.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
      await owner.query("UPDATE audit_events SET outcome = 'denied' WHERE id = $1", [rows[0].id]);
      await owner.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
      return rows;
    });
    const broken = await check();
    expect(broken.firstBreak).toEqual({ id: victim.id, reason: "hash_mismatch" });
    const auditor = await t.tokenFor(await t.createStaff("auditor"));
    const viaApi = await auditor.request({ method: "GET", url: "/api/audit-events/verification" });
    expect(viaApi.json()).toMatchObject({ intact: false, firstBrokenEventId: victim.id });
  });
});
