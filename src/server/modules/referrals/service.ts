// Referrals: sending a case for investigation (a note verbale to a Member State, OIOS, the mission
// unit, a contingent commander), the State's reply and NIO appointment, and what is overdue.
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import { cases, referrals } from "../../../db/schema.js";
import { computeDueDate } from "../../../domain/deadlines.js";
import {
  isStateReferral,
  type MemberStateReply,
  type ReferralEntity,
  referralProblem,
} from "../../../domain/referrals.js";
import { allowedTransitions, type CaseStatus } from "../../../domain/workflow.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { type CaseScopeFacts, heldCaseFacts, referralPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertCaseVersion, findCaseWithFacts, authorizeCase, knownNationalities } from "../cases/index.js";
import { advanceCase } from "../cases/index.js";
import { assertNotInFuture, todayIso } from "../../dates.js";

import { presentReferral } from "./presenters.js";

export interface ReferralInput {
  entity: ReferralEntity;
  countryCode: string | null;
  noteVerbaleReference: string | null;
  sentOn: string;
  caseVersion: number;
  confirmDuplicate?: boolean;
}

/** Refers a case; the first referral also moves it from preliminary assessment to referred. */
export async function referCase(services: Services, actor: Actor, caseId: string, input: ReferralInput) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId, {
      can: "refer",
      refusal: "Only the case's Conduct and Discipline officers refer it.",
    });
    assertCaseVersion(found.row, input.caseVersion);
    const problem = referralProblem(found.row, input);
    if (problem)
      throw new ValidationFailed(
        referralMessages[problem] ?? "This referral is not possible.",
        [{ path: "body.entity", message: problem }],
        problem,
      );
    assertNotInFuture(input.sentOn, "body.sentOn", "The note verbale cannot be sent in the future.");
    if (!input.confirmDuplicate) await assertNotReferredAlready(tx, actor, found.facts, caseId, input);

    const status = found.row.status as CaseStatus;
    // A further referral (a joint investigation) is fine once referred; before or after, it is not.
    const moved = await advanceCase(tx, actor, caseId, status, "refer");
    if (!moved && status !== "referred" && status !== "under_investigation")
      throw new InvalidTransition(status, "refer", allowedTransitions(status));
    const due = isStateReferral(input.entity) ? computeDueDate("member_state_reply", input.sentOn) : null;
    const [row] = await tx
      .insert(referrals)
      .values({
        caseId,
        entity: input.entity,
        countryCode: input.countryCode,
        noteVerbaleReference: input.noteVerbaleReference,
        sentOn: input.sentOn,
        replyDueOn: due?.dueDate ?? null,
        policyVersion: due?.policyVersion ?? null,
      })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "case.refer",
      subjectType: "case",
      subjectId: caseId,
      details: { referralId: row.id, entity: input.entity, countryCode: input.countryCode },
    });
    return presentReferral(row, actor, found.facts, todayIso());
  });
}

/**
 * A second referral of the same people to the same entity (a State that has not declined, OIOS…)
 * is usually a slip; it is made only when the officer confirms, with the first one named.
 */
async function assertNotReferredAlready(
  tx: Transaction,
  actor: Actor,
  facts: CaseScopeFacts,
  caseId: string,
  input: ReferralInput,
) {
  const sameCountry = input.countryCode ? eq(referrals.countryCode, input.countryCode) : isNull(referrals.countryCode);
  const [earlier] = await tx
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.caseId, caseId),
        eq(referrals.entity, input.entity),
        sameCountry,
        sql`${referrals.reply} is distinct from 'declined'`,
      ),
    )
    .orderBy(asc(referrals.sentOn))
    .limit(1);
  if (earlier)
    throw new Conflict(
      `This case was already referred to the same recipient on ${earlier.sentOn}. Confirm to record a second referral.`,
      { existing: presentReferral(earlier, actor, facts, todayIso()) },
      "referral_exists",
    );
}

