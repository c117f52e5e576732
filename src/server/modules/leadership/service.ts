// Leadership commitments: a mission's leaders' yearly action plans on SEA, drafted by the mission's
// team, certified by the head of mission, tracked item by item; the mission's figures beside them.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { leadershipCommitments, leadershipPlans, publicAllegationCounts } from "../../../db/schema.js";
import type {
  CommitmentBody,
  CommitmentStatusBody,
  Leadership,
  LeadershipPlanBody,
} from "../../../domain/contracts/leadership.js";
import { type CommitmentStatus, commitmentLate, type LeaderPost } from "../../../domain/leadership.js";
import type { Actor } from "../../auth/actor.js";
import { leadershipPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture, todayIso } from "../../dates.js";
import { Conflict, Forbidden, NotFound } from "../../errors.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

/** Published SEA allegations per mission in a year and the year before (public counts). */
async function publishedFigures(tx: Transaction, missionCodes: string[], year: number) {
  if (missionCodes.length === 0) return [];
  const rows = await tx
    .select({
      missionCode: publicAllegationCounts.missionCode,
      year: publicAllegationCounts.year,
      count: sql<number>`sum(${publicAllegationCounts.count})`.mapWith(Number),
    })
    .from(publicAllegationCounts)
    .where(
      and(
        inArray(publicAllegationCounts.missionCode, missionCodes),
        inArray(publicAllegationCounts.year, [year, year - 1]),
      ),
    )
    .groupBy(publicAllegationCounts.missionCode, publicAllegationCounts.year);
  const countOf = (missionCode: string, inYear: number) =>
    rows.find((row) => row.missionCode === missionCode && row.year === inYear)?.count ?? 0;
  return missionCodes.map((missionCode) => ({
    missionCode,
    allegations: countOf(missionCode, year),
    previousYear: countOf(missionCode, year - 1),
  }));
}

/** The plans in the caller's scope for a year (row-level security narrows them to its missions). */
export async function leadership(
  services: Services,
  actor: Actor,
  filter: { missionCode?: string; year?: number },
): Promise<Leadership> {
  if (!leadershipPolicy.read(actor)) throw new Forbidden("Your role does not read the leaders' commitments.");
  const year = filter.year ?? Number(todayIso().slice(0, 4));
  const today = todayIso();
  return inTransaction(services.db, actor, async (tx) => {
    const plans = await tx
      .select()
      .from(leadershipPlans)
      .where(
        and(
          eq(leadershipPlans.year, year),
          filter.missionCode ? eq(leadershipPlans.missionCode, filter.missionCode) : undefined,
        ),
      )
      .orderBy(asc(leadershipPlans.missionCode), asc(leadershipPlans.post));
    const items = plans.length
      ? await tx
          .select()
          .from(leadershipCommitments)
          .where(
            inArray(
              leadershipCommitments.planId,
              plans.map((plan) => plan.id),
            ),
          )
          .orderBy(asc(leadershipCommitments.dueOn), asc(leadershipCommitments.createdAt))
      : [];
    const missions = filter.missionCode
      ? [filter.missionCode]
      : actor.role === "cds_officer" || actor.role === "analyst"
        ? [...new Set(plans.map((plan) => plan.missionCode))]
        : actor.missionCodes;
    return {
      year,
      plans: plans.map((plan) => ({
        id: plan.id,
        missionCode: plan.missionCode,
        year: plan.year,
        post: plan.post as LeaderPost,
        leaderName: plan.leaderName,
        certifiedOn: plan.certifiedOn,
        version: plan.version,
        commitments: items
          .filter((item) => item.planId === plan.id)
          .map((item) => ({
            id: item.id,
            commitment: item.commitment,
            owner: item.owner,
            dueOn: item.dueOn,
            status: item.status as CommitmentStatus,
            doneOn: item.doneOn,
            late: commitmentLate({ status: item.status as CommitmentStatus, dueOn: item.dueOn }, today),
          })),
        can: {
          draft: leadershipPolicy.draft(actor, plan.missionCode),
          certify: leadershipPolicy.certify(actor, plan.missionCode) && plan.certifiedOn === null,
        },
      })),
      figures: await publishedFigures(tx, missions, year),
      canDraft: leadershipPolicy.draftAny(actor),
    };
  });
}

