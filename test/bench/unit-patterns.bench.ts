// Unit patterns benchmark (PostgreSQL): BENCH_CASES synthetic cases (1,000,000) and BENCH_UNITS units
// (5,000) over twelve missions; every uniformed case's alleged perpetrator served in a unit of its
// mission and State, three in ten with a finding. Headquarters reads one mission's units, the units
// signalled across every mission, and a State its own, through the whole request path (token,
// policy, row-level security, zod), the first page of each — against the same statements raw on an
// owner connection.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_CASES=1000000 npx tsx test/bench/unit-patterns.bench.ts
import { unitPageLimit } from "../../src/domain/contracts/command.js";
import { createTestApp } from "../helpers/app.js";
import { insertSyntheticCases } from "./generator.js";
import { jsonGetter } from "./http.js";
import { LATENCY_HEADER, latency, latencyLine, rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const unitCount = Number(process.env.BENCH_UNITS ?? 5_000);
const t = await createTestApp();
const { raw } = await rawConnection(t);

/** Units spread over the missions and States the synthetic cases use, then people linked to them. */
async function seedUnits() {
  await t.handle.asOwner(async (owner) => {
    await owner.query(
      `INSERT INTO contingents (mission_code, country_code, name, category_code, strength, deployed_on, rotation)
       SELECT m.code, n.code, 'UNIT-' || g, 'MIL_MC', 150 + (g * 37) % 700, DATE '2024-01-01', 'ROT ' || (g % 9)
       FROM generate_series(1, $1::int) g
       CROSS JOIN LATERAL (SELECT (array(SELECT DISTINCT mission_code FROM cases ORDER BY 1))[1 + g % 12] AS code) m
       CROSS JOIN LATERAL (SELECT (array(SELECT DISTINCT unnest(nationality_codes) FROM cases ORDER BY 1))[1 + (g / 12) % 15] AS code) n`,
      [unitCount],
    );
    // The planner underestimates the units per mission and State and would loop over a mission's
    // cases once per unit: hash joins only, for seeding.
    await owner.query("analyze cases, contingents");
    await owner.query("set enable_nestloop = off");
    // Each uniformed case's person served in one of the units of its mission and State. The cases'
    // published pairs (another trigger's work) do not enter unit patterns: left out to seed faster.
    await owner.query("ALTER TABLE perpetrators DISABLE TRIGGER perpetrators_pairs_insert");
    await owner.query(`
      INSERT INTO perpetrators (case_id, code, category_code, nationality_code, contingent_id)
      SELECT c.id, 'P-01', c.category_codes[1], c.nationality_codes[1], u.id
      FROM cases c
      JOIN (SELECT mission_code, country_code, count(*) AS n FROM contingents GROUP BY 1, 2) g
        ON g.mission_code = c.mission_code AND g.country_code = c.nationality_codes[1]
      JOIN (SELECT id, mission_code, country_code,
              row_number() OVER (PARTITION BY mission_code, country_code ORDER BY id) - 1 AS k FROM contingents) u
        ON u.mission_code = c.mission_code AND u.country_code = c.nationality_codes[1]
          AND u.k = abs(hashtext(c.reference)) % g.n`);
    await owner.query("ALTER TABLE perpetrators ENABLE TRIGGER perpetrators_pairs_insert");
    await owner.query("reset enable_nestloop");
    await owner.query(`
      INSERT INTO investigations (case_id, entity, started_on, due_on, deadline_kind, policy_version)
      SELECT case_id, 'oios', DATE '2025-01-01', DATE '2025-07-01', 'investigation_sea', 'bench'
      FROM perpetrators WHERE abs(hashtext(case_id::text)) % 10 < 3`);
    await owner.query(`
      INSERT INTO findings (case_id, investigation_id, perpetrator_id, finding, recorded_on)
      SELECT p.case_id, i.id, p.id, CASE WHEN abs(hashtext(p.id::text)) % 3 = 0 THEN 'substantiated' ELSE 'not_substantiated' END, DATE '2025-06-01'
      FROM perpetrators p JOIN investigations i ON i.case_id = p.case_id`);
    await owner.query("analyze");
  });
}

// What the service sends, raw: every unit's counts (for its signals), the missions' rates, then the
// first page's units in full and their decisions.
const order = `ORDER BY c.mission_code COLLATE "C", c.name COLLATE "C"`;
const page = `${order} LIMIT ${unitPageLimit}`;
const rawStatements = (where: string) => [
  `SELECT c.id, c.mission_code, c.strength,
     coalesce(u.substantiated, 0), coalesce(u.not_substantiated, 0), coalesce(u.pending, 0), coalesce(u.other_misconduct, 0)
   FROM contingents c LEFT JOIN unit_allegation_counts u ON u.contingent_id = c.id ${where} ${order}`,
  `SELECT * FROM conduct_mission_unit_rates(array(SELECT DISTINCT mission_code FROM contingents c ${where}))`,
  `SELECT c.id, c.mission_code, c.country_code, c.name, c.category_code, c.strength, c.deployed_on, c.rotation, c.rotated_out_on
   FROM contingents c ${where} ${page}`,
  `SELECT d.* FROM unit_decisions d WHERE d.contingent_id IN (SELECT c.id FROM contingents c ${where} ${page})
   ORDER BY d.decided_on DESC, d.created_at DESC`,
];

try {
  const started = performance.now();
  await insertSyntheticCases(t.handle, caseCount, 11);
  await seedUnits();
  const [{ units, people }] = await t.handle.asOwner((owner) =>
    owner.query<{ units: number; people: number }>(
      "SELECT (SELECT count(*) FROM contingents)::int AS units, (SELECT count(*) FROM perpetrators WHERE contingent_id IS NOT NULL)::int AS people",
    ),
  );
  process.stdout.write(
    `\nUnit patterns benchmark — PostgreSQL, ${caseCount.toLocaleString("en")} cases, ${units.toLocaleString("en")} units, ${people.toLocaleString("en")} people in units (generated in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  await raw.connect();
  const headquarters = await t.tokenFor(await t.createStaff("cds_officer"));
  const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const queries = [
    {
      name: "unit patterns: one mission's units",
      client: headquarters,
      query: "mission=MONUSCO",
      where: "WHERE c.mission_code = 'MONUSCO'",
    },
    { name: "unit patterns: signalled units, every mission", client: headquarters, query: "signalled=true", where: "" },
    { name: "unit patterns: a State's own units", client: ghana, query: "", where: "WHERE c.country_code = 'GHA'" },
  ];
  process.stdout.write(LATENCY_HEADER);
  for (const query of queries) {
    const client = jsonGetter<{ items: unknown[]; total: number }>(base, query.client.headers);
    const get = () => client(`/api/units/patterns?${query.query}`);
    const first = await get();
    const answered = first.items.length;
    if (answered === 0) throw new Error(`${query.name}: no units, the benchmark would measure nothing`);
    const baseline = await latency(async () => {
      for (const statement of rawStatements(query.where)) await raw.query(statement);
    });
    const ours = await latency(get);
    process.stdout.write(latencyLine(`${query.name} (${answered} of ${first.total})`, ours, baseline, 50));
    client.close();
  }
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
