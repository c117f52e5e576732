// Victim records: pseudonymous codes for everyone in scope; identity, contact, location and
// caregiver encrypted and revealed only to victim-assistance staff, with a reason, audited. Consent
// decides what may be passed on; the server refuses what it does not allow.
import { updatesOf } from "./updates.js";
import { sharesOf, victimInScope } from "./shares.js";
import { revealClearance } from "../reveals/index.js";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, lte, sql } from "drizzle-orm";
import {
  assistanceFollowUps,
  assistanceReferrals,
  cases,
  needsAssessments,
  serviceProviders,
  user,
  victimCases,
  victimChildren,
  victimConsents,
  victims,
} from "../../../db/schema.js";
import {
  type AgeGroup,
  ageGroupOf,
  type ConsentRecipient,
  consentInForce,
  consentNeededFor,
  nextVictimCode,
  type RevealPurpose,
  type VictimSex,
} from "../../../domain/victims.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { victimPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, ValidationFailed } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { authorizeCase } from "../cases/index.js";
import { assertNotInFuture, todayIso } from "../../dates.js";

import { presentVictimSummary, presentAssistanceReferral } from "./presenters.js";
import type { VictimSummaryRow } from "./presenters.js";
import type { AssistanceReferralRow } from "./presenters.js";
import type { VictimRow } from "./presenters.js";
export interface VictimPrivate {
  identity: { name: string; otherNames: string | null; dateOfBirth: string | null } | null;
  contact: string | null;
  location: string | null;
  caregiver: string | null;
}
const privateFields = ["identity", "contact", "location", "caregiver"] as const;
type PrivateField = (typeof privateFields)[number];
const columnOf = {
  identity: "identity_encrypted",
  contact: "contact_encrypted",
  location: "location_encrypted",
  caregiver: "caregiver_encrypted",
} as const;

export interface VictimInput extends VictimPrivate {
  missionCode: string;
  sex: VictimSex;
  ageGroup: AgeGroup;
  ageAtIncident: number | null;
  caseId: string | null;
}

/** Seals the private fields given (undefined leaves a field as it is, null clears it). */
async function sealPrivate(services: Services, tx: Transaction, id: string, fields: Partial<VictimPrivate>) {
  const sealed: Partial<Record<`${PrivateField}Encrypted`, string | null>> = {};
  for (const field of privateFields) {
    const value = fields[field];
    if (value === undefined) continue;
    sealed[`${field}Encrypted`] =
      value === null
        ? null
        : await services.encryption.encrypt(
            tx,
            typeof value === "string" ? value : JSON.stringify(value),
            fieldContext("victims", columnOf[field], id),
          );
  }
  return sealed;
}

export { victimInScope } from "./shares.js";

/**
 * Recomputes when the victim next needs the advocate: the earliest open referral's follow-up, the
 * plan's review date, or today when consent or a needs assessment has not been recorded yet.
 */
export async function refreshNextAction(tx: Transaction, victimId: string) {
  await tx.execute(sql`
    update ${victims} v set next_action_on = least(
      (select min(r.follow_up_on) from ${assistanceReferrals} r where r.victim_id = v.id and r.status not in ('closed', 'declined')),
      (select a.review_on from ${needsAssessments} a where a.victim_id = v.id order by a.assessed_on desc, a.created_at desc limit 1),
      case when not exists (select 1 from ${victimConsents} c where c.victim_id = v.id)
             or not exists (select 1 from ${needsAssessments} a where a.victim_id = v.id) then v.created_at::date end)
    where v.id = ${victimId}`);
}

// What a list shows of a victim: no ciphertext, only whether each private field is recorded.
const summaryColumns = {
  id: victims.id,
  code: victims.code,
  missionCode: victims.missionCode,
  sex: victims.sex,
  ageGroup: victims.ageGroup,
  ageAtIncident: victims.ageAtIncident,
  nextActionOn: victims.nextActionOn,
  version: victims.version,
  identityRecorded: sql<boolean>`victims.identity_encrypted is not null`,
  contactRecorded: sql<boolean>`victims.contact_encrypted is not null`,
  locationRecorded: sql<boolean>`victims.location_encrypted is not null`,
  caregiverRecorded: sql<boolean>`victims.caregiver_encrypted is not null`,
};

const summaryOf = (row: VictimRow): VictimSummaryRow => ({
  ...row,
  identityRecorded: row.identityEncrypted !== null,
  contactRecorded: row.contactEncrypted !== null,
  locationRecorded: row.locationEncrypted !== null,
  caregiverRecorded: row.caregiverEncrypted !== null,
});

