// Military justice: the national proceedings a State records against its own personnel (court-
// martial on site or at home, civilian court, disciplinary board), read by whoever sees the person.
import { asc, eq } from "drizzle-orm";
import { nationalProceedings, perpetrators } from "../../../db/schema.js";
import type {
  CaseProceedings,
  Proceeding,
  ProceedingBody,
  ProceedingUpdateBody,
} from "../../../domain/contracts/military-justice.js";
import {
  type Appeal,
  type ProceedingKind,
  type ProceedingVenue,
  proceedingProblem,
  type Verdict,
} from "../../../domain/military-justice.js";
import type { Actor } from "../../auth/actor.js";
import { enforcementPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture } from "../../dates.js";
import { Conflict, Forbidden, invalidField, NotFound } from "../../errors.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { authorizeCase } from "../cases/index.js";

const problemMessages: Record<string, string> = {
  verdict_day_missing: "Give the day of the verdict.",
  no_verdict_yet: "A pending proceeding has no verdict day yet.",
  before_opening: "The verdict comes after the proceeding opened.",
  sentence_without_conviction: "Only a conviction carries a sentence.",
  appeal_without_verdict: "An appeal follows a verdict.",
};

/** Checks the record's dates and coherence, naming the field at fault. */
function assertCoherent(input: ProceedingBody) {
  assertNotInFuture(input.openedOn, "body.openedOn");
  if (input.verdictOn) assertNotInFuture(input.verdictOn, "body.verdictOn");
  const problem = proceedingProblem(input);
  if (problem) throw invalidField(problemMessages[problem[1]], `body.${problem[0]}`, problem[1]);
}

type Row = typeof nationalProceedings.$inferSelect;

const present = (row: Row, perpetratorCode: string): Proceeding => ({
  id: row.id,
  perpetratorId: row.perpetratorId,
  perpetratorCode,
  countryCode: row.countryCode,
  kind: row.kind as ProceedingKind,
  venue: row.venue as ProceedingVenue,
  openedOn: row.openedOn,
  charges: row.charges,
  verdict: row.verdict as Verdict,
  verdictOn: row.verdictOn,
  sentence: row.sentence,
  appeal: row.appeal as Appeal,
  version: row.version,
});

/** The person, if the caller sees them, with the case's facts; never a hint that another State's person exists. */
async function personInScope(tx: Transaction, actor: Actor, perpetratorId: string) {
  const [person] = await tx.select().from(perpetrators).where(eq(perpetrators.id, perpetratorId));
  if (!person) throw new NotFound("perpetrator");
  const found = await authorizeCase(tx, actor, person.caseId);
  if (!enforcementPolicy.viewPerpetrator(actor, found.facts, person.nationalityCode)) throw new NotFound("perpetrator");
  if (!enforcementPolicy.recordProceeding(actor, found.facts, person.nationalityCode))
    throw new Forbidden("The person's State records its proceedings, or the case's officers on its behalf.");
  return { person, found, countryCode: person.nationalityCode as string };
}

const auditDetails = (row: Row, perpetratorCode: string) => ({
  proceedingId: row.id,
  perpetratorCode,
  countryCode: row.countryCode,
  kind: row.kind,
  venue: row.venue,
  verdict: row.verdict,
});

export async function recordProceeding(services: Services, actor: Actor, perpetratorId: string, input: ProceedingBody) {
  return inTransaction(services.db, actor, async (tx) => {
    const { person, countryCode } = await personInScope(tx, actor, perpetratorId);
    assertCoherent(input);
    const [row] = await tx
      .insert(nationalProceedings)
      .values({ caseId: person.caseId, perpetratorId, countryCode, ...input, recordedBy: actor.userId })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "proceeding.record",
      subjectType: "case",
      subjectId: person.caseId,
      details: auditDetails(row, person.code),
    });
    return { id: row.id };
  });
}

export async function updateProceeding(services: Services, actor: Actor, id: string, input: ProceedingUpdateBody) {
  return inTransaction(services.db, actor, async (tx) => {
    // Row-level security leaves out another State's proceedings.
    const [current] = await tx.select().from(nationalProceedings).where(eq(nationalProceedings.id, id));
    if (!current) throw new NotFound("proceeding");
    const { person } = await personInScope(tx, actor, current.perpetratorId);
    if (current.version !== input.version)
      throw new Conflict(
        "This proceeding changed since you opened it. Reload, then try again.",
        { current: present(current, person.code) },
        "stale_version",
      );
    const { version: _, ...change } = input;
    assertCoherent(change);
    const [row] = await tx
      .update(nationalProceedings)
      .set({ ...change, version: current.version + 1, updatedAt: new Date() })
      .where(eq(nationalProceedings.id, id))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "proceeding.update",
      subjectType: "case",
      subjectId: person.caseId,
      details: auditDetails(row, person.code),
    });
    return null;
  });
}

/** A case's proceedings as the caller may see them (a State its own nationals'), and for whom it may record one. */
export async function caseProceedings(services: Services, actor: Actor, caseId: string): Promise<CaseProceedings> {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    const people = (
      await tx.select().from(perpetrators).where(eq(perpetrators.caseId, caseId)).orderBy(asc(perpetrators.code))
    ).filter((person) => enforcementPolicy.viewPerpetrator(actor, found.facts, person.nationalityCode));
    const codeOf = new Map(people.map((person) => [person.id, person.code]));
    const rows = await tx
      .select()
      .from(nationalProceedings)
      .where(eq(nationalProceedings.caseId, caseId))
      .orderBy(asc(nationalProceedings.openedOn), asc(nationalProceedings.createdAt));
    const items = rows.flatMap((row) => {
      const code = codeOf.get(row.perpetratorId);
      return code ? [present(row, code)] : [];
    });
    // No count in the event: a State reading the case's history would learn of another State's proceedings.
    if (items.length)
      await recordAuditEvent(tx, actor, { action: "proceeding.read", subjectType: "case", subjectId: caseId });
    return {
      items,
      canRecordFor: people
        .filter((person) => enforcementPolicy.recordProceeding(actor, found.facts, person.nationalityCode))
        .map((person) => ({ perpetratorId: person.id, code: person.code })),
    };
  });
}
