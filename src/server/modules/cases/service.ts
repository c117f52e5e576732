// Reading cases within the actor's need-to-know scope; every opened case is an audited read.
import { authorizeCase } from "./authorize.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { casePolicy, figuresPolicy } from "../../auth/policies/index.js";
import { type AnyColumn, and, eq, isNull, or, sql } from "drizzle-orm";
import { cases, investigations, perpetrators, referrals } from "../../../db/schema.js";
import {
  applyTransition,
  type CaseStatus,
  type CaseTransition,
  isRecordedStep,
  recordedSteps,
  type StepRecord,
} from "../../../domain/workflow.js";
import { Conflict, Forbidden, InvalidTransition, RecordRequired, ValidationFailed } from "../../errors.js";
import { type CaseFilter, type CaseUpdate, looksLikeCaseReference } from "../../../domain/contracts/cases.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import {
  assertKnownCodes,
  type CaseListFilter,
  caseHistory,
  findCaseRow,
  listCaseRows,
  refreshSearchDocument,
  caseFigureRows,
} from "./queries.js";
import { todayIso } from "../../dates.js";
import type { FiguresQuery } from "../../../domain/contracts/figures.js";

import { presentCaseSummary } from "./presenters.js";
type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseRow>>>;

/** Full-text search reads narratives and notes; roles that may not read them search by case number only. */
function assertMaySearch(actor: Actor, filter: CaseFilter) {
  if (
    filter.q &&
    !looksLikeCaseReference(filter.q) &&
    ["member_state_focal_point", "analyst", "publisher"].includes(actor.role)
  ) {
    throw new ValidationFailed(
      "Your role does not read narratives or notes, so search by case number (for example MONUSCO-2026-0042).",
      [{ path: "querystring.q", message: "full_text_not_allowed" }],
      "full_text_not_allowed",
    );
  }
}

/**
 * The rows of a filtered list within what the actor may know: row-level security narrows them to
 * the actor's scope, and a filter on a nationality a Member State may not know of matches nothing.
 */
export function readCaseRows(tx: Transaction, actor: Actor, filter: CaseListFilter) {
  if (!casePolicy.mayFilterByNationality(actor, filter.nationality)) return Promise.resolve([]);
  return listCaseRows(tx, filter, actor.userId, todayIso());
}

export async function listCases(services: Services, actor: Actor, filter: CaseListFilter) {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  assertMaySearch(actor, filter);
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      // One row more than the page tells whether there is a next page without counting the whole set.
      const rows = await readCaseRows(tx, actor, { ...filter, limit: filter.limit + 1 });
      // The policy is checked again on each row: a second layer over row-level security, not instead of it.
      const items = rows
        .slice(0, filter.limit)
        .map((row) => presentCaseSummary(row, actor, row.assignedUserIds))
        .filter((item) => item.can.view);
      return { items, limit: filter.limit, offset: filter.offset, hasMore: rows.length > filter.limit };
    },
    { readOnly: true },
  );
}

export async function readCase(services: Services, actor: Actor, id: string) {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, id);
    const { row } = found;
    const summary = presentCaseSummary(
      { ...row, unreadMessages: await hasUnreadMessages(tx, actor, row.id) },
      actor,
      found.facts.assignedUserIds,
    );
    const { narrative, place } = await openCaseText(services, tx, row, summary.can.readNarrative);
    await recordAuditEvent(tx, actor, {
      action: "case.read",
      subjectType: "case",
      subjectId: row.id,
      details: { narrative: narrative !== null },
    });
    return { ...summary, narrative, place };
  });
}

/** The narrative and the place as reported, for a reader who may read them; nothing otherwise. */
async function openCaseText(services: Services, tx: Transaction, row: CaseRow, mayRead: boolean) {
  const open = async (column: "narrative_encrypted" | "place_encrypted", value: string | null) =>
    mayRead && value ? services.encryption.decrypt(tx, value, fieldContext("cases", column, row.id)) : null;
  return {
    narrative: await open("narrative_encrypted", row.narrativeEncrypted),
    place: await open("place_encrypted", row.placeEncrypted),
  };
}

/** Whether a reporter wrote on one of the case's reports since this reader last read it (reports they may see). */
async function hasUnreadMessages(tx: Transaction, actor: Actor, caseId: string) {
  const result = (await tx.execute(sql`
    select exists (select 1 from reports r where r.case_id = ${caseId}
      and r.last_reporter_message_at > coalesce((select rr.read_at from report_reads rr
        where rr.report_id = r.id and rr.user_id = ${actor.userId ?? ""}), '-infinity'::timestamptz)) as unread`)) as unknown as {
    rows: { unread: boolean }[];
  };
  return result.rows[0]?.unread ?? false;
}

