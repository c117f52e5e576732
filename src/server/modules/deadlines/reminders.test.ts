// Reminders: a due deadline becomes one notification per person who follows the case, and one
// email each, even with two server instances sweeping and sending at the same time.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { startSmtpSink } from "../../../../test/helpers/smtp-sink.js";
import { cases, investigations, referrals } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { startReminderLoop, sweepReminders } from "./reminders.js";

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, reminderIntervalSeconds: 0.05 });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const cycleErrors: string[] = [];
const collectingLog = { error: (object: object) => void cycleErrors.push(String((object as { err?: unknown }).err)) };

async function caseWithDeadlines(missionCode: string) {
  const caseId = randomUUID();
  const reference = `${missionCode}-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`;
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id: caseId,
      reference,
      missionCode,
      status: "under_investigation",
      dateReported: daysFromNow(-80),
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["RWA"],
    });
    await tx.insert(referrals).values({
      caseId,
      entity: "member_state",
      countryCode: "RWA",
      sentOn: daysFromNow(-30),
      replyDueOn: daysFromNow(-16),
    });
    await tx.insert(investigations).values({
      caseId,
      entity: "oios",
      startedOn: daysFromNow(-80),
      dueOn: daysFromNow(10),
      deadlineKind: "investigation_sea",
      policyVersion: "default-1",
    });
  });
  return { caseId, reference };
}

describe("reminders", () => {
  it("two instances sweeping and sending together send each reminder exactly once, in the reader's language", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNISFA"] });
    const rwanda = await t.createStaff("member_state_focal_point", { countryCode: "RWA" });
    const otherMission = await t.createStaff("cdt_officer", { missionCodes: ["UNMIK"] });
    await t.handle.asOwner((owner) =>
      owner.query("UPDATE staff_profiles SET language = 'fr' WHERE user_id = $1", [rwanda.id]),
    );
    const { caseId, reference } = await caseWithDeadlines("UNISFA");

    const second = await t.secondInstance();
    const stops = [
      startReminderLoop(t.app.services, collectingLog),
      startReminderLoop(second.app.services, collectingLog),
    ];
    try {
      // Both loops run several cycles over the same due deadlines.
      for (let waited = 0; waited < 100 && sink.received.length < 3; waited++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      // Each stop waits for its cycle in flight, so nothing runs against a closed database.
      await Promise.all(stops.map((stop) => stop()));
      await second.close();
    }
    // The officer: the late reply and the investigation due soon; Rwanda: the late reply (its State's referral).
    const mine = sink.received.filter((mail) => mail.raw.includes(reference));
    expect(mine.map((mail) => mail.to[0]).sort()).toEqual([officer.email, officer.email, rwanda.email].sort());
    expect(sink.received.some((mail) => mail.to.includes(otherMission.email))).toBe(false);
    const french = mine.find((mail) => mail.to.includes(rwanda.email))?.raw ?? "";
    expect(french).toContain(`/cases/${caseId}`);
    // The subject is French ("la réponse de l'État Membre"), encoded for the mail headers.
    expect(french).toMatch(/r=C3=A9ponse|réponse/i);

    expect(cycleErrors).toEqual([]);
    // The sending is on the audit trail too: as many "sent" as messages the sink received.
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ sent: number }>(
        "SELECT (details->>'sent')::int AS sent FROM audit_events WHERE action = 'reminders.email'",
      ),
    );
    expect(events.reduce((sum, event) => sum + event.sent, 0)).toBe(sink.received.length);
    // A sweep after everything was sent adds nothing.
    expect(await sweepReminders(t.app.services)).toBe(0);
  });

  it("each person sees their reminders in the app and marks them read; an extension earns a new one", async () => {
    const officerStaff = await t.createStaff("cdt_officer", { missionCodes: ["UNFICYP"] });
    const officer = await t.tokenFor(officerStaff);
    const { caseId } = await caseWithDeadlines("UNFICYP");
    await sweepReminders(t.app.services);
    const inbox = (await officer.request({ method: "GET", url: "/api/notifications" })).json();
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((item: { kind: string }) => item.kind).sort()).toEqual([
      "investigation_due_soon",
      "referral_reply_overdue",
    ]);
    expect(
      (
        await officer.request({ method: "POST", url: "/api/notifications/read", payload: { id: inbox.items[0].id } })
      ).json().marked,
    ).toBe(1);
    expect((await officer.request({ method: "POST", url: "/api/notifications/read", payload: {} })).json().marked).toBe(
      1,
    );
    expect((await officer.request({ method: "GET", url: "/api/notifications" })).json().unread).toBe(0);

    const [referral] = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.select().from(referrals).where(eq(referrals.caseId, caseId)),
    );
    const extended = await officer.request({
      method: "POST",
      url: `/api/referrals/${referral.id}/extensions`,
      payload: { days: 5, reason: "The Permanent Mission asked for time." },
    });
    expect(extended.statusCode, extended.body).toBe(201);
    await sweepReminders(t.app.services);
    expect((await officer.request({ method: "GET", url: "/api/notifications" })).json().unread).toBe(1);
  });

  it("the overdue dashboard counts late replies and investigations per mission and per State, within scope", async () => {
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const { caseId } = await caseWithDeadlines("MINURSO");
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(investigations).values({
        caseId,
        entity: "nio",
        countryCode: "RWA",
        startedOn: daysFromNow(-200),
        dueOn: daysFromNow(-3),
        deadlineKind: "investigation_sea",
        policyVersion: "default-1",
      }),
    );
    const dashboard = (await hq.request({ method: "GET", url: "/api/overdue" })).json();
    expect(dashboard.byMission.find((group: { key: string }) => group.key === "MINURSO")).toEqual({
      key: "MINURSO",
      referrals: 1,
      investigations: 1,
    });
    expect(dashboard.investigations.find((item: { caseId: string }) => item.caseId === caseId)).toMatchObject({
      daysOverdue: 3,
      countryCode: "RWA",
    });
    const india = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "IND" }));
    const theirs = (await india.request({ method: "GET", url: "/api/overdue" })).json();
    expect(theirs.referrals).toEqual([]);
    expect(theirs.investigations).toEqual([]);
    expect(theirs.byCountry).toEqual([]);
  });
});
