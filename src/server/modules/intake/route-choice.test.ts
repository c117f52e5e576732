// A reporter who does not trust the mission sends the report straight to headquarters: the report,
// the case built from it and the reporter's messages stay with headquarters until it hands them over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((item) => item.id);

async function sendReport(route: string, missionCode: string | null = "MINUSCA") {
  return t.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: {
      whatHappened: "An officer of the mission asked for sex in exchange for food rations at the camp.",
      missionCode,
      route,
      anonymous: true,
    },
  });
}

describe("the reporter's choice of route", () => {
  let hq: Client;
  let mission: Client;
  let assistance: Client;
  beforeAll(async () => {
    hq = await t.tokenFor(await t.createStaff("cds_officer"));
    mission = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    assistance = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MINUSCA"] }));
  });

  it("a report sent to headquarters is invisible to the mission's team until headquarters hands it over", async () => {
    const sent = await sendReport("headquarters");
    expect(sent.statusCode).toBe(201);
    const receipt = sent.json().receipt as string;
    const [report] = (await hq.request({ method: "GET", url: "/api/reports?mission=MINUSCA&unlinked=true" })).json()
      .items as {
      id: string;
      version: number;
      route: string;
      headquartersOnly: boolean;
      can: { handToMission: boolean };
    }[];
    expect(report).toMatchObject({ route: "headquarters", headquartersOnly: true, can: { handToMission: true } });

    // The mission's team: not in the queue, not by its address, not by the reporter's messages.
    expect(ids(await mission.request({ method: "GET", url: "/api/reports?mission=MINUSCA" }))).not.toContain(report.id);
    expect((await mission.request({ method: "GET", url: `/api/reports/${report.id}` })).statusCode).toBe(404);
    await t.app.inject({
      method: "POST",
      url: "/api/public/reports/messages",
      payload: { receipt, message: "Please do not tell the camp's officers." },
    });
    expect((await mission.request({ method: "GET", url: "/api/notifications" })).json().items).toEqual([]);
    const hqInbox = (await hq.request({ method: "GET", url: "/api/notifications" })).json().items as {
      subjectPath: string | null;
    }[];
    expect(hqInbox.map((n) => n.subjectPath)).toContain(`/reports/${report.id}`);

    // Headquarters makes it a case: the case stays with headquarters as well.
    const linked = await hq.request({
      method: "POST",
      url: `/api/reports/${report.id}/case`,
      payload: { version: report.version },
    });
    expect(linked.statusCode).toBe(200);
    const { caseId } = linked.json() as { caseId: string };
    for (const team of [mission, assistance]) {
      expect((await team.request({ method: "GET", url: `/api/cases/${caseId}` })).statusCode).toBe(404);
      expect(ids(await team.request({ method: "GET", url: "/api/cases?mission=MINUSCA" }))).not.toContain(caseId);
    }
    expect((await hq.request({ method: "GET", url: `/api/cases/${caseId}` })).json()).toMatchObject({
      headquartersOnly: true,
    });

    // A mission officer cannot hand it over; headquarters can, and both the report and its case follow.
    const current = (await hq.request({ method: "GET", url: `/api/reports/${report.id}` })).json() as {
      version: number;
    };
    const refused = await mission.request({
      method: "POST",
      url: `/api/reports/${report.id}/hand-to-mission`,
      payload: { version: current.version },
    });
    expect(refused.statusCode).toBe(404);
    const handed = await hq.request({
      method: "POST",
      url: `/api/reports/${report.id}/hand-to-mission`,
      payload: { version: current.version },
    });
    expect(handed.json()).toEqual({ caseHandedOver: true });
    expect((await mission.request({ method: "GET", url: `/api/reports/${report.id}` })).statusCode).toBe(200);
    expect((await mission.request({ method: "GET", url: `/api/cases/${caseId}` })).statusCode).toBe(200);
    expect((await assistance.request({ method: "GET", url: `/api/cases/${caseId}` })).statusCode).toBe(200);

    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ action: string }>(
        "SELECT action FROM audit_events WHERE subject_id = $1 AND action = 'case.hand_to_mission'",
        [caseId],
      ),
    );
    expect(event.action).toBe("case.hand_to_mission");
    const again = await hq.request({
      method: "POST",
      url: `/api/reports/${report.id}/hand-to-mission`,
      payload: { version: current.version + 1 },
    });
    expect(again.statusCode).toBe(403);
  });

  it("a report sent to the mission or 'I don't know' reaches the mission's team as before", async () => {
    for (const route of ["mission", "unknown"]) {
      expect((await sendReport(route)).statusCode).toBe(201);
      const [latest] = (
        await mission.request({ method: "GET", url: "/api/reports?mission=MINUSCA&unlinked=true" })
      ).json().items as { route: string; headquartersOnly: boolean }[];
      expect(latest).toMatchObject({ route, headquartersOnly: false });
    }
  });

  it("'to the mission' without naming a mission is refused, naming the field", async () => {
    const refused = await sendReport("mission", null);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain("route");
  });
});
