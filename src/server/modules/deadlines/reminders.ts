// Reminders: each instance sweeps deadlines into notifications (a unique key makes each reminder
// exist once, however many instances sweep at the same moment), then claims pending email with
// SKIP LOCKED so that one instance sends each message. A crash between sending and marking it sent
// would resend it after the claim expires: at most one duplicate, never a lost reminder.
import { applyRetention } from "../retention/index.js";
import { and, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { forgetOldNumbers, forwardOfficerReplies } from "../sms/index.js";
import nodemailer, { type Transporter } from "nodemailer";
import {
  afterActionActions,
  afterActionReviews,
  caseAssignments,
  cases,
  investigations,
  leadershipCommitments,
  leadershipPlans,
  notifications,
  paternityClaims,
  referrals,
  riskAssessments,
  riskMitigations,
  staffProfiles,
  supportPayments,
} from "../../../db/schema.js";
import { commitmentClosed, commitmentStatuses } from "../../../domain/leadership.js";
import { nextPaymentDue, paymentsStopped, type SupportFrequency } from "../../../domain/paternity.js";
import {
  DUE_SOON_DAYS,
  type DeadlineSubject,
  type ReminderKind,
  reminderFor,
  reminderMessage,
} from "../../../domain/reminders.js";
import type { Services } from "../../services.js";
import { systemActor, unitsInScope } from "../../auth/actor.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { syncScreeningList } from "../screening/index.js";
import { forgetOldIdempotencyKeys } from "../../idempotency.js";

interface Deadline {
  subject: DeadlineSubject;
  id: string;
  dueOn: string;
  /** The case it belongs to; a risk assessment's deadlines belong to none and lead to `path`. */
  caseId: string | null;
  path?: string;
  reference: string;
  missionCode: string;
  /** The State concerned (a referral's addressee, an NIO's State): its focal points are reminded too. */
  countryCode: string | null;
  /** For a paternity claim: the mother, whose consent decides whether her claim's State hears of it. */
  victimId?: string;
}

async function openDeadlines(tx: Transaction, today: string): Promise<Deadline[]> {
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
  const referralRows = await tx
    .select({
      id: referrals.id,
      dueOn: referrals.replyDueOn,
      caseId: cases.id,
      reference: cases.reference,
      missionCode: cases.missionCode,
      countryCode: referrals.countryCode,
    })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(isNull(referrals.reply), sql`${referrals.replyDueOn} < ${today}`));
  const investigationRows = await tx
    .select({
      id: investigations.id,
      dueOn: investigations.dueOn,
      caseId: cases.id,
      reference: cases.reference,
      missionCode: cases.missionCode,
      countryCode: investigations.countryCode,
    })
    .from(investigations)
    .innerJoin(cases, eq(cases.id, investigations.caseId))
    .where(and(isNull(investigations.completedOn), lte(investigations.dueOn, soon)));
  return [
    ...referralRows.map((row) => ({ ...row, dueOn: row.dueOn as string, subject: "referral" as const })),
    ...investigationRows.map((row) => ({ ...row, subject: "investigation" as const })),
    ...(await claimDeadlines(tx, today)),
    ...(await preventionDeadlines(tx, today)),
    ...(await leadershipDeadlines(tx, today)),
  ];
}

/**
 * A mission's prevention deadlines: mitigations and after-action follow-ups past their due date, and
 * locations whose review is overdue (from each location's latest assessment).
 */
async function preventionDeadlines(tx: Transaction, today: string): Promise<Deadline[]> {
  const common = (row: { assessmentId: string; missionCode: string; location: string }) => ({
    caseId: null,
    path: `/risk/assessments/${row.assessmentId}`,
    reference: `${row.missionCode} · ${row.location}`,
    missionCode: row.missionCode,
    countryCode: null,
  });
  const mitigations = await tx
    .select({
      id: riskMitigations.id,
      dueOn: riskMitigations.dueOn,
      assessmentId: riskAssessments.id,
      missionCode: riskAssessments.missionCode,
      location: riskAssessments.location,
    })
    .from(riskMitigations)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskMitigations.assessmentId))
    .where(and(isNull(riskMitigations.completedOn), sql`${riskMitigations.dueOn} < ${today}`));
  const reviews = await tx
    .selectDistinctOn([riskAssessments.missionCode, sql`lower(${riskAssessments.location})`], {
      id: riskAssessments.id,
      dueOn: riskAssessments.reviewOn,
      assessmentId: riskAssessments.id,
      missionCode: riskAssessments.missionCode,
      location: riskAssessments.location,
    })
    .from(riskAssessments)
    .orderBy(
      riskAssessments.missionCode,
      sql`lower(${riskAssessments.location})`,
      desc(riskAssessments.assessedOn),
      desc(riskAssessments.createdAt),
    );
  const followUps = await tx
    .select({
      id: afterActionActions.id,
      dueOn: afterActionActions.dueOn,
      reviewId: afterActionReviews.id,
      missionCode: afterActionReviews.missionCode,
      title: afterActionReviews.title,
    })
    .from(afterActionActions)
    .innerJoin(afterActionReviews, eq(afterActionReviews.id, afterActionActions.reviewId))
    .where(and(isNull(afterActionActions.completedOn), sql`${afterActionActions.dueOn} < ${today}`));
  return [
    ...followUps.map((row) => ({
      caseId: null,
      path: `/after-action/${row.reviewId}`,
      reference: `${row.missionCode} · ${row.title}`,
      missionCode: row.missionCode,
      countryCode: null,
      id: row.id,
      dueOn: row.dueOn,
      subject: "after_action" as const,
    })),
    ...mitigations.map((row) => ({
      ...common(row),
      id: row.id,
      dueOn: row.dueOn,
      subject: "risk_mitigation" as const,
    })),
    ...reviews
      .filter((row) => row.dueOn < today)
      .map((row) => ({ ...common(row), id: row.id, dueOn: row.dueOn, subject: "risk_review" as const })),
  ];
}

