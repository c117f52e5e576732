// Sharing a case with a unit of another entity (one UN): MONUSCO's team shares a case with UNICEF's
// office, which assists its child victims. An explicit referral by those who manage the case, with
// the reason the unit needs it; while it lasts the unit's conduct and victim-assistance staff read the
// case and add notes (row-level security reads the shares too), and the unit holding the case still
// decides everything else. Either side ends it. Both are audited.
import { eq } from "drizzle-orm";
import { caseShares } from "../../../db/schema.js";
import type { ShareWithReasonBody } from "../../../domain/contracts/fields.js";
import type { Actor } from "../../auth/actor.js";
import { Conflict } from "../../errors.js";
import type { Services } from "../../services.js";
import { endReasonedShare, reasonedSharesOf } from "../../shares.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { unitOfAnotherEntity } from "../reference/index.js";
import { authorizeCase } from "./authorize.js";

const ofCase = (caseId: string) => eq(caseShares.caseId, caseId);

/** With whom the case is shared, now and before: for everyone who reads the case. */
export async function listCaseShares(services: Services, actor: Actor, caseId: string) {
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      const found = await authorizeCase(tx, actor, caseId);
      return reasonedSharesOf(tx, actor, caseShares, ofCase(caseId), found.can.share);
    },
    { readOnly: true },
  );
}

/** Those who manage the case share it with an open unit of another entity, saying why. */
export async function shareCase(services: Services, actor: Actor, caseId: string, body: ShareWithReasonBody) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId, {
      can: "share",
      refusal: "Only those who manage the case share it with another entity.",
    });
    const unit = await unitOfAnotherEntity(tx, body.unitCode, found.row.missionCode);
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
    return reasonedSharesOf(tx, actor, caseShares, ofCase(caseId), true);
  });
}

/** Ends a share: those who manage the case take it back, or the unit shared with hands it back. */
export async function endCaseShare(services: Services, actor: Actor, caseId: string, shareId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    const unitCode = await endReasonedShare(tx, actor, caseShares, shareId, ofCase(caseId), found.can.share);
    await recordAuditEvent(tx, actor, {
      action: "case.share.end",
      subjectType: "case",
      subjectId: caseId,
      details: { unitCode, shareId },
    });
    return reasonedSharesOf(tx, actor, caseShares, ofCase(caseId), found.can.share);
  });
}
