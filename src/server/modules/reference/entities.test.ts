// The UN system's entities and their units: every mission placed in its entity, an agency's office a
// unit like a mission (a user scoped to it sees its records only), implementing partners added by an
// administrator under the UN entity they work for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { unEntityKinds, unEntitySeeds } from "../../../domain/reference/entities.js";
import { vocabulary } from "../../../domain/vocabulary/index.js";

let t: TestApp;
let admin: Awaited<ReturnType<TestApp["tokenFor"]>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.tokenFor(await t.createStaff("administrator"));
});
afterAll(() => t.close());

const office = (code: string, entityCode?: string) => ({
  code,
  ...(entityCode ? { entityCode } : {}),
  name: `${code} office`,
  nameFr: null,
  kind: "entity_office",
  hostCountryCode: "COD",
  location: "Goma",
  startYear: 2001,
  endYear: null,
});

describe("entities of the UN system", () => {
  it("lists the seeded entities with their units: peace operations in DPO, special political missions in DPPA", async () => {
    const response = await admin.request({ method: "GET", url: "/api/reference/entities" });
    expect(response.statusCode).toBe(200);
    const items: { code: string; kind: string; units: string[] }[] = response.json().items;
    expect(items.map((entity) => entity.code).sort()).toEqual(unEntitySeeds.map((seed) => seed.code).sort());
    const byCode = new Map(items.map((entity) => [entity.code, entity]));
    expect(byCode.get("DPO")?.units).toEqual(expect.arrayContaining(["MONUSCO", "MINUSCA", "UNMISS"]));
    expect(byCode.get("DPPA")?.units).toEqual(expect.arrayContaining(["UNAMA"]));
    expect(byCode.get("UNICEF")).toMatchObject({ kind: "fund_programme", units: [] });
    // Every seeded entity is named in the six languages (the vocabulary's test checks each language).
    for (const seed of unEntitySeeds) expect(vocabulary.fr.unEntities[seed.code as "DPO"]).toBeTruthy();
  });

  it("adds an office to an entity; an office must name its entity, which must exist", async () => {
    const missing = await admin.request({
      method: "POST",
      url: "/api/reference/missions",
      payload: office("UNICEF-X"),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe("body.entityCode");
    const unknown = await admin.request({
      method: "POST",
      url: "/api/reference/missions",
      payload: office("NOBODY-X", "NOBODY"),
    });
    expect(unknown.statusCode).toBe(400);
    const created = await admin.request({
      method: "POST",
      url: "/api/reference/missions",
      payload: office("UNICEF-GOMA", "UNICEF"),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: "UNICEF-GOMA", entityCode: "UNICEF", kind: "entity_office" });
    const mission = await admin.request({
      method: "POST",
      url: "/api/reference/missions",
      payload: { ...office("UNTEST"), kind: "peacekeeping_operation" },
    });
    expect(mission.json().entityCode).toBe("DPO");
    // A user scoped to the office is scoped like a mission's officer.
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNICEF-GOMA"] });
    expect(officer.id).toBeTruthy();
  });

  it("adds an implementing partner under the UN entity it works for, and refuses one without", async () => {
    const partner = { code: "KIVU-AID", kind: "implementing_partner", name: "Kivu Aid", partnerOf: "UNHCR" };
    const created = await admin.request({ method: "POST", url: "/api/reference/entities", payload: partner });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: "KIVU-AID", partnerOf: "UNHCR", units: [] });
    const again = await admin.request({ method: "POST", url: "/api/reference/entities", payload: partner });
    expect(again.statusCode).toBe(409);
    for (const bad of [
      { ...partner, code: "ORPHAN", partnerOf: null },
      { ...partner, code: "SELF-IP", partnerOf: "KIVU-AID" },
      { code: "FORCE-X", kind: "non_un_force", name: "A force", partnerOf: "UNHCR" },
    ]) {
      const refused = await admin.request({ method: "POST", url: "/api/reference/entities", payload: bad });
      expect(refused.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const forbidden = await officer.request({ method: "POST", url: "/api/reference/entities", payload: partner });
    expect(forbidden.statusCode).toBe(403);
  });

  it("takes every kind of entity the domain knows, and the database refuses any other", async () => {
    for (const kind of unEntityKinds) {
      const partnerOf = kind === "implementing_partner" ? "WFP" : null;
      const code = `KIND-${unEntityKinds.indexOf(kind)}`;
      const created = await admin.request({
        method: "POST",
        url: "/api/reference/entities",
        payload: { code, kind, name: `A ${kind}`, partnerOf },
      });
      expect(created.statusCode, kind).toBe(201);
    }
    await expect(
      t.handle.asOwner((owner) =>
        owner.query("INSERT INTO un_entities (code, kind, name) VALUES ('ODD-KIND', 'club', 'A club')"),
      ),
    ).rejects.toThrow(/un_entities_shape/);
  });
});
