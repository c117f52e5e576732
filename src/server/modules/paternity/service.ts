// Paternity and child-support claims: opened by the mission's advocate with the mother's consent to
// share with the Member State, which is notified at once; DNA samples with their chain of custody;
// the outcome, the support order and its payments. The claim outlives the person's service.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  custodyEvents,
  dnaSamples,
  paternityClaims,
  perpetrators,
  supportPayments,
  victimCases,
  victimChildren,
} from "../../../db/schema.js";
import { computeDueDate, daysOverdue } from "../../../domain/deadlines.js";
import {
  checkChain,
  type CustodyKind,
  nextPaymentDue,
  type PaternityOutcome,
  paymentsStopped,
  type SampleDonor,
  sampleDonors,
  type SupportFrequency,
} from "../../../domain/paternity.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { type ClaimFacts, paternityPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertConsent, victimInScope } from "../victims/index.js";
import { assertNotInFuture as notInFuture, todayIso } from "../../dates.js";

type ClaimRow = typeof paternityClaims.$inferSelect;

/** The codes of the people in a claim and its case, through the narrow function the State may call too. */
interface Parties {
  victim_code: string;
  child_code: string | null;
  perpetrator_code: string;
  case_reference: string;
  mission_code: string;
}

/** The codes of the people in the claims and their cases, for the claims the caller may see, in one call. */
async function partiesOf(tx: Transaction, claimIds: string[]): Promise<Map<string, Parties>> {
  if (claimIds.length === 0) return new Map();
  const result = (await tx.execute(
    sql`select claim_id, victim_code, child_code, perpetrator_code, case_reference, mission_code from conduct_claims_parties(${`{${claimIds.join(",")}}`}::uuid[])`,
  )) as unknown as {
    rows: (Parties & { claim_id: string })[];
  };
  return new Map(result.rows.map((row) => [row.claim_id, row]));
}

async function stateConsent(tx: Transaction, victimId: string) {
  const result = (await tx.execute(
    sql`select conduct_consent_in_force(${victimId}, 'member_state') as granted`,
  )) as unknown as { rows: { granted: boolean }[] };
  return result.rows[0].granted;
}

/** A claim the actor may see, with the facts the policy decides on, or 404. */
async function claimInScope(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx.select().from(paternityClaims).where(eq(paternityClaims.id, id));
  const parties = row ? (await partiesOf(tx, [row.id])).get(row.id) : undefined;
  if (!row || !parties) throw new NotFound("paternity claim");
  const facts: ClaimFacts = {
    missionCode: parties.mission_code,
    countryCode: row.countryCode,
    stateConsent: await stateConsent(tx, row.victimId),
  };
  if (!paternityPolicy.view(actor, facts)) throw new NotFound("paternity claim");
  return { row, parties, facts };
}

