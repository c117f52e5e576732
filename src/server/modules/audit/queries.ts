// SQL for the audit trail.
import { and, desc, eq, getTableColumns, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { auditEvents, user } from "../../../db/schema.js";
import type { Transaction } from "../../transaction.js";

/**
 * Takes the chain's lock and answers the hash to extend, in one round trip (see the migration for
 * why it reads after the lock): one writer at a time extends the chain, until its transaction ends.
 */
export async function lockAuditChain(tx: Transaction): Promise<string | null> {
  const result = (await tx.execute(sql`select conduct_lock_audit_chain() as hash`)) as unknown as {
    rows: { hash: string | null }[];
  };
  return result.rows[0]?.hash ?? null;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  /** A case number: the events of the case and of every record hanging from it. */
  caseReference?: string;
  /** Part of the name of the person who acted. */
  person?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

export function listAuditEvents(tx: Transaction, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.subjectType) conditions.push(eq(auditEvents.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditEvents.subjectId, filter.subjectId));
  if (filter.outcome) conditions.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.person) conditions.push(sql`${user.name} ilike ${`%${filter.person.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (filter.caseReference) conditions.push(aboutCase(filter.caseReference));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, filter.to));
  if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
  return tx
    .select({ ...getTableColumns(auditEvents), actorName: user.name })
    .from(auditEvents)
    .leftJoin(user, eq(user.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}

/** Events of a case by its number: about the case or a record of it, or naming it among several (publication). */
function aboutCase(reference: string) {
  const subjects = sql`(select subject_id from conduct_audit_case_subjects(${reference}))`;
  return sql`(${auditEvents.subjectId} in ${subjects} or ${auditEvents.details} ->> 'caseId' in ${subjects}
    or exists (select 1 from jsonb_array_elements_text(case when jsonb_typeof(${auditEvents.details} -> 'caseIds') = 'array' then ${auditEvents.details} -> 'caseIds' else '[]'::jsonb end) listed where listed in ${subjects}))`;
}

export function auditEventsPage(tx: Transaction, afterId: number, size: number) {
  return tx.select().from(auditEvents).where(sql`${auditEvents.id} > ${afterId}`).orderBy(auditEvents.id).limit(size);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the organisation calls each subject (a case's number, a victim's code), for auditors only. */
export async function auditSubjectNames(tx: Transaction, subjectIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(subjectIds.filter((id): id is string => id !== null && uuidPattern.test(id)))];
  if (ids.length === 0) return new Map();
  const result = (await tx.execute(
    sql`select subject_id::text as id, name from conduct_audit_subject_names(${`{${ids.join(",")}}`}::uuid[])`,
  )) as unknown as { rows: { id: string; name: string }[] };
  return new Map(result.rows.map((row) => [row.id, row.name]));
}
