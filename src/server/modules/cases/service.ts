// Reading cases within the actor's need-to-know scope; every opened case is an audited read.
import type { Services } from "../../app.js";
import type { Actor } from "../../auth/actor.js";
import { casePolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/record.js";
import { assignmentsOf, type CaseListFilter, findCaseRow, listCaseRows } from "./queries.js";

type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseRow>>>;

function presentCaseSummary(row: CaseRow, actor: Actor, assignedUserIds: string[]) {
  const facts = { missionCode: row.missionCode, nationalityCodes: row.nationalityCodes, assignedUserIds };
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
    can: casePolicy.abilities(actor, facts),
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
    const row = await findCaseRow(tx, id);
    const assigned = row ? ((await assignmentsOf(tx, [row.id])).get(row.id) ?? []) : [];
    const summary = row && presentCaseSummary(row, actor, assigned);
    if (!row || !summary?.can.view) throw new NotFound("case");
    const narrative = summary.can.readNarrative && row.narrativeEncrypted
      ? await services.encryption.decrypt(tx, row.narrativeEncrypted, fieldContext("cases", "narrative_encrypted", row.id))
      : null;
    await recordAuditEvent(tx, actor, { action: "case.read", subjectType: "case", subjectId: row.id, details: { narrative: narrative !== null } });
    return { ...summary, narrative };
  });
}
