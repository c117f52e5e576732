import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { sql } from "drizzle-orm";
import { cases, findings, investigations, perpetrators, unitDecisions, unitLeaders } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let monusco: Client;
let minusca: Client;
let ghana: Client;
let rwanda: Client;
let headquarters: Client;

beforeAll(async () => {
  t = await createTestApp();
  monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  rwanda = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "RWA" }));
  headquarters = await t.tokenFor(await t.createStaff("cds_officer"));
});
afterAll(() => t?.close());

async function unit(client: Client, body: Record<string, unknown>) {
  const response = await client.request({
    method: "POST",
    url: "/api/training/contingents",
    payload: { categoryCode: "MIL_MC", strength: 850, deployedOn: "2025-11-01", ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function caseWithPerpetrator(missionCode: string, nationalityCode: string, dateOfIncident: string) {
  const id = randomUUID();
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values({
      id,
      reference: `${missionCode}-U-${id.slice(0, 8)}`,
      missionCode,
      status: "referred",
      dateReported: "2026-05-02",
      dateOfIncident,
      allegationCodes: ["SE_TRANSACTIONAL_SEX"],
    }),
  );
  const officer = missionCode === "MONUSCO" ? monusco : minusca;
  const added = await officer.request({
    method: "POST",
    url: `/api/cases/${id}/perpetrators`,
    payload: { categoryCode: "MIL_MC", nationalityCode, unit: null, identity: null },
  });
  expect(added.statusCode, added.body).toBe(201);
  return { caseId: id, perpetratorId: added.json().id as string };
}

const leaderCount = (action: string) =>
  t.handle.asOwner((owner) =>
    owner.query<{ n: number }>("select count(*)::int as n from audit_events where action = $1", [action]),
  );

describe("units and their command", () => {
  it("a mission's team records a unit's commanders by period; the case shows who commanded on the day", async () => {
    const ghanbatt = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `GHANBATT ROT 12 ${randomUUID().slice(0, 4)}`,
      rotation: "ROT 12",
      location: "Bunia",
    });
    for (const leader of [
      {
        post: "commander",
        name: "Col. Kwame Mensah",
        rank: "Colonel",
        servedFrom: "2025-11-01",
        servedTo: "2026-04-30",
      },
      { post: "commander", name: "Lt Col. Ama Owusu", rank: "Lieutenant Colonel", servedFrom: "2026-04-25" },
      { post: "sea_focal_point", name: "Capt. Yaw Boateng", servedFrom: "2025-11-01" },
    ]) {
      const added = await monusco.request({ method: "POST", url: `/api/units/${ghanbatt}/leaders`, payload: leader });
      expect(added.statusCode, added.body).toBe(201);
    }
    // Names are sealed at rest.
    const stored = await t.handle.asOwner((owner) =>
      owner.query<{ identity_encrypted: string }>(
        "select identity_encrypted from unit_leaders where contingent_id = $1",
        [ghanbatt],
      ),
    );
    expect(stored).toHaveLength(3);
    expect(stored.map((row) => row.identity_encrypted).join()).not.toContain("Mensah");

    const { caseId, perpetratorId } = await caseWithPerpetrator("MONUSCO", "GHA", "2026-03-14");
    const linked = await monusco.request({
      method: "PUT",
      url: `/api/perpetrators/${perpetratorId}/unit`,
      payload: { contingentId: ghanbatt },
    });
    expect(linked.statusCode, linked.body).toBe(204);
    const before = (await leaderCount("command.case.read"))[0].n;
    const command = await monusco.request({ method: "GET", url: `/api/cases/${caseId}/command` });
    expect(command.statusCode).toBe(200);
    expect(command.json().items).toEqual([
      expect.objectContaining({
        code: "P-01",
        onDay: "2026-03-14",
        unit: expect.objectContaining({ id: ghanbatt, rotation: "ROT 12", countryCode: "GHA" }),
        commander: expect.objectContaining({ name: "Col. Kwame Mensah", rank: "Colonel", post: "commander" }),
      }),
    ]);
    expect((await leaderCount("command.case.read"))[0].n).toBe(before + 1);

    // The State sees its own unit and commanders; another State neither the unit nor its leaders.
    const ghanaUnits = (await ghana.request({ method: "GET", url: "/api/units?mission=MONUSCO" })).json().items;
    expect(ghanaUnits.find((u: { id: string }) => u.id === ghanbatt)?.leaders).toHaveLength(3);
    const rwandaUnits = (await rwanda.request({ method: "GET", url: "/api/units" })).json().items;
    expect(rwandaUnits.find((u: { id: string }) => u.id === ghanbatt)).toBeUndefined();
    const ghanaCommand = await ghana.request({ method: "GET", url: `/api/cases/${caseId}/command` });
    expect(ghanaCommand.json().items[0].commander.name).toBe("Col. Kwame Mensah");
  });

  it("leaders are recorded by headquarters or the unit's mission only; a State and another mission are refused", async () => {
    const unitId = await unit(headquarters, {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `GHANBATT ROT 13 ${randomUUID().slice(0, 4)}`,
    });
    const leader = { post: "commander", name: "Col. Test", servedFrom: "2026-01-01" };
    for (const client of [ghana, minusca]) {
      const refused = await client.request({ method: "POST", url: `/api/units/${unitId}/leaders`, payload: leader });
      expect([403, 404]).toContain(refused.statusCode);
    }
    const backwards = await headquarters.request({
      method: "POST",
      url: `/api/units/${unitId}/leaders`,
      payload: { ...leader, servedTo: "2025-12-01" },
    });
    expect(backwards.statusCode).toBe(400);
    expect(
      (await headquarters.request({ method: "POST", url: `/api/units/${unitId}/leaders`, payload: leader })).statusCode,
    ).toBe(201);
  });

  it("a perpetrator's unit must be of the case's mission and the person's State", async () => {
    const rwabatt = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "RWA",
      name: `RWABATT ${randomUUID().slice(0, 4)}`,
    });
    const elsewhere = await unit(minusca, {
      missionCode: "MINUSCA",
      countryCode: "GHA",
      name: `GHANBATT MINUSCA ${randomUUID().slice(0, 4)}`,
    });
    const { perpetratorId } = await caseWithPerpetrator("MONUSCO", "GHA", "2026-03-14");
    for (const contingentId of [rwabatt, elsewhere, randomUUID()]) {
      const refused = await monusco.request({
        method: "PUT",
        url: `/api/perpetrators/${perpetratorId}/unit`,
        payload: { contingentId },
      });
      expect(refused.statusCode, contingentId).toBe(400);
    }
    // A State does not write where the person served: the case's officers do.
    const byState = await ghana.request({
      method: "PUT",
      url: `/api/perpetrators/${perpetratorId}/unit`,
      payload: { contingentId: null },
    });
    expect(byState.statusCode).toBe(403);
  });

  it("row-level security keeps another mission's team from a unit's leaders, and from adding one", async () => {
    const unitId = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `GHANBATT RLS ${randomUUID().slice(0, 4)}`,
    });
    await monusco.request({
      method: "POST",
      url: `/api/units/${unitId}/leaders`,
      payload: { post: "commander", name: "Col. Hidden", servedFrom: "2026-01-01" },
    });
    const asMinusca: Actor = {
      ...systemActor,
      role: "cdt_officer",
      missionCodes: ["MINUSCA"],
      userId: "someone",
      via: "token",
    };
    const seen = await inTransaction(
      t.app.services.db,
      asMinusca,
      async (tx) =>
        (
          (await tx.execute(
            sql`select count(*)::int as n from unit_leaders where contingent_id = ${unitId}`,
          )) as unknown as { rows: { n: number }[] }
        ).rows[0].n,
    );
    expect(seen).toBe(0);
    await expect(
      inTransaction(t.app.services.db, asMinusca, (tx) =>
        tx
          .insert(unitLeaders)
          .values({ contingentId: unitId, post: "commander", identityEncrypted: "x", servedFrom: "2026-01-01" }),
      ),
    ).rejects.toThrow();
  });

  it("the case's officers record what a unit's leaders did; its State reads it, another State's unit stays hidden", async () => {
    const ghanbatt = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `GHANBATT DUTIES ${randomUUID().slice(0, 4)}`,
    });
    const rwabatt = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "RWA",
      name: `RWABATT DUTIES ${randomUUID().slice(0, 4)}`,
    });
    const { caseId, perpetratorId } = await caseWithPerpetrator("MONUSCO", "GHA", "2026-03-14");
    const second = await monusco.request({
      method: "POST",
      url: `/api/cases/${caseId}/perpetrators`,
      payload: { categoryCode: "MIL_MC", nationalityCode: "RWA", unit: null, identity: null },
    });
    for (const [person, contingentId] of [
      [perpetratorId, ghanbatt],
      [second.json().id, rwabatt],
    ])
      expect(
        (
          await monusco.request({
            method: "PUT",
            url: `/api/perpetrators/${person}/unit`,
            payload: { contingentId },
          })
        ).statusCode,
      ).toBe(204);
    const duties = (url: string, client: Client, body: Record<string, unknown>) =>
      client.request({ method: "PUT", url: `/api/cases/${caseId}/units/${url}/duties`, payload: body });
    const found = {
      duties: [
        { duty: "reported", answer: "no" },
        { duty: "interim_measures", answer: "yes", doneOn: "2026-03-20" },
        { duty: "cooperated", answer: "partly", doneOn: "2026-04-02" },
      ],
    };
    expect((await duties(ghanbatt, monusco, found)).statusCode).toBe(204);
    expect(
      (await duties(rwabatt, monusco, { duties: [{ duty: "evidence_preserved", answer: "yes" }] })).statusCode,
    ).toBe(204);
    // Recorded again: replaced, not doubled.
    expect(
      (await duties(ghanbatt, monusco, { duties: [{ duty: "reported", answer: "yes", doneOn: "2026-03-16" }] }))
        .statusCode,
    ).toBe(204);

    const read = async (client: Client) =>
      (await client.request({ method: "GET", url: `/api/cases/${caseId}/command` })).json();
    const officerView = await read(monusco);
    expect(officerView.can.recordDuties).toBe(true);
    expect(officerView.units.find((u: { id: string }) => u.id === ghanbatt).duties).toEqual([
      { duty: "reported", answer: "yes", doneOn: "2026-03-16" },
      { duty: "interim_measures", answer: "yes", doneOn: "2026-03-20" },
      { duty: "cooperated", answer: "partly", doneOn: "2026-04-02" },
    ]);
    const ghanaView = await read(ghana);
    expect(ghanaView.can.recordDuties).toBe(false);
    expect(ghanaView.units.map((u: { id: string }) => u.id)).toEqual([ghanbatt]);
    expect(JSON.stringify(ghanaView)).not.toContain(rwabatt);
    // The history of the case tells Ghana of its own unit's record only.
    const history = JSON.stringify(
      (await ghana.request({ method: "GET", url: `/api/cases/${caseId}/timeline` })).json(),
    );
    expect(history).toContain("command.duties.record");
    expect(history).not.toContain(rwabatt);
    expect(history).not.toContain("RWA");
  });

  it("duties are refused to a State, for a unit the case does not involve, with a day ahead or for what was not done", async () => {
    const ghanbatt = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `GHANBATT REFUSED ${randomUUID().slice(0, 4)}`,
    });
    const { caseId, perpetratorId } = await caseWithPerpetrator("MONUSCO", "GHA", "2026-03-14");
    const put = (client: Client, body: Record<string, unknown>) =>
      client.request({ method: "PUT", url: `/api/cases/${caseId}/units/${ghanbatt}/duties`, payload: body });
    const reported = { duties: [{ duty: "reported", answer: "yes", doneOn: "2026-03-15" }] };
    // Not yet linked to any of the case's people.
    const unlinked = await put(monusco, reported);
    expect(unlinked.statusCode).toBe(400);
    expect(unlinked.json().errors[0].path).toBe("params.unitId");
    await monusco.request({
      method: "PUT",
      url: `/api/perpetrators/${perpetratorId}/unit`,
      payload: { contingentId: ghanbatt },
    });
    expect((await put(ghana, reported)).statusCode).toBe(403);
    const ahead = await put(monusco, { duties: [{ duty: "reported", answer: "yes", doneOn: "2999-01-01" }] });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().errors[0].path).toBe("body.duties.0.doneOn");
    expect(
      (await put(monusco, { duties: [{ duty: "reported", answer: "no", doneOn: "2026-03-15" }] })).statusCode,
    ).toBe(400);
    expect((await put(monusco, { duties: [reported.duties[0], reported.duties[0]] })).statusCode).toBe(400);
    const stored = await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("select count(*)::int as n from command_duties where case_id = $1", [caseId]),
    );
    expect(stored[0].n).toBe(0);
    expect((await put(monusco, reported)).statusCode).toBe(204);
  });
});

