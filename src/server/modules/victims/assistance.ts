// Assistance: needs assessments and plans, the directory of service providers, referrals to them
// (followed until closed), and children born as a result of SEA.
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import {
  assistanceFollowUps,
  assistanceReferrals,
  needsAssessments,
  serviceProviders,
  victimCases,
  victimChildren,
  victimUpdates,
} from "../../../db/schema.js";
import {
  type AssistanceReferralStatus,
  allowedReferralSteps,
  defaultFollowUp,
  nextChildCode,
  type ServiceType,
  type UpdateMeans,
  type UpdateTopic,
  type VictimSex,
} from "../../../domain/victims.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { victimPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertConsent, openOutcome, refreshNextAction, victimInScope } from "./records.js";
import { sharedUnitsOf } from "./shares.js";
import { assertNotInFuture as notInFuture, todayIso } from "../../dates.js";
import { updatesOf, noteContext as updateNoteContext } from "./updates.js";

import { presentAssistanceReferral, presentProvider } from "./presenters.js";
export async function recordAssessment(
  services: Services,
  actor: Actor,
  victimId: string,
  input: { assessedOn: string; needs: ServiceType[]; plan: string | null; reviewOn: string | null },
) {
  notInFuture(input.assessedOn, "body.assessedOn");
  if (input.reviewOn !== null && input.reviewOn < input.assessedOn)
    throw new ValidationFailed(
      "The review comes after the assessment.",
      [{ path: "body.reviewOn", message: "before_assessment" }],
      "review_before_assessment",
    );
  return inTransaction(services.db, actor, async (tx) => {
    await victimInScope(tx, actor, victimId);
    const id = randomUUID();
    const planEncrypted = input.plan
      ? await services.encryption.encrypt(tx, input.plan, fieldContext("needs_assessments", "plan_encrypted", id))
      : null;
    await tx.insert(needsAssessments).values({
      id,
      victimId,
      assessedOn: input.assessedOn,
      needs: input.needs,
      planEncrypted,
      reviewOn: input.reviewOn,
      recordedBy: actor.userId,
    });
    await refreshNextAction(tx, victimId);
    await recordAuditEvent(tx, actor, {
      action: "victim.assessment",
      subjectType: "victim",
      subjectId: victimId,
      details: { assessmentId: id, needs: input.needs },
    });
    return { id, assessedOn: input.assessedOn, needs: input.needs, plan: input.plan, reviewOn: input.reviewOn };
  });
}

export async function listProviders(
  services: Services,
  actor: Actor,
  filter: { mission?: string; serviceType?: ServiceType; all?: "true" | "false" },
) {
  if (!victimPolicy.readProviders(actor)) throw new Forbidden();
  return inTransaction(services.db, actor, async (tx) => {
    // Providers no longer working stay in the directory (past referrals name them) but are not offered.
    const conditions = filter.all === "true" ? [] : [eq(serviceProviders.active, true)];
    if (filter.mission) conditions.push(eq(serviceProviders.missionCode, filter.mission));
    if (filter.serviceType) conditions.push(sql`${filter.serviceType} = any(${serviceProviders.serviceTypes})`);
    const rows = await tx
      .select()
      .from(serviceProviders)
      .where(and(...conditions))
      .orderBy(asc(serviceProviders.missionCode), asc(serviceProviders.name));
    return { items: rows.map(presentProvider) };
  });
}

export async function addProvider(
  services: Services,
  actor: Actor,
  input: {
    missionCode: string;
    name: string;
    serviceTypes: ServiceType[];
    location: string | null;
    contact: string | null;
  },
) {
  if (!victimPolicy.work(actor, input.missionCode))
    throw new Forbidden("Victim-assistance staff keep their mission's directory of service providers.");
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.insert(serviceProviders).values(input).returning();
    await recordAuditEvent(tx, actor, {
      action: "service_provider.add",
      subjectType: "service_provider",
      subjectId: row.id,
      details: { missionCode: row.missionCode },
    });
    return presentProvider(row);
  });
}

export interface ProviderUpdate {
  name?: string;
  serviceTypes?: ServiceType[];
  location?: string | null;
  contact?: string | null;
  active?: boolean;
}

/** Corrects a provider's entry, or takes it out of use; its past referrals keep naming it. */
export async function updateProvider(services: Services, actor: Actor, id: string, update: ProviderUpdate) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(serviceProviders).where(eq(serviceProviders.id, id));
    if (!row) throw new NotFound("service provider");
    if (!victimPolicy.work(actor, row.missionCode))
      throw new Forbidden("Victim-assistance staff keep their mission's directory of service providers.");
    const [updated] = await tx.update(serviceProviders).set(update).where(eq(serviceProviders.id, id)).returning();
    await recordAuditEvent(tx, actor, {
      action: "service_provider.update",
      subjectType: "service_provider",
      subjectId: id,
      details: { fields: Object.keys(update) },
    });
    return presentProvider(updated);
  });
}

