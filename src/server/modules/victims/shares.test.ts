// One UN: a child victim MONUSCO's advocates keep is referred to UNICEF's office with their
// caregiver's consent. UNICEF's victim-assistance staff see and work on the record only while the
// share lasts — through the API and in the database's own rules — never share it on, and lose it
// when it ends; the wrong consent, a unit of the same entity and other roles are refused; all audited.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { auditEvents, missions, victims } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let monusco: Client;
let unicef: Client;
let unicefOfficer: Client;
let unicefAdvocateId = "";
let victimId = "";
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(missions).values({
      code: "UNICEF-COD",
      entityCode: "UNICEF",
      name: "UNICEF Democratic Republic of the Congo",
      kind: "entity_office",
      startYear: 1963,
    }),
  );
  monusco = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
  const advocate = await t.createStaff("victim_assistance", { missionCodes: ["UNICEF-COD"] });
  unicefAdvocateId = advocate.id;
  unicef = await t.tokenFor(advocate);
  unicefOfficer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNICEF-COD"] }));
  const registered = await monusco.request({
    method: "POST",
    url: "/api/victims",
    payload: { missionCode: "MONUSCO", sex: "female", ageAtIncident: 14, caregiver: "Grandmother, Goma" },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  victimId = registered.json().id;
});
afterAll(() => t.close());

/** What the database itself lets UNICEF's advocate read of the record. */
const rowsUnicefSees = () =>
  inTransaction(
    t.app.services.db,
    {
      userId: unicefAdvocateId,
      role: "victim_assistance",
      missionCodes: ["UNICEF-COD"],
      countryCode: null,
      via: "token",
    } as Actor,
    (tx) => tx.select({ id: victims.id }).from(victims).where(eq(victims.id, victimId)),
  );

const share = (client: Client, payload: object) =>
  client.request({ method: "POST", url: `/api/victims/${victimId}/shares`, payload });

