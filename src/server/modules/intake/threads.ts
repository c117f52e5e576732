// Threads that arrive: a reporter's message reaches the people handling the report (and its case),
// stays marked new for each of them until they read it, and is listed with the case it belongs to.
import { asc, eq, sql } from "drizzle-orm";
import {
  caseAssignments,
  cases,
  notifications,
  reportMessages,
  reportReads,
  reports,
  staffProfiles,
} from "../../../db/schema.js";
import { reportCode } from "../../../domain/contracts/reports.js";
import { type Actor, unitsInScope } from "../../auth/actor.js";
import type { Role } from "../../../domain/roles.js";
import { reportPolicy } from "../../auth/policies/index.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import type { Transaction } from "../../transaction.js";

/** The thread of a report, oldest first, decrypted for a reader who may see the report. */
export async function threadOf(services: Services, tx: Transaction, reportId: string) {
  const rows = await tx
    .select()
    .from(reportMessages)
    .where(eq(reportMessages.reportId, reportId))
    .orderBy(asc(reportMessages.createdAt));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      fromReporter: row.fromReporter,
      message: await services.encryption.decrypt(
        tx,
        row.bodyEncrypted,
        fieldContext("report_messages", "body_encrypted", row.id),
      ),
      createdAt: row.createdAt.toISOString(),
    })),
  );
}

/** "Unread for this person": the reporter wrote after the person last read the report. */
export const unreadFor = (userId: string | null) =>
  sql<boolean>`coalesce(${reports.lastReporterMessageAt} > coalesce((select rr.read_at from report_reads rr where rr.report_id = ${reports.id} and rr.user_id = ${userId ?? ""}), '-infinity'::timestamptz), false)`;

/**
 * Who hears of a reporter's message: the intake officers of the report's mission (headquarters when
 * it names none or the reporter sent it to headquarters), the CBCM focal point who filed it, and the officers assigned to its case.
 */
async function recipientsOf(tx: Transaction, report: typeof reports.$inferSelect) {
  const rows = await tx
    .select({ userId: staffProfiles.userId, role: staffProfiles.role, missionCodes: unitsInScope })
    .from(staffProfiles)
    .where(
      sql`${staffProfiles.disabledAt} is null and (
        (${staffProfiles.role} = 'cdt_officer' and ${report.missionCode} = any(${unitsInScope}))
        or (${staffProfiles.role} = 'cds_officer' and (${report.missionCode}::text is null or ${report.headquartersOnly}))
        or (${staffProfiles.role} = 'cbcm_focal_point' and ${staffProfiles.userId} = ${report.submittedBy})
        or (${staffProfiles.role} in ('cds_officer', 'cdt_officer') and exists (
          select 1 from ${caseAssignments} a where a.case_id = ${report.caseId} and a.user_id = ${staffProfiles.userId})))`,
    );
  // Only those who may open the report hear of it: the policy is asked again, over the query's rule.
  return rows
    .filter((row) =>
      reportPolicy.view(
        {
          userId: row.userId,
          role: row.role as Role,
          missionCodes: row.missionCodes,
          countryCode: null,
          via: "system",
        },
        { missionCode: report.missionCode, submittedBy: report.submittedBy, headquartersOnly: report.headquartersOnly },
      ),
    )
    .map((row) => row.userId);
}

/**
 * Marks the report as written to and raises one notification per person (the message's id is in
 * its key, so a retried or doubled delivery on another instance raises nothing more); the email
 * outbox sends it when SMTP is set. The notification names the case or the report, never the words.
 */
export async function announceReporterMessage(
  services: Services,
  tx: Transaction,
  reportId: string,
  messageId: string,
) {
  const [report] = await tx
    .update(reports)
    .set({ lastReporterMessageAt: sql`now()` })
    .where(eq(reports.id, reportId))
    .returning();
  const [linked] = report.caseId
    ? await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, report.caseId))
    : [];
  const userIds = await recipientsOf(tx, report);
  if (userIds.length === 0) return;
  await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        dedupeKey: `report-message:${reportId}:${messageId}`,
        kind: "reporter_message",
        caseId: report.caseId,
        caseReference: linked?.reference ?? reportCode(reportId),
        subjectPath: report.caseId ? null : `/reports/${reportId}`,
        emailStatus: services.config.smtpUrl ? "pending" : "in_app_only",
      })),
    )
    .onConflictDoNothing();
}

/** Reading a report's thread clears its "new message" mark and its notifications, for this person only. */
export async function markReportRead(tx: Transaction, actor: Actor, reportId: string) {
  if (!actor.userId) return;
  await tx
    .insert(reportReads)
    .values({ reportId, userId: actor.userId })
    .onConflictDoUpdate({ target: [reportReads.reportId, reportReads.userId], set: { readAt: sql`now()` } });
  await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      sql`${notifications.userId} = ${actor.userId} and ${notifications.readAt} is null and ${notifications.dedupeKey} like ${`report-message:${reportId}:%`}`,
    );
}
