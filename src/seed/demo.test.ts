// The demo data a first `npm start` loads: it must load into an empty database, whole, and show
// each area something to work on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { seedDemoData, seedSystemUnits } from "./demo.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.app.services);
});
afterAll(() => t.close());

const count = async (table: string) =>
  Number((await t.handle.asOwner((owner) => owner.query<{ n: string }>(`select count(*) as n from ${table}`)))[0].n);

describe("demo data", () => {
  it("loads cases, enforcement, reports, victims, a paternity claim with its DNA chain and the Trust Fund's books", async () => {
    expect(await count("cases where reference not like 'DEMO-%'")).toBe(11);
    expect(await count("perpetrators")).toBeGreaterThanOrEqual(3);
    expect(await count("reports")).toBe(5);
    // One UN: the partner's worker stays with UNICEF's office; UNHCR's staff at MINUSCA wait for headquarters.
    expect(await count("reports where organisation_code = 'HOPE-RELIEF' and not headquarters_only")).toBe(1);
    expect(await count("reports where organisation_code = 'UNHCR' and headquarters_only")).toBe(1);
    expect(await count("victims")).toBe(3);
    expect(await count("service_providers")).toBe(5);
    expect(await count("paternity_claims")).toBe(1);
    expect(await count("custody_events")).toBe(16);
    expect(await count("trust_fund_contributions where from_withheld_payments")).toBe(1);
    expect(await count("trust_fund_projects")).toBe(2);
  });

  it("publishes history, five of the demo cases and commitments, so the public pages have figures", async () => {
    // History is imported apart from the cases recorded here: one row at least for each allegation.
    const history = await count("imported_allegations where reference like 'DEMO-%'");
    expect(history).toBeGreaterThan(100);
    expect(await count("imported_allegation_rows")).toBeGreaterThanOrEqual(history);
    expect(await count("cases where reference like 'DEMO-%'")).toBe(0);
    expect(await count("cases where published_at is not null")).toBe(5);
    expect(await count("commitments where kind = 'voluntary_compact'")).toBe(15);
    const years = (await t.app.inject({ method: "GET", url: "/api/public/stats/allegations?groupBy=year" })).json() as {
      key: string;
    }[];
    expect(years.map((row) => row.key)).toEqual(expect.arrayContaining(["2016", "2020", "2025"]));
  });

  it("publishes two cases of other misconduct in their own figures, and never in the SEA ones", async () => {
    const misconduct = (
      await t.app.inject({ method: "GET", url: "/api/public/stats/misconduct?groupBy=mission" })
    ).json() as { key: string; count: number }[];
    expect(misconduct.map(({ key, count }) => [key, count]).sort()).toEqual([
      ["MINUSCA", 1],
      ["UNMISS", 1],
    ]);
    // The public table lists the published SEA cases recorded here (after the imported history), and no other.
    const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?limit=500" })).json().items as {
      reference: string;
    }[];
    const sea = await t.handle.asOwner((owner) =>
      owner.query<{ reference: string }>(
        "select reference from cases where published_at is not null and conduct_is_sea(allegation_codes) order by 1",
      ),
    );
    expect(sea).toHaveLength(3);
    const recordedHere = new Set(
      table.map((row) => row.reference).filter((reference) => !reference.startsWith("DEMO-")),
    );
    expect([...recordedHere].sort()).toEqual(sea.map((row) => row.reference));
  });

  it("shows each State only its own personnel's outcome on the public table (MINUSCA-2026-0001)", async () => {
    const table = (
      await t.app.inject({ method: "GET", url: "/api/public/allegations?mission=MINUSCA&limit=500" })
    ).json().items as { reference: string; nationalityCode: string; findings: string[]; interimActions: string[] }[];
    const rows = table.filter((row) => row.reference === "MINUSCA-2026-0001");
    expect(rows.map((row) => row.nationalityCode).sort()).toEqual(["GHA", "RWA"]);
    const [ghana, rwanda] = ["GHA", "RWA"].map((code) => rows.find((row) => row.nationalityCode === code));
    expect(ghana).toMatchObject({ findings: ["substantiated"], interimActions: ["payment_suspension"] });
    expect(rwanda).toMatchObject({ findings: ["not_substantiated"], interimActions: [] });
    expect(rwanda).toMatchObject({ investigatingEntities: ["joint"] });
  });

  it("publishes the Trust Fund's two projects with the people they reached, counted", async () => {
    const support = (await t.app.inject({ method: "GET", url: "/api/public/victim-support" })).json();
    expect(support.projects).toHaveLength(2);
    const reached = support.projects.reduce(
      (sum: number, project: { reached: Record<string, number> }) =>
        sum + Object.values(project.reached).reduce((a, b) => a + b, 0),
      0,
    );
    expect(reached).toBeGreaterThan(0);
    const claims = await count("paternity_claims k join cases c on c.id = k.case_id where c.published_at is not null");
    expect(support.paternityClaims.reduce((sum: number, row: { claims: number }) => sum + row.claims, 0)).toBe(claims);
    // No identity leaves: the projects' answer carries codes, titles and counts only.
    expect(JSON.stringify(support)).not.toMatch(/Demo Person|identity/);
  });

  it("exports a table that, imported into an empty database, exports the very same file", async () => {
    const exported = async (app: TestApp) =>
      (await app.app.inject({ method: "GET", url: "/api/public/allegations?format=csv&limit=10000" })).body;
    const first = await exported(t);
    expect(first.split("\n").length).toBeGreaterThan(100);
    const empty = await createTestApp();
    try {
      // The other entities' offices hold history too: the importing installation knows them.
      await seedSystemUnits(empty.app.services);
      const hq = await empty.tokenFor(await empty.createStaff("cds_officer"));
      const imported = await hq.request({
        method: "POST",
        url: "/api/publication/import",
        payload: { csv: first, skipInvalid: false, fileName: "export.csv" },
      });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(await exported(empty)).toBe(first);
    } finally {
      await empty.close();
    }
  });

  it("gives MONUSCO's team a risk register with a critical camp, a late mitigation and an overdue review", async () => {
    expect(await count("risk_assessments where mission_code = 'MONUSCO'")).toBe(4);
    expect(await count("risk_factors where likelihood * impact >= 15")).toBe(1);
    expect(await count("risk_mitigations where completed_on is null and due_on < current_date")).toBe(1);
  });

  it("gives MONUSCO four contingents, one whose national training awaits its State's certification", async () => {
    expect(await count("contingents where mission_code = 'MONUSCO'")).toBe(4);
    expect(await count("training_sessions where certified_on is null and mission_code is null")).toBe(1);
  });

  it("links MINUSCA's joint investigation to its two battalions, the Ghanaian one's substantiated allegation counted", async () => {
    expect(await count("perpetrators where contingent_id is not null")).toBe(2);
    const [ghana] = await t.handle.asOwner((owner) =>
      owner.query<{ substantiated: number; pending: number }>(
        "select u.substantiated, u.pending from unit_allegation_counts u join contingents c on c.id = u.contingent_id where c.name = 'GHANBATT-3'",
      ),
    );
    expect(ghana).toEqual({ substantiated: 1, pending: 0 });
    expect(await count("unit_decisions")).toBe(1);
  });

  it("gives MONUSCO's leaders a certified plan with a late item and a draft, and a head of mission to certify", async () => {
    expect(await count("leadership_plans where certified_on is not null")).toBe(1);
    expect(
      await count("leadership_commitments where due_on < current_date and status not in ('done', 'dropped')"),
    ).toBe(1);
    expect(await count("staff_profiles where role = 'head_of_mission'")).toBe(1);
  });

  it("shares two missions' after-action lessons, one with an overdue follow-up", async () => {
    expect(await count("after_action_reviews")).toBe(2);
    expect(await count("after_action_actions where completed_on is null and due_on < current_date")).toBe(1);
  });

  it("gives MONUSCO a complaint network with the demo focal point's account, and outreach activities", async () => {
    expect(await count("cbcm_members where user_id is not null")).toBe(1);
    expect(await count("outreach_activities")).toBe(2);
  });

  it("puts the victims due for action first in the advocates' caseload", async () => {
    const rows = await t.handle.asOwner((owner) =>
      owner.query<{ code: string; due: boolean }>(
        "select code, next_action_on <= current_date as due from victims order by next_action_on, code",
      ),
    );
    expect(rows.filter((row) => row.due).map((row) => row.code)).toEqual(["V-MONUSCO-0001", "V-MINUSCA-0001"]);
  });
});