/** Claims as the caller sees them, their samples, custody events and payments read in three queries whatever their number. */
async function presentClaims(tx: Transaction, actor: Actor, rows: ClaimRow[], parties: Map<string, Parties>) {
  const today = todayIso();
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const samples = await tx
    .select()
    .from(dnaSamples)
    .where(inArray(dnaSamples.claimId, ids))
    .orderBy(asc(dnaSamples.createdAt));
  const events = samples.length
    ? await tx
        .select()
        .from(custodyEvents)
        .where(
          inArray(
            custodyEvents.sampleId,
            samples.map((s) => s.id),
          ),
        )
        .orderBy(asc(custodyEvents.occurredAt), asc(custodyEvents.createdAt))
    : [];
  const payments = await tx
    .select()
    .from(supportPayments)
    .where(inArray(supportPayments.claimId, ids))
    .orderBy(desc(supportPayments.paidOn));
  const advocate = actor.role === "victim_assistance";
  return rows.flatMap((row) => {
    const codes = parties.get(row.id);
    if (!codes) return [];
    const paid = payments.filter((payment) => payment.claimId === row.id);
    // Whoever sees the claim may see its samples; taking one is for the party whose sample it is.
    const facts = { missionCode: codes.mission_code, countryCode: row.countryCode, stateConsent: true };
    const takes = (donor: string) => paternityPolicy.takeSample(actor, facts, donor);
    const nextDue = row.closedOn
      ? null
      : nextPaymentDue(row.supportFrequency as SupportFrequency | null, row.supportOrderedOn, paid[0]?.paidOn ?? null);
    return [
      {
        id: row.id,
        // The victim's record is the advocate's alone; the State works from codes.
        victimId: advocate ? row.victimId : null,
        victimCode: codes.victim_code,
        childCode: codes.child_code,
        perpetratorCode: codes.perpetrator_code,
        caseId: row.caseId,
        caseReference: codes.case_reference,
        missionCode: codes.mission_code,
        countryCode: row.countryCode,
        notifiedOn: row.notifiedOn,
        responseDueOn: row.responseDueOn,
        responseOverdue:
          row.focalPointName === null && row.closedOn === null && daysOverdue(row.responseDueOn, today) > 0,
        focalPointName: row.focalPointName,
        focalPointAppointedOn: row.focalPointAppointedOn,
        paternity: row.paternity,
        paternityDecidedOn: row.paternityDecidedOn,
        support: row.supportOrderedOn
          ? {
              amount: row.supportAmount,
              currency: row.supportCurrency,
              frequency: row.supportFrequency,
              authority: row.supportAuthority,
              orderedOn: row.supportOrderedOn,
            }
          : null,
        nextPaymentDue: nextDue,
        paymentsStopped: paymentsStopped(nextDue, today),
        closedOn: row.closedOn,
        samples: samples
          .filter((sample) => sample.claimId === row.id)
          .map((sample) => {
            const chain = events.filter((event) => event.sampleId === sample.id);
            // The claim needs each step and the result; where and by whom stays with the mission.
            const detail = paternityPolicy.seeCustodyDetail(actor, codes.mission_code, sample.donor);
            return {
              id: sample.id,
              donor: sample.donor,
              sampleCode: sample.sampleCode,
              detailWithheld: !detail,
              can: { recordStep: !row.closedOn && takes(sample.donor) },
              events: chain.map((event) => ({
                id: event.id,
                kind: event.kind,
                occurredAt: event.occurredAt.toISOString(),
                byWhom: detail ? event.byWhom : null,
                place: detail ? event.place : null,
                kitNumber: detail ? event.kitNumber : null,
                fromParty: detail ? event.fromParty : null,
                toParty: detail ? event.toParty : null,
                result: event.result,
              })),
              flags: checkChain(
                chain.map((event) => ({
                  id: event.id,
                  kind: event.kind as CustodyKind,
                  occurredAt: event.occurredAt.toISOString(),
                  fromParty: event.fromParty,
                  toParty: event.toParty,
                })),
              ),
            };
          }),
        canTakeSamplesOf: row.closedOn ? [] : sampleDonors.filter(takes),
        payments: paid.map((payment) => ({
          id: payment.id,
          paidOn: payment.paidOn,
          amount: payment.amount,
          currency: payment.currency,
        })),
        version: row.version,
      },
    ];
  });
}

async function presentClaim(tx: Transaction, actor: Actor, row: ClaimRow, parties: Parties) {
  const [claim] = await presentClaims(tx, actor, [row], new Map([[row.id, parties]]));
  return claim;
}

/** The State's focal points are told at once (by a database function: notifications belong to their readers). */
async function notifyState(services: Services, tx: Transaction, claimId: string) {
  const result = (await tx.execute(
    sql`select conduct_notify_state_of_claim(${claimId}, ${services.config.smtpUrl ? "pending" : "in_app_only"}) as told`,
  )) as unknown as { rows: { told: number }[] };
  return result.rows[0].told;
}

export interface ClaimInput {
  childId: string;
  perpetratorId: string;
  notifiedOn: string;
}

