// Military justice: a State records its own national's proceeding (a court-martial on site, its
// verdict, sentence and appeal); another State neither sees nor touches it; incoherent records are
// refused whole; row-level security holds without the server.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases, nationalProceedings, perpetrators } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let ghana: Client;
let rwanda: Client;
let headquarters: Client;
let caseId: string;
let ghanaian: string;
let rwandan: string;

const courtMartial = {
  kind: "court_martial",
  venue: "mission_area",
  openedOn: "2026-06-02",
  charges: "Sexual exploitation; disobeying the non-fraternisation order.",
};

beforeAll(async () => {
  t = await createTestApp();
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  rwanda = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "RWA" }));
  headquarters = await t.tokenFor(await t.createStaff("cds_officer"));
  caseId = randomUUID();
  [ghanaian, rwandan] = await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id: caseId,
      reference: `MINUSCA-2026-J${caseId.slice(0, 4)}`,
      missionCode: "MINUSCA",
      status: "actions",
      dateReported: "2026-03-02",
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["GHA", "RWA"],
      allegationCodes: ["SE_TRANSACTIONAL_SEX"],
    });
    const rows = await tx
      .insert(perpetrators)
      .values([
        { caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" },
        { caseId, code: "P-02", categoryCode: "MIL_MC", nationalityCode: "RWA" },
      ])
      .returning({ id: perpetrators.id });
    return rows.map((row) => row.id);
  });
});
afterAll(() => t?.close());

const proceedingsOf = async (client: Client) => {
  const response = await client.request({ method: "GET", url: `/api/cases/${caseId}/proceedings` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const stored = async () =>
  (
    await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("select count(*)::int as n from national_proceedings where case_id = $1", [caseId]),
    )
  )[0].n;

describe("national proceedings", () => {
  it("the State records its national's on-site court-martial, then the verdict, sentence and appeal", async () => {
    const made = await ghana.request({
      method: "POST",
      url: `/api/perpetrators/${ghanaian}/proceedings`,
      payload: courtMartial,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const outcome = {
      ...courtMartial,
      verdict: "convicted",
      verdictOn: "2026-07-20",
      sentence: "Two years' imprisonment and dismissal",
      appeal: "lodged",
    };
    const updated = await ghana.request({
      method: "PUT",
      url: `/api/proceedings/${id}`,
      payload: { ...outcome, version: 1 },
    });
    expect(updated.statusCode, updated.body).toBe(204);
    const stale = await ghana.request({
      method: "PUT",
      url: `/api/proceedings/${id}`,
      payload: { ...outcome, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale_version");

    expect((await proceedingsOf(headquarters)).items).toEqual([
      expect.objectContaining({ perpetratorCode: "P-01", countryCode: "GHA", ...outcome, version: 2 }),
    ]);
    // The on-site court-martial and its conviction count in Ghana's scorecard.
    const card = await ghana.request({ method: "GET", url: "/api/accountability/GHA" });
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().measures.proceedings).toEqual({ total: 1, onSiteCourtsMartial: 1, convictions: 1 });
    const own = await proceedingsOf(ghana);
    expect(own.items).toHaveLength(1);
    expect(own.canRecordFor).toEqual([{ perpetratorId: ghanaian, code: "P-01" }]);
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ action: string; details: { countryCode: string; verdict: string } }>(
        "select action, details from audit_events where subject_id = $1 and action like 'proceeding.%' order by id",
        [caseId],
      ),
    );
    expect(events.map((event) => [event.action, event.details.verdict])).toEqual([
      ["proceeding.record", "pending"],
      ["proceeding.update", "convicted"],
      ["proceeding.read", undefined],
      ["proceeding.read", undefined],
    ]);
  });

  it("another State neither sees nor touches it, and records for its own national only", async () => {
    const theirs = await proceedingsOf(rwanda);
    expect(theirs.items).toEqual([]);
    expect(theirs.canRecordFor).toEqual([{ perpetratorId: rwandan, code: "P-02" }]);
    const before = await stored();
    const [{ id }] = await t.handle.asOwner((owner) =>
      owner.query<{ id: string }>("select id from national_proceedings where case_id = $1", [caseId]),
    );
    const touch = await rwanda.request({
      method: "PUT",
      url: `/api/proceedings/${id}`,
      payload: { ...courtMartial, version: 2 },
    });
    expect(touch.statusCode).toBe(404);
    const forOther = await rwanda.request({
      method: "POST",
      url: `/api/perpetrators/${ghanaian}/proceedings`,
      payload: courtMartial,
    });
    expect(forOther.statusCode).toBe(404);
    expect(await stored()).toBe(before);

    // Without the server: Rwanda reads no Ghanaian proceeding, inserts none, and reads none of its records' events.
    const asRwanda: Actor = {
      ...systemActor,
      role: "member_state_focal_point",
      countryCode: "RWA",
      userId: "someone",
      via: "token",
    };
    const seen = await inTransaction(t.app.services.db, asRwanda, async (tx) => ({
      rows: (await tx.select().from(nationalProceedings)).length,
      events: (
        (await tx.execute(
          sql`select count(*)::int as n from audit_events where action in ('proceeding.record', 'proceeding.update')`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0].n,
    }));
    expect(seen).toEqual({ rows: 0, events: 0 });
    await expect(
      inTransaction(t.app.services.db, asRwanda, (tx) =>
        tx.insert(nationalProceedings).values({ caseId, perpetratorId: ghanaian, countryCode: "GHA", ...courtMartial }),
      ),
    ).rejects.toThrow();
  });

  it("refuses an incoherent record whole, naming the field", async () => {
    const before = await stored();
    for (const [change, path] of [
      [{ verdict: "acquitted" }, "body.verdictOn"],
      [{ verdictOn: "2026-07-01" }, "body.verdictOn"],
      [{ verdict: "acquitted", verdictOn: "2026-07-01", sentence: "Fine" }, "body.sentence"],
      [{ appeal: "lodged" }, "body.appeal"],
      [{ verdict: "convicted", verdictOn: "2026-05-01" }, "body.verdictOn"],
      [{ openedOn: "2999-01-01" }, "body.openedOn"],
    ] as const) {
      const refused = await ghana.request({
        method: "POST",
        url: `/api/perpetrators/${ghanaian}/proceedings`,
        payload: { ...courtMartial, ...change },
      });
      expect(refused.statusCode, JSON.stringify(change)).toBe(400);
      expect(refused.json().errors[0].path).toBe(path);
    }
    expect(await stored()).toBe(before);
  });

  it("still takes a proceeding once the UN has closed its case; an analyst may not record one", async () => {
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.update(cases).set({ status: "closed" }).where(sql`id = ${caseId}`),
    );
    const home = await rwanda.request({
      method: "POST",
      url: `/api/perpetrators/${rwandan}/proceedings`,
      payload: { ...courtMartial, venue: "home_country" },
    });
    expect(home.statusCode, home.body).toBe(201);
    const analyst = await t.tokenFor(await t.createStaff("analyst"));
    const refused = await analyst.request({
      method: "POST",
      url: `/api/perpetrators/${rwandan}/proceedings`,
      payload: courtMartial,
    });
    expect([403, 404]).toContain(refused.statusCode);
  });
});
