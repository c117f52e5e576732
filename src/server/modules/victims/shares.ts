// Sharing a victim's record with a unit of another entity (one UN): an explicit referral by the unit
// that keeps the record, with the consent that allows it — the victim's own, or for a child their
// caregiver's. While it lasts, that unit's victim-assistance staff work on the record as on their
// own (row-level security reads the shares too); ending it takes the record back. Both are audited.
import { and, asc, eq, isNull } from "drizzle-orm";
import { missions, user, victims, victimShares } from "../../../db/schema.js";
import type { ShareVictimBody, VictimShare } from "../../../domain/contracts/victims.js";
import { type ConsentGiver, consentGiverFits } from "../../../domain/victims.js";
import type { Actor } from "../../auth/actor.js";
import { sharePolicy, victimPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture } from "../../dates.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { unitOfAnotherEntity } from "../reference/index.js";
import type { VictimRow } from "./presenters.js";

/** The units a record is shared with now. */
export async function sharedUnitsOf(tx: Transaction, victimId: string): Promise<string[]> {
  const rows = await tx
    .select({ unitCode: victimShares.unitCode })
    .from(victimShares)
    .where(and(eq(victimShares.victimId, victimId), isNull(victimShares.endedAt)));
  return rows.map((row) => row.unitCode);
}

/** Whether the actor works on this record: in the unit that keeps it, or in a unit it is shared with. */
export const worksOnVictim = (actor: Actor, row: VictimRow, sharedUnits: string[]) =>
  victimPolicy.work(actor, row.missionCode) || sharedUnits.some((unit) => victimPolicy.work(actor, unit));

/** The record's shares, oldest first; `keepingUnit` is the unit that keeps the record. */
export async function sharesOf(
  tx: Transaction,
  actor: Actor,
  victimId: string,
  keepingUnit: string,
): Promise<VictimShare[]> {
  const rows = await tx
    .select({ share: victimShares, entityCode: missions.entityCode, sharedByName: user.name })
    .from(victimShares)
    .innerJoin(missions, eq(missions.code, victimShares.unitCode))
    .leftJoin(user, eq(user.id, victimShares.sharedBy))
    .where(eq(victimShares.victimId, victimId))
    .orderBy(asc(victimShares.sharedAt));
  return rows.map(({ share, entityCode, sharedByName }) => ({
    id: share.id,
    unitCode: share.unitCode,
    entityCode,
    consentBy: share.consentBy as ConsentGiver,
    consentOn: share.consentOn,
    sharedAt: share.sharedAt.toISOString(),
    sharedByName,
    endedAt: share.endedAt?.toISOString() ?? null,
    canEnd: share.endedAt === null && sharePolicy.endVictim(actor, keepingUnit, share.unitCode),
  }));
}

/** A victim in scope (row-level security hides the rest, shared records included), or 404. */
export async function victimInScope(tx: Transaction, actor: Actor, id: string): Promise<VictimRow> {
  const [row] = await tx.select().from(victims).where(eq(victims.id, id));
  if (!row) throw new NotFound("victim");
  // The keeping unit's own staff need no look at the shares: most reads of a record are theirs.
  if (!victimPolicy.work(actor, row.missionCode) && !worksOnVictim(actor, row, await sharedUnitsOf(tx, id)))
    throw new NotFound("victim");
  return row;
}

/** The record's keeping unit's staff share it; the unit must be another entity's, and the consent fit the victim. */
export async function shareVictim(services: Services, actor: Actor, victimId: string, body: ShareVictimBody) {
  assertNotInFuture(body.consentOn, "body.consentOn", "Consent cannot be dated in the future.");
  return inTransaction(services.db, actor, async (tx) => {
    const row = await victimInScope(tx, actor, victimId);
    if (!victimPolicy.work(actor, row.missionCode))
      throw new Forbidden("Only the unit that keeps the record shares it.", "not_the_keeping_unit");
    const unit = await unitOfAnotherEntity(tx, body.unitCode, row.missionCode);
    if (!consentGiverFits(row.ageGroup as Parameters<typeof consentGiverFits>[0], body.consentBy))
      throw new ValidationFailed(
        row.ageGroup === "child"
          ? "A child's record is shared on their caregiver's consent."
          : "An adult's record is shared on their own consent.",
        [{ path: "body.consentBy", message: "consent_giver" }],
        "consent_giver",
      );
    if ((await sharedUnitsOf(tx, victimId)).includes(body.unitCode))
      throw new Conflict("The record is already shared with that unit.", {}, "already_shared");
    const [share] = await tx
      .insert(victimShares)
      .values({
        victimId,
        unitCode: body.unitCode,
        consentBy: body.consentBy,
        consentOn: body.consentOn,
        sharedBy: actor.userId,
      })
      .returning({ id: victimShares.id });
    await recordAuditEvent(tx, actor, {
      action: "victim.share",
      subjectType: "victim",
      subjectId: victimId,
      details: { unitCode: body.unitCode, entityCode: unit.entityCode, consentBy: body.consentBy, shareId: share.id },
    });
    return sharesOf(tx, actor, victimId, row.missionCode);
  });
}

/** Ends a share: the keeping unit takes the record back, or the unit shared with hands its share back. */
export async function endVictimShare(services: Services, actor: Actor, victimId: string, shareId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await victimInScope(tx, actor, victimId);
    const [share] = await tx
      .select()
      .from(victimShares)
      .where(and(eq(victimShares.id, shareId), eq(victimShares.victimId, victimId)));
    if (!share) throw new NotFound("share");
    if (!sharePolicy.endVictim(actor, row.missionCode, share.unitCode))
      throw new Forbidden("Only the unit that keeps the record, or the unit it is shared with, ends a share.");
    if (share.endedAt) throw new Conflict("This share has ended already.", {}, "share_ended");
    await tx
      .update(victimShares)
      .set({ endedAt: new Date(), endedBy: actor.userId })
      .where(eq(victimShares.id, shareId));
    await recordAuditEvent(tx, actor, {
      action: "victim.share.end",
      subjectType: "victim",
      subjectId: victimId,
      details: { unitCode: share.unitCode, shareId },
    });
    return sharesOf(tx, actor, victimId, row.missionCode);
  });
}
