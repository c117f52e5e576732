// Investigations (OIOS, a State's NIO, joint, the mission's unit): dates and the deadline clock,
// progress reports, extensions with reasons, and one finding per alleged perpetrator.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  deadlineExtensions,
  findings,
  investigations,
  investigationUpdates,
  perpetrators,
  referrals,
  user,
} from "../../../db/schema.js";
import { addDuration, computeDueDate, defaultCalendar } from "../../../domain/deadlines.js";
import {
  entityNeedsCountry,
  type FindingOutcome,
  type InvestigatingEntity,
  investigationDeadlineKind,
} from "../../../domain/enforcement.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { type CaseScopeFacts, casePolicy, enforcementPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertCaseOpen, findCaseWithFacts, authorizeCase } from "../cases/index.js";
import { advanceCase } from "../cases/index.js";
import { todayIso } from "../../dates.js";

import { presentInvestigation } from "./presenters.js";

/** The investigation with its case, if the actor may see it; the same 404 otherwise. */
async function investigationInScope(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx.select().from(investigations).where(eq(investigations.id, id));
  const found = row ? await findCaseWithFacts(tx, row.caseId) : null;
  if (!row || !found || !enforcementPolicy.viewInvestigation(actor, found.facts, row.countryCode))
    throw new NotFound("investigation");
  assertCaseOpen(found.row);
  return { row, found };
}

function assertDateInRange(value: string | null | undefined, from: string, path: string) {
  if (value && (value < from || value > todayIso()))
    throw new ValidationFailed(
      `The date must fall between ${from} and today.`,
      [{ path, message: "out of range" }],
      "date_out_of_range",
    );
}

export interface InvestigationInput {
  entity: InvestigatingEntity;
  countryCode: string | null;
  investigators: string | null;
  startedOn: string;
}

/** Opens an investigation; its clock comes from the deadline policy in force on the start date. */
export async function openInvestigation(services: Services, actor: Actor, caseId: string, input: InvestigationInput) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    assertCaseOpen(found.row);
    if (!enforcementPolicy.workOnInvestigation(actor, found.facts, input.countryCode))
      throw new Forbidden("You may not open an investigation on this case.");
    if (entityNeedsCountry(input.entity) !== (input.countryCode !== null)) {
      throw new ValidationFailed(
        "NIO and joint investigations name the State of the National Investigation Officer; others name none.",
        [{ path: "body.countryCode", message: "mismatch" }],
        "investigation_country",
      );
    }
    if (input.countryCode && !found.row.nationalityCodes.includes(input.countryCode)) {
      throw new ValidationFailed(
        "That State's nationals are not involved in this case.",
        [{ path: "body.countryCode", message: "not involved" }],
        "country_not_involved",
      );
    }
    if (!["referred", "under_investigation"].includes(found.row.status)) {
      throw new ValidationFailed(
        "Refer the case before an investigation opens on it.",
        [{ path: "body", message: found.row.status }],
        "case_not_referred",
      );
    }
    assertDateInRange(input.startedOn, found.row.dateReported, "body.startedOn");
    const deadlineKind = investigationDeadlineKind(found.row.allegationCodes, found.row.urgent);
    const due = computeDueDate(deadlineKind, input.startedOn);
    const [row] = await tx
      .insert(investigations)
      .values({
        caseId,
        entity: input.entity,
        countryCode: input.countryCode,
        investigators: input.investigators,
        startedOn: input.startedOn,
        dueOn: due.dueDate,
        deadlineKind,
        policyVersion: due.policyVersion,
      })
      .returning();
    await advanceCase(tx, actor, caseId, found.row.status, "openInvestigation");
    await recordAuditEvent(tx, actor, {
      action: "investigation.open",
      subjectType: "case",
      subjectId: caseId,
      details: { investigationId: row.id, entity: input.entity, countryCode: input.countryCode },
    });
    return presentInvestigation(row, actor, found.facts, todayIso());
  });
}

export interface InvestigationChange {
  investigators?: string | null;
  completedOn?: string | null;
  reportReceivedOn?: string | null;
  version: number;
}

