// Retention and redaction: a dry run lists what each kind would let go and changes nothing; the
// sweep lets exactly that go, audited, leaving published figures as they were; a field is struck
// out with a reason; no role but the system deletes; the audit trail's chain holds throughout.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { caseNotes, cases } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction } from "../../transaction.js";
import { verifyAuditChain } from "../audit/index.js";
import { applyRetention, retentionDryRun } from "./index.js";

let t: TestApp;
const year = 365;
beforeAll(async () => {
  t = await createTestApp({
    retention: {
      unconverted_reports: year,
      evidence_files: 2 * year,
      reporter_threads: 2 * year,
      closed_case_narratives: 5 * year,
    },
  });
});
afterAll(() => t.close());

const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
const owner = <T>(text: string, params: unknown[] = []) =>
  t.handle.asOwner((client) => client.query<T & Record<string, unknown>>(text, params));

/** A public report, its receipt and an officer's answer on its thread, received `days` ago. */
async function oldReport(days: number, caseId: string | null = null): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: { whatHappened: "An old report to be let go in time.", missionCode: "MONUSCO", anonymous: true },
  });
  const receipt = response.json().receipt as string;
  await t.app.inject({
    method: "POST",
    url: "/api/public/reports/messages",
    payload: { receipt, message: "Is there any news on my report?" },
  });
  const [row] = await owner<{ id: string }>("select id from reports order by received_at desc limit 1");
  await owner("update reports set received_at = $2, case_id = $3 where id = $1", [row.id, ago(days), caseId]);
  return row.id;
}

async function closedCase(closedDaysAgo: number): Promise<string> {
  const id = randomUUID();
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id,
      reference: `MONUSCO-RT-${id.slice(0, 6)}`,
      missionCode: "MONUSCO",
      status: "closed",
      dateReported: "2019-01-10",
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["GHA"],
      allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      publishedAt: new Date(),
      narrativeEncrypted: await t.app.services.encryption.encrypt(
        tx,
        "A narrative naming people.",
        fieldContext("cases", "narrative_encrypted", id),
      ),
    });
    await tx.insert(caseNotes).values({ caseId: id, body: "A note naming a witness." });
  });
  await owner("update cases set updated_at = $2 where id = $1", [id, ago(closedDaysAgo)]);
  return id;
}

describe("retention", () => {
  it("a dry run lists what would go, by kind, and changes nothing; the sweep lets exactly that go", async () => {
    const oldUnconverted = await oldReport(year + 10);
    const recentUnconverted = await oldReport(10);
    const longClosed = await closedCase(6 * year);
    const recentlyClosed = await closedCase(30);
    const reportOfLongClosed = await oldReport(6 * year, longClosed);
    const before = await owner<{ n: number }>("select count(*)::int as n from reports");

    const due = await retentionDryRun(t.app.services);
    expect(due.unconverted_reports.map((item) => item.id)).toEqual([oldUnconverted]);
    expect(due.closed_case_narratives.map((item) => item.id)).toEqual([longClosed]);
    expect(due.reporter_threads.length).toBe(1);
    expect(JSON.stringify(due)).not.toContain("naming");
    expect(await owner<{ n: number }>("select count(*)::int as n from reports")).toEqual(before);

    const publicBefore = (
      await t.app.inject({ method: "GET", url: "/api/public/stats/allegations?by=mission" })
    ).json();
    const counts = await applyRetention(t.app.services);
    expect(counts).toEqual({
      unconverted_reports: 1,
      evidence_files: 0,
      reporter_threads: 1,
      closed_case_narratives: 1,
    });
    const left = (await owner<{ id: string }>("select id from reports")).map((row) => row.id);
    expect(left).toContain(recentUnconverted);
    expect(left).toContain(reportOfLongClosed);
    expect(left).not.toContain(oldUnconverted);
    const [stripped] = await owner<{ narrative_encrypted: string | null }>(
      "select narrative_encrypted from cases where id = $1",
      [longClosed],
    );
    expect(stripped.narrative_encrypted).toBeNull();
    expect(await owner("select 1 from case_notes where case_id = $1", [longClosed])).toEqual([]);
    expect(await owner("select 1 from case_notes where case_id = $1", [recentlyClosed])).toHaveLength(1);
    expect(await owner("select 1 from report_messages where report_id = $1", [reportOfLongClosed])).toEqual([]);
    // The published figures are what they were; the sweep is one audit event with its counts.
    expect((await t.app.inject({ method: "GET", url: "/api/public/stats/allegations?by=mission" })).json()).toEqual(
      publicBefore,
    );
    const [event] = await owner<{ details: Record<string, number> }>(
      "select details from audit_events where action = 'retention.apply'",
    );
    expect(event.details).toEqual(counts);
    expect(await applyRetention(t.app.services)).toEqual({
      unconverted_reports: 0,
      evidence_files: 0,
      reporter_threads: 0,
      closed_case_narratives: 0,
    });
  });

  it("no role but the system deletes a report, a file, a message or a note, even past the application", async () => {
    const reportId = await oldReport(1);
    const hq: Actor = { ...systemActor, userId: "hq", role: "cds_officer", via: "token" };
    const deleted = await inTransaction(t.app.services.db, hq, async (tx) => {
      const result = (await tx.execute(sql`delete from reports where id = ${reportId} returning id`)) as unknown as {
        rows: unknown[];
      };
      return result.rows.length;
    }).catch(() => 0);
    expect(deleted).toBe(0);
    expect(await owner("select 1 from reports where id = $1", [reportId])).toHaveLength(1);
  });
});

describe("redaction", () => {
  it("strikes out a case's narrative with a reason, audited, and the audit chain still holds", async () => {
    const caseId = await closedCase(1);
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const refused = await (await t.tokenFor(await t.createStaff("analyst"))).request({
      method: "POST",
      url: "/api/redactions",
      payload: { field: "case.narrative", recordId: caseId, reason: "Names a witness by mistake." },
    });
    expect(refused.statusCode).toBe(403);
    const redacted = await hq.request({
      method: "POST",
      url: "/api/redactions",
      payload: { field: "case.narrative", recordId: caseId, reason: "Names a witness by mistake." },
    });
    expect(redacted.statusCode, redacted.body).toBe(201);
    const opened = (await hq.request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(opened.narrative).toBe("[Redacted]");
    const listed = (await hq.request({ method: "GET", url: `/api/redactions?recordId=${caseId}` })).json();
    expect(listed.items).toMatchObject([{ field: "case.narrative", reason: "Names a witness by mistake." }]);
    const [note] = await owner<{ id: string }>("select id from case_notes where case_id = $1", [caseId]);
    expect(
      (
        await hq.request({
          method: "POST",
          url: "/api/redactions",
          payload: { field: "case_note.body", recordId: note.id, reason: "Names a witness by mistake." },
        })
      ).statusCode,
    ).toBe(201);
    const [struck] = await owner<{ body: string }>("select body from case_notes where id = $1", [note.id]);
    expect(struck.body).toBe("[Redacted]");
    const unknown = await hq.request({
      method: "POST",
      url: "/api/redactions",
      payload: { field: "report.what_happened", recordId: randomUUID(), reason: "Nothing to strike here." },
    });
    expect(unknown.statusCode).toBe(404);
    const chain = await inTransaction(t.app.services.db, systemActor, (tx) => verifyAuditChain(tx));
    expect(chain.firstBreak).toBeNull();
    expect(
      (await owner<{ action: string }>("select action from audit_events where action = 'record.redact'")).length,
    ).toBe(2);
  });
});
