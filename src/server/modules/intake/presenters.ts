// How the intake area's records are answered: the fields each reader gets and their abilities.
import type { reports } from "../../../db/schema.js";
import type { Actor } from "../../auth/actor.js";
import { reportPolicy } from "../../auth/policies/index.js";

export type ReportRow = typeof reports.$inferSelect;

export function presentQueueItem(row: ReportRow, possibleDuplicate: boolean, actor: Actor) {
  return {
    possibleDuplicate,
    id: row.id,
    missionCode: row.missionCode,
    channel: row.channel,
    receivedAt: row.receivedAt.toISOString(),
    language: row.language,
    incidentDate: row.incidentDate,
    personnelCategoryCodes: row.personnelCategoryCodes,
    nationalityCodes: row.nationalityCodes,
    childrenInvolved: row.childrenInvolved,
    anonymous: row.anonymous,
    caseId: row.caseId,
    version: row.version,
    can: reportPolicy.abilities(actor, row),
  };
}