export async function updateInvestigation(services: Services, actor: Actor, id: string, change: InvestigationChange) {
  return inTransaction(services.db, actor, async (tx) => {
    const { row, found } = await investigationInScope(tx, actor, id);
    if (!enforcementPolicy.workOnInvestigation(actor, found.facts, row.countryCode))
      throw new Forbidden("You may not report on this investigation.");
    if (row.version !== change.version)
      throw new Conflict(
        "This investigation changed since you opened it. Reload, then try again.",
        { current: presentInvestigation(row, actor, found.facts, todayIso()) },
        "stale_version",
      );
    assertDateInRange(change.completedOn, row.startedOn, "body.completedOn");
    assertDateInRange(change.reportReceivedOn, row.startedOn, "body.reportReceivedOn");
    const [updated] = await tx
      .update(investigations)
      .set({
        investigators: change.investigators,
        completedOn: change.completedOn,
        reportReceivedOn: change.reportReceivedOn,
        version: sql`${investigations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(investigations.id, id), eq(investigations.version, change.version)))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "investigation.update",
      subjectType: "case",
      subjectId: row.caseId,
      details: { investigationId: id, changed: Object.keys(change).filter((key) => key !== "version") },
    });
    return presentInvestigation(updated, actor, found.facts, todayIso());
  });
}

/** A progress report, typically from the State's NIO; the UN side sees it on the case at once. */
export async function addInvestigationUpdate(services: Services, actor: Actor, id: string, note: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const { row, found } = await investigationInScope(tx, actor, id);
    if (!enforcementPolicy.workOnInvestigation(actor, found.facts, row.countryCode))
      throw new Forbidden("You may not report on this investigation.");
    const [update] = await tx
      .insert(investigationUpdates)
      .values({ investigationId: id, caseId: row.caseId, note, authorId: actor.userId })
      .returning({ id: investigationUpdates.id });
    await recordAuditEvent(tx, actor, {
      action: "investigation.update",
      subjectType: "case",
      subjectId: row.caseId,
      details: { investigationId: id, progressReport: update.id },
    });
    return { id: update.id };
  });
}

/** Extends a deadline (an investigation's, or a State's reply to a referral) by a number of days, with a reason. */
export async function extendDeadline(
  services: Services,
  actor: Actor,
  subject: { investigationId: string } | { referralId: string },
  days: number,
  reason: string,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const target =
      "investigationId" in subject
        ? await investigationTarget(tx, actor, subject.investigationId)
        : await referralTarget(tx, actor, subject.referralId);
    if (!enforcementPolicy.extendDeadline(actor, target.facts))
      throw new Forbidden("Only the case's Conduct and Discipline officers extend a deadline.");
    if (!target.open) throw new ValidationFailed("This deadline has already been met.", [], "deadline_met");
    const newDueOn = addDuration(target.dueOn, { days }, defaultCalendar);
    await tx.insert(deadlineExtensions).values({
      caseId: target.caseId,
      ...subject,
      previousDueOn: target.dueOn,
      newDueOn,
      days,
      reason,
      grantedBy: actor.userId,
    });
    await target.setDue(newDueOn);
    await recordAuditEvent(tx, actor, {
      action: "investigation.extend",
      subjectType: "case",
      subjectId: target.caseId,
      details: { ...subject, previousDueOn: target.dueOn, newDueOn, days, reason },
    });
    return { previousDueOn: target.dueOn, dueOn: newDueOn };
  });
}

async function investigationTarget(tx: Transaction, actor: Actor, id: string) {
  const { row, found } = await investigationInScope(tx, actor, id);
  const setDue = async (dueOn: string) => {
    await tx
      .update(investigations)
      .set({ dueOn, version: sql`${investigations.version} + 1`, updatedAt: new Date() })
      .where(eq(investigations.id, id));
  };
  return { caseId: row.caseId, facts: found.facts, dueOn: row.dueOn, open: row.completedOn === null, setDue };
}

async function referralTarget(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx.select().from(referrals).where(eq(referrals.id, id));
  const found = row ? await findCaseWithFacts(tx, row.caseId) : null;
  if (!row || !found || !casePolicy.view(actor, found.facts)) throw new NotFound("referral");
  assertCaseOpen(found.row);
  const setDue = async (replyDueOn: string) => {
    await tx
      .update(referrals)
      .set({ replyDueOn, version: sql`${referrals.version} + 1`, updatedAt: new Date() })
      .where(eq(referrals.id, id));
  };
  return {
    caseId: row.caseId,
    facts: found.facts,
    dueOn: row.replyDueOn ?? row.sentOn,
    open: row.replyDueOn !== null && row.reply === null,
    setDue,
  };
}

/** Records (or corrects) the finding on one alleged perpetrator; the first finding moves the case to findings. */
export async function recordFinding(
  services: Services,
  actor: Actor,
  investigationId: string,
  perpetratorId: string,
  finding: FindingOutcome,
  recordedOn: string,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const { row, found } = await investigationInScope(tx, actor, investigationId);
    if (!enforcementPolicy.workOnInvestigation(actor, found.facts, row.countryCode))
      throw new Forbidden("You may not record findings on this investigation.");
    const [perpetrator] = await tx
      .select()
      .from(perpetrators)
      .where(and(eq(perpetrators.id, perpetratorId), eq(perpetrators.caseId, row.caseId)));
    if (!perpetrator || !enforcementPolicy.viewPerpetrator(actor, found.facts, perpetrator.nationalityCode))
      throw new NotFound("perpetrator");
    assertDateInRange(recordedOn, row.startedOn, "body.recordedOn");
    await tx
      .insert(findings)
      .values({ caseId: row.caseId, investigationId, perpetratorId, finding, recordedOn, recordedBy: actor.userId })
      .onConflictDoUpdate({
        target: [findings.investigationId, findings.perpetratorId],
        set: { finding, recordedOn, recordedBy: actor.userId },
      });
    await advanceCase(tx, actor, row.caseId, found.row.status, "recordFindings");
    await recordAuditEvent(tx, actor, {
      action: "finding.record",
      subjectType: "case",
      subjectId: row.caseId,
      details: { investigationId, perpetratorId, code: perpetrator.code, finding },
    });
    return { investigationId, perpetratorId, finding, recordedOn };
  });
}

/** A case's investigations with their progress, extensions and findings, as the caller may see them. */
export async function investigationsOfCase(tx: Transaction, actor: Actor, facts: CaseScopeFacts, caseId: string) {
  const today = todayIso();
  const rows = (
    await tx
      .select()
      .from(investigations)
      .where(eq(investigations.caseId, caseId))
      .orderBy(asc(investigations.startedOn))
  ).filter((row) => enforcementPolicy.viewInvestigation(actor, facts, row.countryCode));
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [updates, extensions, findingRows] = [
    await tx
      .select({
        investigationId: investigationUpdates.investigationId,
        note: investigationUpdates.note,
        createdAt: investigationUpdates.createdAt,
        authorName: user.name,
      })
      .from(investigationUpdates)
      .leftJoin(user, eq(user.id, investigationUpdates.authorId))
      .where(inArray(investigationUpdates.investigationId, ids))
      .orderBy(asc(investigationUpdates.createdAt)),
    await tx
      .select()
      .from(deadlineExtensions)
      .where(inArray(deadlineExtensions.investigationId, ids))
      .orderBy(asc(deadlineExtensions.createdAt)),
    await tx.select().from(findings).where(inArray(findings.investigationId, ids)),
  ];
  return rows.map((row) => ({
    ...presentInvestigation(row, actor, facts, today),
    updates: updates
      .filter((u) => u.investigationId === row.id)
      .map((u) => ({ note: u.note, at: u.createdAt.toISOString(), authorName: u.authorName })),
    extensions: extensions
      .filter((e) => e.investigationId === row.id)
      .map((e) => ({ previousDueOn: e.previousDueOn, newDueOn: e.newDueOn, days: e.days, reason: e.reason })),
    findings: findingRows
      .filter((f) => f.investigationId === row.id)
      .map((f) => ({ perpetratorId: f.perpetratorId, finding: f.finding, recordedOn: f.recordedOn })),
  }));
}

/** Findings on one perpetrator across the case's investigations (for the final-action rule). */
export async function findingsOnPerpetrator(tx: Transaction, perpetratorId: string): Promise<FindingOutcome[]> {
  const rows = await tx
    .select({ finding: findings.finding })
    .from(findings)
    .where(eq(findings.perpetratorId, perpetratorId));
  return rows.map((row) => row.finding as FindingOutcome);
}