async function childOf(tx: Transaction, victimId: string, childId: string) {
  const [child] = await tx
    .select()
    .from(victimChildren)
    .where(and(eq(victimChildren.id, childId), eq(victimChildren.victimId, victimId)));
  if (!child)
    throw new ValidationFailed(
      "That child is not recorded with this victim.",
      [{ path: "body.childId", message: "unknown_child" }],
      "unknown_child",
    );
  return child;
}

export interface ReferralInput {
  providerId: string;
  serviceType: ServiceType;
  childId: string | null;
  proposedOn: string;
  followUpOn: string | null;
  shareIdentity: boolean;
}

/** Refers a victim (or their child) to a provider of the mission (or of a unit the record is shared with); sending who they are needs their consent. */
export async function referToService(services: Services, actor: Actor, victimId: string, input: ReferralInput) {
  notInFuture(input.proposedOn, "body.proposedOn");
  return inTransaction(services.db, actor, async (tx) => {
    const victim = await victimInScope(tx, actor, victimId);
    const [provider] = await tx.select().from(serviceProviders).where(eq(serviceProviders.id, input.providerId));
    // A record shared with another entity's unit may be referred to that unit's providers too.
    const units = [victim.missionCode, ...(await sharedUnitsOf(tx, victimId))];
    if (!provider?.active || !units.includes(provider.missionCode)) {
      throw new ValidationFailed(
        "Choose an active service provider of the victim's mission, or of a unit the record is shared with.",
        [{ path: "body.providerId", message: "unknown_provider" }],
        "unknown_provider",
      );
    }
    if (!provider.serviceTypes.includes(input.serviceType)) {
      throw new ValidationFailed(
        `${provider.name} does not offer ${input.serviceType} services.`,
        [{ path: "body.serviceType", message: "not_offered" }],
        "service_not_offered",
      );
    }
    if (input.childId) await childOf(tx, victimId, input.childId);
    if (input.shareIdentity) await assertConsent(tx, victimId, "service_providers");
    const followUpOn = input.followUpOn ?? defaultFollowUp(input.proposedOn);
    const [row] = await tx
      .insert(assistanceReferrals)
      .values({ victimId, ...input, followUpOn, identityShared: input.shareIdentity })
      .returning();
    await refreshNextAction(tx, victimId);
    await recordAuditEvent(tx, actor, {
      action: "victim.referral",
      subjectType: "victim",
      subjectId: victimId,
      details: {
        referralId: row.id,
        providerId: provider.id,
        serviceType: input.serviceType,
        identityShared: input.shareIdentity,
      },
    });
    return { ...presentAssistanceReferral(row, todayIso(), null), providerName: provider.name };
  });
}

async function referralInScope(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx.select().from(assistanceReferrals).where(eq(assistanceReferrals.id, id));
  if (!row) throw new NotFound("referral");
  await victimInScope(tx, actor, row.victimId);
  return row;
}

const stepDateColumn = {
  accepted: "acceptedOn",
  delivered: "deliveredOn",
  declined: "declinedOn",
  closed: "closedOn",
  proposed: "proposedOn",
} as const;

/** Moves a referral on (proposed → accepted → delivered → closed, or declined); 422 names the allowed steps. */
export async function updateReferral(
  services: Services,
  actor: Actor,
  id: string,
  input: {
    status?: AssistanceReferralStatus;
    on?: string;
    followUpOn?: string | null;
    outcome?: string | null;
    version: number;
  },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await referralInScope(tx, actor, id);
    if (row.version !== input.version)
      throw new Conflict(
        "Someone else changed this referral since you opened it. Reload it, then try again.",
        { current: presentAssistanceReferral(row, todayIso(), await openOutcome(services, tx, row)) },
        "stale_version",
      );
    const changes: Partial<typeof assistanceReferrals.$inferInsert> = {};
    if (input.status && input.status !== row.status) {
      const allowed = allowedReferralSteps(row.status as AssistanceReferralStatus);
      if (!allowed.includes(input.status)) throw new InvalidTransition(row.status, input.status, allowed, "A referral");
      const on = input.on ?? todayIso();
      notInFuture(on, "body.on");
      if (on < row.proposedOn)
        throw new ValidationFailed(
          "A step cannot come before the referral was proposed.",
          [{ path: "body.on", message: "before_proposed" }],
          "date_before_referral",
        );
      changes.status = input.status;
      changes[stepDateColumn[input.status]] = on;
      // Nothing is followed up on a closed or declined referral.
      if (["closed", "declined"].includes(input.status)) changes.followUpOn = null;
    }
    if (input.followUpOn !== undefined) changes.followUpOn = input.followUpOn;
    if (input.outcome !== undefined) {
      changes.outcomeEncrypted =
        input.outcome === null
          ? null
          : await services.encryption.encrypt(
              tx,
              input.outcome,
              fieldContext("assistance_referrals", "outcome_encrypted", id),
            );
    }
    const [updated] = await tx
      .update(assistanceReferrals)
      .set({ ...changes, version: sql`${assistanceReferrals.version} + 1`, updatedAt: new Date() })
      .where(and(eq(assistanceReferrals.id, id), eq(assistanceReferrals.version, input.version)))
      .returning();
    await refreshNextAction(tx, row.victimId);
    await recordAuditEvent(tx, actor, {
      action: "victim.referral.update",
      subjectType: "victim",
      subjectId: row.victimId,
      details: { referralId: id, from: row.status, to: updated.status, fields: Object.keys(changes) },
    });
    return presentAssistanceReferral(updated, todayIso(), await openOutcome(services, tx, updated));
  });
}

