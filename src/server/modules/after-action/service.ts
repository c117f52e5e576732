// After-action reviews: the mission's team reviews what happened on one or more cases, what
// contributed and what worked, and sets follow-up actions; the lessons are searchable by every
// mission's team. What happened is sealed and, with the cases and actions, stays with the mission.
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { afterActionActions, afterActionDetails, afterActionReviews, cases } from "../../../db/schema.js";
import { foldForSearch } from "../../../domain/contracts/cases.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { casePolicy, preventionPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture, todayIso } from "../../dates.js";
import { Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { assertCompletable, type Completion, completionOf, presentFollowUp } from "../../follow-ups.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { findCaseWithFacts } from "../cases/index.js";

/** Lessons are for learning across missions: every mission's team, headquarters and analysts read them. */
const readsLessons = (actor: Actor) => preventionPolicy.read(actor);

export interface FollowUpInput {
  action: string;
  owner: string;
  dueOn: string;
}

export interface ReviewInput {
  missionCode: string;
  title: string;
  heldOn: string;
  caseIds: string[];
  whatHappened: string;
  contributingFactors: string[];
  whatWorked: string | null;
  lessons: string;
  actions: FollowUpInput[];
}

/** The lessons' search document: title, lessons and what worked, folded and stemmed in English and French. */
export const searchDocument = (input: { title: string; lessons: string; whatWorked: string | null }) => {
  const folded = foldForSearch([input.title, input.lessons, input.whatWorked ?? ""].join("\n"));
  return sql`to_tsvector('english', ${folded}) || to_tsvector('french', ${folded})`;
};

function checkAction(action: FollowUpInput, heldOn: string, path: string) {
  if (action.dueOn < heldOn)
    throw new ValidationFailed(
      "A follow-up action falls due after the review that sets it.",
      [{ path: `${path}.dueOn`, message: "due_before_review" }],
      "due_before_review",
    );
}

export async function recordReview(services: Services, actor: Actor, input: ReviewInput) {
  if (!preventionPolicy.keep(actor, input.missionCode))
    throw new Forbidden("Headquarters or the mission's conduct and discipline team hold its after-action reviews.");
  assertNotInFuture(input.heldOn, "body.heldOn");
  for (const [i, action] of input.actions.entries()) checkAction(action, input.heldOn, `body.actions.${i}`);
  return inTransaction(services.db, actor, async (tx) => {
    for (const [i, caseId] of input.caseIds.entries()) {
      const found = await findCaseWithFacts(tx, caseId);
      if (!found || !casePolicy.view(actor, found.facts))
        throw new ValidationFailed(
          "There is no such case in your scope.",
          [{ path: `body.caseIds.${i}`, message: "unknown_case" }],
          "unknown_case",
        );
      if (found.facts.missionCode !== input.missionCode)
        throw new ValidationFailed(
          "A review covers cases of its own mission.",
          [{ path: `body.caseIds.${i}`, message: "case_elsewhere" }],
          "case_elsewhere",
        );
    }
    const [row] = await tx
      .insert(afterActionReviews)
      .values({
        missionCode: input.missionCode,
        title: input.title,
        heldOn: input.heldOn,
        contributingFactors: input.contributingFactors,
        whatWorked: input.whatWorked,
        lessons: input.lessons,
        searchVector: searchDocument(input),
        recordedBy: actor.userId,
      })
      .returning({ id: afterActionReviews.id });
    const whatHappenedEncrypted = await services.encryption.encrypt(
      tx,
      input.whatHappened,
      fieldContext("after_action_details", "what_happened_encrypted", row.id),
    );
    await tx.insert(afterActionDetails).values({ reviewId: row.id, whatHappenedEncrypted, caseIds: input.caseIds });
    if (input.actions.length > 0)
      await tx
        .insert(afterActionActions)
        .values(input.actions.map((a) => ({ ...a, reviewId: row.id, recordedBy: actor.userId })));
    await recordAuditEvent(tx, actor, {
      action: "after_action.record",
      subjectType: "after_action_review",
      subjectId: row.id,
      details: { missionCode: input.missionCode, cases: input.caseIds.length, actions: input.actions.length },
    });
    return { id: row.id };
  });
}

/** Reviews newest first, or those whose lessons match the words searched (English and French stemming, accents folded). */
export async function listReviews(
  services: Services,
  actor: Actor,
  filter: { q?: string; mission?: string; factor?: string },
) {
  if (!readsLessons(actor)) throw new Forbidden();
  return inTransaction(services.db, actor, async (tx) => {
    const conditions: SQL[] = [];
    if (filter.mission) conditions.push(eq(afterActionReviews.missionCode, filter.mission));
    if (filter.factor) conditions.push(sql`${filter.factor} = any(${afterActionReviews.contributingFactors})`);
    if (filter.q) {
      const folded = foldForSearch(filter.q);
      conditions.push(
        sql`${afterActionReviews.searchVector} @@ (websearch_to_tsquery('english', ${folded}) || websearch_to_tsquery('french', ${folded}))`,
      );
    }
    const rows = await tx
      .select({
        id: afterActionReviews.id,
        missionCode: afterActionReviews.missionCode,
        title: afterActionReviews.title,
        heldOn: afterActionReviews.heldOn,
        contributingFactors: afterActionReviews.contributingFactors,
        lessons: afterActionReviews.lessons,
      })
      .from(afterActionReviews)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(afterActionReviews.heldOn), desc(afterActionReviews.createdAt))
      .limit(200);
    return {
      items: rows.map((row) => ({ ...row, ownMission: preventionPolicy.keep(actor, row.missionCode) })),
      can: { record: preventionPolicy.keepsAny(actor) },
    };
  });
}

