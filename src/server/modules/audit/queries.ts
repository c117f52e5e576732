// SQL for the audit trail.
import { and, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { auditEvents } from "../../../db/schema.js";
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
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, filter.to));
  if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
  return tx
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}

export function auditEventsPage(tx: Transaction, afterId: number, size: number) {
  return tx.select().from(auditEvents).where(sql`${auditEvents.id} > ${afterId}`).orderBy(auditEvents.id).limit(size);
}
