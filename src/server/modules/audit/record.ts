// Appends an audit event inside the caller's transaction, so the event and the change commit together.
import { auditEvents } from "../../../db/schema.js";
import type { AuditAction, AuditDetails, AuditSubjectOf } from "../../../domain/audit-catalogue.js";
import type { Actor } from "../../auth/actor.js";
import type { Transaction } from "../../transaction.js";
import { GENESIS_HASH, hashAuditEvent } from "./chain.js";
import { lockAuditChain } from "./queries.js";

/** An event as the catalogue declares its action: its subject's kind and the shape of its details. */
export interface AuditEntry<A extends AuditAction> {
  action: A;
  subjectType?: AuditSubjectOf<A>;
  subjectId?: string;
  outcome?: "success" | "denied" | "failure";
  details?: AuditDetails<A>;
}

export async function recordAuditEvent<A extends AuditAction>(
  tx: Transaction,
  actor: Actor,
  entry: AuditEntry<A>,
): Promise<void> {
  const previousHash = await lockAuditChain(tx);
  const content = {
    occurredAt: new Date(),
    actorId: actor.userId,
    actorRole: actor.role,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    outcome: entry.outcome ?? "success",
    details: entry.details ?? {},
    previousHash: previousHash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...content, hash: hashAuditEvent(content) });
}