async function reviewOrNotFound(tx: Transaction, id: string) {
  const [row] = await tx.select().from(afterActionReviews).where(eq(afterActionReviews.id, id));
  if (!row) throw new NotFound("after-action review");
  return row;
}

/**
 * One review. Another mission's team sees its lessons only; the mission's own team and headquarters
 * also see what happened (an audited read), the cases reviewed and the follow-up actions.
 */
export async function reviewDetail(services: Services, actor: Actor, id: string) {
  if (!readsLessons(actor)) throw new Forbidden();
  return inTransaction(services.db, actor, async (tx) => {
    const review = await reviewOrNotFound(tx, id);
    const lessons = {
      id: review.id,
      missionCode: review.missionCode,
      title: review.title,
      heldOn: review.heldOn,
      contributingFactors: review.contributingFactors,
      whatWorked: review.whatWorked,
      lessons: review.lessons,
    };
    if (!preventionPolicy.keep(actor, review.missionCode)) return { ...lessons, confidential: null };
    const [details] = await tx.select().from(afterActionDetails).where(eq(afterActionDetails.reviewId, id));
    const reviewed = details.caseIds.length
      ? await tx
          .select({ id: cases.id, reference: cases.reference })
          .from(cases)
          .where(inArray(cases.id, details.caseIds))
      : [];
    const actions = await tx
      .select()
      .from(afterActionActions)
      .where(eq(afterActionActions.reviewId, id))
      .orderBy(afterActionActions.dueOn, afterActionActions.createdAt);
    const whatHappened = await services.encryption.decrypt(
      tx,
      details.whatHappenedEncrypted,
      fieldContext("after_action_details", "what_happened_encrypted", id),
    );
    await recordAuditEvent(tx, actor, {
      action: "after_action.read",
      subjectType: "after_action_review",
      subjectId: id,
    });
    const today = todayIso();
    return {
      ...lessons,
      confidential: { whatHappened, cases: reviewed, actions: actions.map((a) => presentFollowUp(a, today)) },
    };
  });
}

async function keptReview(tx: Transaction, actor: Actor, id: string) {
  const review = await reviewOrNotFound(tx, id);
  if (!preventionPolicy.keep(actor, review.missionCode))
    throw new Forbidden("Headquarters or the mission that held the review keep its follow-up actions.");
  return review;
}

export async function addFollowUp(services: Services, actor: Actor, reviewId: string, input: FollowUpInput) {
  return inTransaction(services.db, actor, async (tx) => {
    const review = await keptReview(tx, actor, reviewId);
    checkAction(input, review.heldOn, "body");
    const [row] = await tx
      .insert(afterActionActions)
      .values({ ...input, reviewId, recordedBy: actor.userId })
      .returning({ id: afterActionActions.id });
    await recordAuditEvent(tx, actor, {
      action: "after_action.action.add",
      subjectType: "after_action_review",
      subjectId: reviewId,
      details: { actionId: row.id, dueOn: input.dueOn },
    });
    return { id: row.id };
  });
}

export async function completeFollowUp(services: Services, actor: Actor, actionId: string, input: Completion) {
  return inTransaction(services.db, actor, async (tx) => {
    const [action] = await tx.select().from(afterActionActions).where(eq(afterActionActions.id, actionId));
    if (!action) throw new NotFound("follow-up action");
    const review = await keptReview(tx, actor, action.reviewId);
    assertCompletable(action, input, review.heldOn, "follow-up action");
    const [updated] = await tx
      .update(afterActionActions)
      .set(completionOf(action, input))
      .where(eq(afterActionActions.id, actionId))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "after_action.action.complete",
      subjectType: "after_action_review",
      subjectId: review.id,
      details: { actionId, completedOn: input.completedOn },
    });
    return presentFollowUp(updated);
  });
}
