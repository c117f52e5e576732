// Actions on an alleged perpetrator: interim (at any time) and final (after a substantiated
// finding), by the UN or by the Member State, which records its own sanctions on its nationals.
import { asc, eq } from "drizzle-orm";
import { caseActions, perpetrators } from "../../../db/schema.js";
import { type ActionKind, type ActionStage, type ActionTaker, actionProblem } from "../../../domain/enforcement.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { type CaseScopeFacts, casePolicy, enforcementPolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertCaseOpen, authorizeCase } from "../cases/index.js";
import { advanceCase } from "../cases/index.js";
import { listPerpetrators } from "../cases/index.js";
import { findingsOnPerpetrator, investigationsOfCase } from "./investigations.js";
import { assertNotInFuture } from "../../dates.js";

import { presentAction } from "./presenters.js";
export interface ActionInput {
  perpetratorId: string;
  stage: ActionStage;
  takenBy: ActionTaker;
  kind: ActionKind;
  decidedOn: string;
  amount: number | null;
  currency: string | null;
  months: number | null;
  details: string | null;
}

const problemMessages: Record<string, string> = {
  "actions.errors.kindNotForStage":
    "This action is not of that stage: interim actions are repatriation, payment suspension, administrative leave and the screening list.",
  "actions.errors.needsSubstantiatedFinding":
    "A final action follows a finding that the allegation against this person is substantiated.",
  "actions.errors.amountRequired": "Give the amount and currency.",
  "actions.errors.amountNotExpected": "Only a payment suspension or a fine has an amount.",
  "actions.errors.monthsRequired": "Give the length of imprisonment in months.",
  "actions.errors.monthsNotExpected": "Only imprisonment has a length in months.",
};

export async function recordAction(services: Services, actor: Actor, caseId: string, input: ActionInput) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    assertCaseOpen(found.row);
    const [perpetrator] = await tx.select().from(perpetrators).where(eq(perpetrators.id, input.perpetratorId));
    if (
      !perpetrator ||
      perpetrator.caseId !== caseId ||
      !enforcementPolicy.viewPerpetrator(actor, found.facts, perpetrator.nationalityCode)
    )
      throw new NotFound("perpetrator");
    if (!enforcementPolicy.recordAction(actor, found.facts, input.takenBy, perpetrator.nationalityCode)) {
      throw new Forbidden(
        "A Member State records the actions it took on its own nationals; the case's officers record the UN's.",
      );
    }
    assertNotInFuture(input.decidedOn, "body.decidedOn", "The decision cannot be dated in the future.");
    const problem = actionProblem(input, await findingsOnPerpetrator(tx, input.perpetratorId));
    if (problem)
      throw new ValidationFailed(
        problemMessages[problem],
        [{ path: "body.kind", message: problem }],
        problem.split(".").at(-1),
      );
    const [row] = await tx
      .insert(caseActions)
      .values({ caseId, ...input, recordedBy: actor.userId })
      .returning();
    if (input.stage === "final") await advanceCase(tx, actor, caseId, found.row.status, "recordActions");
    await recordAuditEvent(tx, actor, {
      action: "action.record",
      subjectType: "case",
      subjectId: caseId,
      details: {
        actionId: row.id,
        perpetratorCode: perpetrator.code,
        stage: input.stage,
        takenBy: input.takenBy,
        kind: input.kind,
      },
    });
    return presentAction(row);
  });
}

/** The actions the caller may see on a case (a State sees those on its own nationals). */
export async function actionsOfCase(
  tx: Transaction,
  actor: Actor,
  facts: CaseScopeFacts,
  caseId: string,
  visiblePerpetratorIds: Set<string>,
) {
  const rows = await tx
    .select()
    .from(caseActions)
    .where(eq(caseActions.caseId, caseId))
    .orderBy(asc(caseActions.decidedOn), asc(caseActions.createdAt));
  return casePolicy.view(actor, facts)
    ? rows.filter((row) => visiblePerpetratorIds.has(row.perpetratorId)).map(presentAction)
    : [];
}

/** Everything enforcement holds on a case, as the caller may see it: who is implicated, investigations, findings, actions. */
export async function enforcementRecord(services: Services, actor: Actor, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    const perpetratorList = await listPerpetrators(tx, actor, found.facts, caseId);
    const { can } = found;
    await recordAuditEvent(tx, actor, { action: "case.enforcement.read", subjectType: "case", subjectId: caseId });
    return {
      perpetrators: perpetratorList,
      investigations: await investigationsOfCase(tx, actor, found.facts, caseId),
      actions: await actionsOfCase(tx, actor, found.facts, caseId, new Set(perpetratorList.map((p) => p.id))),
      can: {
        addPerpetrator: enforcementPolicy.addPerpetrator(actor, found.facts),
        openInvestigation: found.row.status !== "closed" && can.investigate,
        recordAction: found.row.status !== "closed" && (can.edit || can.recordMemberStateUpdate),
      },
    };
  });
}
