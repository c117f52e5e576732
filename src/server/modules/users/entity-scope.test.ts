// One UN: a staff member scoped to a whole entity (UNICEF's headquarters conduct officer) works on
// every unit of it, one opened after the account was made too, and on nothing of another entity;
// the notices that go by scope reach them like anyone given the unit by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { referrals } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { sweepReminders } from "../deadlines/index.js";
import { createMission } from "../reference/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const openOffice = (code: string, entityCode: string) =>
  createMission(t.app.services, systemActor, {
    code,
    entityCode,
    name: `${entityCode} office ${code}`,
    nameFr: null,
    kind: "entity_office",
    hostCountryCode: "SSD",
    location: "Juba",
    startYear: 2011,
    endYear: null,
  });

const report = async (missionCode: string) => {
  const sent = await t.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: {
      whatHappened: "A man from the office that registers families asked a girl for sex in exchange for a ration card.",
      missionCode,
      anonymous: true,
    },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json().receipt as string;
};

type Item = { id: string; missionCode: string; version: number };

describe("a scope of whole entities", () => {
  it("gives every unit of the entity, one opened later too, and nothing of another", async () => {
    const hqStaff = await t.createStaff("cdt_officer", { entityCodes: ["UNICEF"] });
    const hq = await t.tokenFor(hqStaff);
    const advocate = await t.tokenFor(await t.createStaff("victim_assistance", { entityCodes: ["UNICEF"] }));
    const headquarters = await t.tokenFor(await t.createStaff("cds_officer"));
    // The office opens after the accounts were made: nobody edits them.
    await openOffice("UNICEF-SSD", "UNICEF");
    await openOffice("UNHCR-SSD", "UNHCR");

    const me = (await hq.request({ method: "GET", url: "/api/me" })).json();
    expect(me.entityCodes).toEqual(["UNICEF"]);
    expect(me.missionCodes).toContain("UNICEF-SSD");
    expect(me.missionCodes).not.toContain("UNHCR-SSD");
    expect(me.missionCodes).not.toContain("MINUSCA");

    const receipt = await report("UNICEF-SSD");
    await report("UNHCR-SSD");
    await report("MINUSCA");
    const seen = (await hq.request({ method: "GET", url: "/api/reports" })).json().items as Item[];
    expect(seen.map((item) => item.missionCode)).toEqual(["UNICEF-SSD"]);
    const others = (await headquarters.request({ method: "GET", url: "/api/reports" })).json().items as Item[];
    for (const other of others.filter((item) => item.missionCode !== "UNICEF-SSD"))
      expect((await hq.request({ method: "GET", url: `/api/reports/${other.id}` })).statusCode).toBe(404);

    // The entity's officer opens the case, and is told when the reporter writes.
    const opened = await hq.request({
      method: "POST",
      url: `/api/reports/${seen[0].id}/case`,
      payload: { version: seen[0].version },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const { caseId } = opened.json() as { caseId: string };
    const written = await t.app.inject({
      method: "POST",
      url: "/api/public/reports/messages",
      payload: { receipt, message: "He came to our shelter again last night." },
    });
    expect(written.statusCode, written.body).toBe(201);
    const inbox = (await hq.request({ method: "GET", url: "/api/notifications" })).json().items;
    expect(inbox).toContainEqual(expect.objectContaining({ kind: "reporter_message", caseId }));

    // Headquarters may hand them the case; the entity's advocate hears of a request for assistance.
    const assignees = (await headquarters.request({ method: "GET", url: `/api/cases/${caseId}/assignments` })).json();
    expect(assignees.items.map((item: { id: string }) => item.id)).toContain(hqStaff.id);
    const request = await hq.request({
      method: "POST",
      url: `/api/cases/${caseId}/assistance-requests`,
      payload: { urgency: "priority", needs: ["psychosocial"] },
    });
    expect(request.statusCode, request.body).toBe(201);
    expect(request.json().notified).toBe(1);
    const requests = (await advocate.request({ method: "GET", url: "/api/assistance-requests" })).json().items;
    expect(requests.map((item: { caseId: string }) => item.caseId)).toEqual([caseId]);

    // The case's deadlines reach them when they fall due: a referral whose reply is late.
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(referrals).values({ caseId, entity: "oios", sentOn: "2026-01-05", replyDueOn: "2026-01-19" }),
    );
    await sweepReminders(t.app.services);
    const reminded = (await hq.request({ method: "GET", url: "/api/notifications" })).json().items;
    expect(
      reminded.some(
        (item: { kind: string; caseId: string }) => item.caseId === caseId && item.kind !== "reporter_message",
      ),
    ).toBe(true);
  });

  it("narrows a publisher to the entity's units: they release its cases only, and nothing while it has no unit", async () => {
    await openOffice("UNICEF-TCD", "UNICEF");
    const atUnicef = await t.handle.asOwner((owner) =>
      owner.query<{ id: string }>(
        `insert into cases (reference, mission_code, date_reported, status, category_codes, allegation_codes)
         values ('UNICEF-TCD-2026-0001', 'UNICEF-TCD', '2026-03-01', 'closed', '{IP_STAFF}', '{SE_EXPLOITATIVE_RELATIONSHIP}'),
                ('MONUSCO-2026-PUB1', 'MONUSCO', '2026-03-01', 'closed', '{MIL_MC}', '{SE_EXPLOITATIVE_RELATIONSHIP}')
         returning id`,
      ),
    );
    const [unicefCase, monuscoCase] = atUnicef.map((row) => row.id);
    const publisher = await t.tokenFor(await t.createStaff("publisher", { entityCodes: ["UNICEF"] }));
    const whole = await t.tokenFor(await t.createStaff("publisher"));
    const read = (client: typeof publisher, id: string) =>
      client.request({ method: "GET", url: `/api/cases/${id}` }).then((answer) => answer.statusCode);
    expect(await read(publisher, unicefCase)).toBe(200);
    expect(await read(publisher, monuscoCase)).toBe(404);
    expect(await read(whole, monuscoCase)).toBe(200);

    const publish = (client: typeof publisher, caseIds: string[]) =>
      client.request({ method: "POST", url: "/api/publication", payload: { caseIds, action: "publish" } });
    expect((await publish(publisher, [unicefCase, monuscoCase])).json()).toMatchObject({ changed: 1 });
    const published = await t.handle.asOwner((owner) =>
      owner.query<{ id: string }>("select id from cases where id = any($1) and published_at is not null", [
        [unicefCase, monuscoCase],
      ]),
    );
    expect(published.map((row) => row.id)).toEqual([unicefCase]);

    // An entity with no unit yet gives a narrowed publisher nothing, not the whole installation.
    const admin = await t.tokenFor(await t.createStaff("administrator"));
    const entity = await admin.request({
      method: "POST",
      url: "/api/reference/entities",
      payload: { code: "NEWFUND", kind: "fund_programme", name: "A new fund", partnerOf: null },
    });
    expect(entity.statusCode, entity.body).toBeLessThan(300);
    const empty = await t.tokenFor(await t.createStaff("publisher", { entityCodes: ["NEWFUND"] }));
    expect(await read(empty, unicefCase)).toBe(404);
    expect((await empty.request({ method: "GET", url: "/api/cases" })).json().items).toEqual([]);
  });

  it("narrows an analyst to the entity's units: its cases and figures, its registers and its leaders' plans", async () => {
    await openOffice("UNICEF-CMR", "UNICEF");
    const year = new Date().getUTCFullYear();
    await t.handle.asOwner(async (owner) => {
      await owner.query(
        `insert into cases (reference, mission_code, date_reported, status, category_codes, allegation_codes)
         values ('UNICEF-CMR-2026-0001', 'UNICEF-CMR', '2026-03-01', 'received', '{IP_STAFF}', '{SE_EXPLOITATIVE_RELATIONSHIP}'),
                ('MONUSCO-2026-ANL1', 'MONUSCO', '2026-03-01', 'received', '{MIL_MC}', '{SE_EXPLOITATIVE_RELATIONSHIP}')`,
      );
      await owner.query(
        `insert into risk_assessments (mission_code, location, location_kind, assessed_on, review_on)
         values ('UNICEF-CMR', 'Minawao camp', 'camp', '2026-02-01', '2026-08-01'),
                ('MONUSCO', 'Goma base', 'camp', '2026-02-01', '2026-08-01')`,
      );
      await owner.query(
        `insert into leadership_plans (mission_code, year, post, leader_name)
         values ('UNICEF-CMR', $1, 'head_of_mission', 'A. Representative'), ('MONUSCO', $1, 'head_of_mission', 'B. Special Representative')`,
        [year],
      );
    });
    const narrowed = await t.tokenFor(await t.createStaff("analyst", { entityCodes: ["UNICEF"] }));
    const whole = await t.tokenFor(await t.createStaff("analyst"));
    const get = (client: typeof narrowed, url: string) => client.request({ method: "GET", url });
    const missionsOf = (items: { missionCode: string }[]) => [...new Set(items.map((item) => item.missionCode))].sort();

    const listed = (await get(narrowed, "/api/cases?limit=200")).json().items;
    expect(missionsOf(listed).every((code) => code.startsWith("UNICEF-"))).toBe(true);
    expect(listed.some((item: { reference: string }) => item.reference === "UNICEF-CMR-2026-0001")).toBe(true);
    expect(
      (await get(whole, "/api/cases?limit=200")).json().items.map((item: { missionCode: string }) => item.missionCode),
    ).toContain("MONUSCO");
    // The internal figures count the entity's cases only.
    const figures = (await get(narrowed, "/api/figures?by=mission")).json();
    expect(figures.rows.map((row: { key: string }) => row.key).every((key: string) => key.startsWith("UNICEF-"))).toBe(
      true,
    );
    expect(figures.total).toBeGreaterThan(0);

    expect((await get(narrowed, "/api/risk/UNICEF-CMR")).statusCode).toBe(200);
    expect((await get(narrowed, "/api/risk/MONUSCO")).statusCode).toBe(403);
    expect((await get(whole, "/api/risk/MONUSCO")).statusCode).toBe(200);

    const plans = (await get(narrowed, `/api/leadership?year=${year}`)).json().plans;
    expect(missionsOf(plans)).toEqual(["UNICEF-CMR"]);
    expect(missionsOf((await get(whole, `/api/leadership?year=${year}`)).json().plans)).toEqual([
      "MONUSCO",
      "UNICEF-CMR",
    ]);
  });

  it("refuses an entity to a role not limited to units (publishers and analysts aside), and an entity that does not exist", async () => {
    const admin = await t.tokenFor(await t.createStaff("administrator"));
    const create = (payload: Record<string, unknown>) =>
      admin.request({
        method: "POST",
        url: "/api/users",
        payload: { email: `e.${Math.random().toString(36).slice(2)}@test.conduct.org`, name: "E", ...payload },
      });
    const global = await create({ role: "cds_officer", entityCodes: ["UNICEF"] });
    expect(global.statusCode).toBe(400);
    expect(global.json().code).toBe("users.errors.missionsNotAllowed");
    expect((await create({ role: "analyst", entityCodes: ["UNICEF"] })).statusCode).toBe(201);
    // A publisher may be an entity's own, but is never given units one by one.
    expect((await create({ role: "publisher", entityCodes: ["UNICEF"] })).statusCode).toBe(201);
    expect((await create({ role: "publisher", missionCodes: ["MONUSCO"] })).json().code).toBe(
      "users.errors.missionsNotAllowed",
    );
    const unknown = await create({ role: "cdt_officer", entityCodes: ["NOPE"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: "body.entityCodes", message: "unknown entity" }]);

    // Widening a scope to an entity ends the sessions opened under the narrower one, and is audited.
    const staff = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
    const session = await t.signIn(staff);
    const account = (await admin.request({ method: "GET", url: `/api/users/${staff.id}` })).json();
    const widened = await admin.request({
      method: "PATCH",
      url: `/api/users/${staff.id}`,
      payload: { entityCodes: ["UNICEF"], version: account.version },
    });
    expect(widened.statusCode, widened.body).toBe(200);
    expect(widened.json()).toMatchObject({ missionCodes: ["MONUSCO"], entityCodes: ["UNICEF"] });
    expect((await session.request({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ details: { fields: string[] } }>(
        "SELECT details FROM audit_events WHERE action = 'user.update' AND subject_id = $1",
        [staff.id],
      ),
    );
    expect(events).toEqual([{ details: { fields: ["entityCodes"] } }]);
  });
});
