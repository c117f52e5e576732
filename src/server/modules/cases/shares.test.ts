// One UN: MONUSCO's team shares a case with UNICEF's office, which assists its child victims. While
// the share lasts UNICEF's conduct and victim-assistance staff read the case — through the API and in
// the database's own rules — and add notes, but change nothing else and do not see the reports it was
// built from; other units never see it; either side ends it; every step is audited and in the history.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { asUnicefOfficer, type Client, caseAtMonusco, openUnicefOffice } from "../../../../test/helpers/one-un.js";
import { caseNationalities, cases, reports } from "../../../db/schema.js";

let t: TestApp;
let hq: Client;
let monusco: Client;
let unicef: Client;
let unicefAdvocate: Client;
let unmiss: Client;
let unicefOfficerId = "";
let caseId = "";
let reportId = "";

beforeAll(async () => {
  t = await createTestApp();
  await openUnicefOffice(t);
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
  monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  const officer = await t.createStaff("cdt_officer", { entityCodes: ["UNICEF"] });
  unicefOfficerId = officer.id;
  unicef = await t.tokenFor(officer);
  unicefAdvocate = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["UNICEF-KIN"] }));
  unmiss = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
  ({ caseId, reportId } = await caseAtMonusco(t, monusco));
  await t.handle.asOwner((owner) =>
    owner.query("update cases set nationality_codes = '{GHA}' where id = $1", [caseId]),
  );
});
afterAll(() => t?.close());

/** What the database itself lets UNICEF's officer read of the case, its nationalities and its reports. */
const rowsUnicefSees = () =>
  asUnicefOfficer(t, unicefOfficerId, async (tx) => ({
    cases: await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)),
    nationalities: await tx
      .select({ code: caseNationalities.nationalityCode })
      .from(caseNationalities)
      .where(eq(caseNationalities.caseId, caseId)),
    reports: await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, reportId)),
  }));

const share = (client: Client, payload: object) =>
  client.request({ method: "POST", url: `/api/cases/${caseId}/shares`, payload });
const readCase = (client: Client) => client.request({ method: "GET", url: `/api/cases/${caseId}` });
const reason = "Two girls are assisted by UNICEF's child protection team";

