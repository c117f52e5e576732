// Allegations against a unit's leader: a commander who did not report, enforce or cooperate answers
// for it as misconduct of their own. The allegation is opened as a case of its own (its investigation,
// findings and actions follow the usual path), its alleged perpetrator the leader, linked to the case
// whose handling it concerns.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { cases, leaderAllegations, perpetrators, unitLeaders } from "../../../db/schema.js";
import type { LeaderAllegationBody } from "../../../domain/contracts/command.js";
import type { Actor } from "../../auth/actor.js";
import { enforcementPolicy } from "../../auth/policies/index.js";
import { todayIso } from "../../dates.js";
import { Forbidden, invalidField } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { allocateCaseReference, assertCaseOpen, authorizeCase } from "../cases/index.js";
import { caseUnit, presentLeaders } from "./service.js";

export async function allegeAgainstLeader(
  services: Services,
  actor: Actor,
  originCaseId: string,
  unitId: string,
  input: LeaderAllegationBody,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const origin = await authorizeCase(tx, actor, originCaseId);
    if (!enforcementPolicy.addPerpetrator(actor, origin.facts))
      throw new Forbidden("Only the case's Conduct and Discipline officers open an allegation against a leader.");
    assertCaseOpen(origin.row);
    const unit = await caseUnit(tx, originCaseId, unitId);
    const rows = await tx
      .select()
      .from(unitLeaders)
      .where(and(eq(unitLeaders.id, input.leaderId), eq(unitLeaders.contingentId, unit.id)));
    if (rows.length === 0)
      throw invalidField("That leader is not one of the unit's.", "body.leaderId", "unknown_leader");
    const [leader] = (await presentLeaders(services, tx, rows)).all;
    const caseId = randomUUID();
    const dateReported = todayIso();
    await tx.insert(cases).values({
      id: caseId,
      reference: await allocateCaseReference(tx, origin.row.missionCode, Number(dateReported.slice(0, 4))),
      missionCode: origin.row.missionCode,
      dateReported,
      dateOfIncident: origin.row.dateOfIncident,
      categoryCodes: [unit.categoryCode],
      nationalityCodes: [unit.countryCode],
      allegationCodes: input.allegationCodes,
    });
    const perpetratorId = randomUUID();
    await tx.insert(perpetrators).values({
      id: perpetratorId,
      caseId,
      code: "P-01",
      categoryCode: unit.categoryCode,
      nationalityCode: unit.countryCode,
      unit: unit.name,
      contingentId: unit.id,
      identityEncrypted: await services.encryption.encrypt(
        tx,
        JSON.stringify({ name: leader.name, rank: leader.rank, serviceNumber: null }),
        fieldContext("perpetrators", "identity_encrypted", perpetratorId),
      ),
    });
    await tx
      .insert(leaderAllegations)
      .values({ caseId, originCaseId, contingentId: unit.id, leaderId: leader.id, recordedBy: actor.userId });
    await recordAuditEvent(tx, actor, {
      action: "case.create",
      subjectType: "case",
      subjectId: caseId,
      details: { originCaseId },
    });
    await recordAuditEvent(tx, actor, {
      action: "command.leader.allege",
      subjectType: "case",
      subjectId: originCaseId,
      details: { caseId, contingentId: unit.id, countryCode: unit.countryCode, post: leader.post },
    });
    const [created] = await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, caseId));
    return { caseId, reference: created.reference };
  });
}
