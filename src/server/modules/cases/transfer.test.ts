// One UN: headquarters sends a case, with the reports it was built from, to the unit that should work
// on it — a case opened at MONUSCO about a UNICEF partner's worker goes to UNICEF's office, whose team
// works on it at once and under whose entity it counts; MONUSCO's team no longer sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { type Client, caseAtMonusco, openUnicefOffice } from "../../../../test/helpers/one-un.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await openUnicefOffice(t);
});
afterAll(() => t?.close());

const systemWideByEntity = async () => {
  const answer = await t.app.inject({ method: "GET", url: "/api/public/system-wide?groupBy=entity" });
  expect(answer.statusCode, answer.body).toBe(200);
  const rows = answer.json() as { key: string; count: number }[];
  return (entity: string) => rows.find((row) => row.key === entity)?.count ?? 0;
};

describe("sending a case to another unit", () => {
  it("moves the case and its reports to the unit; each team sees what is now its own; counted and audited", async () => {
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const monuscoOfficer = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
    const monusco = await t.tokenFor(monuscoOfficer);
    const unicef = await t.tokenFor(await t.createStaff("cdt_officer", { entityCodes: ["UNICEF"] }));
    const investigator = await t.createStaff("investigator");
    const { caseId, reportId } = await caseAtMonusco(t, monusco);
    const assigned = await monusco.request({
      method: "PUT",
      url: `/api/cases/${caseId}/assignments`,
      payload: { userIds: [monuscoOfficer.id, investigator.id], version: 1 },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await t.handle.asOwner((owner) =>
      owner.query(
        "update cases set category_codes = '{IP_STAFF}', allegation_codes = '{SE_EXPLOITATIVE_RELATIONSHIP}', published_at = now() where id = $1",
        [caseId],
      ),
    );
    const countsBefore = await systemWideByEntity();
    const opened = (await hq.request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(opened.can).toMatchObject({ transfer: true });
    expect((await monusco.request({ method: "GET", url: `/api/cases/${caseId}` })).json().can.transfer).toBe(false);

    const sent = await hq.request({
      method: "POST",
      url: `/api/cases/${caseId}/transfer`,
      payload: { missionCode: "UNICEF-KIN", version: opened.version },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ missionCode: "UNICEF-KIN", reportsMoved: 1, version: opened.version + 1 });

    const atUnicef = await unicef.request({ method: "GET", url: `/api/cases/${caseId}` });
    expect(atUnicef.statusCode).toBe(200);
    expect(atUnicef.json()).toMatchObject({ missionCode: "UNICEF-KIN", reference: opened.reference });
    expect((await unicef.request({ method: "GET", url: `/api/reports/${reportId}` })).json().missionCode).toBe(
      "UNICEF-KIN",
    );
    expect((await monusco.request({ method: "GET", url: `/api/cases/${caseId}` })).statusCode).toBe(404);
    expect((await monusco.request({ method: "GET", url: `/api/reports/${reportId}` })).statusCode).toBe(404);

    // The published allegation now counts for UNICEF, and no longer for the peace operations.
    const countsAfter = await systemWideByEntity();
    expect(countsAfter("UNICEF")).toBe(countsBefore("UNICEF") + 1);
    expect(countsAfter("DPO")).toBe(countsBefore("DPO") - 1);

    const events = await t.handle.asOwner((owner) =>
      owner.query<{ details: unknown }>(
        "select details from audit_events where action = 'case.transfer' and subject_id = $1",
        [caseId],
      ),
    );
    expect(events).toEqual([
      { details: { fromMissionCode: "MONUSCO", toMissionCode: "UNICEF-KIN", reportsMoved: 1, assignmentsEnded: 1 } },
    ]);
    // MONUSCO's officer left the case with it; the investigator still works on it.
    const assignees = (await hq.request({ method: "GET", url: `/api/cases/${caseId}/assignments` })).json().items as {
      id: string;
      assigned: boolean;
    }[];
    expect(assignees.filter((person) => person.assigned).map((person) => person.id)).toEqual([investigator.id]);
  });

  it("refuses another role, a unit that is unknown, closed or the case's own, and a stale version", async () => {
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    const { caseId } = await caseAtMonusco(t, monusco);
    const { version } = (await hq.request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    const send = (client: Client, missionCode: string, at = version) =>
      client.request({ method: "POST", url: `/api/cases/${caseId}/transfer`, payload: { missionCode, version: at } });

    expect((await send(monusco, "UNICEF-KIN")).statusCode).toBe(403);
    expect((await send(minusca, "UNICEF-KIN")).statusCode).toBe(404);
    for (const [unit, code] of [
      ["NOWHERE", "unknown_mission"],
      ["MINUSMA", "unit_closed"],
      ["MONUSCO", "already_with_unit"],
    ]) {
      const refused = await send(hq, unit);
      expect(refused.statusCode, unit).toBe(400);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.json()).toMatchObject({ code, errors: [{ path: "body.missionCode" }] });
    }
    const stale = await send(hq, "UNICEF-KIN", version + 5);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale_version");
    // Nothing moved on any refusal.
    expect((await monusco.request({ method: "GET", url: `/api/cases/${caseId}` })).json().missionCode).toBe("MONUSCO");
  });

  it("lets one of two headquarters officers sending the same case at once win; the case and its reports go one way", async () => {
    const monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const [first, second] = [await t.createStaff("cds_officer"), await t.createStaff("cds_officer")];
    const officers = [await t.tokenFor(first), await t.tokenFor(second)];
    const { caseId, reportId } = await caseAtMonusco(t, monusco);
    const { version } = (await officers[0].request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    const answers = await Promise.all(
      (["UNICEF-KIN", "MINUSCA"] as const).map((missionCode, index) =>
        officers[index].request({
          method: "POST",
          url: `/api/cases/${caseId}/transfer`,
          payload: { missionCode, version },
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.statusCode === 200)?.json().missionCode;
    const now = (await officers[0].request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(now.missionCode).toBe(winner);
    const report = (await officers[0].request({ method: "GET", url: `/api/reports/${reportId}` })).json();
    expect(report.missionCode).toBe(winner);
  });
});