describe("sharing a case with another entity's unit", () => {
  it("is not UNICEF's to see before it is shared", async () => {
    expect((await readCase(unicef)).statusCode).toBe(404);
    expect((await readCase(unicefAdvocate)).statusCode).toBe(404);
    expect(await rowsUnicefSees()).toEqual({ cases: [], nationalities: [], reports: [] });
    const listed = (await unicef.request({ method: "GET", url: "/api/cases" })).json().items as { id: string }[];
    expect(listed.map((item) => item.id)).not.toContain(caseId);
  });

  it("refuses those who do not manage the case, a unit of the same entity, an unknown or closed unit, no reason", async () => {
    expect((await share(unicef, { unitCode: "UNICEF-KIN", reason })).statusCode).toBe(404);
    expect((await share(unmiss, { unitCode: "UNICEF-KIN", reason })).statusCode).toBe(404);
    const advocate = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
    expect((await share(advocate, { unitCode: "UNICEF-KIN", reason })).statusCode).toBe(403);
    const sameEntity = await share(monusco, { unitCode: "MINUSCA", reason });
    expect(sameEntity.statusCode).toBe(400);
    expect(sameEntity.json().code).toBe("same_entity");
    const nowhere = await share(monusco, { unitCode: "NOWHERE", reason });
    expect(nowhere.json()).toMatchObject({ code: "unknown_mission", errors: [{ path: "body.unitCode" }] });
    const closed = await share(monusco, { unitCode: "MINUSTAH", reason });
    expect(closed.json().code).toBe("unit_closed");
    expect((await share(monusco, { unitCode: "UNICEF-KIN", reason: "  " })).statusCode).toBe(400);
    expect((await monusco.request({ method: "GET", url: `/api/cases/${caseId}/shares` })).json().items).toEqual([]);
  });

  it("lets UNICEF's staff read the case and add notes once MONUSCO's officer shares it, and change nothing else", async () => {
    const shared = await share(monusco, { unitCode: "UNICEF-KIN", reason });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json().items).toMatchObject([
      { unitCode: "UNICEF-KIN", entityCode: "UNICEF", reason, endedAt: null },
    ]);
    expect((await share(hq, { unitCode: "UNICEF-KIN", reason })).json().code).toBe("already_shared");

    const read = await readCase(unicef);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      missionCode: "MONUSCO",
      sharedUnitCodes: ["UNICEF-KIN"],
      nationalityCodes: ["GHA"],
      can: {
        view: true,
        readNarrative: true,
        addNote: true,
        edit: false,
        share: false,
        transfer: false,
        readReports: false,
      },
    });
    expect(read.json().narrative).toContain("child-friendly space");
    expect((await readCase(unicefAdvocate)).statusCode).toBe(200);
    expect((await readCase(unmiss)).statusCode).toBe(404);
    expect(await rowsUnicefSees()).toEqual({ cases: [{ id: caseId }], nationalities: [{ code: "GHA" }], reports: [] });
    const listed = (await unicef.request({ method: "GET", url: "/api/cases" })).json().items as { id: string }[];
    expect(listed.map((item) => item.id)).toContain(caseId);

    const note = await unicef.request({
      method: "POST",
      url: `/api/cases/${caseId}/notes`,
      payload: { body: "Both girls are enrolled in the psychosocial programme." },
    });
    expect(note.statusCode, note.body).toBe(201);
    const notes = (await monusco.request({ method: "GET", url: `/api/cases/${caseId}/notes` })).json().items;
    expect(notes.map((item: { body: string }) => item.body)).toContain(
      "Both girls are enrolled in the psychosocial programme.",
    );
    const version = read.json().version;
    const edit = await unicef.request({
      method: "PATCH",
      url: `/api/cases/${caseId}`,
      payload: { paternityClaim: true, version },
    });
    expect(edit.statusCode).toBe(403);
    expect((await share(unicef, { unitCode: "UNMISS", reason })).statusCode).toBe(403);
  });

  it("ends when UNICEF hands it back; headquarters may share it again; all audited and in the history", async () => {
    const [current] = (await monusco.request({ method: "GET", url: `/api/cases/${caseId}/shares` })).json().items;
    const end = (client: Client) =>
      client.request({ method: "POST", url: `/api/cases/${caseId}/shares/${current.id}/end` });
    // Each side is told whether it may end the share: UNICEF's officer yes, its advocate no.
    const canEnd = async (client: Client) =>
      (await client.request({ method: "GET", url: `/api/cases/${caseId}/shares` })).json().items[0].canEnd;
    expect([await canEnd(monusco), await canEnd(unicef), await canEnd(unicefAdvocate)]).toEqual([true, true, false]);
    expect((await end(unicefAdvocate)).statusCode).toBe(403);
    const ended = await end(unicef);
    expect(ended.statusCode, ended.body).toBe(200);
    // Handed back, the case and its shares are no longer UNICEF's to read; MONUSCO sees the share ended.
    expect(ended.json().items).toEqual([]);
    const [after] = (await monusco.request({ method: "GET", url: `/api/cases/${caseId}/shares` })).json().items;
    expect(after.endedAt).not.toBeNull();
    expect((await readCase(unicef)).statusCode).toBe(404);
    expect(await rowsUnicefSees()).toEqual({ cases: [], nationalities: [], reports: [] });
    expect((await end(monusco)).json().code).toBe("share_ended");

    expect((await share(hq, { unitCode: "UNICEF-KIN", reason })).statusCode).toBe(201);
    expect((await readCase(unicef)).statusCode).toBe(200);

    const events = await t.handle.asOwner((owner) =>
      owner.query(
        "select action, details from audit_events where subject_id = $1 and action like 'case.share%' order by id",
        [caseId],
      ),
    );
    expect(events.map((row) => row.action)).toEqual(["case.share", "case.share.end", "case.share"]);
    expect(events[0].details).toMatchObject({ unitCode: "UNICEF-KIN", entityCode: "UNICEF" });
    // The reason stays on the share, out of the trail.
    expect(JSON.stringify(events)).not.toContain("child protection");
    const history = (await monusco.request({ method: "GET", url: `/api/cases/${caseId}/timeline` })).json().items;
    expect(history.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(["case.share", "case.share.end"]),
    );
  });
});
