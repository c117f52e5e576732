// The Trust Fund: headquarters records money in (a withheld payment tied to the suspension that
// withheld it), missions record projects and the people reached, and everyone in scope reads the books.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { caseActions, cases, perpetrators } from "../../../db/schema.js";
import { fundOverview, totalsByCurrency } from "../../../domain/trust-fund.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let hq: Client;
let advocate: Client;
let ghana: Client;
const suspensionId = randomUUID();
const repatriationId = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
  advocate = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  const caseId = randomUUID();
  const perpetratorId = randomUUID();
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id: caseId,
      reference: "MONUSCO-2026-0900",
      missionCode: "MONUSCO",
      dateReported: "2026-01-10",
      nationalityCodes: ["GHA"],
    });
    await tx
      .insert(perpetrators)
      .values({ id: perpetratorId, caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" });
    await tx.insert(caseActions).values([
      {
        id: suspensionId,
        caseId,
        perpetratorId,
        stage: "interim",
        takenBy: "un",
        kind: "payment_suspension",
        amount: 3600,
        currency: "USD",
        decidedOn: "2026-02-01",
      },
      {
        id: repatriationId,
        caseId,
        perpetratorId,
        stage: "interim",
        takenBy: "un",
        kind: "repatriation",
        decidedOn: "2026-02-01",
      },
    ]);
  });
});
afterAll(() => t.close());

describe("the Trust Fund", () => {
  it("sums money per currency without converting it", () => {
    expect(
      totalsByCurrency([
        { amount: 5, currency: "EUR" },
        { amount: 10, currency: "USD" },
        { amount: 7, currency: "EUR" },
      ]),
    ).toEqual([
      { currency: "EUR", amount: 12 },
      { currency: "USD", amount: 10 },
    ]);
    expect(
      fundOverview(
        {
          contributions: [],
          projects: [{ amount: 1, currency: "USD", endsOn: "2020-01-01" }],
          beneficiaries: [{ category: "victims", people: 4 }],
        },
        "2026-01-01",
      ),
    ).toMatchObject({ projects: 1, activeProjects: 0, reached: { victims: 4, children_born_of_sea: 0 } });
  });

  it("headquarters records contributions; a withheld payment must come from a payment suspension of that State's national", async () => {
    const post = (client: Client, body: object) =>
      client.request({
        method: "POST",
        url: "/api/trust-fund/contributions",
        payload: { countryCode: "GHA", receivedOn: "2026-03-01", amount: 250000, currency: "USD", ...body },
      });
    expect((await post(hq, {})).statusCode).toBe(201);
    expect((await post(hq, { amount: 3600, caseActionId: suspensionId })).statusCode).toBe(201);
    expect((await post(hq, { amount: 100, caseActionId: repatriationId })).json().code).toBe(
      "not_a_payment_suspension",
    );
    expect((await post(hq, { countryCode: "IND", amount: 100, caseActionId: suspensionId })).json().code).toBe(
      "country_mismatch",
    );
    expect((await post(advocate, {})).statusCode).toBe(403);
    expect((await post(ghana, {})).statusCode).toBe(403);
  });

  it("a mission's advocate records its projects and the people reached; the overview adds it up for every reader", async () => {
    const project = {
      missionCode: "MONUSCO",
      title: "Livelihoods for survivors in North Kivu",
      implementingPartner: "Local NGO",
      budget: 180000,
      currency: "USD",
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
      services: ["livelihood", "psychosocial"],
    };
    expect(
      (
        await advocate.request({
          method: "POST",
          url: "/api/trust-fund/projects",
          payload: { ...project, missionCode: "UNMISS" },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await hq.request({
          method: "POST",
          url: "/api/trust-fund/projects",
          payload: { ...project, missionCode: "NOWHERE" },
        })
      ).json().code,
    ).toBe("unknown_code");
    expect(
      (
        await advocate.request({
          method: "POST",
          url: "/api/trust-fund/projects",
          payload: { ...project, endsOn: "2025-01-01" },
        })
      ).statusCode,
    ).toBe(400);
    const created = await advocate.request({ method: "POST", url: "/api/trust-fund/projects", payload: project });
    expect(created.statusCode, created.body).toBe(201);
    const reach = await advocate.request({
      method: "POST",
      url: `/api/trust-fund/projects/${created.json().id}/beneficiaries`,
      payload: { reportedOn: "2026-06-30", category: "victims", people: 42 },
    });
    expect(reach.json().reached).toBe(42);
    await advocate.request({
      method: "POST",
      url: `/api/trust-fund/projects/${created.json().id}/beneficiaries`,
      payload: { reportedOn: "2026-06-30", category: "children_born_of_sea", people: 9 },
    });
    const books = (await ghana.request({ method: "GET", url: "/api/trust-fund" })).json();
    expect(books.overview).toMatchObject({
      received: [{ currency: "USD", amount: 253600 }],
      fromWithheldPayments: [{ currency: "USD", amount: 3600 }],
      committed: [{ currency: "USD", amount: 180000 }],
      projects: 1,
      activeProjects: 1,
      reached: { victims: 42, children_born_of_sea: 9 },
    });
    expect(books.can).toEqual({ recordContribution: false, addProject: false });
    expect(books.projects[0]).toMatchObject({ reached: 51, can: { report: false } });
  });
});