/** Moves a case through the workflow; an illegal step is refused naming the allowed ones. */
export async function transitionCase(
  services: Services,
  actor: Actor,
  id: string,
  transition: CaseTransition,
  version: number,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, id);
    const { row } = found;
    const assigned = found.facts.assignedUserIds;
    const summary = presentCaseSummary(row, actor, assigned);
    if (!summary.can.edit)
      throw new Forbidden("Only the case's Conduct and Discipline officers move it through the workflow.");
    if (row.version !== version)
      throw new Conflict(
        "Someone else changed this case since you opened it. Reload to see their change, then try again.",
        { current: summary },
        "stale_version",
      );
    const result = applyTransition(row.status as CaseStatus, transition);
    if (!result.ok) throw new InvalidTransition(row.status, transition, result.allowed);
    if (isRecordedStep(transition))
      throw new RecordRequired(transition, recordedSteps[transition], stepRecordMessages[recordedSteps[transition]]);
    await tx
      .update(cases)
      .set({ status: result.status, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, id), eq(cases.version, version)));
    await recordAuditEvent(tx, actor, {
      action: "case.transition",
      subjectType: "case",
      subjectId: id,
      details: { transition, from: row.status, to: result.status },
    });
    const updated = (await findCaseRow(tx, id)) as CaseRow;
    return presentCaseSummary(updated, actor, assigned);
  });
}

const stepRecordMessages: Record<StepRecord, string> = {
  referral:
    "Record the referral (to whom, its note verbale and the date it was sent): recording it moves the case to Referred.",
  investigation: "Record the investigation that has started: recording it moves the case to Under investigation.",
  finding: "Record the investigation's findings: recording them moves the case to Findings.",
  final_action: "Record the final action taken: recording it moves the case to Actions.",
};

/** The case's history for those who may see the case: who did what, when (from the audit trail). */
export async function caseTimeline(services: Services, actor: Actor, id: string) {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  return inTransaction(services.db, actor, async (tx) => {
    await authorizeCase(tx, actor, id);
    const events = await eventsKnownTo(tx, actor, id, await caseHistory(tx, id));
    return {
      items: events.map((event) => ({
        at: event.occurredAt.toISOString(),
        action: event.action,
        actorRole: event.actorRole,
        // A State's focal point learns which office acted, not which UN staff member.
        actorName: casePolicy.seesStaffNames(actor) ? event.actorName : null,
        details: event.details,
      })),
    };
  });
}

/**
 * The history's events a Member State may know of: none about another State's referral,
 * investigation or nationals (the enforcement record hides them the same way).
 */
async function eventsKnownTo<E extends { action: string; details: unknown }>(
  tx: Transaction,
  actor: Actor,
  caseId: string,
  events: E[],
) {
  if (actor.role !== "member_state_focal_point") return events;
  const own = actor.countryCode ?? "";
  const ownOrNone = (column: AnyColumn) => or(isNull(column), eq(column, own));
  const [ownPerpetrators, ownInvestigations, ownReferrals] = await Promise.all([
    tx
      .select({ id: perpetrators.id, code: perpetrators.code })
      .from(perpetrators)
      .where(and(eq(perpetrators.caseId, caseId), eq(perpetrators.nationalityCode, own))),
    tx
      .select({ id: investigations.id })
      .from(investigations)
      .where(and(eq(investigations.caseId, caseId), ownOrNone(investigations.countryCode))),
    tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.caseId, caseId), ownOrNone(referrals.countryCode))),
  ]);
  const known = new Set([
    ...ownPerpetrators.flatMap((p) => [p.id, p.code]),
    ...ownInvestigations.map((i) => i.id),
    ...ownReferrals.map((r) => r.id),
  ]);
  const refersTo = ["perpetratorId", "perpetratorCode", "investigationId", "referralId"];
  return events.filter((event) => {
    const details = (event.details ?? {}) as Record<string, unknown>;
    if (typeof details.countryCode === "string" && details.countryCode !== own) return false;
    // A State sees only the documents exchanged on its own referrals.
    if (event.action.startsWith("case.document") && typeof details.referralId !== "string") return false;
    return refersTo.every((key) => typeof details[key] !== "string" || known.has(details[key] as string));
  });
}

