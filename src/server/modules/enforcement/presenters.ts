// How the enforcement area's records are answered: the fields each reader gets and their abilities.
import type { caseActions } from "../../../db/schema.js";
import type { Actor } from "../../auth/actor.js";
import { type CaseScopeFacts, enforcementPolicy } from "../../auth/policies/index.js";
import type { investigations } from "../../../db/schema.js";
import { daysOverdue } from "../../../domain/deadlines.js";
import { investigationDays } from "../../../domain/enforcement.js";

export type InvestigationRow = typeof investigations.$inferSelect;

export type ActionRow = typeof caseActions.$inferSelect;

export const presentAction = (row: ActionRow) => ({
  id: row.id,
  perpetratorId: row.perpetratorId,
  stage: row.stage,
  takenBy: row.takenBy,
  kind: row.kind,
  decidedOn: row.decidedOn,
  amount: row.amount,
  currency: row.currency,
  months: row.months,
  details: row.details,
});

export function presentInvestigation(row: InvestigationRow, actor: Actor, facts: CaseScopeFacts, today: string) {
  const open = row.completedOn === null;
  return {
    id: row.id,
    caseId: row.caseId,
    entity: row.entity,
    countryCode: row.countryCode,
    investigators: row.investigators,
    startedOn: row.startedOn,
    dueOn: row.dueOn,
    deadlineKind: row.deadlineKind,
    policyVersion: row.policyVersion,
    completedOn: row.completedOn,
    reportReceivedOn: row.reportReceivedOn,
    durationDays: investigationDays(row.startedOn, row.completedOn, today),
    daysOverdue: open ? Math.max(0, daysOverdue(row.dueOn, today)) : 0,
    version: row.version,
    can: {
      work: enforcementPolicy.workOnInvestigation(actor, facts, row.countryCode),
      extend: open && enforcementPolicy.extendDeadline(actor, facts),
    },
  };
}