describe("patterns in a unit", () => {
  // UNMISS holds only this scenario's units, so the mission's rate is known: 4 SEA allegations
  // over 2,000 personnel (2.0 per 1,000).
  async function unmissCase(allegationCodes: string[], people: { nationalityCode: string; unitId: string }[]) {
    const id = randomUUID();
    return inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id,
        reference: `UNMISS-P-${id.slice(0, 8)}`,
        missionCode: "UNMISS",
        status: "under_investigation",
        dateReported: "2026-05-02",
        allegationCodes,
      });
      const rows = await tx
        .insert(perpetrators)
        .values(
          people.map((person, index) => ({
            caseId: id,
            code: `P-0${index + 1}`,
            categoryCode: "MIL_MC",
            nationalityCode: person.nationalityCode,
            contingentId: person.unitId,
          })),
        )
        .returning({ id: perpetrators.id });
      return { caseId: id, perpetratorIds: rows.map((row) => row.id) };
    });
  }

  async function find(caseId: string, perpetratorId: string, finding: string) {
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      const [investigation] = await tx
        .insert(investigations)
        .values({
          caseId,
          entity: "oios",
          startedOn: "2026-05-10",
          dueOn: "2026-11-10",
          deadlineKind: "investigation_sea",
          policyVersion: "default-1",
        })
        .returning();
      await tx
        .insert(findings)
        .values({ caseId, investigationId: investigation.id, perpetratorId, finding, recordedOn: "2026-09-01" });
    });
  }

  const patternsOf = async (client: Client, query = "mission=UNMISS") => {
    const response = await client.request({ method: "GET", url: `/api/units/patterns?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      items: {
        id: string;
        allegations: Record<string, number>;
        ratePerThousand: number;
        missionRate: number;
        signals: string[];
        decisions: { decision: string; grounds: string }[];
      }[];
      total: number;
      offset: number;
      can: { decide: boolean };
    };
  };

  let ghanbatt: string;
  let rwabatt: string;
  let otherMisconduct: string;

  beforeAll(async () => {
    ghanbatt = await unit(headquarters, {
      missionCode: "UNMISS",
      countryCode: "GHA",
      name: "GHANBATT UNMISS",
      strength: 500,
    });
    rwabatt = await unit(headquarters, {
      missionCode: "UNMISS",
      countryCode: "RWA",
      name: "RWABATT UNMISS",
      strength: 1500,
    });
    const substantiated = await unmissCase(
      ["SA_SEXUAL_ASSAULT"],
      [
        { nationalityCode: "GHA", unitId: ghanbatt },
        { nationalityCode: "GHA", unitId: ghanbatt },
      ],
    );
    await find(substantiated.caseId, substantiated.perpetratorIds[0], "substantiated");
    await find(substantiated.caseId, substantiated.perpetratorIds[1], "not_substantiated");
    const cleared = await unmissCase(["SE_TRANSACTIONAL_SEX"], [{ nationalityCode: "GHA", unitId: ghanbatt }]);
    await find(cleared.caseId, cleared.perpetratorIds[0], "not_substantiated");
    await unmissCase(["SE_SOLICITATION"], [{ nationalityCode: "GHA", unitId: ghanbatt }]);
    otherMisconduct = (await unmissCase(["FRAUD_THEFT"], [{ nationalityCode: "GHA", unitId: ghanbatt }])).caseId;
    await unmissCase(["SE_SOLICITATION"], [{ nationalityCode: "RWA", unitId: rwabatt }]);
  });

  it("count each case once per unit by its people's best-known outcome, against the mission's rate, with the 2272 signals", async () => {
    const { items, can } = await patternsOf(headquarters);
    expect(can.decide).toBe(true);
    expect(items.find((item) => item.id === ghanbatt)).toMatchObject({
      allegations: { substantiated: 1, notSubstantiated: 1, pending: 1, otherMisconduct: 1 },
      ratePerThousand: 6,
      missionRate: 2,
      signals: ["several_allegations", "above_mission_rate"],
    });
    expect(items.find((item) => item.id === rwabatt)).toMatchObject({
      allegations: { substantiated: 0, notSubstantiated: 0, pending: 1, otherMisconduct: 0 },
      ratePerThousand: 0.7,
      missionRate: 2,
      signals: [],
    });
    const signalled = await patternsOf(headquarters, "mission=UNMISS&signalled=true");
    expect(signalled.items.map((item) => item.id)).toEqual([ghanbatt]);
    expect(signalled).toMatchObject({ total: 1, offset: 0 });
  });

  it("answer a page at a time, in the order of the mission and name, with how many there are", async () => {
    const first = await patternsOf(headquarters, "mission=UNMISS&limit=1");
    const second = await patternsOf(headquarters, "mission=UNMISS&limit=1&offset=1");
    const past = await patternsOf(headquarters, "mission=UNMISS&limit=1&offset=5");
    expect([first, second, past].map((page) => page.total)).toEqual([2, 2, 2]);
    expect([...first.items, ...second.items, ...past.items].map((item) => item.id)).toEqual([ghanbatt, rwabatt]);
    // The page's unit comes whole: its record, counts, signals and decisions.
    expect(second.items[0]).toMatchObject({
      name: "RWABATT UNMISS",
      countryCode: "RWA",
      strength: 1500,
      decisions: [],
    });
    for (const query of ["limit=0", "limit=201", "offset=-1", "limit=many"]) {
      const refused = await headquarters.request({ method: "GET", url: `/api/units/patterns?${query}` });
      expect(refused.statusCode, query).toBe(400);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("follow the record: a case that becomes SEA, a person moved out of the unit", async () => {
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .update(cases)
        .set({ allegationCodes: ["SE_EXPLOITATIVE_RELATIONSHIP"] })
        .where(sql`id = ${otherMisconduct}`),
    );
    let ghana = (await patternsOf(headquarters)).items.find((item) => item.id === ghanbatt);
    expect(ghana?.allegations).toEqual({ substantiated: 1, notSubstantiated: 1, pending: 2, otherMisconduct: 0 });
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.update(perpetrators).set({ contingentId: null }).where(sql`case_id = ${otherMisconduct}`),
    );
    ghana = (await patternsOf(headquarters)).items.find((item) => item.id === ghanbatt);
    expect(ghana?.allegations).toEqual({ substantiated: 1, notSubstantiated: 1, pending: 1, otherMisconduct: 0 });
  });

  it("a State reads its own units only, beside the mission's rate; row-level security holds without the server", async () => {
    const seenByGhana = await patternsOf(ghana);
    expect(seenByGhana.items.map((item) => item.id)).toEqual([ghanbatt]);
    expect(seenByGhana.items[0].missionRate).toBe(2);
    expect(seenByGhana.can.decide).toBe(false);
    expect((await patternsOf(rwanda)).items.map((item) => item.id)).toEqual([rwabatt]);
    const asRwanda: Actor = {
      ...systemActor,
      role: "member_state_focal_point",
      countryCode: "RWA",
      userId: "someone",
      via: "token",
    };
    const counts = await inTransaction(
      t.app.services.db,
      asRwanda,
      async (tx) =>
        (
          (await tx.execute(
            sql`select count(*)::int as n from unit_allegation_counts where contingent_id = ${ghanbatt}`,
          )) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0].n,
    );
    expect(counts).toBe(0);
  });

  it("headquarters records its decision on the unit; the State reads it; others are refused and nothing is stored", async () => {
    const decision = { decision: "review", decidedOn: "2026-10-01", grounds: "Three allegations in one rotation." };
    for (const [client, status] of [
      [ghana, 403],
      // Another mission's team does not see the unit at all.
      [monusco, 404],
    ] as const) {
      const refused = await client.request({
        method: "POST",
        url: `/api/units/${ghanbatt}/decisions`,
        payload: decision,
      });
      expect(refused.statusCode, refused.body).toBe(status);
    }
    const ahead = await headquarters.request({
      method: "POST",
      url: `/api/units/${ghanbatt}/decisions`,
      payload: { ...decision, decidedOn: "2999-01-01" },
    });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().errors[0].path).toBe("body.decidedOn");
    const unknown = await headquarters.request({
      method: "POST",
      url: `/api/units/${randomUUID()}/decisions`,
      payload: decision,
    });
    expect(unknown.statusCode).toBe(404);
    const stored = await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("select count(*)::int as n from unit_decisions where contingent_id = $1", [ghanbatt]),
    );
    expect(stored[0].n).toBe(0);

    const made = await headquarters.request({
      method: "POST",
      url: `/api/units/${ghanbatt}/decisions`,
      payload: decision,
    });
    expect(made.statusCode, made.body).toBe(201);
    await headquarters.request({
      method: "POST",
      url: `/api/units/${ghanbatt}/decisions`,
      payload: { decision: "repatriation", decidedOn: "2026-11-02", grounds: "Two substantiated in review." },
    });
    const read = (await patternsOf(ghana)).items[0];
    expect(read.decisions.map((item) => item.decision)).toEqual(["repatriation", "review"]);
    // The State's scorecard carries its units' record.
    const [{ n: ghanaUnits }] = await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("select count(*)::int as n from contingents where country_code = 'GHA'"),
    );
    const card = await ghana.request({ method: "GET", url: "/api/accountability/GHA" });
    expect(card.json().measures.command).toMatchObject({
      units: ghanaUnits,
      signalled: 1,
      decisions: { review: 1, repatriation: 1 },
    });
    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ subject_id: string; details: Record<string, unknown> }>(
        "select subject_id, details from audit_events where action = 'command.unit.decide' and details->>'decisionId' = $1",
        [made.json().id],
      ),
    );
    expect(event).toMatchObject({
      subject_id: ghanbatt,
      details: { decision: "review", countryCode: "GHA", missionCode: "UNMISS" },
    });
    // The grounds are the unit's record, not the audit trail's.
    expect(JSON.stringify(event.details)).not.toContain("rotation");

    const asTeam: Actor = {
      ...systemActor,
      role: "cdt_officer",
      missionCodes: ["UNMISS"],
      userId: "someone",
      via: "token",
    };
    await expect(
      inTransaction(t.app.services.db, asTeam, (tx) =>
        tx
          .insert(unitDecisions)
          .values({ contingentId: ghanbatt, decision: "review", decidedOn: "2026-10-01", grounds: "x" }),
      ),
    ).rejects.toThrow();
  });
});

describe("allegations against a unit's leader", () => {
  it("the officer opens one against the commander as a case of its own, linked both ways; the State reads it", async () => {
    const ghanbatt = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `GHANBATT LEAD ${randomUUID().slice(0, 4)}`,
    });
    const other = await unit(monusco, {
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `GHANBATT OTHER ${randomUUID().slice(0, 4)}`,
    });
    const addLeader = async (unitId: string, name: string) => {
      const added = await monusco.request({
        method: "POST",
        url: `/api/units/${unitId}/leaders`,
        payload: { post: "commander", name, rank: "Colonel", servedFrom: "2025-11-01" },
      });
      expect(added.statusCode, added.body).toBe(201);
      return added.json().id as string;
    };
    const commander = await addLeader(ghanbatt, "Col. Kojo Antwi");
    const elsewhere = await addLeader(other, "Col. Other Unit");
    const { caseId, perpetratorId } = await caseWithPerpetrator("MONUSCO", "GHA", "2026-03-14");
    await monusco.request({
      method: "PUT",
      url: `/api/perpetrators/${perpetratorId}/unit`,
      payload: { contingentId: ghanbatt },
    });
    const url = `/api/cases/${caseId}/units/${ghanbatt}/leader-allegations`;
    const casesBefore = (
      await t.handle.asOwner((owner) => owner.query<{ n: number }>("select count(*)::int as n from cases"))
    )[0].n;
    for (const [client, payload, status] of [
      [ghana, { leaderId: commander, allegationCodes: ["OBSTRUCTION_FAILURE_TO_REPORT"] }, 403],
      [monusco, { leaderId: elsewhere, allegationCodes: ["OBSTRUCTION_FAILURE_TO_REPORT"] }, 400],
      [monusco, { leaderId: commander, allegationCodes: ["SE_SOLICITATION"] }, 400],
    ] as const) {
      const refused = await client.request({ method: "POST", url, payload });
      expect(refused.statusCode, refused.body).toBe(status);
    }
    expect(
      (await t.handle.asOwner((owner) => owner.query<{ n: number }>("select count(*)::int as n from cases")))[0].n,
    ).toBe(casesBefore);

    const opened = await monusco.request({
      method: "POST",
      url,
      payload: {
        leaderId: commander,
        allegationCodes: ["OBSTRUCTION_FAILURE_TO_REPORT", "OBSTRUCTION_FAILURE_TO_ENFORCE"],
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { caseId: leaderCase, reference } = opened.json();
    expect(reference).toMatch(/^MONUSCO-/);
    const read = await monusco.request({ method: "GET", url: `/api/cases/${leaderCase}` });
    expect(read.json()).toMatchObject({
      allegationCodes: ["OBSTRUCTION_FAILURE_TO_REPORT", "OBSTRUCTION_FAILURE_TO_ENFORCE"],
      nationalityCodes: ["GHA"],
      categoryCodes: ["MIL_MC"],
      dateOfIncident: "2026-03-14",
    });
    // The commander is the new case's alleged perpetrator, served in the unit, name sealed.
    const [person] = await t.handle.asOwner((owner) =>
      owner.query<{ contingent_id: string; identity_encrypted: string }>(
        "select contingent_id, identity_encrypted from perpetrators where case_id = $1",
        [leaderCase],
      ),
    );
    expect(person.contingent_id).toBe(ghanbatt);
    expect(person.identity_encrypted).not.toContain("Antwi");

    for (const client of [monusco, ghana]) {
      const origin = (await client.request({ method: "GET", url: `/api/cases/${caseId}/command` })).json();
      expect(origin.leaderAllegations).toEqual([
        { caseId: leaderCase, reference, unitId: ghanbatt, post: "commander" },
      ]);
    }
    const arising = (await monusco.request({ method: "GET", url: `/api/cases/${leaderCase}/command` })).json();
    expect(arising.arisesFrom).toEqual({ caseId, reference: expect.stringMatching(/^MONUSCO-U-/) });
    // Rwanda sees neither the link nor the event naming Ghana's unit.
    const hidden = await rwanda.request({ method: "GET", url: `/api/cases/${leaderCase}/command` });
    expect(hidden.statusCode).toBe(404);
  });
});