/** Opens a claim for a victim's child against a perpetrator code on one of her cases; the State is notified. */
export async function openClaim(services: Services, actor: Actor, victimId: string, input: ClaimInput) {
  notInFuture(input.notifiedOn, "body.notifiedOn");
  return inTransaction(services.db, actor, async (tx) => {
    const victim = await victimInScope(tx, actor, victimId);
    const [child] = await tx
      .select()
      .from(victimChildren)
      .where(and(eq(victimChildren.id, input.childId), eq(victimChildren.victimId, victimId)));
    if (!child)
      throw new ValidationFailed(
        "Record the child with the mother's record first.",
        [{ path: "body.childId", message: "unknown_child" }],
        "unknown_child",
      );
    const [perpetrator] = await tx
      .select({ id: perpetrators.id, caseId: perpetrators.caseId, nationalityCode: perpetrators.nationalityCode })
      .from(perpetrators)
      .innerJoin(victimCases, and(eq(victimCases.caseId, perpetrators.caseId), eq(victimCases.victimId, victimId)))
      .where(eq(perpetrators.id, input.perpetratorId));
    if (!perpetrator)
      throw new ValidationFailed(
        "The alleged father must be an alleged perpetrator on one of this victim's cases.",
        [{ path: "body.perpetratorId", message: "not_on_victims_cases" }],
        "unknown_perpetrator",
      );
    if (!perpetrator.nationalityCode)
      throw new ValidationFailed(
        "Record the alleged perpetrator's nationality first: it names the State to notify.",
        [{ path: "body.perpetratorId", message: "nationality_unknown" }],
        "nationality_unknown",
      );
    // The State must see the claim to act on it: without the mother's consent nothing goes to it.
    await assertConsent(tx, victimId, "member_state");
    const due = computeDueDate("member_state_reply", input.notifiedOn);
    const [row] = await tx
      .insert(paternityClaims)
      .values({
        victimId,
        childId: child.id,
        caseId: perpetrator.caseId,
        perpetratorId: perpetrator.id,
        countryCode: perpetrator.nationalityCode,
        notifiedOn: input.notifiedOn,
        responseDueOn: due.dueDate,
      })
      .returning();
    const parties = (await partiesOf(tx, [row.id])).get(row.id) as Parties;
    const notified = await notifyState(services, tx, row.id);
    await recordAuditEvent(tx, actor, {
      action: "paternity.open",
      subjectType: "paternity_claim",
      subjectId: row.id,
      details: {
        victimCode: victim.code,
        caseId: row.caseId,
        countryCode: row.countryCode,
        focalPointsNotified: notified,
      },
    });
    return presentClaim(tx, actor, row, parties);
  });
}

export async function listClaims(services: Services, actor: Actor, victimId?: string) {
  if (!paternityPolicy.list(actor))
    throw new Forbidden("Paternity claims are for victim assistance and the Member States concerned.");
  return inTransaction(services.db, actor, async (tx) => {
    // Row-level security leaves only the claims this actor may see.
    const rows = await tx
      .select()
      .from(paternityClaims)
      .where(victimId ? eq(paternityClaims.victimId, victimId) : undefined)
      .orderBy(desc(paternityClaims.notifiedOn));
    return {
      items: await presentClaims(
        tx,
        actor,
        rows,
        await partiesOf(
          tx,
          rows.map((row) => row.id),
        ),
      ),
    };
  });
}

export async function readClaim(services: Services, actor: Actor, id: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const { row, parties } = await claimInScope(tx, actor, id);
    await recordAuditEvent(tx, actor, { action: "paternity.read", subjectType: "paternity_claim", subjectId: id });
    return presentClaim(tx, actor, row, parties);
  });
}

export interface ClaimUpdate {
  focalPointName?: string | null;
  focalPointAppointedOn?: string | null;
  paternity?: PaternityOutcome | null;
  paternityDecidedOn?: string | null;
  support?: {
    amount: number;
    currency: string;
    frequency: SupportFrequency;
    authority: string;
    orderedOn: string;
  } | null;
  closedOn?: string | null;
  version: number;
}

