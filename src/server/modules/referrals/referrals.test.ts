// Referrals and the Member State portal's first duty: the State's reply and its NIO.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases } from "../../../db/schema.js";
import { addWorkingDays, computeDueDate, defaultCalendar } from "../../../domain/deadlines.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function caseUnderAssessment(nationalityCodes: string[], categoryCodes = ["MIL_MC"]) {
  const id = randomUUID();
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values({
      id,
      reference: `MONUSCO-R-${id.slice(0, 8)}`,
      missionCode: "MONUSCO",
      status: "preliminary_assessment",
      dateReported: "2026-09-01",
      categoryCodes,
      nationalityCodes,
    }),
  );
  return id;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe("referrals", () => {
  it("a case about contingent members is referred to their country, not to OIOS", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const caseId = await caseUnderAssessment(["GHA"]);
    const refused = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: { entity: "oios", sentOn: daysAgo(1), caseVersion: 1 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: "referrals.errors.troopContributorJurisdiction",
      detail: expect.stringContaining("exclusive jurisdiction"),
    });
  });

  it("a case not yet assessed cannot be referred, and the refusal names the step that is open", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values({
        id: caseId,
        reference: `MONUSCO-N-${caseId.slice(0, 8)}`,
        missionCode: "MONUSCO",
        dateReported: "2026-09-01",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
      }),
    );
    const refused = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: { entity: "member_state", countryCode: "GHA", sentOn: daysAgo(1), caseVersion: 1 },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "invalid_transition", allowed: ["assess"] });
  });

  it("the workflow refuses Referred without a referral, and recording the referral is what refers the case", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const caseId = await caseUnderAssessment(["GHA"]);
    const opened = (await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(opened).toMatchObject({ next: ["close"], awaiting: ["referral"] });
    const bare = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/transitions`,
      payload: { transition: "refer", version: 1 },
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: "record_required", record: "referral" });
    expect(bare.json().detail).toContain("Record the referral");
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status).toBe(
      "preliminary_assessment",
    );
    const referred = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: {
        entity: "member_state",
        countryCode: "GHA",
        noteVerbaleReference: "NV/1",
        sentOn: daysAgo(1),
        caseVersion: 1,
      },
    });
    expect(referred.statusCode).toBe(201);
    const now = (await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(now).toMatchObject({ status: "referred", awaiting: ["investigation"] });
  });

  it("a second referral of the same people to the same State asks for confirmation, naming the first", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const caseId = await caseUnderAssessment(["GHA"]);
    const refer = (caseVersion: number, confirmDuplicate?: boolean) =>
      officer.request({
        method: "POST",
        url: `/api/cases/${caseId}/referrals`,
        payload: { entity: "member_state", countryCode: "GHA", sentOn: daysAgo(2), caseVersion, confirmDuplicate },
      });
    const first = await refer(1);
    expect(first.statusCode).toBe(201);
    const again = await refer(2);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: "referral_exists",
      existing: { id: first.json().id, countryCode: "GHA" },
    });
    let listed = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json().items;
    expect(listed).toHaveLength(1);
    expect((await refer(2, true)).statusCode).toBe(201);
    listed = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json().items;
    expect(listed).toHaveLength(2);
  });

  it("the State's focal point sees the referral, its due date, and records the reply and the NIO; the UN side sees it at once", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const caseId = await caseUnderAssessment(["GHA"]);
    const sentOn = daysAgo(3);
    const referred = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: {
        entity: "member_state",
        countryCode: "GHA",
        noteVerbaleReference: "NV/2026/118",
        sentOn,
        caseVersion: 1,
      },
    });
    expect(referred.statusCode).toBe(201);
    expect(referred.json()).toMatchObject({
      replyDueOn: computeDueDate("member_state_reply", sentOn).dueDate,
      reply: null,
      daysOverdue: 0,
    });
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status).toBe("referred");

    const seen = (await ghana.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json().items;
    expect(seen).toEqual([
      expect.objectContaining({ noteVerbaleReference: "NV/2026/118", can: { recordReply: true, extend: false } }),
    ]);
    const replied = await ghana.request({
      method: "PATCH",
      url: `/api/referrals/${seen[0].id}/reply`,
      payload: {
        reply: "will_investigate",
        repliedOn: daysAgo(1),
        nioName: "Major K. Mensah",
        nioAppointedOn: daysAgo(1),
        version: 1,
      },
    });
    expect(replied.statusCode).toBe(200);
    expect(
      (await officer.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json().items[0],
    ).toMatchObject({ reply: "will_investigate", nioName: "Major K. Mensah" });
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status).toBe(
      "under_investigation",
    );
    const stale = await ghana.request({
      method: "PATCH",
      url: `/api/referrals/${seen[0].id}/reply`,
      payload: { reply: "declined", repliedOn: daysAgo(1), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("on a case involving two States, each State sees and answers only its own referral", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const rwanda = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "RWA" }));
    const caseId = await caseUnderAssessment(["GHA", "RWA"]);
    const toGhana = (
      await officer.request({
        method: "POST",
        url: `/api/cases/${caseId}/referrals`,
        payload: { entity: "member_state", countryCode: "GHA", sentOn: daysAgo(2), caseVersion: 1 },
      })
    ).json();
    await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: { entity: "member_state", countryCode: "RWA", sentOn: daysAgo(2), caseVersion: 2 },
    });
    const seen = (await rwanda.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json().items;
    expect(seen.map((r: { countryCode: string }) => r.countryCode)).toEqual(["RWA"]);
    const intruding = await rwanda.request({
      method: "PATCH",
      url: `/api/referrals/${toGhana.id}/reply`,
      payload: { reply: "declined", repliedOn: daysAgo(1), version: 1 },
    });
    expect(intruding.statusCode).toBe(404);
  });

  it("a State that has not replied by the due date appears on the overdue list, for headquarters and for that State only", async () => {
    const cds = await t.tokenFor(await t.createStaff("cds_officer"));
    const india = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "IND" }));
    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const caseId = await caseUnderAssessment(["IND"]);
    const sentOn = daysAgo(40);
    await cds.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: { entity: "member_state", countryCode: "IND", sentOn, caseVersion: 1 },
    });
    const dueOn = addWorkingDays(sentOn, 10, defaultCalendar);
    const overdue = (await cds.request({ method: "GET", url: "/api/referrals/overdue" }))
      .json()
      .items.find((r: { caseId: string }) => r.caseId === caseId);
    expect(overdue).toMatchObject({ replyDueOn: dueOn, countryCode: "IND" });
    expect(overdue.daysOverdue).toBeGreaterThan(0);
    expect(
      (await india.request({ method: "GET", url: "/api/referrals/overdue" }))
        .json()
        .items.map((r: { caseId: string }) => r.caseId),
    ).toContain(caseId);
    expect(
      (await ghana.request({ method: "GET", url: "/api/referrals/overdue" }))
        .json()
        .items.map((r: { caseId: string }) => r.caseId),
    ).not.toContain(caseId);
  });
});
