// How the referrals area's records are answered: the fields each reader gets and their abilities.
import type { referrals } from "../../../db/schema.js";
import { daysOverdue } from "../../../domain/deadlines.js";
import type { Actor } from "../../auth/actor.js";
import { type casePolicy, enforcementPolicy, referralPolicy } from "../../auth/policies/index.js";

export type ReferralRow = typeof referrals.$inferSelect;

export function presentReferral(
  row: ReferralRow,
  actor: Actor,
  caseFacts: Parameters<typeof casePolicy.view>[1],
  today: string,
) {
  const awaitingReply = row.replyDueOn !== null && row.reply === null;
  return {
    id: row.id,
    caseId: row.caseId,
    entity: row.entity,
    countryCode: row.countryCode,
    noteVerbaleReference: row.noteVerbaleReference,
    sentOn: row.sentOn,
    replyDueOn: row.replyDueOn,
    policyVersion: row.policyVersion,
    reply: row.reply,
    repliedOn: row.repliedOn,
    nioName: row.nioName,
    nioAppointedOn: row.nioAppointedOn,
    daysOverdue: awaitingReply ? Math.max(0, daysOverdue(row.replyDueOn as string, today)) : 0,
    version: row.version,
    can: {
      recordReply: referralPolicy.recordReply(actor, caseFacts, row.countryCode),
      extend: awaitingReply && enforcementPolicy.extendDeadline(actor, caseFacts),
    },
  };
}
