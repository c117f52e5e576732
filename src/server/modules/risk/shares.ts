// A unit's misconduct risk register shared with a unit of another entity working in the same places
// (one UN: UNICEF's office beside MONUSCO's camps reads MONUSCO's register and its quarterly reports).
// Those who keep the register share it, saying why; that unit's conduct team reads it until either
// side ends the share (row-level security reads the shares too). Both are audited.
import { and, eq, isNull, sql } from "drizzle-orm";
import { preventionShares } from "../../../db/schema.js";
import type { ShareWithReasonBody } from "../../../domain/contracts/fields.js";
import type { Actor } from "../../auth/actor.js";
import { preventionPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden } from "../../errors.js";
import type { Services } from "../../services.js";
import { endReasonedShare, reasonedSharesOf } from "../../shares.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { unitOfAnotherEntity } from "../reference/index.js";

const ofRegister = (missionCode: string) => eq(preventionShares.missionCode, missionCode);

/** The units the mission's register is shared with now. */
async function sharedWith(tx: Transaction, missionCode: string): Promise<string[]> {
  const rows = await tx
    .select({ unitCode: preventionShares.unitCode })
    .from(preventionShares)
    .where(and(ofRegister(missionCode), isNull(preventionShares.endedAt)));
  return rows.map((row) => row.unitCode);
}

/** Whether the actor reads the mission's register: in scope, or through a share with their unit. */
export async function readsRegister(tx: Transaction, actor: Actor, missionCode: string) {
  // The mission's own team and headquarters need no look at the shares: most reads are theirs.
  return (
    preventionPolicy.readMission(actor, missionCode) ||
    preventionPolicy.readMission(actor, missionCode, await sharedWith(tx, missionCode))
  );
}

/** Refuses a reader whose role or unit does not cover the mission's register (directly or by a share). */
export async function registerInScope(tx: Transaction, actor: Actor, missionCode: string) {
  if (!preventionPolicy.read(actor)) throw new Forbidden();
  if (!(await readsRegister(tx, actor, missionCode)))
    throw new Forbidden("Your role does not cover this mission's prevention records.", "out_of_scope");
}

/** With whom the register is shared, now and before: for those who read it. */
export async function listRegisterShares(services: Services, actor: Actor, missionCode: string) {
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      await registerInScope(tx, actor, missionCode);
      const keeps = preventionPolicy.keep(actor, missionCode);
      return reasonedSharesOf(tx, actor, preventionShares, ofRegister(missionCode), keeps);
    },
    { readOnly: true },
  );
}

/** The units of other entities whose registers the actor's unit reads through a share. */
export async function registersSharedWithActor(services: Services, actor: Actor) {
  if (!preventionPolicy.read(actor)) throw new Forbidden();
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      const [row] = (
        (await tx.execute(sql`select conduct_actor_shared_prevention() as codes`)) as unknown as {
          rows: { codes: string[] }[];
        }
      ).rows;
      return { missionCodes: [...(row?.codes ?? [])].sort() };
    },
    { readOnly: true },
  );
}

/** Those who keep the register share it with an open unit of another entity, saying why. */
export async function shareRegister(services: Services, actor: Actor, missionCode: string, body: ShareWithReasonBody) {
  return inTransaction(services.db, actor, async (tx) => {
    await registerInScope(tx, actor, missionCode);
    if (!preventionPolicy.keep(actor, missionCode))
      throw new Forbidden("Only those who keep the mission's register share it with another entity.");
    const unit = await unitOfAnotherEntity(tx, body.unitCode, missionCode);
    if ((await sharedWith(tx, missionCode)).includes(unit.code))
      throw new Conflict("The register is already shared with that unit.", {}, "already_shared");
    const [share] = await tx
      .insert(preventionShares)
      .values({ missionCode, unitCode: unit.code, reason: body.reason, sharedBy: actor.userId })
      .returning({ id: preventionShares.id });
    await recordAuditEvent(tx, actor, {
      action: "risk.share",
      subjectType: "risk_assessment",
      details: { missionCode, unitCode: unit.code, entityCode: unit.entityCode, shareId: share.id },
    });
    return reasonedSharesOf(tx, actor, preventionShares, ofRegister(missionCode), true);
  });
}

/** Ends a share: those who keep the register take it back, or the unit shared with hands it back. */
export async function endRegisterShare(services: Services, actor: Actor, missionCode: string, shareId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    await registerInScope(tx, actor, missionCode);
    const keeps = preventionPolicy.keep(actor, missionCode);
    const unitCode = await endReasonedShare(tx, actor, preventionShares, shareId, ofRegister(missionCode), keeps);
    await recordAuditEvent(tx, actor, {
      action: "risk.share.end",
      subjectType: "risk_assessment",
      details: { missionCode, unitCode, shareId },
    });
    return reasonedSharesOf(tx, actor, preventionShares, ofRegister(missionCode), keeps);
  });
}
