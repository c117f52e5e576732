// How the cases area's records are answered: the fields each reader gets and their abilities.
import type { perpetrators } from "../../../db/schema.js";
import type { Actor } from "../../auth/actor.js";
import { casePolicy } from "../../auth/policies/index.js";
import { type CaseStatus, nextSteps } from "../../../domain/workflow.js";
import type { CaseSummaryRow } from "./queries.js";

export type PerpetratorRow = typeof perpetrators.$inferSelect;

export const presentPerpetrator = (row: PerpetratorRow, canReveal: boolean) => ({
  id: row.id,
  code: row.code,
  categoryCode: row.categoryCode,
  nationalityCode: row.nationalityCode,
  unit: row.unit,
  identityRecorded: row.identityEncrypted !== null,
  can: { revealIdentity: canReveal && row.identityEncrypted !== null },
});

export function presentCaseSummary(
  row: Omit<CaseSummaryRow, "assignedUserIds" | "unreadMessages"> & { unreadMessages?: boolean },
  actor: Actor,
  assignedUserIds: string[],
) {
  const facts = {
    missionCode: row.missionCode,
    nationalityCodes: row.nationalityCodes,
    assignedUserIds,
    headquartersOnly: row.headquartersOnly,
    sharedUnitCodes: row.sharedUnitCodes,
  };
  const can = casePolicy.abilities(actor, facts);
  return {
    id: row.id,
    reference: row.reference,
    missionCode: row.missionCode,
    status: row.status,
    dateReported: row.dateReported,
    dateOfIncident: row.dateOfIncident,
    categoryCodes: row.categoryCodes,
    nationalityCodes: casePolicy.knownNationalities(actor, row.nationalityCodes),
    allegationCodes: row.allegationCodes,
    victims: {
      women: row.victimsWomen,
      girls: row.victimsGirls,
      boys: row.victimsBoys,
      men: row.victimsMen,
      unknown: row.victimsUnknown,
    },
    paternityClaim: row.paternityClaim,
    childrenInvolved: row.childrenInvolved as "yes" | "no" | "unknown",
    riskLocation: row.riskLocation,
    urgent: row.urgent,
    headquartersOnly: row.headquartersOnly,
    sharedUnitCodes: row.sharedUnitCodes,
    /** The reporter wrote on one of the case's reports since this reader last read it. */
    unreadMessages: row.unreadMessages ?? false,
    narrativeConfidential: row.narrativeConfidential,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    assignedUserIds: can.edit ? assignedUserIds : [],
    version: row.version,
    can,
    /** The workflow steps this actor may take now by hand, and the records that would take the others. */
    ...workflowNext(row.status as CaseStatus, can.edit),
  };
}

function workflowNext(status: CaseStatus, canEdit: boolean) {
  const { manual, records } = nextSteps(status);
  return { next: canEdit ? manual : [], awaiting: canEdit ? records : [] };
}
