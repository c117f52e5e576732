// How the audit area's records are answered: the fields each reader gets and their abilities.
import type { listAuditEvents } from "./queries.js";

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>[number];
export function presentAuditEvent(row: AuditRow, subjectNames: Map<string, string>) {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName: row.subjectId === null ? null : (subjectNames.get(row.subjectId) ?? null),
    outcome: row.outcome,
    details: row.details,
    hash: row.hash,
  };
}
