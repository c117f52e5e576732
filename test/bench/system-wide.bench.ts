// System-wide figures benchmark (PostgreSQL): BENCH_CASES published SEA cases (1,000,000) across 50
// entities of two units each, every category of personnel and case status, twelve years; the public
// system-wide API (HTTP, zod, the public actor's transaction) against the same aggregate in raw SQL on
// the kept counts, on an owner connection, in the same run.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_CASES=1000000 npx tsx test/bench/system-wide.bench.ts
import { findingOutcomes } from "../../src/domain/enforcement.js";
import { personnelCategorySeeds } from "../../src/domain/reference/personnel.js";
import { caseStatuses } from "../../src/domain/workflow.js";
import { createTestApp } from "../helpers/app.js";
import { jsonGetter } from "./http.js";
import { interleavedLatency, LATENCY_HEADER, latencyLine, rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const ENTITIES = 50;
const BATCH = 50_000;
const t = await createTestApp();
const { raw } = await rawConnection(t);
const quote = (values: readonly string[]) => `array[${values.map((value) => `'${value}'`).join(",")}]`;
try {
  const started = performance.now();
  const entities = Array.from({ length: ENTITIES }, (_, i) => `SWB${String(i).padStart(2, "0")}`);
  await t.handle.asOwner(async (owner) => {
    await owner.query(
      `insert into un_entities (code, kind, name) select e, 'fund_programme', 'Entity ' || e from unnest($1::text[]) e`,
      [entities],
    );
    await owner.query(
      `insert into missions (code, entity_code, name, kind, start_year)
       select e || '-' || u, e, e || ' office ' || u, 'entity_office', 2001 from unnest($1::text[]) e, unnest(array['A', 'B']) u`,
      [entities],
    );
  });
  // Written in batches through the triggers that keep the counts, as publication and imports write.
  for (let from = 1; from <= caseCount; from += BATCH) {
    const to = Math.min(caseCount, from + BATCH - 1);
    await t.handle.asOwner((owner) =>
      owner.query(
        `insert into cases (reference, mission_code, status, date_reported, category_codes, nationality_codes, allegation_codes, published_at, finding_outcome)
         select g.reference, g.mission_code, g.status, g.date_reported, g.category_codes, g.nationality_codes, g.allegation_codes, g.published_at,
           -- Cases with findings hold one, as the findings' trigger keeps it; some were closed without.
           case when g.status in ('findings', 'actions') or (g.status = 'closed' and random() < 0.7)
             then (${quote(findingOutcomes)})[1 + floor(random() * ${findingOutcomes.length})::int] end
         from (select 'SWB-' || g as reference,
           'SWB' || lpad(floor(random() * ${ENTITIES})::int::text, 2, '0') || '-' || (array['A', 'B'])[1 + floor(random() * 2)::int] as mission_code,
           (${quote(caseStatuses)})[1 + floor(random() * ${caseStatuses.length})::int] as status,
           date '2015-01-01' + floor(random() * 4380)::int as date_reported,
           array[c.code] as category_codes,
           case when conduct_is_uniformed(c.code) then array[(array['GHA', 'NPL', 'BGD', 'RWA', 'PAK'])[1 + floor(random() * 5)::int]] else '{}' end as nationality_codes,
           array[(array['SA_RAPE', 'SE_TRANSACTIONAL_SEX', 'SE_SOLICITATION'])[1 + floor(random() * 3)::int]] as allegation_codes,
           now() as published_at
         from generate_series($1::int, $2::int) g
         cross join lateral (select (${quote(personnelCategorySeeds.map((seed) => seed.code))})[1 + floor(random() * ${personnelCategorySeeds.length} + g * 0)::int] as code) c) g`,
        [from, to],
      ),
    );
  }
  await t.handle.asOwner((owner) =>
    owner.query("analyze cases; analyze system_wide_allegation_counts; analyze system_wide_allegation_year_counts"),
  );
  const [{ rows: kept }] = await t.handle.asOwner((owner) =>
    owner.query<{ rows: number }>("select count(*)::int as rows from system_wide_allegation_counts where count > 0"),
  );
  process.stdout.write(
    `\nSystem-wide figures benchmark — PostgreSQL, ${caseCount.toLocaleString("en")} published cases, ${ENTITIES} entities, ${kept.toLocaleString("en")} kept counts (written in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  await raw.connect();
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const client = jsonGetter<{ key: string; count: number }[]>(base, {});
  const keys = { entity: "entity_code", quarter: "year || '-Q' || quarter", category: "category", status: "status" };
  const queries: { name: string; groupBy: keyof typeof keys; filter: Record<string, string> }[] = [
    { name: "system-wide: every entity, one year", groupBy: "entity", filter: { year: "2025" } },
    { name: "system-wide: one entity's quarters, all years", groupBy: "quarter", filter: { entity: "SWB07" } },
    { name: "system-wide: one quarter by category", groupBy: "category", filter: { year: "2024", quarter: "2" } },
    { name: "system-wide: everything by status", groupBy: "status", filter: {} },
    { name: "system-wide: every entity, all years", groupBy: "entity", filter: {} },
  ];
  process.stdout.write(LATENCY_HEADER);
  for (const query of queries) {
    const path = `/api/public/system-wide?${new URLSearchParams({ groupBy: query.groupBy, ...query.filter })}`;
    const ours = () => client(path);
    const answer = await ours();
    if (answer.length === 0) throw new Error(`${query.name}: no rows, the benchmark would measure nothing`);
    const conditions = Object.entries(query.filter).map(
      ([name], i) => `${name === "entity" ? "entity_code" : name} = $${i + 1}`,
    );
    const table =
      query.groupBy === "quarter" || "quarter" in query.filter
        ? "system_wide_allegation_counts"
        : "system_wide_allegation_year_counts";
    const statement = `select ${keys[query.groupBy]} as key, sum(count)::int as count from ${table}
      where ${["count > 0", ...conditions].join(" and ")} group by 1 order by 1`;
    const values = Object.values(query.filter);
    const { rows } = await raw.query(statement, values);
    if (JSON.stringify(rows) !== JSON.stringify(answer)) throw new Error(`${query.name}: the API and raw SQL disagree`);
    const measured = await interleavedLatency({ ours, raw: () => raw.query(statement, values) });
    process.stdout.write(latencyLine(query.name, measured.ours, measured.raw, 20));
  }
  client.close();
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
