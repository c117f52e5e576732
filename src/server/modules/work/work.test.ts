// "My work": each role's first page lists what needs its action now, within its scope only.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases, investigations, referrals } from "../../../db/schema.js";
import type { MyWork, WorkSection } from "../../../domain/contracts/work.js";
import { systemActor } from "../../auth/actor.js";
import { addDays, todayIso } from "../../dates.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const labels = (work: MyWork, section: WorkSection) =>
  work.sections.find((entry) => entry.section === section)?.items.map((entry) => entry.label) ?? null;

/** A referred case whose State's reply is due in `replyInDays`, with an investigation due in `investigationInDays`. */
async function caseWithDeadlines(missionCode: string, replyInDays: number, investigationInDays: number) {
  const id = randomUUID();
  const reference = `${missionCode}-W-${id.slice(0, 6)}`;
  const today = todayIso();
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id,
      reference,
      missionCode,
      status: "under_investigation",
      dateReported: addDays(today, -30),
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["SEN"],
    });
    await tx.insert(referrals).values({
      caseId: id,
      entity: "member_state",
      countryCode: "SEN",
      sentOn: addDays(today, -5),
      replyDueOn: addDays(today, replyInDays),
      policyVersion: "default-1",
    });
    await tx.insert(investigations).values({
      caseId: id,
      entity: "oios",
      startedOn: addDays(today, -20),
      dueOn: addDays(today, investigationInDays),
      deadlineKind: "investigation_sea",
      policyVersion: "default-1",
    });
  });
  return reference;
}

describe("my work", () => {
  it("an officer's work lists the reporter's new message, the reports to handle most urgent first, and what is late or due this week", async () => {
    const staff = await t.createStaff("cdt_officer", { missionCodes: ["MINUSMA"] });
    const officer = await t.tokenFor(staff);
    const outsider = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMIK"] }));
    const file = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: "/api/public/reports",
        payload: {
          missionCode: "MINUSMA",
          anonymous: true,
          whatHappened: "Something happened at the gate.",
          ...payload,
        },
      });
    const routine = (await file({ kind: "other_misconduct", childrenInvolved: "no" })).json().receipt;
    await file({ immediateDanger: "yes" });
    const late = await caseWithDeadlines("MINUSMA", -3, 40);
    const soon = await caseWithDeadlines("MINUSMA", 20, 4);
    const later = await caseWithDeadlines("MINUSMA", 25, 60);
    await t.app.inject({
      method: "POST",
      url: "/api/public/reports/messages",
      payload: { receipt: routine, message: "I remembered the date: it was on Monday." },
    });

    const work = (await officer.request({ method: "GET", url: "/api/work" })).json() as MyWork;
    expect(work.sections.map((entry) => entry.section)).toEqual([
      "newMessages",
      "reportsToHandle",
      "overdue",
      "dueThisWeek",
      "awaitingReply",
    ]);
    expect(labels(work, "newMessages")).toHaveLength(1);
    const toHandle = work.sections.find((entry) => entry.section === "reportsToHandle")?.items ?? [];
    expect(toHandle.map((entry) => entry.urgency)).toEqual(["urgent", "routine"]);
    expect(labels(work, "overdue")).toEqual([late]);
    expect(labels(work, "dueThisWeek")).toEqual([soon]);
    expect(labels(work, "awaitingReply")).toEqual([soon, later]);

    // Another mission's officer sees none of it.
    const theirs = (await outsider.request({ method: "GET", url: "/api/work" })).json() as MyWork;
    for (const entry of theirs.sections) expect(entry.items).toEqual([]);
  });

  it("the State's focal point sees its own referrals only; an auditor has no work list", async () => {
    const senegal = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "SEN" }));
    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const auditor = await t.tokenFor(await t.createStaff("auditor"));
    const reference = await caseWithDeadlines("UNISFA", -1, 3);
    const own = (await senegal.request({ method: "GET", url: "/api/work" })).json() as MyWork;
    expect(own.sections.map((entry) => entry.section)).toEqual([
      "overdue",
      "dueThisWeek",
      "awaitingReply",
      "claimsWaiting",
    ]);
    expect(labels(own, "overdue")).toContain(reference);
    const other = (await ghana.request({ method: "GET", url: "/api/work" })).json() as MyWork;
    expect(labels(other, "overdue")).not.toContain(reference);
    expect((await auditor.request({ method: "GET", url: "/api/work" })).statusCode).toBe(403);
  });
});