export async function createPlan(services: Services, actor: Actor, input: LeadershipPlanBody) {
  if (!leadershipPolicy.draft(actor, input.missionCode))
    throw new Forbidden("Headquarters or the mission's own team draft its leaders' plans.");
  return inTransaction(services.db, actor, async (tx) => {
    const id = randomUUID();
    const [row] = await tx
      .insert(leadershipPlans)
      .values({ id, ...input, recordedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: leadershipPlans.id });
    if (!row)
      throw new Conflict(
        "This leader already has a plan for that year: add its items there.",
        { missionCode: input.missionCode, year: input.year, post: input.post },
        "plan_exists",
      );
    await recordAuditEvent(tx, actor, {
      action: "leadership.plan.create",
      subjectType: "leadership_plan",
      subjectId: id,
      details: { missionCode: input.missionCode, year: input.year, post: input.post },
    });
    return { id };
  });
}

async function planInScope(tx: Transaction, planId: string) {
  const [plan] = await tx.select().from(leadershipPlans).where(eq(leadershipPlans.id, planId));
  if (!plan) throw new NotFound("plan");
  return plan;
}

/** Adds an item to a plan not yet certified: a certified plan is what the head of mission signed. */
export async function addCommitment(services: Services, actor: Actor, planId: string, input: CommitmentBody) {
  return inTransaction(services.db, actor, async (tx) => {
    const plan = await planInScope(tx, planId);
    if (!leadershipPolicy.draft(actor, plan.missionCode))
      throw new Forbidden("Headquarters or the mission's own team draft its leaders' plans.");
    if (plan.certifiedOn !== null)
      throw new Conflict("The head of mission has certified this plan: its items no longer change.", {}, "certified");
    const [row] = await tx
      .insert(leadershipCommitments)
      .values({ planId, ...input })
      .returning({ id: leadershipCommitments.id });
    // A new item is a new plan to certify: the head of mission's open page must reload first.
    await tx
      .update(leadershipPlans)
      .set({ version: sql`${leadershipPlans.version} + 1` })
      .where(eq(leadershipPlans.id, planId));
    await recordAuditEvent(tx, actor, {
      action: "leadership.commitment.add",
      subjectType: "leadership_plan",
      subjectId: planId,
      details: { commitmentId: row.id, dueOn: input.dueOn },
    });
    return { id: row.id };
  });
}

/** Tracks an item's progress, certified plan or not. */
export async function setCommitmentStatus(
  services: Services,
  actor: Actor,
  commitmentId: string,
  input: CommitmentStatusBody,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const [item] = await tx.select().from(leadershipCommitments).where(eq(leadershipCommitments.id, commitmentId));
    if (!item) throw new NotFound("commitment");
    const plan = await planInScope(tx, item.planId);
    if (!leadershipPolicy.draft(actor, plan.missionCode))
      throw new Forbidden("The mission's own team tracks its leaders' commitments.");
    if (input.doneOn) assertNotInFuture(input.doneOn, "body.doneOn");
    await tx
      .update(leadershipCommitments)
      .set({ status: input.status, doneOn: input.doneOn, updatedAt: new Date() })
      .where(eq(leadershipCommitments.id, commitmentId));
    await recordAuditEvent(tx, actor, {
      action: "leadership.commitment.update",
      subjectType: "leadership_plan",
      subjectId: plan.id,
      details: { commitmentId, status: input.status },
    });
    return null;
  });
}

/** The head of mission certifies the plan as read (its version), with at least one item. */
export async function certifyPlan(services: Services, actor: Actor, planId: string, version: number) {
  return inTransaction(services.db, actor, async (tx) => {
    const plan = await planInScope(tx, planId);
    if (!leadershipPolicy.certify(actor, plan.missionCode))
      throw new Forbidden("The head of mission certifies the mission's leadership plans.");
    if (plan.certifiedOn !== null) throw new Conflict("This plan is already certified.", {}, "certified");
    if (plan.version !== version)
      throw new Conflict("This plan changed since you opened it. Reload, then try again.", {}, "stale_version");
    const [{ items }] = await tx
      .select({ items: sql<number>`count(*)`.mapWith(Number) })
      .from(leadershipCommitments)
      .where(eq(leadershipCommitments.planId, planId));
    if (items === 0) throw new Conflict("A plan needs at least one item before it is certified.", {}, "empty_plan");
    const certifiedOn = todayIso();
    await tx
      .update(leadershipPlans)
      .set({ certifiedOn, certifiedBy: actor.userId, version: plan.version + 1 })
      .where(eq(leadershipPlans.id, planId));
    await recordAuditEvent(tx, actor, {
      action: "leadership.plan.certify",
      subjectType: "leadership_plan",
      subjectId: planId,
      details: { missionCode: plan.missionCode, year: plan.year, post: plan.post, items },
    });
    return null;
  });
}