/** A follow-up note (encrypted), and optionally the next follow-up date. */
export async function addFollowUp(
  services: Services,
  actor: Actor,
  referralId: string,
  input: { note: string; recordedOn: string; nextFollowUpOn: string | null },
) {
  notInFuture(input.recordedOn, "body.recordedOn");
  return inTransaction(services.db, actor, async (tx) => {
    const row = await referralInScope(tx, actor, referralId);
    const id = randomUUID();
    const noteEncrypted = await services.encryption.encrypt(
      tx,
      input.note,
      fieldContext("assistance_follow_ups", "note_encrypted", id),
    );
    await tx
      .insert(assistanceFollowUps)
      .values({ id, referralId, noteEncrypted, recordedOn: input.recordedOn, recordedBy: actor.userId });
    await tx
      .update(assistanceReferrals)
      .set({
        followUpOn: input.nextFollowUpOn,
        version: sql`${assistanceReferrals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(assistanceReferrals.id, referralId));
    await refreshNextAction(tx, row.victimId);
    await recordAuditEvent(tx, actor, {
      action: "victim.referral.follow_up",
      subjectType: "victim",
      subjectId: row.victimId,
      details: { referralId, followUpId: id },
    });
    return { id, recordedOn: input.recordedOn, note: input.note, nextFollowUpOn: input.nextFollowUpOn };
  });
}

/** A child born as a result of SEA, recorded with the mother's or caregiver's record. */
export async function recordChild(
  services: Services,
  actor: Actor,
  victimId: string,
  input: { sex: VictimSex; birthYear: number | null; identity: { name: string; dateOfBirth: string | null } | null },
) {
  if (input.birthYear !== null && input.birthYear > new Date().getUTCFullYear())
    throw new ValidationFailed(
      "The year of birth is in the future.",
      [{ path: "body.birthYear", message: "in_future" }],
      "date_in_future",
    );
  return inTransaction(services.db, actor, async (tx) => {
    const victim = await victimInScope(tx, actor, victimId);
    const [{ taken }] = await tx
      .select({ taken: sql<number>`count(*)::int` })
      .from(victimChildren)
      .where(eq(victimChildren.victimId, victimId));
    const id = randomUUID();
    const identityEncrypted = input.identity
      ? await services.encryption.encrypt(
          tx,
          JSON.stringify(input.identity),
          fieldContext("victim_children", "identity_encrypted", id),
        )
      : null;
    const [row] = await tx
      .insert(victimChildren)
      .values({
        id,
        victimId,
        code: nextChildCode(victim.code, taken),
        sex: input.sex,
        birthYear: input.birthYear,
        identityEncrypted,
      })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "victim.child",
      subjectType: "victim",
      subjectId: victimId,
      details: { childId: id, code: row.code },
    });
    return { id, code: row.code, sex: row.sex, birthYear: row.birthYear, identityRecorded: identityEncrypted !== null };
  });
}

export interface VictimUpdateInput {
  informedOn: string;
  means: UpdateMeans;
  topics: UpdateTopic[];
  caseId: string | null;
  note: string | null;
}

/** Each time the advocate tells the victim how things stand; the case must be one of theirs. */
export async function recordVictimUpdate(services: Services, actor: Actor, victimId: string, input: VictimUpdateInput) {
  notInFuture(input.informedOn, "body.informedOn", "The victim cannot have been informed in the future.");
  return inTransaction(services.db, actor, async (tx) => {
    await victimInScope(tx, actor, victimId);
    if (input.caseId) {
      const [linked] = await tx
        .select({ caseId: victimCases.caseId })
        .from(victimCases)
        .where(and(eq(victimCases.victimId, victimId), eq(victimCases.caseId, input.caseId)));
      if (!linked)
        throw new ValidationFailed(
          "That case is not linked to this victim.",
          [{ path: "body.caseId", message: "not_linked" }],
          "case_not_linked",
        );
    }
    const id = randomUUID();
    await tx.insert(victimUpdates).values({
      id,
      victimId,
      caseId: input.caseId,
      informedOn: input.informedOn,
      means: input.means,
      topics: [...new Set(input.topics)],
      noteEncrypted: input.note ? await services.encryption.encrypt(tx, input.note, updateNoteContext(id)) : null,
      recordedBy: actor.userId,
    });
    await recordAuditEvent(tx, actor, {
      action: "victim.informed",
      subjectType: "victim",
      subjectId: victimId,
      details: {
        updateId: id,
        means: input.means,
        topics: input.topics,
        ...(input.caseId ? { caseId: input.caseId } : {}),
      },
    });
    const [recorded] = await updatesOf(services, tx, victimId, id);
    return recorded;
  });
}
