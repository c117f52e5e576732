// Screening: identifiers are kept only as keyed hashes; the same person written differently is
// found; the case behind a hit is named only to those who may see it; lists are screened in bulk;
// every screening is audited without the person's identifiers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { sql } from "drizzle-orm";
import { cases, investigations, perpetrators, screeningEntries } from "../../../db/schema.js";
import { fieldContext } from "../../security/encryption.js";
import { syncScreeningList } from "./service.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { createMission } from "../reference/index.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let hq: Client;
let monusco: Client;
let unmiss: Client;
const caseId = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
  monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  unmiss = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values({
      id: caseId,
      reference: "MONUSCO-2024-0311",
      missionCode: "MONUSCO",
      dateReported: "2024-03-01",
      nationalityCodes: ["SEN"],
    }),
  );
  const added = await hq.request({
    method: "POST",
    url: "/api/screening/entries",
    payload: {
      name: "Mamadou Abdoulaye Diallo",
      dateOfBirth: "1988-02-14",
      nationalityCode: "SEN",
      documentNumbers: ["A 0123 4567"],
      reason: "substantiated_sea",
      caseId,
    },
  });
  expect(added.statusCode, added.body).toBe(201);
});
afterAll(() => t.close());

const screen = (client: Client, body: object) =>
  client.request({ method: "POST", url: "/api/screenings", payload: body });

describe("screening", () => {
  it("keeps no identifier in clear", async () => {
    const dump = JSON.stringify(
      await t.handle.asOwner((owner) =>
        owner.query("select * from screening_entries e join screening_keys k on k.entry_id = e.id"),
      ),
    );
    for (const word of ["Mamadou", "mamadou", "Diallo", "diallo", "1988", "01234567", "SEN"])
      expect(dump).not.toContain(word);
  });

  it("finds the person however the name is written; a document number alone is enough", async () => {
    const match = await screen(hq, {
      name: "DIALLO, Mamadou-Abdoulaye",
      dateOfBirth: "1988-02-14",
      nationalityCode: "SEN",
    });
    expect(match.json()).toEqual({
      result: "match",
      matches: [{ result: "match", reason: "substantiated_sea", listedBy: "DPO", caseReference: "MONUSCO-2024-0311" }],
    });
    expect((await screen(hq, { name: "Someone Else", documentNumbers: ["a0123-4567"] })).json().result).toBe("match");
    expect(
      (await screen(hq, { name: "Mamadu Abdulaye Dialo", dateOfBirth: "1988-02-14", nationalityCode: "SEN" })).json()
        .result,
    ).toBe("match");
  });

  it("a name with only part of the rest is a possible match; another person is no match", async () => {
    expect((await screen(hq, { name: "Mamadou Abdoulaye Diallo", nationalityCode: "SEN" })).json().result).toBe(
      "possible_match",
    );
    expect(
      (await screen(hq, { name: "Mamadou Abdoulaye Diallo", dateOfBirth: "1990-01-01", nationalityCode: "SEN" })).json()
        .result,
    ).toBe("possible_match");
    expect(
      (await screen(hq, { name: "Fatou Ndiaye", dateOfBirth: "1988-02-14", nationalityCode: "SEN" })).json(),
    ).toEqual({ result: "no_match", matches: [] });
  });

  it("names the case only to those who may see it", async () => {
    const person = { name: "Mamadou Abdoulaye Diallo", dateOfBirth: "1988-02-14", nationalityCode: "SEN" };
    expect((await screen(monusco, person)).json().matches[0].caseReference).toBe("MONUSCO-2024-0311");
    expect((await screen(unmiss, person)).json()).toEqual({
      result: "match",
      matches: [{ result: "match", reason: "substantiated_sea", listedBy: "DPO", caseReference: null }],
    });
  });

  it("screens a UNICEF candidate against a peace operation's list: the match names the listing entity, not its case", async () => {
    await createMission(t.app.services, systemActor, {
      code: "UNICEF-SSD",
      entityCode: "UNICEF",
      name: "UNICEF South Sudan",
      nameFr: null,
      kind: "entity_office",
      hostCountryCode: "SSD",
      location: "Juba",
      startYear: 1994,
      endYear: null,
    });
    const unicef = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNICEF-SSD"] }));
    const answer = await screen(unicef, {
      name: "DIALLO Mamadou Abdoulaye",
      dateOfBirth: "1988-02-14",
      nationalityCode: "SEN",
    });
    expect(answer.json()).toEqual({
      result: "match",
      matches: [{ result: "match", reason: "substantiated_sea", listedBy: "DPO", caseReference: null }],
    });
    // The peace operation's team, for its part, cannot read anything of UNICEF's screening: it is audited without the person.
    const audit = await t.handle.asOwner((owner) =>
      owner.query<{ details: unknown }>(
        "select details from audit_events where action = 'screening.run' order by id desc limit 1",
      ),
    );
    expect(JSON.stringify(audit)).not.toMatch(/Diallo|Mamadou|1988/);
  });

  it("screens a whole contingent list and flags the one person on the list", async () => {
    const csv = [
      "name,date_of_birth,nationality,document_numbers",
      "Kofi Mensah,1990-05-01,GHA,",
      "Diallo Mamadou Abdoulaye,1988-02-14,SEN,",
      "Aminata Sow,1992-11-30,SEN,P998877",
    ].join("\n");
    const result = await monusco.request({ method: "POST", url: "/api/screenings/batch", payload: { csv } });
    expect(result.statusCode, result.body).toBe(200);
    const body = result.json();
    expect(body).toMatchObject({ candidates: 3, matches: 1, possibleMatches: 0 });
    const lines = body.resultCsv.trim().split("\n");
    expect(lines[0]).toBe(
      "name,date_of_birth,nationality,document_numbers,line,result,reasons,listed_by,case_references",
    );
    expect(lines[2]).toBe("Diallo Mamadou Abdoulaye,1988-02-14,SEN,,3,match,substantiated_sea,DPO,MONUSCO-2024-0311");
    expect(lines[1]).toContain(",2,no_match,");
    expect(
      (
        await monusco.request({ method: "POST", url: "/api/screenings/batch", payload: { csv: "who,when\nx,y" } })
      ).json().code,
    ).toBe("bad_header");
  });

  it("every screening is audited with its result, never the person", async () => {
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ action: string; details: Record<string, unknown> }>(
        "select action, details from audit_events where action like 'screening.%' order by id",
      ),
    );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["screening.entry.add", "screening.run", "screening.batch"]),
    );
    expect(JSON.stringify(events)).not.toMatch(/Diallo|Mamadou|1988/);
  });

  it("a substantiated finding on an SEA case puts the person on the list; another finding does not", async () => {
    const sea = randomUUID();
    const people = { listed: randomUUID(), cleared: randomUUID() };
    let investigationId = "";
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: sea,
        reference: "MINUSCA-2025-0100",
        missionCode: "MINUSCA",
        status: "under_investigation",
        dateReported: "2025-02-01",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["BGD"],
        allegationCodes: ["SA_RAPE"],
      });
      for (const [id, name, code] of [
        [people.listed, "Rafiq Hossain", "P-01"],
        [people.cleared, "Karim Uddin", "P-02"],
      ] as const) {
        const identityEncrypted = await t.app.services.encryption.encrypt(
          tx,
          JSON.stringify({ name, rank: "Sgt", serviceNumber: `BA-${code}` }),
          fieldContext("perpetrators", "identity_encrypted", id),
        );
        await tx
          .insert(perpetrators)
          .values({ id, caseId: sea, code, categoryCode: "MIL_MC", nationalityCode: "BGD", identityEncrypted });
      }
      [{ id: investigationId }] = await tx
        .insert(investigations)
        .values({
          caseId: sea,
          entity: "oios",
          startedOn: "2025-02-10",
          dueOn: "2025-05-10",
          deadlineKind: "investigation_sea",
          policyVersion: "default-1",
        })
        .returning({ id: investigations.id });
    });
    const record = (perpetratorId: string, finding: string) =>
      hq.request({
        method: "PUT",
        url: `/api/investigations/${investigationId}/findings/${perpetratorId}`,
        payload: { finding, recordedOn: "2025-04-01" },
      });
    expect((await record(people.listed, "substantiated")).statusCode).toBe(200);
    expect((await record(people.cleared, "not_substantiated")).statusCode).toBe(200);
    expect(
      (await screen(hq, { name: "Hossain Rafiq", nationalityCode: "BGD", documentNumbers: ["BA P-01"] })).json(),
    ).toMatchObject({
      result: "match",
      matches: [{ reason: "substantiated_sea", caseReference: "MINUSCA-2025-0100" }],
    });
    expect((await screen(hq, { name: "Karim Uddin", nationalityCode: "BGD" })).json().result).toBe("no_match");
    // Recording it again lists nobody twice.
    await record(people.listed, "substantiated");
    expect(await syncScreeningList(t.app.services)).toBe(0);
  });

  it("only headquarters keeps the list, and only officers screen", async () => {
    expect(
      (
        await monusco.request({
          method: "POST",
          url: "/api/screening/entries",
          payload: { name: "X Y", reason: "substantiated_sea" },
        })
      ).statusCode,
    ).toBe(403);
    const analyst = await t.tokenFor(await t.createStaff("analyst"));
    expect((await screen(analyst, { name: "X Y" })).statusCode).toBe(403);
  });
});

