// Appends an audit event inside the caller's transaction, so the event and the change commit together.
import { auditEvents } from "../../../db/schema.js";
import type { Actor } from "../../auth/actor.js";
import type { Transaction } from "../../transaction.js";
import { GENESIS_HASH, hashAuditEvent } from "./chain.js";
import { lockAuditChain } from "./queries.js";

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string;
  outcome?: "success" | "denied" | "failure";
  /** Identifiers and field names only: never personal data, secrets or free text. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

export async function recordAuditEvent(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
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
