// Reading cases within the actor's need-to-know scope; every opened case is an audited read.
import type { Services } from "../../app.js";
import type { Actor } from "../../auth/actor.js";
import { casePolicy } from "../../auth/policies/index.js";
import { and, eq, sql } from "drizzle-orm";
import { cases } from "../../../db/schema.js";
import { allowedTransitions, applyTransition, type CaseStatus, type CaseTransition } from "../../../domain/workflow.js";
import { Conflict, Forbidden, InvalidTransition, NotFound } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/record.js";
import { assignmentsOf, type CaseListFilter, caseHistory, findCaseRow, findCaseWithFacts, listCaseRows } from "./queries.js";

type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseRow>>>;

function presentCaseSummary(row: CaseRow, actor: Actor, assignedUserIds: string[]) {
  const facts = { missionCode: row.missionCode, nationalityCodes: row.nationalityCodes, assignedUserIds };
  const can = casePolicy.abilities(actor, facts);
  return {
    id: row.id,
    reference: row.reference,
    missionCode: row.missionCode,
    status: row.status,
    dateReported: row.dateReported,
    dateOfIncident: row.dateOfIncident,
    categoryCodes: row.categoryCodes,
    nationalityCodes: row.nationalityCodes,
    allegationCodes: row.allegationCodes,
    version: row.version,
    can,
    /** The workflow steps this actor may take now. */
    next: can.edit ? allowedTransitions(row.status as CaseStatus) : [],
  };
}

export async function listCases(services: Services, actor: Actor, filter: CaseListFilter) {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await listCaseRows(tx, filter);
    const assignments = await assignmentsOf(tx, rows.map((row) => row.id));
    // The policy is checked again on each row: a second layer over row-level security, not instead of it.
    const items = rows
      .map((row) => presentCaseSummary(row, actor, assignments.get(row.id) ?? []))
      .filter((item) => item.can.view);
    return { items, limit: filter.limit, offset: filter.offset };
  });
}

export async function readCase(services: Services, actor: Actor, id: string) {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  return inTransaction(services.db, actor, async (tx) => {
    const found = await findCaseWithFacts(tx, id);
    if (!found || !casePolicy.view(actor, found.facts)) throw new NotFound("case");
    const { row } = found;
    const summary = presentCaseSummary(row, actor, found.facts.assignedUserIds);
    const narrative = summary.can.readNarrative && row.narrativeEncrypted
      ? await services.encryption.decrypt(tx, row.narrativeEncrypted, fieldContext("cases", "narrative_encrypted", row.id))
      : null;
    await recordAuditEvent(tx, actor, { action: "case.read", subjectType: "case", subjectId: row.id, details: { narrative: narrative !== null } });
    return { ...summary, narrative };
  });
}

/** Moves a case through the workflow; an illegal step is refused naming the allowed ones. */
export async function transitionCase(services: Services, actor: Actor, id: string, transition: CaseTransition, version: number) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await findCaseWithFacts(tx, id);
    if (!found || !casePolicy.view(actor, found.facts)) throw new NotFound("case");
    const { row } = found;
    const assigned = found.facts.assignedUserIds;
    const summary = presentCaseSummary(row, actor, assigned);
    if (!summary.can.edit) throw new Forbidden("Only the case's Conduct and Discipline officers move it through the workflow.");
    if (row.version !== version) throw new Conflict("Someone else changed this case since you opened it. Reload to see their change, then try again.", { current: summary }, "stale_version");
    const result = applyTransition(row.status as CaseStatus, transition);
    if (!result.ok) throw new InvalidTransition(row.status, transition, result.allowed);
    await tx.update(cases).set({ status: result.status, version: sql`${cases.version} + 1`, updatedAt: new Date() }).where(and(eq(cases.id, id), eq(cases.version, version)));
    await recordAuditEvent(tx, actor, { action: "case.transition", subjectType: "case", subjectId: id, details: { transition, from: row.status, to: result.status } });
    const updated = (await findCaseRow(tx, id)) as CaseRow;
    return presentCaseSummary(updated, actor, assigned);
  });
}

/** The case's history for those who may see the case: who did what, when (from the audit trail). */
export async function caseTimeline(services: Services, actor: Actor, id: string) {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  return inTransaction(services.db, actor, async (tx) => {
    const found = await findCaseWithFacts(tx, id);
    if (!found || !casePolicy.view(actor, found.facts)) throw new NotFound("case");
    const events = await caseHistory(tx, id);
    return {
      items: events.map((event) => ({ at: event.occurredAt.toISOString(), action: event.action, actorRole: event.actorRole, details: event.details })),
    };
  });
}