describe("row-level security on the screening tables, on its own", () => {
  const as = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
    ...systemActor,
    userId: "someone",
    role,
    via: "token",
    ...scope,
  });
  const count = (who: Actor, query: string) =>
    inTransaction(
      t.app.services.db,
      who,
      async (tx) => ((await tx.execute(sql.raw(query))) as unknown as { rows: { n: number }[] }).rows[0].n,
    );

  it("only headquarters reads the list; officers who screen reach it only through the matching function", async () => {
    expect(await count(as("cds_officer"), "select count(*)::int as n from screening_keys")).toBeGreaterThan(0);
    for (const role of [
      "cdt_officer",
      "analyst",
      "member_state_focal_point",
      "victim_assistance",
      "investigator",
      "publisher",
      "auditor",
      "administrator",
    ] as const) {
      const who = as(role, { missionCodes: ["MONUSCO"], countryCode: "SEN" });
      expect(await count(who, "select count(*)::int as n from screening_entries"), role).toBe(0);
      expect(await count(who, "select count(*)::int as n from screening_keys"), role).toBe(0);
    }
    const anyHash = (
      await t.handle.asOwner((owner) =>
        owner.query<{ key_hash: string }>("select key_hash from screening_keys limit 1"),
      )
    )[0].key_hash;
    const hits = (role: Actor["role"]) =>
      count(
        as(role, { missionCodes: ["MONUSCO"] }),
        `select count(*)::int as n from conduct_screening_hits(array['${anyHash}'])`,
      );
    expect(await hits("cdt_officer")).toBe(1);
    expect(await hits("analyst")).toBe(0);
    expect(await hits("member_state_focal_point")).toBe(0);
  });

  it("a mission officer cannot add to the list, even straight to the table", async () => {
    const write = inTransaction(t.app.services.db, as("cdt_officer", { missionCodes: ["MONUSCO"] }), (tx) =>
      tx.insert(screeningEntries).values({ reason: "substantiated_sea" }),
    );
    const refusal = await write.then(
      () => null,
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(refusal).toMatch(/row-level security/);
  });
});
