// Outreach and complaint networks: the mission's team records activities and networks; a member's
// reports are counted for whoever reads the network, even those who cannot read the reports; RLS
// keeps each mission's records to headquarters, analysts and its own team and focal points.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { outreachTotals } from "../../../domain/outreach.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let monusco: Client;
let minusca: Client;
let analyst: Client;
let focalPoint: Client;
let focalPointId: string;
let networkId: string;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const activity = (over: object = {}) => ({
  missionCode: "MONUSCO",
  heldOn: daysAgo(3),
  place: "Bunia market",
  community: "Market vendors",
  women: 40,
  men: 25,
  girls: 12,
  boys: 8,
  language: "Swahili",
  topics: ["sea_prohibition", "how_to_report"],
  materials: ["leaflets", "theatre"],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  analyst = await t.tokenFor(await t.createStaff("analyst"));
  const focal = await t.createStaff("cbcm_focal_point", { missionCodes: ["MONUSCO"] });
  focalPointId = focal.id;
  focalPoint = await t.tokenFor(focal);
});
afterAll(() => t.close());

describe("outreach", () => {
  it("sums people reached by group and counts topics", () => {
    const totals = outreachTotals([
      { heldOn: "2026-01-01", audience: { women: 3, men: 2, girls: 1, boys: 0 }, topics: ["how_to_report"] },
      {
        heldOn: "2026-01-02",
        audience: { women: 1, men: 0, girls: 0, boys: 4 },
        topics: ["how_to_report", "victim_assistance"],
      },
    ]);
    expect(totals).toMatchObject({
      activities: 2,
      people: 11,
      reached: { women: 4, men: 2, girls: 1, boys: 4 },
      topics: { how_to_report: 2, victim_assistance: 1, sea_prohibition: 0 },
    });
  });

  it("the mission's team records activities; they are summed for the mission", async () => {
    expect((await monusco.request({ method: "POST", url: "/api/outreach", payload: activity() })).statusCode).toBe(201);
    expect(
      (
        await monusco.request({
          method: "POST",
          url: "/api/outreach",
          payload: activity({
            place: "Bunia school",
            community: "Secondary school",
            women: 0,
            men: 0,
            girls: 60,
            boys: 55,
            topics: ["how_to_report"],
            materials: ["meeting"],
          }),
        })
      ).statusCode,
    ).toBe(201);
    const overview = (await monusco.request({ method: "GET", url: "/api/outreach/MONUSCO" })).json();
    expect(overview.totals).toMatchObject({ activities: 2, people: 200, reached: { girls: 72, boys: 63 } });
    expect(
      (await monusco.request({ method: "GET", url: `/api/outreach/MONUSCO?since=${daysAgo(1)}` })).json().totals
        .activities,
    ).toBe(0);
  });

  it("refuses an activity that reached nobody, one in the future, and another mission's", async () => {
    expect(
      (
        await monusco.request({
          method: "POST",
          url: "/api/outreach",
          payload: activity({ women: 0, men: 0, girls: 0, boys: 0 }),
        })
      ).json().code,
    ).toBe("nobody_reached");
    expect(
      (
        await monusco.request({ method: "POST", url: "/api/outreach", payload: activity({ heldOn: daysAgo(-2) }) })
      ).json().code,
    ).toBe("date_in_future");
    expect((await minusca.request({ method: "POST", url: "/api/outreach", payload: activity() })).statusCode).toBe(403);
    expect((await focalPoint.request({ method: "POST", url: "/api/outreach", payload: activity() })).statusCode).toBe(
      403,
    );
    expect((await minusca.request({ method: "GET", url: "/api/outreach/MONUSCO" })).statusCode).toBe(403);
  });
});