/** The State's focal point, the DNA outcome, the support order, closure; 409 on a stale version. */
export async function updateClaim(services: Services, actor: Actor, id: string, update: ClaimUpdate) {
  for (const [field, value] of Object.entries(update))
    if (typeof value === "string" && /On$/.test(field)) notInFuture(value, `body.${field}`);
  if (update.support) notInFuture(update.support.orderedOn, "body.support.orderedOn");
  return inTransaction(services.db, actor, async (tx) => {
    const { row, parties } = await claimInScope(tx, actor, id);
    if (row.version !== update.version)
      throw new Conflict(
        "Someone else changed this claim since you opened it. Reload it, then try again.",
        {},
        "stale_version",
      );
    if (update.closedOn !== undefined && update.closedOn !== null && actor.role !== "victim_assistance")
      throw new Forbidden("The mission's victim assistance closes a claim.");
    const paternity = update.paternity === undefined ? row.paternity : update.paternity;
    if (update.support && paternity !== "established")
      throw new ValidationFailed(
        "Child support follows established paternity.",
        [{ path: "body.support", message: "paternity_not_established" }],
        "paternity_not_established",
      );
    const { support, version, ...fields } = update;
    const [updated] = await tx
      .update(paternityClaims)
      .set({
        ...fields,
        ...(support !== undefined && {
          supportAmount: support?.amount ?? null,
          supportCurrency: support?.currency ?? null,
          supportFrequency: support?.frequency ?? null,
          supportAuthority: support?.authority ?? null,
          supportOrderedOn: support?.orderedOn ?? null,
        }),
        version: sql`${paternityClaims.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(paternityClaims.id, id), eq(paternityClaims.version, version)))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "paternity.update",
      subjectType: "paternity_claim",
      subjectId: id,
      details: { fields: Object.keys(update).filter((key) => key !== "version") },
    });
    return presentClaim(tx, actor, updated, parties);
  });
}

export async function addSample(
  services: Services,
  actor: Actor,
  claimId: string,
  input: { donor: SampleDonor; sampleCode: string },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const { row, parties, facts } = await claimInScope(tx, actor, claimId);
    if (!paternityPolicy.takeSample(actor, facts, input.donor))
      throw new Forbidden("A Member State takes and records the alleged father's sample only.");
    const taken = await tx
      .select({ id: dnaSamples.id })
      .from(dnaSamples)
      .where(and(eq(dnaSamples.claimId, claimId), eq(dnaSamples.sampleCode, input.sampleCode)));
    if (taken.length)
      throw new Conflict("That sample identifier is already recorded on this claim.", {}, "sample_code_taken");
    const [sample] = await tx
      .insert(dnaSamples)
      .values({ claimId, ...input })
      .returning({ id: dnaSamples.id });
    await recordAuditEvent(tx, actor, {
      action: "paternity.sample",
      subjectType: "paternity_claim",
      subjectId: claimId,
      details: { sampleId: sample.id, donor: input.donor },
    });
    return presentClaim(tx, actor, row, parties);
  });
}

export interface CustodyInput {
  kind: CustodyKind;
  occurredAt: string;
  byWhom: string;
  place: string | null;
  kitNumber: string | null;
  fromParty: string | null;
  toParty: string | null;
  result: string | null;
}

/** Adds a step to a sample's chain; the chain is re-checked on every read, so a gap or disorder is flagged, never hidden. */
export async function addCustodyEvent(services: Services, actor: Actor, sampleId: string, input: CustodyInput) {
  notInFuture(input.occurredAt, "body.occurredAt");
  if (input.kind === "collected" && !input.kitNumber)
    throw new ValidationFailed(
      "A collection names the DNA kit's number.",
      [{ path: "body.kitNumber", message: "required_for_collection" }],
      "kit_number_required",
    );
  if (input.kind === "transferred" && (!input.fromParty || !input.toParty))
    throw new ValidationFailed(
      "A transfer names who handed the sample over and who received it.",
      [{ path: "body.toParty", message: "required_for_transfer" }],
      "transfer_parties_required",
    );
  if (input.kind === "result" && !input.result)
    throw new ValidationFailed(
      "Record what the laboratory found.",
      [{ path: "body.result", message: "required_for_result" }],
      "result_required",
    );
  return inTransaction(services.db, actor, async (tx) => {
    const [sample] = await tx.select().from(dnaSamples).where(eq(dnaSamples.id, sampleId));
    if (!sample) throw new NotFound("DNA sample");
    const { row, parties, facts } = await claimInScope(tx, actor, sample.claimId);
    if (!paternityPolicy.takeSample(actor, facts, sample.donor))
      throw new Forbidden("A Member State records the chain of the alleged father's sample only.");
    const [event] = await tx
      .insert(custodyEvents)
      .values({ sampleId, ...input, occurredAt: new Date(input.occurredAt), recordedBy: actor.userId })
      .returning({ id: custodyEvents.id });
    await recordAuditEvent(tx, actor, {
      action: "paternity.custody",
      subjectType: "paternity_claim",
      subjectId: sample.claimId,
      details: { sampleId, eventId: event.id, kind: input.kind },
    });
    return presentClaim(tx, actor, row, parties);
  });
}

export async function recordPayment(
  services: Services,
  actor: Actor,
  claimId: string,
  input: { paidOn: string; amount: number; currency: string },
) {
  notInFuture(input.paidOn, "body.paidOn");
  return inTransaction(services.db, actor, async (tx) => {
    const { row, parties } = await claimInScope(tx, actor, claimId);
    if (!row.supportOrderedOn)
      throw new ValidationFailed(
        "Record the child-support order before its payments.",
        [{ path: "body", message: "no_support_order" }],
        "no_support_order",
      );
    await tx.insert(supportPayments).values({ claimId, ...input, recordedBy: actor.userId });
    await recordAuditEvent(tx, actor, {
      action: "paternity.payment",
      subjectType: "paternity_claim",
      subjectId: claimId,
      details: { paidOn: input.paidOn },
    });
    return presentClaim(tx, actor, row, parties);
  });
}
