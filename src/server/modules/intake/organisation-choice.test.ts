// One UN: a reporter names the organisation the people work for, or does not know it. A report about
// another organisation than the unit it names waits for headquarters, which routes it; a partner's
// worker stays with the UN entity the partner works for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { systemActor } from "../../auth/actor.js";
import { createEntity, createMission } from "../reference/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createEntity(t.app.services, systemActor, {
    code: "SAFE-WATER",
    kind: "implementing_partner",
    name: "Safe Water Alliance",
    partnerOf: "UNICEF",
  });
  for (const [code, entityCode, name] of [
    ["UNICEF-CAF", "UNICEF", "UNICEF Central African Republic"],
    ["UNHCR-CAF", "UNHCR", "UNHCR Central African Republic"],
  ])
    await createMission(t.app.services, systemActor, {
      code,
      entityCode,
      name,
      nameFr: null,
      kind: "entity_office",
      hostCountryCode: "CAF",
      location: "Bangui",
      startYear: 1994,
      endYear: null,
    });
});
afterAll(() => t?.close());

const send = (missionCode: string | null, organisationCode: string | null) =>
  t.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: {
      whatHappened: "A worker at the water point asked a woman for sex in exchange for a place in the queue.",
      missionCode,
      organisationCode,
      anonymous: true,
    },
  });

type Item = { id: string; organisationCode: string | null; headquartersOnly: boolean; missionCode: string | null };

describe("the organisation a reporter names", () => {
  it("routes a report about another organisation than the unit named to headquarters, and keeps a partner's with its UN entity", async () => {
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    const unicef = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNICEF-CAF"] }));
    for (const [mission, organisation] of [
      ["MINUSCA", "UNHCR"],
      ["MINUSCA", "DPO"],
      ["UNICEF-CAF", "SAFE-WATER"],
      ["MINUSCA", null],
    ] as const)
      expect((await send(mission, organisation)).statusCode).toBe(201);
    const all = (await hq.request({ method: "GET", url: "/api/reports" })).json().items as Item[];
    const facts = all.map((item) => [item.missionCode, item.organisationCode, item.headquartersOnly]);
    expect(facts).toEqual(
      expect.arrayContaining([
        ["MINUSCA", "UNHCR", true],
        ["MINUSCA", "DPO", false],
        ["UNICEF-CAF", "SAFE-WATER", false],
        ["MINUSCA", null, false],
      ]),
    );
    // Each unit's team sees its own, and not the other organisation's report.
    const seenByMission = (await minusca.request({ method: "GET", url: "/api/reports" })).json().items as Item[];
    expect(seenByMission.map((item) => item.organisationCode).sort()).toEqual(["DPO", null].sort());
    const seenByUnicef = (await unicef.request({ method: "GET", url: "/api/reports" })).json().items as Item[];
    expect(seenByUnicef.map((item) => item.organisationCode)).toEqual(["SAFE-WATER"]);
  });

  it("lets headquarters route a report to the named organisation's office, which then sees it; audited", async () => {
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    const unhcr = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNHCR-CAF"] }));
    const queue = async () => (await hq.request({ method: "GET", url: "/api/reports" })).json().items as Item[];
    const before = new Set((await queue()).map((item) => item.id));
    expect((await send("MINUSCA", "UNHCR")).statusCode).toBe(201);
    const report = (await queue()).find((item) => !before.has(item.id)) as Item & { version: number };
    const route = (who: typeof hq, missionCode: string, version = report.version) =>
      who.request({ method: "POST", url: `/api/reports/${report.id}/route`, payload: { missionCode, version } });

    expect((await route(minusca, "UNHCR-CAF")).statusCode).toBe(404);
    const unknown = await route(hq, "NOWHERE");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe("body.missionCode");
    expect((await route(hq, "UNHCR-CAF", report.version + 5)).json().code).toBe("stale_version");
    expect((await unhcr.request({ method: "GET", url: `/api/reports/${report.id}` })).statusCode).toBe(404);

    const routed = await route(hq, "UNHCR-CAF");
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json()).toEqual({ missionCode: "UNHCR-CAF" });
    const atUnhcr = await unhcr.request({ method: "GET", url: `/api/reports/${report.id}` });
    expect(atUnhcr.statusCode).toBe(200);
    expect(atUnhcr.json()).toMatchObject({
      missionCode: "UNHCR-CAF",
      headquartersOnly: false,
      organisationCode: "UNHCR",
    });
    expect((await minusca.request({ method: "GET", url: `/api/reports/${report.id}` })).statusCode).toBe(404);
    const again = await route(hq, "UNHCR-CAF", report.version + 1);
    expect(again.json().code).toBe("already_with_unit");
    const closed = await route(hq, "MINUSMA", report.version + 1);
    expect(closed.statusCode).toBe(400);
    expect(closed.json()).toMatchObject({ code: "unit_closed", errors: [{ path: "body.missionCode" }] });

    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ details: unknown }>(
        "select details from audit_events where action = 'report.route' and subject_id = $1",
        [report.id],
      ),
    );
    expect(event.details).toEqual({ fromMissionCode: "MINUSCA", toMissionCode: "UNHCR-CAF" });

    // Once in a case, a report stays with its case.
    const opened = await unhcr.request({
      method: "POST",
      url: `/api/reports/${report.id}/case`,
      payload: { version: report.version + 1 },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const inCase = await route(hq, "MINUSCA", report.version + 2);
    expect(inCase.statusCode).toBe(409);
    expect(inCase.json().code).toBe("report_in_case");
  });

  it("refuses an organisation it does not know, naming the field", async () => {
    const refused = await send("MINUSCA", "NOBODY");
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["content-type"]).toMatch(/problem\+json/);
    expect(refused.json().errors[0].path).toBe("body.organisationCode");
  });

  it("keeps the organisation a UNICEF officer records, and refuses one it does not know", async () => {
    const unicef = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNICEF-CAF"] }));
    const record = (organisationCode: string) =>
      unicef.request({
        method: "POST",
        url: "/api/reports",
        payload: {
          channel: "in_person",
          report: {
            whatHappened:
              "A distribution worker of the partner asked a mother for sex before giving her the food ration.",
            missionCode: "UNICEF-CAF",
            organisationCode,
            anonymous: true,
          },
        },
      });
    const recorded = await record("SAFE-WATER");
    expect(recorded.statusCode, recorded.body).toBe(201);
    const mine = (await unicef.request({ method: "GET", url: "/api/reports" })).json().items as Item[];
    expect(mine.filter((item) => item.organisationCode === "SAFE-WATER").length).toBeGreaterThan(0);
    const refused = await record("NOBODY");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe("body.organisationCode");
  });

  it("asks on the form, in the reader's language, with the organisations named as the UN names them", async () => {
    const french = await t.app.inject({ method: "GET", url: "/report?lang=fr" });
    expect(french.body).toContain("Pour qui travaillent-ils ?");
    expect(french.body).toContain("HCR — Haut-Commissariat des Nations Unies pour les réfugiés");
    expect(french.body).toContain("Safe Water Alliance (UNICEF)");
    const sent = await t.app.inject({
      method: "POST",
      url: "/report?lang=fr",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        whatHappened: "Un agent du point d'eau a demandé des faveurs sexuelles.",
        organisationCode: "UNHCR",
        missionCode: "",
        anonymous: "yes",
        idempotencyKey: "organisation-form-1",
        language: "fr",
      }).toString(),
    });
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(201);
  });
});
