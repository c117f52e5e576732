// SQL for reading cases; row-level security narrows every query to the actor's scope.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { caseAssignments, caseNumberCounters, cases } from "../../../db/schema.js";
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

/** The next readable case number for a mission and year, e.g. MONUSCO-2026-0042; safe under concurrency. */
export async function allocateCaseReference(tx: Transaction, missionCode: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(caseNumberCounters)
    .values({ missionCode, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [caseNumberCounters.missionCode, caseNumberCounters.year], set: { lastNumber: sql`${caseNumberCounters.lastNumber} + 1` } })
    .returning({ lastNumber: caseNumberCounters.lastNumber });
  return `${missionCode}-${year}-${String(row.lastNumber).padStart(4, "0")}`;
}
