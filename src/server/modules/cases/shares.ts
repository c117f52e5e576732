// Sharing a case with a unit of another entity (one UN): MONUSCO's team shares a case with UNICEF's
// office, which assists its child victims. An explicit referral by those who manage the case, with
// the reason the unit needs it; while it lasts the unit's conduct and victim-assistance staff read the
// case and add notes (row-level security reads the shares too), and the unit holding the case still
// decides everything else. Either side ends it. Both are audited.
import { and, asc, eq, isNull } from "drizzle-orm";
import { caseShares, missions, user } from "../../../db/schema.js";
import type { CaseShares, ShareCaseBody } from "../../../domain/contracts/cases.js";
import type { Actor } from "../../auth/actor.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { receivingUnit } from "../reference/index.js";
import { authorizeCase } from "./authorize.js";

async function sharesOf(tx: Transaction, caseId: string): Promise<CaseShares> {
  const rows = await tx
    .select({ share: caseShares, entityCode: missions.entityCode, sharedByName: user.name })
    .from(caseShares)
    .innerJoin(missions, eq(missions.code, caseShares.unitCode))
    .leftJoin(user, eq(user.id, caseShares.sharedBy))
    .where(eq(caseShares.caseId, caseId))
    .orderBy(asc(caseShares.sharedAt));
  return {
    items: rows.map(({ share, entityCode, sharedByName }) => ({
      id: share.id,
      unitCode: share.unitCode,
      entityCode,
      reason: share.reason,
      sharedAt: share.sharedAt.toISOString(),
      sharedByName,
      endedAt: share.endedAt?.toISOString() ?? null,
    })),
  };
}

/** With whom the case is shared, now and before: for everyone who reads the case. */
export async function listCaseShares(services: Services, actor: Actor, caseId: string) {
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      await authorizeCase(tx, actor, caseId);
      return sharesOf(tx, caseId);
    },
    { readOnly: true },
  );
}

/** Those who manage the case share it with an open unit of another entity, saying why. */
export async function shareCase(services: Services, actor: Actor, caseId: string, body: ShareCaseBody) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId, {
      can: "share",
      refusal: "Only those who manage the case share it with another entity.",
    });
    const holder = found.row.missionCode;
    const unit = await receivingUnit(tx, body.unitCode, holder, "body.unitCode");
    const [own] = await tx.select({ entityCode: missions.entityCode }).from(missions).where(eq(missions.code, holder));
    if (unit.entityCode === own?.entityCode)
      throw new ValidationFailed(
        "That unit is of the same entity: headquarters sends the case there instead.",
        [{ path: "body.unitCode", message: "same entity" }],
        "same_entity",
      );
    if (found.facts.sharedUnitCodes.includes(unit.code))
      throw new Conflict("The case is already shared with that unit.", {}, "already_shared");
    const [share] = await tx
      .insert(caseShares)
      .values({ caseId, unitCode: unit.code, reason: body.reason, sharedBy: actor.userId })
      .returning({ id: caseShares.id });
    // The reason is the unit's business and stays on the share; the trail says who shared with whom.
    await recordAuditEvent(tx, actor, {
      action: "case.share",
      subjectType: "case",
      subjectId: caseId,
      details: { unitCode: unit.code, entityCode: unit.entityCode, shareId: share.id },
    });
    return sharesOf(tx, caseId);
  });
}

/** Ends a share: those who manage the case take it back, or the unit shared with hands it back. */
export async function endCaseShare(services: Services, actor: Actor, caseId: string, shareId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    const [share] = await tx
      .select()
      .from(caseShares)
      .where(and(eq(caseShares.id, shareId), eq(caseShares.caseId, caseId)));
    if (!share) throw new NotFound("share");
    const sharedWithActor = actor.role === "cdt_officer" && actor.missionCodes.includes(share.unitCode);
    if (!found.can.share && !sharedWithActor)
      throw new Forbidden("Only those who manage the case, or the unit it is shared with, end a share.");
    const [ended] = await tx
      .update(caseShares)
      .set({ endedAt: new Date(), endedBy: actor.userId })
      .where(and(eq(caseShares.id, shareId), isNull(caseShares.endedAt)))
      .returning({ id: caseShares.id });
    if (!ended) throw new Conflict("This share has ended already.", {}, "share_ended");
    await recordAuditEvent(tx, actor, {
      action: "case.share.end",
      subjectType: "case",
      subjectId: caseId,
      details: { unitCode: share.unitCode, shareId },
    });
    return sharesOf(tx, caseId);
  });
}
