// Enforcement benchmark (PostgreSQL), against baselines measured in the same run:
//  1. the case list with three filters, sorted, first page of 50, through the whole request path
//     (HTTP, token, policy, row-level security, zod) of the server running in its own process as in
//     production — against the raw SQL of the same query, and against a bare Fastify route in its
//     own process answering that SQL (what any HTTP server adds); the three take turns;
//  2. full-text search, first page — against the same two baselines;
//  3. public report intake under sustained load (receipts, encryption, audit) — against a bare
//     Fastify route inserting one row; every 201 is checked against a stored report, and the
//     server's peak memory is read from the kernel.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_CASES=1000000 npm run bench
import type { CaseFilter } from "../../src/domain/contracts/cases.js";
import { listCaseRows } from "../../src/server/modules/cases/queries.js";
import { createTestApp } from "../helpers/app.js";
import { insertSyntheticCases } from "./generator.js";
import { jsonGetter, load, startBareServer, startServerProcess } from "./http.js";
import { interleavedLatency, LATENCY_HEADER_WITH_BARE, latencyLineWithBare, rawConnection, requirePostgres } from "./measure.js";

requirePostgres();

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const caseCount = Number(process.env.BENCH_CASES ?? 10_000);
const intakeConnections = Number(process.env.BENCH_INTAKE_CONNECTIONS ?? 16);

const t = await createTestApp();
const { raw, url: databaseUrl } = await rawConnection(t);
try {
  const started = performance.now();
  await insertSyntheticCases(t.handle, caseCount, 42);
  await t.handle.asOwner((owner) => owner.query("ANALYZE cases"));
  process.stdout.write(`\nEnforcement benchmark — PostgreSQL, ${caseCount.toLocaleString("en")} synthetic cases (generated in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  await raw.connect();
  const officer = await t.tokenFor(await t.createStaff("cds_officer"));

  // The raw baseline runs the very SQL the endpoint sends (built by the app's own query builder),
  // on an owner connection: no HTTP, no token, no transaction, no row-level security, no zod. The
  // bare baseline answers the same SQL over HTTP from a bare Fastify route in its own process.
  const sameQuery = (filter: CaseFilter) => {
    const built = listCaseRows(t.app.services.db, { ...filter, limit: 51, offset: 0 }, null, new Date().toISOString().slice(0, 10)).toSQL();
    return { sql: built.sql, params: built.params };
  };
  const queries = {
    list: { name: "case list: mission + year + status, newest first, 50", path: "/api/cases?mission=MONUSCO&year=2020&status=referred&limit=50", ...sameQuery({ mission: "MONUSCO", year: 2020, status: "referred" }), target: 50 },
    search: { name: "full-text search (EN+FR), first page of 50", path: "/api/cases?q=soldat7&limit=50", ...sameQuery({ q: "soldat7" }), target: 100 },
  };
  const server = await startServerProcess(databaseUrl.toString(), t.masterKey);
  const bare = await startBareServer(databaseUrl.toString(), queries);
  const ours = jsonGetter<{ items: unknown[] }>(server.base, officer.headers);
  const bareGet = jsonGetter(bare.base);
  try {
    process.stdout.write(LATENCY_HEADER_WITH_BARE);
    for (const [key, query] of Object.entries(queries)) {
      if ((await ours(query.path)).items.length === 0) throw new Error(`${query.name}: no rows, the benchmark would measure nothing`);
      const measured = await interleavedLatency({ ours: () => ours(query.path), raw: () => raw.query(query.sql, query.params), bare: () => bareGet(`/query/${key}`) });
      process.stdout.write(latencyLineWithBare(query.name, measured.ours, measured.raw, measured.bare, query.target));
    }
  } finally {
    ours.close();
    bareGet.close();
    server.stop();
  }

  // Intake: sustained submissions against a fresh server (so that its memory is the intake's), the
  // per-address rate limit lifted for the load; the bare route inserts one row per request.
  const intake = await startServerProcess(databaseUrl.toString(), t.masterKey, { CONDUCT_PUBLIC_RATE_LIMIT_FACTOR: "1000" });
  const body = JSON.stringify({ whatHappened: "A benchmark report of misconduct near the market.", missionCode: "MONUSCO", anonymous: true });
  const post = { seconds, connections: intakeConnections, method: "POST", body, headers: { "content-type": "application/json" } };
  const before = Number((await raw.query("SELECT count(*) FROM reports")).rows[0].count);
  let load201: Awaited<ReturnType<typeof load>>;
  let peakRss: number;
  try {
    load201 = await load(`${intake.base}/api/public/reports`, post);
    peakRss = intake.peakRss();
  } finally {
    intake.stop();
  }
  const stored = Number((await raw.query("SELECT count(*) FROM reports")).rows[0].count) - before;
  let baseline: Awaited<ReturnType<typeof load>>;
  try {
    baseline = await load(`${bare.base}/rows`, post);
  } finally {
    bare.stop();
  }

  process.stdout.write("\nintake (servers in their own process)        ours /s   bare insert /s   ratio   ours p50/p99 ms   errors   201s   stored   server peak RSS\n");
  process.stdout.write(
    `${"POST /api/public/reports".padEnd(44)} ${load201.requestsPerSecond.toFixed(0).padStart(8)} ${baseline.requestsPerSecond.toFixed(0).padStart(16)} ${(load201.requestsPerSecond / baseline.requestsPerSecond).toFixed(3).padStart(7)} ${`${load201.p50}/${load201.p99}`.padStart(17)} ${String(load201.errors + load201.non2xx).padStart(8)} ${String(load201.total2xx).padStart(6)} ${String(stored).padStart(8)} ${`${(peakRss / 1024 / 1024).toFixed(0)} MB`.padStart(17)}\n`,
  );
  if (load201.errors || load201.non2xx) throw new Error(`intake: ${load201.errors} errors and ${load201.non2xx} non-2xx answers`);
  // Every 201 has its report; the only extra reports are those still in flight when the load stopped.
  if (stored < load201.total2xx || stored - load201.total2xx > intakeConnections) throw new Error(`intake: ${load201.total2xx} answered 201 but ${stored} reports were stored`);
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