export async function registerVictim(services: Services, actor: Actor, input: VictimInput) {
  if (!victimPolicy.work(actor, input.missionCode))
    throw new Forbidden("Only victim-assistance staff of the mission register victims.");
  return inTransaction(services.db, actor, async (tx) => {
    if (input.caseId) {
      const found = await authorizeCase(tx, actor, input.caseId);
      if (found.row.missionCode !== input.missionCode)
        throw new ValidationFailed(
          "The victim is registered in the mission of the case.",
          [{ path: "body.missionCode", message: "not_the_case_mission" }],
          "mission_mismatch",
        );
    }
    // Codes run per mission and are never reused; the lock keeps two registrations from taking the same one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`victim-code:${input.missionCode}`}))`);
    const [{ taken }] = await tx
      .select({ taken: sql<number>`count(*)::int` })
      .from(victims)
      .where(eq(victims.missionCode, input.missionCode));
    const id = randomUUID();
    const [row] = await tx
      .insert(victims)
      .values({
        id,
        code: nextVictimCode(input.missionCode, taken),
        missionCode: input.missionCode,
        sex: input.sex,
        ageGroup: ageGroupOf(input.ageAtIncident, input.ageGroup),
        ageAtIncident: input.ageAtIncident,
        registeredBy: actor.userId,
        ...(await sealPrivate(services, tx, id, input)),
      })
      .returning();
    if (input.caseId) await tx.insert(victimCases).values({ victimId: id, caseId: input.caseId });
    await refreshNextAction(tx, id);
    await recordAuditEvent(tx, actor, {
      action: "victim.register",
      subjectType: "victim",
      subjectId: id,
      details: { code: row.code, caseId: input.caseId },
    });
    return presentVictimSummary(summaryOf(await victimInScope(tx, actor, id)));
  });
}

export interface VictimUpdate extends Partial<VictimPrivate> {
  sex?: VictimSex;
  ageGroup?: AgeGroup;
  ageAtIncident?: number | null;
  version: number;
}

