// Victims first: an officer sends a victim to victim assistance from a case or a report in one step;
// the mission's advocates hear of it, see it most urgent first and take it up, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function queuedReport(missionCode: string | null) {
  await t.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: { whatHappened: "She was assaulted last night near the base.", missionCode, anonymous: true },
  });
}

describe("requests to victim assistance", () => {
  it("an officer sends a victim from a case and from a report; the mission's advocate is told, sees them most urgent first and takes one up once", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    const advocateStaff = await t.createStaff("victim_assistance", { missionCodes: ["MINUSCA"] });
    const advocate = await t.tokenFor(advocateStaff);
    const colleague = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MINUSCA"] }));
    const elsewhere = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["UNMISS"] }));
    await queuedReport("MINUSCA");
    await queuedReport("MINUSCA");
    const [first, second] = (
      await officer.request({ method: "GET", url: "/api/reports?mission=MINUSCA&unlinked=true" })
    ).json().items as { id: string; version: number }[];
    const { caseId, reference } = (
      await officer.request({
        method: "POST",
        url: `/api/reports/${first.id}/case`,
        payload: { version: first.version },
      })
    ).json();

    const fromCase = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/assistance-requests`,
      payload: { urgency: "priority", needs: ["psychosocial"], note: "Reach her through the women's committee chair." },
    });
    expect(fromCase.statusCode).toBe(201);
    expect(fromCase.json().notified).toBe(2);
    const fromReport = await officer.request({
      method: "POST",
      url: `/api/reports/${second.id}/assistance-requests`,
      payload: { urgency: "urgent", needs: ["medical", "safety"] },
    });
    expect(fromReport.statusCode).toBe(201);

    const open = (await advocate.request({ method: "GET", url: "/api/assistance-requests" })).json().items;
    expect(open.map((item: { urgency: string }) => item.urgency)).toEqual(["urgent", "priority"]);
    expect(open[1]).toMatchObject({
      caseId,
      caseReference: reference,
      needs: ["psychosocial"],
      note: "Reach her through the women's committee chair.",
      can: { take: true },
    });
    expect(open[0].reportCode).toMatch(/^R-/);
    const inbox = (await advocate.request({ method: "GET", url: "/api/notifications" })).json().items;
    expect(inbox.filter((item: { kind: string }) => item.kind === "assistance_request")).toHaveLength(2);
    expect((await elsewhere.request({ method: "GET", url: "/api/assistance-requests" })).json().items).toEqual([]);

    const take = (client: typeof advocate) =>
      client.request({ method: "POST", url: `/api/assistance-requests/${open[0].id}/take` });
    expect((await take(advocate)).statusCode).toBe(200);
    const again = await take(colleague);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("already_taken");
    expect((await take(elsewhere)).statusCode).toBe(404);
    const taken = (await advocate.request({ method: "GET", url: "/api/assistance-requests?state=taken" })).json().items;
    expect(taken.map((item: { id: string }) => item.id)).toEqual([open[0].id]);
  });

  it("a Member State or an officer of another mission cannot send a request; a report with no mission must join a case first", async () => {
    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const otherOfficer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMIK"] }));
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    await queuedReport(null);
    const [orphan] = (await hq.request({ method: "GET", url: "/api/reports?unlinked=true&limit=200" }))
      .json()
      .items.filter((item: { missionCode: string | null }) => item.missionCode === null);
    const send = (client: typeof hq, url: string) =>
      client.request({ method: "POST", url, payload: { urgency: "urgent", needs: [] } });
    expect((await send(hq, `/api/reports/${orphan.id}/assistance-requests`)).json().code).toBe("mission_required");
    expect((await send(ghana, `/api/reports/${orphan.id}/assistance-requests`)).statusCode).toBe(404);
    expect((await send(otherOfficer, `/api/reports/${orphan.id}/assistance-requests`)).statusCode).toBe(404);
  });
});