/** Items of the leaders' commitments past their due date, neither done nor dropped. */
async function leadershipDeadlines(tx: Transaction, today: string): Promise<Deadline[]> {
  const rows = await tx
    .select({
      id: leadershipCommitments.id,
      dueOn: leadershipCommitments.dueOn,
      missionCode: leadershipPlans.missionCode,
      year: leadershipPlans.year,
    })
    .from(leadershipCommitments)
    .innerJoin(leadershipPlans, eq(leadershipPlans.id, leadershipCommitments.planId))
    .where(
      and(
        inArray(
          leadershipCommitments.status,
          commitmentStatuses.filter((status) => !commitmentClosed(status)),
        ),
        sql`${leadershipCommitments.dueOn} < ${today}`,
      ),
    );
  return rows.map((row) => ({
    caseId: null,
    path: `/leadership?mission=${row.missionCode}&year=${row.year}`,
    reference: `${row.missionCode} · ${row.year}`,
    missionCode: row.missionCode,
    countryCode: null,
    id: row.id,
    dueOn: row.dueOn,
    subject: "leadership_commitment" as const,
  }));
}

/** Open claims whose State has not named its paternity focal point in time, or whose support payments have stopped. */
async function claimDeadlines(tx: Transaction, today: string): Promise<Deadline[]> {
  const rows = await tx
    .select({
      claim: paternityClaims,
      reference: cases.reference,
      missionCode: cases.missionCode,
      lastPaidOn: sql<
        string | null
      >`(select max(p.paid_on)::text from ${supportPayments} p where p.claim_id = ${paternityClaims.id})`,
    })
    .from(paternityClaims)
    .innerJoin(cases, eq(cases.id, paternityClaims.caseId))
    .where(
      and(
        isNull(paternityClaims.closedOn),
        sql`(${paternityClaims.focalPointName} is null and ${paternityClaims.responseDueOn} < ${today} or ${paternityClaims.supportOrderedOn} is not null)`,
      ),
    );
  const deadlines: Deadline[] = [];
  for (const { claim, reference, missionCode, lastPaidOn } of rows) {
    const common = {
      id: claim.id,
      caseId: claim.caseId,
      reference,
      missionCode,
      countryCode: claim.countryCode,
      victimId: claim.victimId,
    };
    if (claim.focalPointName === null && claim.responseDueOn < today)
      deadlines.push({ ...common, subject: "paternity_response", dueOn: claim.responseDueOn });
    const nextDue = nextPaymentDue(
      claim.supportFrequency as SupportFrequency | null,
      claim.supportOrderedOn,
      lastPaidOn,
    );
    if (nextDue && paymentsStopped(nextDue, today))
      deadlines.push({ ...common, subject: "child_support", dueOn: nextDue });
  }
  return deadlines;
}

/**
 * Who hears about a deadline. A case's: the mission's officers, the case's assigned staff and the
 * State's focal points. A paternity claim's: the mission's victim assistance, and the State only
 * while the mother consents to share with it.
 */
async function recipientsOf(tx: Transaction, deadline: Deadline): Promise<string[]> {
  const ofMission = (role: string) =>
    sql`(${staffProfiles.role} = ${role} and ${deadline.missionCode} = any(${unitsInScope}))`;
  const ofState = sql`(${staffProfiles.role} = 'member_state_focal_point' and ${staffProfiles.countryCode} = ${deadline.countryCode ?? ""})`;
  const who = deadline.victimId
    ? sql`${ofMission("victim_assistance")} or (${ofState} and conduct_consent_in_force(${deadline.victimId}, 'member_state'))`
    : deadline.subject === "leadership_commitment"
      ? sql`${ofMission("cdt_officer")} or ${ofMission("head_of_mission")}`
      : deadline.caseId === null
        ? ofMission("cdt_officer")
        : sql`${ofMission("cdt_officer")} or ${ofState} or exists (select 1 from ${caseAssignments} a where a.case_id = ${deadline.caseId} and a.user_id = ${staffProfiles.userId})`;
  const rows = await tx
    .select({ userId: staffProfiles.userId })
    .from(staffProfiles)
    .where(and(isNull(staffProfiles.disabledAt), sql`(${who})`));
  return rows.map((row) => row.userId);
}