describe("complaint networks", () => {
  it("the team records a network and its members, linking a focal point's account", async () => {
    const created = await monusco.request({
      method: "POST",
      url: "/api/cbcm-networks",
      payload: {
        missionCode: "MONUSCO",
        name: "Ituri community complaint network",
        area: "Bunia and Mahagi",
        languages: ["Swahili", "Lingala", "French"],
        channels: ["in_person", "phone", "complaint_box"],
      },
    });
    expect(created.statusCode).toBe(201);
    networkId = created.json().id;
    const add = (body: object) =>
      monusco.request({
        method: "POST",
        url: `/api/cbcm-networks/${networkId}/members`,
        payload: {
          kind: "focal_point",
          name: "Chair, Bunia women's association",
          location: "Bunia",
          languages: ["Swahili"],
          ...body,
        },
      });
    expect((await add({ userId: focalPointId })).statusCode).toBe(201);
    expect((await add({ kind: "organisation", name: "Ituri youth NGO", userId: null })).statusCode).toBe(201);
    const stranger = await t.createStaff("cbcm_focal_point", { missionCodes: ["MINUSCA"] });
    expect((await add({ userId: stranger.id })).json().code).toBe("not_a_focal_point_here");
    expect(
      (
        await minusca.request({
          method: "POST",
          url: `/api/cbcm-networks/${networkId}/members`,
          payload: { kind: "focal_point", name: "X Y", location: "Goma", languages: ["French"] },
        })
      ).statusCode,
    ).toBe(404);
  });

  it("counts the reports each member submitted, for analysts too, who cannot read the reports", async () => {
    for (let i = 0; i < 2; i++) {
      const report = await focalPoint.request({
        method: "POST",
        url: "/api/reports",
        payload: {
          channel: "cbcm",
          report: {
            whatHappened: "A community member says a soldier asked for sex in exchange for food.",
            missionCode: "MONUSCO",
            anonymous: true,
          },
        },
      });
      expect(report.statusCode, report.body).toBe(201);
    }
    for (const client of [monusco, analyst, focalPoint]) {
      const network = (await client.request({ method: "GET", url: "/api/cbcm-networks/MONUSCO" })).json().networks[0];
      expect(
        network.members.map((m: { name: string; reportsSubmitted: number | null }) => [m.name, m.reportsSubmitted]),
      ).toEqual([
        ["Chair, Bunia women's association", 2],
        ["Ituri youth NGO", null],
      ]);
    }
    expect((await analyst.request({ method: "GET", url: "/api/reports" })).statusCode).toBe(403);
    expect(
      (await monusco.request({ method: "GET", url: "/api/cbcm-networks/MONUSCO" }))
        .json()
        .candidates.map((c: { id: string }) => c.id),
    ).toContain(focalPointId);
    expect((await analyst.request({ method: "GET", url: "/api/cbcm-networks/MONUSCO" })).json().candidates).toEqual([]);
  });

  it("row-level security alone keeps a mission's networks and outreach to those who read them", async () => {
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
    for (const table of ["outreach_activities", "cbcm_networks", "cbcm_members"]) {
      expect(
        await count(as("cbcm_focal_point", { missionCodes: ["MONUSCO"] }), `select count(*)::int as n from ${table}`),
        table,
      ).toBeGreaterThan(0);
      expect(
        await count(as("cdt_officer", { missionCodes: ["MINUSCA"] }), `select count(*)::int as n from ${table}`),
        table,
      ).toBe(0);
      for (const role of [
        "member_state_focal_point",
        "victim_assistance",
        "investigator",
        "publisher",
        "auditor",
        "administrator",
      ] as const) {
        expect(
          await count(
            as(role, { missionCodes: ["MONUSCO"], countryCode: "GHA" }),
            `select count(*)::int as n from ${table}`,
          ),
          `${role} ${table}`,
        ).toBe(0);
      }
    }
    expect(
      await count(
        as("cdt_officer", { missionCodes: ["MINUSCA"] }),
        "select count(*)::int as n from conduct_cbcm_report_counts('MONUSCO')",
      ),
    ).toBe(0);
  });
});