describe("sharing a victim's record with another entity", () => {
  it("is not UNICEF's to see before it is shared", async () => {
    expect((await unicef.request({ method: "GET", url: `/api/victims/${victimId}` })).statusCode).toBe(404);
    expect(await rowsUnicefSees()).toEqual([]);
  });

  it("refuses a child's own consent, a unit of the same entity, and a unit that does not exist", async () => {
    const ownConsent = await share(monusco, { unitCode: "UNICEF-COD", consentBy: "victim", consentOn: today });
    expect(ownConsent.statusCode).toBe(400);
    expect(ownConsent.json().code).toBe("consent_giver");
    const sameEntity = await share(monusco, { unitCode: "MINUSCA", consentBy: "caregiver", consentOn: today });
    expect(sameEntity.json().code).toBe("same_entity");
    const nowhere = await share(monusco, { unitCode: "NOWHERE", consentBy: "caregiver", consentOn: today });
    expect(nowhere.json().errors[0].path).toBe("body.unitCode");
    const future = await share(monusco, { unitCode: "UNICEF-COD", consentBy: "caregiver", consentOn: "2999-01-01" });
    expect(future.statusCode).toBe(400);
    expect((await share(unicef, { unitCode: "UNICEF-COD", consentBy: "caregiver", consentOn: today })).statusCode).toBe(
      404,
    );
  });

  it("shares on the caregiver's consent: UNICEF's advocate works on the record, and does not share it on", async () => {
    const shared = await share(monusco, { unitCode: "UNICEF-COD", consentBy: "caregiver", consentOn: today });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json()).toMatchObject([
      { unitCode: "UNICEF-COD", entityCode: "UNICEF", consentBy: "caregiver", consentOn: today, endedAt: null },
    ]);
    expect(
      (await share(monusco, { unitCode: "UNICEF-COD", consentBy: "caregiver", consentOn: today })).statusCode,
    ).toBe(409);

    const read = await unicef.request({ method: "GET", url: `/api/victims/${victimId}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      missionCode: "MONUSCO",
      can: { share: false },
      shares: [{ unitCode: "UNICEF-COD" }],
    });
    expect(await rowsUnicefSees()).toEqual([{ id: victimId }]);
    const caseload = await unicef.request({ method: "GET", url: "/api/victims" });
    expect(caseload.json().items.map((item: { id: string }) => item.id)).toContain(victimId);

    // UNICEF's own provider takes the child; a needs assessment is recorded from UNICEF's side.
    const provider = await unicef.request({
      method: "POST",
      url: "/api/service-providers",
      payload: {
        missionCode: "UNICEF-COD",
        name: "Child protection centre",
        serviceTypes: ["psychosocial"],
        location: "Goma",
      },
    });
    expect(provider.statusCode, provider.body).toBe(201);
    const referred = await unicef.request({
      method: "POST",
      url: `/api/victims/${victimId}/referrals`,
      payload: { providerId: provider.json().id, serviceType: "psychosocial", proposedOn: today },
    });
    expect(referred.statusCode, referred.body).toBe(201);
    const assessed = await unicef.request({
      method: "POST",
      url: `/api/victims/${victimId}/assessments`,
      payload: { assessedOn: today, needs: ["psychosocial"], plan: "Weekly sessions with a counsellor." },
    });
    expect(assessed.statusCode, assessed.body).toBeLessThan(300);

    const onward = await share(unicef, { unitCode: "UNHCR-COD", consentBy: "caregiver", consentOn: today });
    expect(onward.statusCode).toBe(403);
    expect(onward.json().code).toBe("not_the_keeping_unit");
    expect((await unicefOfficer.request({ method: "GET", url: `/api/victims/${victimId}` })).statusCode).toBe(404);
  });

  it("ends the share: UNICEF no longer sees the record, and both steps are audited", async () => {
    const [current] = (await monusco.request({ method: "GET", url: `/api/victims/${victimId}` })).json().shares;
    const ended = await monusco.request({ method: "POST", url: `/api/victims/${victimId}/shares/${current.id}/end` });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()[0].endedAt).not.toBeNull();
    expect(
      (await monusco.request({ method: "POST", url: `/api/victims/${victimId}/shares/${current.id}/end` })).statusCode,
    ).toBe(409);
    expect((await unicef.request({ method: "GET", url: `/api/victims/${victimId}` })).statusCode).toBe(404);
    expect(await rowsUnicefSees()).toEqual([]);
    const unknown = await monusco.request({
      method: "POST",
      url: `/api/victims/${victimId}/shares/${randomUUID()}/end`,
    });
    expect(unknown.statusCode).toBe(404);

    const events = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(
          sql`${auditEvents.action} in ('victim.share', 'victim.share.end') and ${auditEvents.subjectId} = ${victimId}`,
        ),
    );
    expect(events.map((event) => event.action).sort()).toEqual(["victim.share", "victim.share.end"]);
    expect(events.find((event) => event.action === "victim.share")?.details).toMatchObject({
      unitCode: "UNICEF-COD",
      entityCode: "UNICEF",
      consentBy: "caregiver",
    });
  });

  it("lets a unit shared with hand back its own share, never another unit's, and refuses a closed unit", async () => {
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(missions).values([
        { code: "UNHCR-COD", entityCode: "UNHCR", name: "UNHCR DR Congo", kind: "entity_office", startYear: 1994 },
        {
          code: "UNICEF-OLD",
          entityCode: "UNICEF",
          name: "A closed UNICEF office",
          kind: "entity_office",
          startYear: 1990,
          endYear: 2001,
        },
      ]),
    );
    const closed = await share(monusco, { unitCode: "UNICEF-OLD", consentBy: "caregiver", consentOn: today });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().code).toBe("unit_closed");

    expect(
      (await share(monusco, { unitCode: "UNICEF-COD", consentBy: "caregiver", consentOn: today })).statusCode,
    ).toBe(201);
    const both = await share(monusco, { unitCode: "UNHCR-COD", consentBy: "caregiver", consentOn: today });
    const active = (both.json() as { id: string; unitCode: string; endedAt: string | null; canEnd: boolean }[]).filter(
      (item) => item.endedAt === null,
    );
    // The keeping unit may take back either; UNICEF may hand back its own only, and is told which.
    expect(active.map((item) => [item.unitCode, item.canEnd])).toEqual([
      ["UNICEF-COD", true],
      ["UNHCR-COD", true],
    ]);
    const unicefRead = (await unicef.request({ method: "GET", url: `/api/victims/${victimId}` })).json();
    const canEnd = Object.fromEntries(
      (unicefRead.shares as typeof active)
        .filter((item) => item.endedAt === null)
        .map((item) => [item.unitCode, item.canEnd]),
    );
    expect(canEnd).toEqual({ "UNICEF-COD": true, "UNHCR-COD": false });

    const unhcrShare = active.find((item) => item.unitCode === "UNHCR-COD")?.id;
    const unicefShare = active.find((item) => item.unitCode === "UNICEF-COD")?.id;
    const notTheirs = await unicef.request({
      method: "POST",
      url: `/api/victims/${victimId}/shares/${unhcrShare}/end`,
    });
    expect(notTheirs.statusCode).toBe(403);
    const own = await unicef.request({ method: "POST", url: `/api/victims/${victimId}/shares/${unicefShare}/end` });
    expect(own.statusCode, own.body).toBe(200);
    // Handed back, the record is out of UNICEF's sight; UNHCR's share stands.
    expect((await unicef.request({ method: "GET", url: `/api/victims/${victimId}` })).statusCode).toBe(404);
    const kept = (await monusco.request({ method: "GET", url: `/api/victims/${victimId}` })).json();
    expect(kept.shares.filter((item: { endedAt: string | null }) => item.endedAt === null)).toMatchObject([
      { unitCode: "UNHCR-COD" },
    ]);
  });
});
