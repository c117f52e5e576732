// "My work": what needs each person's action now, from the records they may see — new messages
// from reporters, reports not yet handled, what is late or due this week, replies awaited, claims
// waiting, identity requests to decide and cases ready to publish. Row-level security and the
// policies narrow every list; the sections shown are the ones the person's role works on.
import { and, asc, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import { assistanceRequests, cases, investigations, referrals, reports } from "../../../db/schema.js";
import { reportCode } from "../../../domain/contracts/reports.js";
import { type MyWork, type WorkItem, type WorkSection, workSections } from "../../../domain/contracts/work.js";
import type { Urgency } from "../../../domain/triage.js";
import type { Actor } from "../../auth/actor.js";
import { addDays, todayIso } from "../../dates.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { overdueDashboard } from "../deadlines/index.js";
import { unreadFor } from "../intake/index.js";
import { listClaims } from "../paternity/index.js";
import { listRevealRequests } from "../reveals/index.js";
import { knownNationalities } from "../cases/index.js";
import {
  enforcementPolicy,
  heldCaseFacts,
  referralPolicy,
  reportPolicy,
  workPolicy,
} from "../../auth/policies/index.js";

/** Each section lists its first items; its total says how many there are in all. */
export const WORK_ITEMS_SHOWN = 8;
const WEEK_DAYS = 7;

const item = (fields: Partial<WorkItem> & Pick<WorkItem, "id" | "label" | "path">): WorkItem => ({
  dueOn: null,
  urgency: null,
  detail: null,
  countryCode: null,
  ...fields,
});

async function newMessages(tx: Transaction, actor: Actor) {
  const rows = await tx
    .select({ report: reports, reference: cases.reference })
    .from(reports)
    .leftJoin(cases, eq(cases.id, reports.caseId))
    .where(unreadFor(actor.userId))
    .orderBy(desc(reports.lastReporterMessageAt))
    .limit(200);
  return rows
    .filter((row) => reportPolicy.view(actor, row.report))
    .map((row) =>
      item({
        id: row.report.id,
        label: row.reference ?? reportCode(row.report.id),
        path: row.report.caseId ? `/cases/${row.report.caseId}` : `/reports/${row.report.id}`,
        urgency: row.report.urgency as Urgency,
      }),
    );
}

async function reportsToHandle(tx: Transaction, actor: Actor) {
  const rows = await tx
    .select()
    .from(reports)
    .where(isNull(reports.caseId))
    .orderBy(
      sql`case ${reports.urgency} when 'urgent' then 0 when 'priority' then 1 else 2 end`,
      asc(reports.receivedAt),
    )
    .limit(500);
  return rows
    .filter((row) => reportPolicy.view(actor, row))
    .map((row) =>
      item({
        id: row.id,
        label: reportCode(row.id),
        path: `/reports/${row.id}`,
        urgency: row.urgency as Urgency,
        detail: row.kind,
      }),
    );
}

/** State replies not yet given: due within the week go to "this week", the others wait. */
async function repliesAwaited(tx: Transaction, actor: Actor, today: string) {
  const rows = await tx
    .select({
      referral: referrals,
      reference: cases.reference,
      missionCode: cases.missionCode,
      nationalityCodes: knownNationalities(cases.id),
    })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(isNull(referrals.reply), gte(referrals.replyDueOn, today)))
    .orderBy(asc(referrals.replyDueOn))
    .limit(500);
  return rows
    .filter((row) => referralPolicy.view(actor, heldCaseFacts(row), row.referral.countryCode))
    .map((row) =>
      item({
        id: row.referral.id,
        label: row.reference,
        path: `/cases/${row.referral.caseId}`,
        dueOn: row.referral.replyDueOn,
        detail: "referral_reply",
        countryCode: row.referral.countryCode,
      }),
    );
}

async function investigationsDueThisWeek(tx: Transaction, actor: Actor, today: string) {
  const rows = await tx
    .select({
      investigation: investigations,
      reference: cases.reference,
      missionCode: cases.missionCode,
      nationalityCodes: knownNationalities(cases.id),
    })
    .from(investigations)
    .innerJoin(cases, eq(cases.id, investigations.caseId))
    .where(
      and(
        isNull(investigations.completedOn),
        gte(investigations.dueOn, today),
        lte(investigations.dueOn, addDays(today, WEEK_DAYS)),
      ),
    )
    .orderBy(asc(investigations.dueOn))
    .limit(500);
  return rows
    .filter((row) => enforcementPolicy.viewInvestigation(actor, heldCaseFacts(row), row.investigation.countryCode))
    .map((row) =>
      item({
        id: row.investigation.id,
        label: row.reference,
        path: `/cases/${row.investigation.caseId}`,
        dueOn: row.investigation.dueOn,
        detail: "investigation",
        countryCode: row.investigation.countryCode,
      }),
    );
}