const referralMessages: Record<string, string> = {
  "referrals.errors.countryRequired": "Name the State the note verbale is addressed to.",
  "referrals.errors.countryNotInvolved": "That State's nationals are not involved in this case.",
  "referrals.errors.countryNotExpected": "Only a referral to a State names a country.",
  "referrals.errors.noPoliceInvolved": "No police personnel are involved in this case.",
  "referrals.errors.troopContributorJurisdiction":
    "Military contingent members fall under the exclusive jurisdiction of their troop-contributing country: refer the case to that Member State.",
};

export async function listCaseReferrals(services: Services, actor: Actor, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    const rows = await tx
      .select()
      .from(referrals)
      .where(eq(referrals.caseId, caseId))
      .orderBy(asc(referrals.sentOn), asc(referrals.createdAt));
    const today = todayIso();
    return {
      items: rows
        .filter((row) => referralPolicy.view(actor, found.facts, row.countryCode))
        .map((row) => presentReferral(row, actor, found.facts, today)),
    };
  });
}

export interface ReplyInput {
  reply: MemberStateReply;
  repliedOn: string;
  nioName: string | null;
  nioAppointedOn: string | null;
  version: number;
}

/** A State's answer to a referral; agreeing to investigate starts the investigation on the case. */
export async function recordMemberStateReply(services: Services, actor: Actor, referralId: string, input: ReplyInput) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(referrals).where(eq(referrals.id, referralId));
    const found = row ? await findCaseWithFacts(tx, row.caseId) : null;
    if (!row || !found || !referralPolicy.view(actor, found.facts, row.countryCode)) throw new NotFound("referral");
    if (!referralPolicy.recordReply(actor, found.facts, row.countryCode))
      throw new Forbidden("Only the State's focal point or headquarters records the State's reply.");
    if (row.version !== input.version)
      throw new Conflict("This referral changed since you opened it. Reload, then try again.", {}, "stale_version");
    if (input.repliedOn < row.sentOn || input.repliedOn > todayIso())
      throw new ValidationFailed(
        "The reply date must fall between the note verbale and today.",
        [{ path: "body.repliedOn", message: "out of range" }],
        "reply_date_out_of_range",
      );
    const [updated] = await tx
      .update(referrals)
      .set({
        reply: input.reply,
        repliedOn: input.repliedOn,
        nioName: input.nioName,
        nioAppointedOn: input.nioAppointedOn,
        version: sql`${referrals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(referrals.id, referralId), eq(referrals.version, input.version)))
      .returning();
    // The State taking the case up opens the investigation, through the same workflow as any other step.
    if (input.reply === "will_investigate")
      await advanceCase(tx, actor, row.caseId, found.row.status, "openInvestigation");
    await recordAuditEvent(tx, actor, {
      action: "referral.reply",
      subjectType: "referral",
      subjectId: referralId,
      details: { caseId: row.caseId, reply: input.reply, nioAppointed: input.nioName !== null },
    });
    return presentReferral(updated, actor, found.facts, todayIso());
  });
}

/** Referrals whose State has not replied by the due date, in the caller's scope, most overdue first. */
export async function listOverdueReferrals(services: Services, actor: Actor, today = todayIso()) {
  if (!referralPolicy.overdue(actor)) throw new Forbidden("Your role does not follow referrals.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select({
        referral: referrals,
        reference: cases.reference,
        missionCode: cases.missionCode,
        nationalityCodes: knownNationalities(cases.id),
      })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(and(isNull(referrals.reply), lt(referrals.replyDueOn, today)))
      .orderBy(asc(referrals.replyDueOn))
      .limit(500);
    return {
      items: rows
        .filter((r) => referralPolicy.view(actor, heldCaseFacts(r), r.referral.countryCode))
        .map((r) => ({
          ...presentReferral(r.referral, actor, heldCaseFacts(r), today),
          reference: r.reference,
          missionCode: r.missionCode,
        })),
    };
  });
}
