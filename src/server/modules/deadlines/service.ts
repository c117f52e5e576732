// What is late, per mission and per Member State, and each person's reminders.
import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { cases, investigations, notifications } from "../../../db/schema.js";
import { daysOverdue } from "../../../domain/deadlines.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { enforcementPolicy, heldCaseFacts, referralPolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound } from "../../errors.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { listOverdueReferrals } from "../referrals/index.js";
import { knownNationalities } from "../cases/index.js";

interface LateItem {
  kind: "referrals" | "investigations";
  keys: string[];
}

/** Counts per key, most first: how many replies and investigations are late for each mission or State. */
function tally(items: LateItem[]) {
  const groups = new Map<string, { key: string; referrals: number; investigations: number }>();
  for (const item of items) {
    for (const key of item.keys) {
      const group = groups.get(key) ?? { key, referrals: 0, investigations: 0 };
      group[item.kind]++;
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort(
    (a, b) => b.referrals + b.investigations - (a.referrals + a.investigations) || a.key.localeCompare(b.key),
  );
}

/** The overdue dashboard: late State replies and late investigations in the caller's scope, grouped. */
export async function overdueDashboard(
  services: Services,
  actor: Actor,
  today = new Date().toISOString().slice(0, 10),
) {
  if (!referralPolicy.overdue(actor)) throw new Forbidden("Your role does not follow deadlines.");
  const referrals = (await listOverdueReferrals(services, actor, today)).items;
  const late = await inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select({
        investigation: investigations,
        reference: cases.reference,
        missionCode: cases.missionCode,
        nationalityCodes: knownNationalities(cases.id),
      })
      .from(investigations)
      .innerJoin(cases, eq(cases.id, investigations.caseId))
      .where(and(isNull(investigations.completedOn), lt(investigations.dueOn, today)))
      .orderBy(asc(investigations.dueOn))
      .limit(500);
    return rows
      .filter((row) => enforcementPolicy.viewInvestigation(actor, heldCaseFacts(row), row.investigation.countryCode))
      .map((row) => ({
        id: row.investigation.id,
        caseId: row.investigation.caseId,
        reference: row.reference,
        missionCode: row.missionCode,
        countryCode: row.investigation.countryCode,
        nationalityCodes: row.nationalityCodes,
        entity: row.investigation.entity,
        startedOn: row.investigation.startedOn,
        dueOn: row.investigation.dueOn,
        daysOverdue: daysOverdue(row.investigation.dueOn, today),
      }));
  });
  const referralKinds = { kind: "referrals" as const };
  const investigationKinds = { kind: "investigations" as const };
  return {
    referrals,
    investigations: late.map(({ nationalityCodes: _nationalities, ...item }) => item),
    byMission: tally([
      ...referrals.map((r) => ({ ...referralKinds, keys: [r.missionCode] })),
      ...late.map((i) => ({ ...investigationKinds, keys: [i.missionCode] })),
    ]),
    // A late investigation counts against the State whose NIO runs it; an OIOS one against every State involved.
    byCountry: tally([
      ...referrals.map((r) => ({ ...referralKinds, keys: r.countryCode ? [r.countryCode] : [] })),
      ...late.map((i) => ({ ...investigationKinds, keys: i.countryCode ? [i.countryCode] : i.nationalityCodes })),
    ]).filter((group) => actor.role !== "member_state_focal_point" || group.key === actor.countryCode),
  };
}

export async function listNotifications(services: Services, actor: Actor) {
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.userId ?? ""))
      .orderBy(desc(notifications.createdAt))
      .limit(100);
    const [unread] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId ?? ""), isNull(notifications.readAt)));
    return {
      unread: unread.count,
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        caseId: row.caseId,
        caseReference: row.caseReference,
        subjectPath: row.subjectPath,
        dueOn: row.dueOn,
        createdAt: row.createdAt.toISOString(),
        read: row.readAt !== null,
      })),
    };
  });
}

/** Marks one reminder read, or all of them when no id is given. */
export async function markNotificationsRead(services: Services, actor: Actor, id?: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const mine = eq(notifications.userId, actor.userId ?? "");
    const updated = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(id ? and(mine, eq(notifications.id, id)) : and(mine, isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (id && updated.length === 0) throw new NotFound("notification");
    await recordAuditEvent(tx, actor, {
      action: "notification.read",
      subjectType: "notification",
      subjectId: id,
      details: { marked: updated.length },
    });
    return { marked: updated.length };
  });
}