/** The internal figures: cases in the reader's scope counted by one dimension, under the list's filters. */
export async function readFigures(services: Services, actor: Actor, query: FiguresQuery) {
  if (!figuresPolicy.read(actor)) throw new Forbidden("Your role does not read the internal figures.");
  const { by, ...filter } = query;
  return inTransaction(services.db, actor, async (tx) => {
    const { rows, total } = await caseFigureRows(tx, by, filter, actor.userId, todayIso());
    await recordAuditEvent(tx, actor, {
      action: "case.figures.read",
      details: { by, filter: Object.keys(filter).filter((key) => filter[key as keyof typeof filter]) },
    });
    return { by, total, rows };
  });
}

/** Officers complete the case's data as the assessment goes; a stale version gets 409 with the current case. */
export async function updateCase(services: Services, actor: Actor, id: string, update: CaseUpdate) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, id);
    const { row } = found;
    const current = presentCaseSummary(row, actor, found.facts.assignedUserIds);
    if (!current.can.edit) throw new Forbidden("Only the case's Conduct and Discipline officers edit it.");
    if (row.version !== update.version)
      throw new Conflict(
        "Someone else changed this case since you opened it. Their version is shown; apply your change to it.",
        { current },
        "stale_version",
      );
    await assertKnownCodes(tx, {
      categoryCodes: update.categoryCodes,
      nationalityCodes: update.nationalityCodes,
      allegationCodes: update.allegationCodes,
    });
    if (update.dateOfIncident && update.dateOfIncident > row.dateReported) {
      throw new ValidationFailed(
        "The incident cannot have happened after it was reported.",
        [{ path: "body.dateOfIncident", message: "after_date_reported" }],
        "incident_after_report",
      );
    }
    const narrativeContext = fieldContext("cases", "narrative_encrypted", id);
    const narrative =
      update.narrative !== undefined
        ? update.narrative
        : row.narrativeEncrypted
          ? await services.encryption.decrypt(tx, row.narrativeEncrypted, narrativeContext)
          : null;
    const confidential = update.narrativeConfidential ?? row.narrativeConfidential;
    await tx
      .update(cases)
      .set({
        dateOfIncident: update.dateOfIncident,
        categoryCodes: update.categoryCodes,
        nationalityCodes: update.nationalityCodes,
        allegationCodes: update.allegationCodes,
        ...(update.victims && {
          victimsWomen: update.victims.women,
          victimsGirls: update.victims.girls,
          victimsBoys: update.victims.boys,
          victimsMen: update.victims.men,
          victimsUnknown: update.victims.unknown,
        }),
        paternityClaim: update.paternityClaim,
        urgent: update.urgent,
        childrenInvolved: update.childrenInvolved,
        riskLocation: update.riskLocation,
        ...(update.place !== undefined && {
          placeEncrypted: update.place
            ? await services.encryption.encrypt(tx, update.place, fieldContext("cases", "place_encrypted", id))
            : null,
        }),
        narrativeConfidential: update.narrativeConfidential,
        ...(update.narrative !== undefined && {
          narrativeEncrypted: narrative ? await services.encryption.encrypt(tx, narrative, narrativeContext) : null,
        }),
        version: sql`${cases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(cases.id, id), eq(cases.version, update.version)));
    if (update.narrative !== undefined || update.narrativeConfidential !== undefined)
      await refreshSearchDocument(tx, id, confidential ? null : narrative);
    // Which fields changed, never their values: the audit trail must not copy the narrative out of its encryption.
    const changed = Object.keys(update).filter((key) => key !== "version");
    await recordAuditEvent(tx, actor, {
      action: "case.update",
      subjectType: "case",
      subjectId: id,
      details: { changed },
    });
    const updated = (await findCaseRow(tx, id)) as CaseRow;
    const text = await openCaseText(services, tx, updated, current.can.readNarrative);
    return {
      ...presentCaseSummary(
        { ...updated, unreadMessages: await hasUnreadMessages(tx, actor, id) },
        actor,
        found.facts.assignedUserIds,
      ),
      ...text,
    };
  });
}

/**
 * Moves a case one workflow step as a side effect of another record (a referral, a State's reply, a
 * finding, an action) when the step is open from where the case is; returns whether it moved.
 */
export async function advanceCase(
  tx: Transaction,
  actor: Actor,
  caseId: string,
  status: string,
  transition: CaseTransition,
): Promise<boolean> {
  const moved = applyTransition(status as CaseStatus, transition);
  if (!moved.ok) return false;
  await tx
    .update(cases)
    .set({ status: moved.status, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(eq(cases.id, caseId));
  await recordAuditEvent(tx, actor, {
    action: "case.transition",
    subjectType: "case",
    subjectId: caseId,
    details: { transition, from: status, to: moved.status },
  });
  return true;
}
