// One UN: MONUSCO's team shares its misconduct risk register with UNICEF's office working beside its
// camps. UNICEF's conduct team then reads the register, an assessment and the quarterly report —
// through the API and in the database's own rules — and changes nothing; other units never read it;
// either side ends the share; both steps are audited.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { asUnicefOfficer, type Client, openUnicefOffice } from "../../../../test/helpers/one-un.js";
import { riskAssessments, riskFactors } from "../../../db/schema.js";
import { quarterOf } from "../../../domain/risk.js";
import { todayIso } from "../../dates.js";

let t: TestApp;
let monusco: Client;
let unicef: Client;
let unmiss: Client;
let unicefOfficerId = "";
let assessmentId = "";
const reason = "UNICEF runs child-friendly spaces beside the camps in Ituri";

beforeAll(async () => {
  t = await createTestApp();
  await openUnicefOffice(t);
  monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNICEF-KIN"] });
  unicefOfficerId = officer.id;
  unicef = await t.tokenFor(officer);
  unmiss = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
  const recorded = await monusco.request({
    method: "POST",
    url: "/api/risk-assessments",
    payload: {
      missionCode: "MONUSCO",
      location: "Camp Bunia",
      locationKind: "camp",
      assessedOn: todayIso(),
      reviewOn: "2099-01-01",
      factors: [{ kind: "proximity_to_communities", likelihood: 4, impact: 5 }],
      mitigations: [],
    },
  });
  expect(recorded.statusCode, recorded.body).toBe(201);
  assessmentId = recorded.json().id;
});
afterAll(() => t?.close());

/** What the database itself lets UNICEF's officer read of MONUSCO's register. */
const rowsUnicefSees = () =>
  asUnicefOfficer(t, unicefOfficerId, async (tx) => ({
    assessments: (await tx.select({ id: riskAssessments.id }).from(riskAssessments)).length,
    factors: (await tx.select().from(riskFactors).where(eq(riskFactors.assessmentId, assessmentId))).length,
  }));

const share = (client: Client, payload: object) =>
  client.request({ method: "POST", url: "/api/risk/MONUSCO/shares", payload });
const register = (client: Client) => client.request({ method: "GET", url: "/api/risk/MONUSCO" });
const sharedWith = async (client: Client) =>
  (await client.request({ method: "GET", url: "/api/risk/shared" })).json().missionCodes;

describe("sharing a unit's risk register with another entity", () => {
  it("is not UNICEF's to read before it is shared", async () => {
    expect((await register(unicef)).statusCode).toBe(403);
    expect((await unicef.request({ method: "GET", url: `/api/risk-assessments/${assessmentId}` })).statusCode).toBe(
      404,
    );
    expect(await rowsUnicefSees()).toEqual({ assessments: 0, factors: 0 });
    expect(await sharedWith(unicef)).toEqual([]);
  });

  it("refuses those who do not keep it, a unit of the same entity, and no reason", async () => {
    expect((await share(unicef, { unitCode: "UNICEF-KIN", reason })).statusCode).toBe(403);
    expect((await share(unmiss, { unitCode: "UNICEF-KIN", reason })).statusCode).toBe(403);
    expect((await share(monusco, { unitCode: "MINUSCA", reason })).json().code).toBe("same_entity");
    expect((await share(monusco, { unitCode: "UNICEF-KIN", reason: "" })).statusCode).toBe(400);
  });

  it("lets UNICEF's conduct team read the register, its assessments and report once shared, and keep nothing", async () => {
    const shared = await share(monusco, { unitCode: "UNICEF-KIN", reason });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json().items).toMatchObject([{ unitCode: "UNICEF-KIN", entityCode: "UNICEF", reason }]);
    expect((await share(monusco, { unitCode: "UNICEF-KIN", reason })).json().code).toBe("already_shared");

    expect(await sharedWith(unicef)).toEqual(["MONUSCO"]);
    const read = await register(unicef);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ missionCode: "MONUSCO", can: { assess: false } });
    expect(read.json().locations.map((l: { location: string }) => l.location)).toEqual(["Camp Bunia"]);
    const detail = await unicef.request({ method: "GET", url: `/api/risk-assessments/${assessmentId}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().can).toEqual({ addMitigation: false, completeMitigation: false, reassess: false });
    const report = await unicef.request({
      method: "GET",
      url: `/api/risk/MONUSCO/reports/${quarterOf(todayIso())}?format=json`,
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(await rowsUnicefSees()).toEqual({ assessments: 1, factors: 1 });
    expect((await register(unmiss)).statusCode).toBe(403);

    const mitigation = await unicef.request({
      method: "POST",
      url: `/api/risk-assessments/${assessmentId}/mitigations`,
      payload: {
        factorKind: "proximity_to_communities",
        action: "Move the gate",
        owner: "Engineers",
        dueOn: "2099-01-01",
      },
    });
    expect(mitigation.statusCode).toBe(403);
  });

  it("ends when UNICEF hands it back, and both steps are audited", async () => {
    const [current] = (await monusco.request({ method: "GET", url: "/api/risk/MONUSCO/shares" })).json().items;
    const ended = await unicef.request({ method: "POST", url: `/api/risk/MONUSCO/shares/${current.id}/end` });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await register(unicef)).statusCode).toBe(403);
    expect(await rowsUnicefSees()).toEqual({ assessments: 0, factors: 0 });
    expect(await sharedWith(unicef)).toEqual([]);
    const again = await monusco.request({ method: "POST", url: `/api/risk/MONUSCO/shares/${current.id}/end` });
    expect(again.json().code).toBe("share_ended");
    const events = await t.handle.asOwner((owner) =>
      owner.query("select action, details from audit_events where action like 'risk.share%' order by id"),
    );
    expect(events.map((row) => row.action)).toEqual(["risk.share", "risk.share.end"]);
    expect(events[0].details).toMatchObject({ missionCode: "MONUSCO", unitCode: "UNICEF-KIN", entityCode: "UNICEF" });
  });
});
