// How the intake area's records are answered: the fields each reader gets and their abilities.
import type { reports } from "../../../db/schema.js";
import { reportCode } from "../../../domain/contracts/reports.js";
import type { ReportKind, ReportRoute, Urgency } from "../../../domain/triage.js";
import type { Actor } from "../../auth/actor.js";
import { reportPolicy } from "../../auth/policies/index.js";

export type ReportRow = typeof reports.$inferSelect;

/** What the reader's own marks add to a report: whether the reporter wrote since they last read it, and its case. */
export interface ReaderFacts {
  possibleDuplicate: boolean;
  unread: boolean;
  caseReference: string | null;
}

export function presentQueueItem(row: ReportRow, facts: ReaderFacts, actor: Actor) {
  return {
    ...facts,
    id: row.id,
    code: reportCode(row.id),
    missionCode: row.missionCode,
    channel: row.channel,
    receivedAt: row.receivedAt.toISOString(),
    language: row.language,
    incidentDate: row.incidentDate,
    personnelCategoryCodes: row.personnelCategoryCodes,
    nationalityCodes: row.nationalityCodes,
    childrenInvolved: row.childrenInvolved,
    kind: row.kind as ReportKind,
    immediateDanger: row.immediateDanger,
    needs: row.needs,
    urgency: row.urgency as Urgency,
    anonymous: row.anonymous,
    route: row.route as ReportRoute,
    organisationCode: row.organisationCode,
    headquartersOnly: row.headquartersOnly,
    caseId: row.caseId,
    version: row.version,
    can: reportPolicy.abilities(actor, row),
  };
}