/** Turns today's due and overdue deadlines into notifications; answers how many were new. */
export async function sweepReminders(
  services: Services,
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  return inTransaction(services.db, systemActor, async (tx) => {
    let created = 0;
    for (const deadline of await openDeadlines(tx, today)) {
      const reminder = reminderFor(deadline.subject, deadline.id, deadline.dueOn, today);
      if (!reminder) continue;
      const userIds = await recipientsOf(tx, deadline);
      if (userIds.length === 0) continue;
      const inserted = await tx
        .insert(notifications)
        .values(
          userIds.map((userId) => ({
            userId,
            dedupeKey: reminder.dedupeKey,
            kind: reminder.kind,
            caseId: deadline.caseId,
            caseReference: deadline.reference,
            subjectPath: deadline.path ?? null,
            dueOn: deadline.dueOn,
            emailStatus: services.config.smtpUrl ? "pending" : "in_app_only",
          })),
        )
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      created += inserted.length;
    }
    if (created > 0)
      await recordAuditEvent(tx, systemActor, {
        action: "reminders.create",
        subjectType: "notification",
        details: { created },
      });
    return created;
  });
}

const CLAIM_MINUTES = 5;
const MAX_ATTEMPTS = 5;

/** Sends pending reminder email; each message is claimed by one instance before it is sent. */
export async function sendPendingEmail(services: Services, transport: Transporter, batch = 50): Promise<number> {
  const claimed = await inTransaction(services.db, systemActor, async (tx) => {
    const result = (await tx.execute(sql`
      update notifications n set email_claimed_at = now(), email_attempts = n.email_attempts + 1
      from "user" u, staff_profiles p
      where n.id in (
        select id from notifications
        where email_status = 'pending' and (email_claimed_at is null or email_claimed_at < now() - make_interval(mins => ${CLAIM_MINUTES}))
        order by created_at limit ${batch} for update skip locked)
        and u.id = n.user_id and p.user_id = n.user_id
      returning n.id, n.kind, n.case_id, n.subject_path, n.case_reference, to_char(n.due_on, 'YYYY-MM-DD') as due_on, n.email_attempts, u.email, p.language`)) as unknown as {
      rows: {
        id: string;
        kind: ReminderKind;
        case_id: string | null;
        subject_path: string | null;
        case_reference: string;
        due_on: string;
        email_attempts: number;
        email: string;
        language: string;
      }[];
    };
    return result.rows;
  });
  let sent = 0;
  const outcomes: string[] = [];
  for (const row of claimed) {
    const message = reminderMessage(row.kind, row.language, {
      ref: row.case_reference,
      due: row.due_on,
      link: `${services.config.publicUrl}${row.subject_path ?? `/cases/${row.case_id}`}`,
    });
    let status = "sent";
    try {
      // The notification id as Message-ID lets a mail server drop the duplicate a crash could cause.
      await transport.sendMail({
        from: services.config.mailFrom,
        to: row.email,
        subject: message.subject,
        text: message.text,
        messageId: `<${row.id}@conduct-ledger>`,
      });
      sent++;
    } catch {
      status = row.email_attempts >= MAX_ATTEMPTS ? "failed" : "pending";
    }
    await inTransaction(services.db, systemActor, (tx) =>
      tx
        .update(notifications)
        .set({ emailStatus: status, emailSentAt: status === "sent" ? new Date() : null })
        .where(eq(notifications.id, row.id)),
    );
    outcomes.push(status);
  }
  if (outcomes.length > 0) {
    const count = (status: string) => outcomes.filter((outcome) => outcome === status).length;
    await inTransaction(services.db, systemActor, (tx) =>
      recordAuditEvent(tx, systemActor, {
        action: "reminders.email",
        subjectType: "notification",
        details: { sent: count("sent"), retrying: count("pending"), failed: count("failed") },
      }),
    );
  }
  return sent;
}

/**
 * Runs the sweep and the sender on an interval until stopped (one loop per server instance). The
 * stop function waits for a cycle in flight, so a closing server never leaves one half done.
 */
export function startReminderLoop(
  services: Services,
  log: { error: (object: object, message: string) => void },
): () => Promise<void> {
  const seconds = services.config.reminderIntervalSeconds;
  if (seconds <= 0) return async () => {};
  const transport = services.config.smtpUrl ? nodemailer.createTransport(services.config.smtpUrl) : null;
  let inFlight: Promise<void> | null = null;
  const cycle = () => {
    inFlight ??= (async () => {
      try {
        await sweepReminders(services);
        await syncScreeningList(services);
        // The server's one periodic cycle also keeps the idempotency table to a week's keys.
        await forgetOldIdempotencyKeys(services.db);
        await applyRetention(services);
        // Text messages: the officers' replies not yet sent, and the numbers kept past their time.
        await forwardOfficerReplies(services);
        await forgetOldNumbers(services);
        if (transport) await sendPendingEmail(services, transport);
      } catch (error) {
        log.error({ err: error }, "reminder cycle failed");
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };
  const timer = setInterval(cycle, seconds * 1000);
  timer.unref();
  void cycle();
  return async () => {
    clearInterval(timer);
    await inFlight;
    transport?.close();
  };
}