/** Requests to victim assistance not yet taken up, in the advocate's missions (row-level security), most urgent first. */
async function openAssistanceRequests(tx: Transaction) {
  const rows = await tx
    .select({ request: assistanceRequests, reference: cases.reference })
    .from(assistanceRequests)
    .leftJoin(cases, eq(cases.id, assistanceRequests.caseId))
    .where(isNull(assistanceRequests.takenAt))
    .orderBy(
      sql`case ${assistanceRequests.urgency} when 'urgent' then 0 when 'priority' then 1 else 2 end`,
      asc(assistanceRequests.requestedAt),
    )
    .limit(500);
  return rows.map(({ request, reference }) =>
    item({
      id: request.id,
      label: reference ?? (request.reportId ? reportCode(request.reportId) : request.missionCode),
      path: "/victims",
      urgency: request.urgency as Urgency,
      detail: request.needs[0] ?? null,
    }),
  );
}

async function casesToPublish(tx: Transaction) {
  const rows = await tx
    .select({ id: cases.id, reference: cases.reference, status: cases.status })
    .from(cases)
    .where(and(isNull(cases.publishedAt), sql`${cases.status} in ('actions', 'closed')`))
    .orderBy(asc(cases.dateReported))
    .limit(500);
  return rows.map((row) => item({ id: row.id, label: row.reference, path: `/publish`, detail: row.status }));
}

export async function myWork(services: Services, actor: Actor): Promise<MyWork> {
  const today = todayIso();
  const may = workPolicy.sections(actor);
  const found: Partial<Record<WorkSection, WorkItem[]>> = {};
  await inTransaction(
    services.db,
    actor,
    async (tx) => {
      if (may.newMessages) found.newMessages = await newMessages(tx, actor);
      if (may.reportsToHandle) found.reportsToHandle = await reportsToHandle(tx, actor);
      if (may.dueThisWeek) {
        const awaited = await repliesAwaited(tx, actor, today);
        const weekEnd = addDays(today, WEEK_DAYS);
        found.dueThisWeek = [
          ...awaited.filter((entry) => (entry.dueOn ?? "") <= weekEnd),
          ...(await investigationsDueThisWeek(tx, actor, today)),
        ].sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
        found.awaitingReply = awaited.filter((entry) => (entry.dueOn ?? "") > weekEnd);
      }
      if (may.toPublish) found.toPublish = await casesToPublish(tx);
      if (may.assistanceRequests) found.assistanceRequests = await openAssistanceRequests(tx);
    },
    { readOnly: true },
  );
  if (may.overdue) {
    const late = await overdueDashboard(services, actor, today);
    found.overdue = [
      ...late.referrals.map((r) =>
        item({
          id: r.id,
          label: r.reference,
          path: `/cases/${r.caseId}`,
          dueOn: r.replyDueOn,
          detail: "referral_reply",
          countryCode: r.countryCode,
        }),
      ),
      ...late.investigations.map((i) =>
        item({
          id: i.id,
          label: i.reference,
          path: `/cases/${i.caseId}`,
          dueOn: i.dueOn,
          detail: "investigation",
          countryCode: i.countryCode,
        }),
      ),
    ].sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  }
  if (may.claimsWaiting) {
    const claims = (await listClaims(services, actor)).items;
    found.claimsWaiting = claims
      .filter((claim) => claim.closedOn === null)
      .map((claim) => ({ claim, waitingFor: claimWaitingFor(claim) }))
      .filter((entry) => entry.waitingFor !== null)
      .map(({ claim, waitingFor }) =>
        item({
          id: claim.id,
          label: `${claim.caseReference} · ${claim.victimCode}`,
          path: `/paternity/${claim.id}`,
          dueOn: waitingFor === "focal_point" ? claim.responseDueOn : claim.nextPaymentDue,
          detail: waitingFor,
          countryCode: claim.countryCode,
        }),
      );
  }
  if (may.revealRequests)
    found.revealRequests = (await listRevealRequests(services, actor, "pending")).items.map((request) =>
      item({ id: request.id, label: request.subjectLabel, path: "/reveal-requests", detail: request.subjectType }),
    );
  return {
    sections: (Object.keys(found) as WorkSection[])
      .sort((a, b) => sectionOrder(a) - sectionOrder(b))
      .map((section) => {
        const items = found[section] ?? [];
        return { section, total: items.length, items: items.slice(0, WORK_ITEMS_SHOWN) };
      }),
  };
}

const sectionOrder = (section: WorkSection) => workSections.indexOf(section);

/** What an open claim waits for, if anything: the State's focal point, the paternity finding, payments. */
function claimWaitingFor(claim: {
  focalPointName: string | null;
  paternity: string | null;
  paymentsStopped: boolean;
}): string | null {
  if (!claim.focalPointName) return "focal_point";
  if (claim.paymentsStopped) return "payments";
  if (!claim.paternity) return "paternity";
  return null;
}
