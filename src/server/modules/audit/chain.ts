// The audit trail's hash chain: each event's hash covers its content and the previous event's hash.
import { createHash } from "node:crypto";
import stringify from "safe-stable-stringify";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedContent {
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: string;
  details: Record<string, unknown>;
  previousHash: string;
}

export function hashAuditEvent(event: ChainedContent): string {
  const canonical =
    stringify({
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      actorRole: event.actorRole,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      outcome: event.outcome,
      details: event.details,
      previousHash: event.previousHash,
    }) ?? "";
  return createHash("sha256").update(canonical).digest("hex");
}

export interface ChainBreak {
  id: number;
  reason: "hash_mismatch" | "broken_link";
}

/** Walks events in id order; returns the first that does not hold, or null. */
export function findChainBreak(
  events: Iterable<ChainedContent & { id: number; hash: string }>,
  startHash = GENESIS_HASH,
): ChainBreak | null {
  let previous = startHash;
  for (const event of events) {
    if (event.previousHash !== previous) return { id: event.id, reason: "broken_link" };
    if (hashAuditEvent(event) !== event.hash) return { id: event.id, reason: "hash_mismatch" };
    previous = event.hash;
  }
  return null;
}
