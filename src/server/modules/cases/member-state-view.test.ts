// A Member State sees a case through its own nationals only: for any focal point and any case, no
// answer (list, filters, detail, history, enforcement record, referrals, export) names another
// State's national, its referral or its investigation, and neither do the tables it may read.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
const states = ["GHA", "RWA", "SEN", "IND"] as const;
let t: TestApp;
let officer: Client;
const focalPoints = {} as Record<(typeof states)[number], Client>;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  for (const state of states)
    focalPoints[state] = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: state }));
});
afterAll(() => t.close());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A case with one alleged perpetrator per nationality given, referred to each of those States. */
async function caseWith(nationalities: string[]): Promise<string> {
  const id = randomUUID();
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values({
      id,
      reference: `MINUSCA-P-${id.slice(0, 8)}`,
      missionCode: "MINUSCA",
      status: "preliminary_assessment",
      dateReported: daysAgo(30),
      allegationCodes: ["SA_RAPE"],
    }),
  );
  for (const nationalityCode of nationalities) {
    const added = await officer.request({
      method: "POST",
      url: `/api/cases/${id}/perpetrators`,
      payload: { categoryCode: "MIL_MC", nationalityCode },
    });
    expect(added.statusCode, added.body).toBe(201);
  }
  for (const countryCode of new Set(nationalities)) {
    const { version } = (await officer.request({ method: "GET", url: `/api/cases/${id}` })).json();
    const referred = await officer.request({
      method: "POST",
      url: `/api/cases/${id}/referrals`,
      payload: { entity: "member_state", countryCode, sentOn: daysAgo(20), caseVersion: version },
    });
    expect(referred.statusCode, referred.body).toBe(201);
  }
  return id;
}

/** Everything the State's focal point can read about the case, as text. */
async function whatTheStateReads(client: Client, caseId: string): Promise<{ url: string; body: string }[]> {
  const urls = [
    "/api/cases?limit=100",
    ...states.map((state) => `/api/cases?nationality=${state}&limit=100`),
    `/api/cases/${caseId}`,
    `/api/cases/${caseId}/timeline`,
    `/api/cases/${caseId}/enforcement`,
    `/api/cases/${caseId}/referrals`,
    "/api/cases/export?format=csv",
    ...states.map((state) => `/api/cases/export?format=csv&nationality=${state}`),
    "/api/overdue",
    "/api/referrals/overdue",
  ];
  const bodies: { url: string; body: string }[] = [];
  for (const url of urls) {
    const response = await client.request({ method: "GET", url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
    bodies.push({ url, body: response.body });
  }
  return bodies;
}

/**
 * What the same State reads from the database itself, as the application role under its context:
 * the second layer must hold without the server's policy (a route that forgot it).
 */
async function whatTheDatabaseShows(state: string, caseId: string): Promise<string> {
  const focal: Actor = { ...systemActor, userId: "focal-point", role: "member_state_focal_point", countryCode: state };
  const result = await inTransaction(t.app.services.db, focal, (tx) =>
    tx.execute(sql`select
      (select json_agg(n.nationality_code) from case_nationalities n where n.case_id = ${caseId}) as nationalities,
      (select json_agg(e.details) from audit_events e where e.subject_id = ${caseId}) as history,
      (select json_agg(p.nationality_code) from perpetrators p where p.case_id = ${caseId}) as perpetrators,
      (select json_agg(r.country_code) from referrals r where r.case_id = ${caseId}) as referrals,
      (select json_agg(i.country_code) from investigations i where i.case_id = ${caseId}) as investigations`),
  );
  return JSON.stringify((result as unknown as { rows: unknown[] }).rows);
}

describe("a Member State's view of a case", () => {
  it("names no other State's national, for any focal point and any case", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...states), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        async (nationalities, pick) => {
          const caseId = await caseWith(nationalities);
          const own = nationalities[pick % nationalities.length];
          const others = states.filter((state) => state !== own);
          const bodies = await whatTheStateReads(focalPoints[own], caseId);
          for (const { url, body } of bodies)
            for (const other of others)
              expect(body, `${own} reads ${other} in ${url}`).not.toMatch(new RegExp(`\\b${other}\\b`));
          const stored = await whatTheDatabaseShows(own, caseId);
          for (const other of others)
            expect(stored, `${own} reads ${other} in the database`).not.toMatch(new RegExp(`\\b${other}\\b`));
          expect(stored).toContain(`"${own}"`);
          // Its own national is still there: the case is seen, only narrowed.
          expect(bodies.find(({ url }) => url === `/api/cases/${caseId}`)?.body).toContain(`"${own}"`);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("answers a filter on another State's nationals as if no such case existed", async () => {
    const caseId = await caseWith(["GHA", "RWA"]);
    const ghana = focalPoints.GHA;
    const byRwanda = (await ghana.request({ method: "GET", url: "/api/cases?nationality=RWA" })).json();
    expect(byRwanda.items).toEqual([]);
    const byGhana = (await ghana.request({ method: "GET", url: "/api/cases?nationality=GHA&limit=100" })).json();
    const found = byGhana.items.find((item: { id: string }) => item.id === caseId);
    expect(found.nationalityCodes).toEqual(["GHA"]);
    const exported = await ghana.request({ method: "GET", url: "/api/cases/export?format=csv&nationality=RWA" });
    expect(exported.body.trim().split("\n")).toHaveLength(1);
    // Headquarters still sees both.
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().nationalityCodes).toEqual([
      "GHA",
      "RWA",
    ]);
  });
});
