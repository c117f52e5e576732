// The two-person rule for revealing an identity. Where a deployment asks for it, a reveal first
// files a request; an identity custodian (someone else) approves or refuses it; an approval lets
// its requester reveal that identity until it expires. Every step is audited, and the reveal's own
// audit event names the approval it used.
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { revealRequests, user } from "../../../db/schema.js";
import type { RevealPending } from "../../../domain/contracts/reveals.js";
import type { Actor } from "../../auth/actor.js";
import { revealPolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound } from "../../errors.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

export interface RevealSubject {
  subjectType: "victim" | "perpetrator";
  subjectId: string;
  /** The subject's pseudonymous code, all the custodian is shown of it. */
  subjectLabel: string;
  reason: string;
  purpose?: string;
}

/** Either the approval a reveal may go ahead under (null when none is needed), or what it waits for. */
export type RevealClearance = { approvalId: string | null } | RevealPending;

/**
 * Whether the actor may reveal the subject's identity now. When the deployment asks for a second
 * person and no approval of theirs is in force, a request is filed (or the pending one kept) and
 * the reveal answers that it waits; the caller's transaction keeps the request.
 */
export async function revealClearance(
  services: Services,
  tx: Transaction,
  actor: Actor,
  subject: RevealSubject,
): Promise<RevealClearance> {
  if (!services.config.revealApproval.required) return { approvalId: null };
  const [latest] = await tx
    .select()
    .from(revealRequests)
    .where(and(eq(revealRequests.subjectId, subject.subjectId), eq(revealRequests.requestedBy, actor.userId ?? "")))
    .orderBy(desc(revealRequests.requestedAt))
    .limit(1);
  if (latest?.decision === "approved" && latest.expiresAt && latest.expiresAt > new Date())
    return { approvalId: latest.id };
  if (latest && latest.decision === null) return waiting(latest);
  const [filed] = await tx
    .insert(revealRequests)
    .values({
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      subjectLabel: subject.subjectLabel,
      requestedBy: actor.userId ?? "",
      requesterRole: actor.role,
      reason: subject.reason,
      purpose: subject.purpose ?? null,
    })
    .returning();
  await recordAuditEvent(tx, actor, {
    action: "identity.reveal.request",
    subjectType: "reveal_request",
    subjectId: filed.id,
    details: { subjectType: subject.subjectType, subjectId: subject.subjectId, reason: subject.reason },
  });
  // A refusal stands on the record; asking again is a new request, which the custodian sees beside it.
  return latest?.decision === "refused" ? waiting(filed, "refused", latest.note) : waiting(filed);
}

const waiting = (
  row: typeof revealRequests.$inferSelect,
  status: "pending" | "refused" = "pending",
  note: string | null = null,
): RevealPending => ({ approval: { id: row.id, status, requestedAt: row.requestedAt.toISOString(), note } });

export async function listRevealRequests(services: Services, actor: Actor, status: "pending" | "decided") {
  if (!revealPolicy.browse(actor)) throw new Forbidden("Identity custodians decide requests to reveal identities.");
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      const rows = await tx
        .select({ request: revealRequests, requesterName: user.name })
        .from(revealRequests)
        .innerJoin(user, eq(user.id, revealRequests.requestedBy))
        .where(status === "pending" ? isNull(revealRequests.decision) : isNotNull(revealRequests.decision))
        .orderBy(status === "pending" ? revealRequests.requestedAt : desc(revealRequests.decidedAt))
        .limit(200);
      return { items: rows.map((row) => presentRevealRequest(row.request, row.requesterName, actor)) };
    },
    { readOnly: true },
  );
}

export async function decideRevealRequest(
  services: Services,
  actor: Actor,
  id: string,
  input: { decision: "approve" | "refuse"; note?: string },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(revealRequests).where(eq(revealRequests.id, id));
    if (!row || !revealPolicy.browse(actor)) throw new NotFound("reveal request");
    if (!revealPolicy.decide(actor, row.requestedBy))
      throw new Forbidden("A request to reveal an identity is decided by a second person, not by its requester.");
    if (row.decision !== null) throw new Forbidden("This request has already been decided.");
    const approved = input.decision === "approve";
    const decidedAt = new Date();
    const [decided] = await tx
      .update(revealRequests)
      .set({
        decision: approved ? "approved" : "refused",
        decidedBy: actor.userId,
        decidedAt,
        note: input.note ?? null,
        expiresAt: approved ? new Date(decidedAt.getTime() + services.config.revealApproval.hours * 3_600_000) : null,
      })
      .where(and(eq(revealRequests.id, id), isNull(revealRequests.decision)))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "identity.reveal.decide",
      subjectType: "reveal_request",
      subjectId: id,
      details: { decision: decided.decision as string, requestedBy: row.requestedBy },
    });
    const [requester] = await tx.select({ name: user.name }).from(user).where(eq(user.id, row.requestedBy));
    return presentRevealRequest(decided, requester?.name ?? "", actor);
  });
}

function presentRevealRequest(row: typeof revealRequests.$inferSelect, requesterName: string, actor: Actor) {
  return {
    id: row.id,
    subjectType: row.subjectType as "victim" | "perpetrator",
    subjectLabel: row.subjectLabel,
    requester: { name: requesterName, role: row.requesterRole },
    reason: row.reason,
    purpose: row.purpose,
    requestedAt: row.requestedAt.toISOString(),
    decision: row.decision as "approved" | "refused" | null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    note: row.note,
    can: { decide: row.decision === null && revealPolicy.decide(actor, row.requestedBy) },
  };
}
