// Internal figures benchmark (PostgreSQL): the analyst's figures page with BENCH_CASES synthetic
// cases (100,000), counted by mission, by nationality and by nationality within one mission,
// through the whole request path (token, policy, row-level security, audit, zod) — against the same
// two statements, built by the app's own query builder and run on an owner connection, in the same run.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_CASES=100000 npx tsx test/bench/figures.bench.ts
import { is, Placeholder } from "drizzle-orm";
import type { FigureDimension } from "../../src/domain/contracts/figures.js";
import { caseFigureQueries } from "../../src/server/modules/cases/queries.js";
import { createTestApp } from "../helpers/app.js";
import { insertSyntheticCases } from "./generator.js";
import { jsonGetter } from "./http.js";
import { LATENCY_HEADER, latency, latencyLine, rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const caseCount = Number(process.env.BENCH_CASES ?? 100_000);
const t = await createTestApp();
const { raw } = await rawConnection(t);
try {
  const started = performance.now();
  const seeded = await insertSyntheticCases(t.handle, caseCount, 7);
  await t.handle.asOwner((owner) => owner.query("analyze cases"));
  process.stdout.write(
    `\nInternal figures benchmark — PostgreSQL, ${seeded.toLocaleString("en")} cases (generated in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  await raw.connect();
  const analyst = await t.tokenFor(await t.createStaff("analyst"));
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const client = jsonGetter<{ rows: unknown[] }>(base, analyst.headers);
  const today = new Date().toISOString().slice(0, 10);
  const queries: { name: string; by: FigureDimension; filter: { mission?: string } }[] = [
    { name: "figures: all cases by mission", by: "mission", filter: {} },
    { name: "figures: all cases by nationality", by: "nationality", filter: {} },
    { name: "figures: one mission's cases by nationality", by: "nationality", filter: { mission: "MONUSCO" } },
  ];
  process.stdout.write(LATENCY_HEADER);
  for (const query of queries) {
    const path = `/api/figures?${new URLSearchParams({ by: query.by, ...query.filter })}`;
    const get = () => client(path);
    if ((await get()).rows.length === 0) throw new Error(`${query.name}: no rows, the benchmark would measure nothing`);
    // The same two statements, their placeholders filled; an analyst sees every case, so no scope is added.
    const built = caseFigureQueries(t.app.services.db, query.by, query.filter, null, today);
    const statements = [built.rows.toSQL(), built.total.toSQL()].map((statement) => ({
      sql: statement.sql,
      params: statement.params.map((param) => (is(param, Placeholder) ? built.values[param.name] : param)),
    }));
    const baseline = await latency(async () => {
      for (const statement of statements) await raw.query(statement.sql, statement.params);
    });
    const ours = await latency(get);
    process.stdout.write(latencyLine(query.name, ours, baseline, 3));
  }
  client.close();
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