export async function updateVictim(services: Services, actor: Actor, id: string, update: VictimUpdate) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await victimInScope(tx, actor, id);
    if (row.version !== update.version)
      throw new Conflict(
        "Someone else changed this record since you opened it. Reload it, then try again.",
        { current: presentVictimSummary(summaryOf(row)) },
        "stale_version",
      );
    const ageAtIncident = update.ageAtIncident === undefined ? row.ageAtIncident : update.ageAtIncident;
    await tx
      .update(victims)
      .set({
        sex: update.sex ?? row.sex,
        ageAtIncident,
        ageGroup: ageGroupOf(ageAtIncident, update.ageGroup ?? (row.ageGroup as AgeGroup)),
        ...(await sealPrivate(services, tx, id, update)),
        version: sql`${victims.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(victims.id, id), eq(victims.version, update.version)));
    const changed = Object.keys(update).filter((key) => key !== "version");
    await recordAuditEvent(tx, actor, {
      action: "victim.update",
      subjectType: "victim",
      subjectId: id,
      details: { fields: changed },
    });
    return presentVictimSummary(summaryOf(await victimInScope(tx, actor, id)));
  });
}

/** The consent in force per recipient, with its history (who recorded what, when). */
async function consentOf(tx: Transaction, victimId: string) {
  const entries = await tx
    .select({ consent: victimConsents, recordedByName: user.name })
    .from(victimConsents)
    .leftJoin(user, eq(user.id, victimConsents.recordedBy))
    .where(eq(victimConsents.victimId, victimId))
    .orderBy(desc(victimConsents.givenOn), desc(victimConsents.createdAt));
  const inForce = consentInForce(
    entries.map(({ consent }) => ({
      recipient: consent.recipient as ConsentRecipient,
      granted: consent.granted,
      givenOn: consent.givenOn,
      recordedAt: consent.createdAt,
    })),
  );
  return {
    inForce,
    history: entries.map(({ consent, recordedByName }) => ({
      recipient: consent.recipient,
      granted: consent.granted,
      givenOn: consent.givenOn,
      recordedAt: consent.createdAt.toISOString(),
      recordedByName,
    })),
  };
}

export async function recordConsent(
  services: Services,
  actor: Actor,
  victimId: string,
  input: { recipient: ConsentRecipient; granted: boolean; givenOn: string },
) {
  return inTransaction(services.db, actor, async (tx) => {
    await victimInScope(tx, actor, victimId);
    assertNotInFuture(input.givenOn, "body.givenOn", "Consent cannot be dated in the future.");
    await tx.insert(victimConsents).values({
      victimId,
      recipient: input.recipient,
      granted: input.granted,
      givenOn: input.givenOn,
      recordedBy: actor.userId,
    });
    await refreshNextAction(tx, victimId);
    await recordAuditEvent(tx, actor, {
      action: "victim.consent",
      subjectType: "victim",
      subjectId: victimId,
      details: { recipient: input.recipient, granted: input.granted },
    });
    return consentOf(tx, victimId);
  });
}

/** Refuses to pass a victim's information to a recipient their consent does not name. */
export async function assertConsent(tx: Transaction, victimId: string, recipient: ConsentRecipient) {
  const { inForce } = await consentOf(tx, victimId);
  if (!inForce[recipient]) {
    const whom = {
      investigators: "investigators",
      service_providers: "service providers",
      member_state: "the Member State",
    }[recipient];
    throw new Forbidden(
      `The victim has not agreed to share their information with ${whom}. Record their consent first.`,
      "consent_not_given",
    );
  }
}

/** Reveals identity, contact, location and caregiver for a stated reason (and, to pass them on, the consent that allows it). */
export async function revealVictim(
  services: Services,
  actor: Actor,
  victimId: string,
  input: { reason: string; purpose: RevealPurpose },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await victimInScope(tx, actor, victimId);
    const needed = consentNeededFor(input.purpose);
    if (needed) await assertConsent(tx, victimId, needed);
    const clearance = await revealClearance(services, tx, actor, {
      subjectType: "victim",
      subjectId: row.id,
      subjectLabel: row.code,
      reason: input.reason,
      purpose: input.purpose,
    });
    if ("approval" in clearance) return clearance;
    const revealed: VictimPrivate = { identity: null, contact: null, location: null, caregiver: null };
    for (const field of privateFields) {
      const sealed = row[`${field}Encrypted`];
      if (sealed === null) continue;
      const text = await services.encryption.decrypt(tx, sealed, fieldContext("victims", columnOf[field], row.id));
      if (field === "identity") revealed.identity = JSON.parse(text);
      else revealed[field] = text;
    }
    await recordAuditEvent(tx, actor, {
      action: "victim.identity.reveal",
      subjectType: "victim",
      subjectId: row.id,
      details: {
        code: row.code,
        purpose: input.purpose,
        reason: input.reason,
        ...(clearance.approvalId && { approvalId: clearance.approvalId }),
      },
    });
    return revealed;
  });
}

/** Links a victim to a case of the same mission that the advocate may see. */
export async function linkVictimToCase(services: Services, actor: Actor, victimId: string, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await victimInScope(tx, actor, victimId);
    const found = await authorizeCase(tx, actor, caseId);
    if (found.row.missionCode !== row.missionCode)
      throw new ValidationFailed(
        "A victim is linked to cases of their own mission.",
        [{ path: "body.caseId", message: "other_mission" }],
        "mission_mismatch",
      );
    await tx.insert(victimCases).values({ victimId, caseId }).onConflictDoNothing();
    await recordAuditEvent(tx, actor, {
      action: "victim.link_case",
      subjectType: "victim",
      subjectId: victimId,
      details: { caseId },
    });
    return { cases: await casesOf(tx, victimId) };
  });
}

const casesOf = (tx: Transaction, victimId: string) =>
  tx
    .select({ id: cases.id, reference: cases.reference, status: cases.status })
    .from(victimCases)
    .innerJoin(cases, eq(cases.id, victimCases.caseId))
    .where(eq(victimCases.victimId, victimId))
    .orderBy(asc(cases.reference));

/** The whole record on one page: cases, consent, assessments and plans, referrals with follow-ups, children. Audited. */
export async function readVictim(services: Services, actor: Actor, victimId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await victimInScope(tx, actor, victimId);
    const today = todayIso();
    const assessments = await tx
      .select()
      .from(needsAssessments)
      .where(eq(needsAssessments.victimId, victimId))
      .orderBy(desc(needsAssessments.assessedOn), desc(needsAssessments.createdAt));
    const referrals = await tx
      .select({ referral: assistanceReferrals, providerName: serviceProviders.name })
      .from(assistanceReferrals)
      .innerJoin(serviceProviders, eq(serviceProviders.id, assistanceReferrals.providerId))
      .where(eq(assistanceReferrals.victimId, victimId))
      .orderBy(desc(assistanceReferrals.proposedOn), desc(assistanceReferrals.createdAt));
    const followUps = referrals.length
      ? await tx
          .select()
          .from(assistanceFollowUps)
          .where(
            inArray(
              assistanceFollowUps.referralId,
              referrals.map((r) => r.referral.id),
            ),
          )
          .orderBy(asc(assistanceFollowUps.recordedOn), asc(assistanceFollowUps.createdAt))
      : [];
    const children = await tx
      .select()
      .from(victimChildren)
      .where(eq(victimChildren.victimId, victimId))
      .orderBy(asc(victimChildren.code));
    const open = (sealed: string | null, table: string, column: string, id: string) =>
      sealed === null ? null : services.encryption.decrypt(tx, sealed, fieldContext(table, column, id));
    await recordAuditEvent(tx, actor, {
      action: "victim.read",
      subjectType: "victim",
      subjectId: victimId,
      details: { code: row.code },
    });
    return {
      ...presentVictimSummary(summaryOf(row)),
      cases: await casesOf(tx, victimId),
      consent: await consentOf(tx, victimId),
      assessments: await Promise.all(
        assessments.map(async (a) => ({
          id: a.id,
          assessedOn: a.assessedOn,
          needs: a.needs,
          plan: await open(a.planEncrypted, "needs_assessments", "plan_encrypted", a.id),
          reviewOn: a.reviewOn,
        })),
      ),
      referrals: await Promise.all(
        referrals.map(async ({ referral, providerName }) => ({
          ...presentAssistanceReferral(referral, today, await openOutcome(services, tx, referral)),
          providerName,
          followUps: await Promise.all(
            followUps
              .filter((f) => f.referralId === referral.id)
              .map(async (f) => ({
                id: f.id,
                recordedOn: f.recordedOn,
                note: (await open(f.noteEncrypted, "assistance_follow_ups", "note_encrypted", f.id)) as string,
              })),
          ),
        })),
      ),
      children: children.map((child) => ({
        id: child.id,
        code: child.code,
        sex: child.sex,
        birthYear: child.birthYear,
        identityRecorded: child.identityEncrypted !== null,
      })),
      updates: await updatesOf(services, tx, victimId),
      shares: await sharesOf(tx, actor, victimId, row.missionCode),
      can: { share: victimPolicy.work(actor, row.missionCode) },
    };
  });
}

/** A referral's outcome, opened for those who may read the record. */
export const openOutcome = (services: Services, tx: Transaction, row: AssistanceReferralRow) =>
  row.outcomeEncrypted === null
    ? null
    : services.encryption.decrypt(
        tx,
        row.outcomeEncrypted,
        fieldContext("assistance_referrals", "outcome_encrypted", row.id),
      );

export interface CaseloadFilter {
  mission?: string;
  code?: string;
  dueOnly?: "true" | "false";
  limit: number;
  offset: number;
}

/** The caseload's query (row-level security keeps it to the advocate's missions); the benchmark times the same SQL raw. */
export function caseloadRows(tx: Pick<Transaction, "select">, filter: CaseloadFilter, today: string) {
  const conditions = [];
  if (filter.mission) conditions.push(eq(victims.missionCode, filter.mission));
  if (filter.code) conditions.push(ilike(victims.code, `%${filter.code.trim().replace(/[%_\\]/g, "")}%`));
  if (filter.dueOnly === "true") conditions.push(lte(victims.nextActionOn, today));
  return tx
    .select({
      ...summaryColumns,
      // Written out in full: drizzle would print a bare "id", which the subquery's own table would capture.
      cases: sql<number>`(select count(*)::int from ${victimCases} vc where vc.victim_id = victims.id)`,
      openReferrals: sql<number>`(select count(*)::int from ${assistanceReferrals} r where r.victim_id = victims.id and r.status not in ('closed', 'declined'))`,
      children: sql<number>`(select count(*)::int from ${victimChildren} c where c.victim_id = victims.id)`,
    })
    .from(victims)
    .where(and(...conditions))
    .orderBy(sql`${victims.nextActionOn} asc nulls last`, asc(victims.code))
    .limit(filter.limit + 1)
    .offset(filter.offset);
}

/** The advocate's caseload: what is due first (overdue follow-ups, reviews, missing consent or assessment). */
export async function caseload(services: Services, actor: Actor, filter: CaseloadFilter) {
  if (!victimPolicy.caseload(actor)) throw new Forbidden("Only victim-assistance staff have a caseload.");
  const today = todayIso();
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await caseloadRows(tx, filter, today);
    return {
      items: rows.slice(0, filter.limit).map((row) => ({
        ...presentVictimSummary(row),
        cases: row.cases,
        openReferrals: row.openReferrals,
        children: row.children,
        due: row.nextActionOn !== null && row.nextActionOn <= today,
      })),
      limit: filter.limit,
      offset: filter.offset,
      hasMore: rows.length > filter.limit,
    };
  });
}

/** What case officers and investigators may know of a case's victims: codes, sex and age group. */
export async function caseVictims(services: Services, actor: Actor, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    if (!victimPolicy.seeCaseVictims(actor, found.facts))
      throw new Forbidden("Your role does not see the victims of a case.");
    const result = (await tx.execute(
      sql`select code, sex, age_group from conduct_case_victims(${caseId})`,
    )) as unknown as { rows: { code: string; sex: string; age_group: string }[] };
    return { items: result.rows.map((row) => ({ code: row.code, sex: row.sex, ageGroup: row.age_group })) };
  });
}
