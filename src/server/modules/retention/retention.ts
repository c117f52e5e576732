// How long records are kept, per kind, and the sweep that lets them go. Unset, a kind is kept for
// ever. A dry run lists what would go (by case number or report id, never content); a sweep
// deletes or strips it as the system actor (row-level security lets no other role delete) and
// leaves one audit event with the counts. Published figures never change: a closed case keeps its
// codes, counts and enforcement record, and loses its narrative and notes.
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { caseNotes, cases, evidenceFiles, reportMessages, reports } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

export const retentionKinds = [
  "unconverted_reports",
  "evidence_files",
  "reporter_threads",
  "closed_case_narratives",
] as const;
export type RetentionKind = (typeof retentionKinds)[number];
export type RetentionDays = Record<RetentionKind, number | null>;

export interface RetentionItem {
  id: string;
  /** A case number or a report's id: enough to find it, nothing of its content. */
  label: string;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

// When a case was closed: its last closing step in the audit trail, else its last change.
const closedBefore = (cutoff: Date) =>
  sql`${cases.status} = 'closed' and coalesce((select max(e.occurred_at) from audit_events e
    where e.subject_id = ${cases.id}::text and e.action = 'case.transition' and e.details->>'to' = 'closed'), ${cases.updatedAt}) < ${cutoff.toISOString()}::timestamptz`;

/** A report's files or thread messages whose case closed more than `days` ago, by case number. */
const ofClosedCases = (tx: Transaction, table: typeof evidenceFiles | typeof reportMessages, days: number) =>
  tx
    .select({ id: table.id, label: cases.reference })
    .from(table)
    .innerJoin(reports, eq(reports.id, table.reportId))
    .innerJoin(cases, eq(cases.id, reports.caseId))
    .where(closedBefore(daysAgo(days)));

/** What each kind would let go now, found the same way for a dry run and for the sweep. */
async function due(tx: Transaction, days: RetentionDays): Promise<Record<RetentionKind, RetentionItem[]>> {
  const found: Record<RetentionKind, RetentionItem[]> = {
    unconverted_reports: [],
    evidence_files: [],
    reporter_threads: [],
    closed_case_narratives: [],
  };
  if (days.unconverted_reports !== null)
    found.unconverted_reports = await tx
      .select({ id: reports.id, label: reports.id })
      .from(reports)
      .where(and(isNull(reports.caseId), lt(reports.receivedAt, daysAgo(days.unconverted_reports))));
  if (days.evidence_files !== null) found.evidence_files = await ofClosedCases(tx, evidenceFiles, days.evidence_files);
  if (days.reporter_threads !== null)
    found.reporter_threads = await ofClosedCases(tx, reportMessages, days.reporter_threads);
  if (days.closed_case_narratives !== null)
    found.closed_case_narratives = await tx
      .select({ id: cases.id, label: cases.reference })
      .from(cases)
      .where(
        and(
          closedBefore(daysAgo(days.closed_case_narratives)),
          or(
            isNotNull(cases.narrativeEncrypted),
            isNotNull(cases.placeEncrypted),
            sql`exists (select 1 from ${caseNotes} n where n.case_id = ${cases.id})`,
          ),
        ),
      );
  return found;
}

const idsOf = (items: RetentionItem[]) => items.map((item) => item.id);

/** What a sweep would let go now, without touching anything. */
export function retentionDryRun(services: Services) {
  return inTransaction(services.db, systemActor, (tx) => due(tx, services.config.retention), { readOnly: true });
}

/** Lets go what is due, in one transaction, and records the counts in the audit trail. */
export async function applyRetention(services: Services): Promise<Record<RetentionKind, number>> {
  const days = services.config.retention;
  if (retentionKinds.every((kind) => days[kind] === null))
    return { unconverted_reports: 0, evidence_files: 0, reporter_threads: 0, closed_case_narratives: 0 };
  return inTransaction(services.db, systemActor, async (tx) => {
    const found = await due(tx, days);
    const reportIds = idsOf(found.unconverted_reports);
    if (reportIds.length) {
      await tx.delete(evidenceFiles).where(inArray(evidenceFiles.reportId, reportIds));
      await tx.delete(reportMessages).where(inArray(reportMessages.reportId, reportIds));
      await tx.delete(reports).where(inArray(reports.id, reportIds));
    }
    if (found.evidence_files.length)
      await tx.delete(evidenceFiles).where(inArray(evidenceFiles.id, idsOf(found.evidence_files)));
    if (found.reporter_threads.length)
      await tx.delete(reportMessages).where(inArray(reportMessages.id, idsOf(found.reporter_threads)));
    const caseIds = idsOf(found.closed_case_narratives);
    if (caseIds.length) {
      await tx.delete(caseNotes).where(inArray(caseNotes.caseId, caseIds));
      // The place as reported goes with the narrative: both are what the people involved said.
      await tx
        .update(cases)
        .set({ narrativeEncrypted: null, placeEncrypted: null, searchVector: null })
        .where(inArray(cases.id, caseIds));
    }
    const counts = Object.fromEntries(retentionKinds.map((kind) => [kind, found[kind].length])) as Record<
      RetentionKind,
      number
    >;
    if (Object.values(counts).some((count) => count > 0))
      await recordAuditEvent(tx, systemActor, { action: "retention.apply", details: counts });
    return counts;
  });
}
