// SQL for reading cases; row-level security narrows every query to the actor's scope.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { auditEvents, caseAssignments, caseNumberCounters, cases } from "../../../db/schema.js";
import type { Transaction } from "../../transaction.js";

export interface CaseListFilter {
  missionCode?: string;
  status?: string;
  limit: number;
  offset: number;
}

export function listCaseRows(tx: Transaction, filter: CaseListFilter) {
  const conditions: SQL[] = [];
  if (filter.missionCode) conditions.push(eq(cases.missionCode, filter.missionCode));
  if (filter.status) conditions.push(eq(cases.status, filter.status));
  return tx
    .select()
    .from(cases)
    .where(and(...conditions))
    .orderBy(desc(cases.dateReported), desc(cases.reference))
    .limit(filter.limit)
    .offset(filter.offset);
}

export async function findCaseRow(tx: Transaction, id: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id));
  return row;
}

export async function assignmentsOf(tx: Transaction, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, string[]>();
  const rows = await tx.select().from(caseAssignments).where(inArray(caseAssignments.caseId, caseIds));
  const byCase = new Map<string, string[]>();
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.userId]);
  return byCase;
}

/**
 * The next readable case number for a mission and year, e.g. MONUSCO-2026-0042. The counter row is
 * locked by the update, so concurrent intakes never share a number; numbers already taken (imported
 * records keep their own) are skipped.
 */
export async function allocateCaseReference(tx: Transaction, missionCode: string, year: number): Promise<string> {
  for (;;) {
    const [row] = await tx
      .insert(caseNumberCounters)
      .values({ missionCode, year, lastNumber: 1 })
      .onConflictDoUpdate({ target: [caseNumberCounters.missionCode, caseNumberCounters.year], set: { lastNumber: sql`${caseNumberCounters.lastNumber} + 1` } })
      .returning({ lastNumber: caseNumberCounters.lastNumber });
    const reference = `${missionCode}-${year}-${String(row.lastNumber).padStart(4, "0")}`;
    if (!(await referenceTaken(tx, reference))) return reference;
  }
}

/** Whether a case number is in use, whoever may see that case (row-level security must not hide it here). */
async function referenceTaken(tx: Transaction, reference: string): Promise<boolean> {
  const result = (await tx.execute(sql`select conduct_case_reference_taken(${reference}) as taken`)) as unknown as { rows: { taken: boolean }[] };
  return result.rows[0].taken;
}

/** The case's workflow events, oldest first: reads from the audit trail, which the app role may read. */
export function caseHistory(tx: Transaction, caseId: string) {
  return tx
    .select({ occurredAt: auditEvents.occurredAt, action: auditEvents.action, actorRole: auditEvents.actorRole, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "case"), eq(auditEvents.subjectId, caseId), inArray(auditEvents.action, ["case.create", "case.transition"])))
    .orderBy(auditEvents.id);
}

/** A case with the facts the need-to-know policy decides on, or null when absent (or hidden by RLS). */
export async function findCaseWithFacts(tx: Transaction, id: string) {
  const row = await findCaseRow(tx, id);
  if (!row) return null;
  const assignedUserIds = (await assignmentsOf(tx, [id])).get(id) ?? [];
  return { row, facts: { missionCode: row.missionCode, nationalityCodes: row.nationalityCodes, assignedUserIds } };
}
