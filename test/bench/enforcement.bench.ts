// Enforcement benchmark (PostgreSQL), against baselines measured in the same run:
//  1. the case list with three filters, sorted, first page of 50, through the whole request path
//     (token, policy, row-level security, zod) — against the raw SQL of the same query;
//  2. full-text search, first page — against its raw SQL;
//  3. public report intake under sustained load (receipts, encryption, audit) — against a bare
//     Fastify route inserting one row; every 201 is checked against a stored report, and the
//     server's memory is sampled throughout.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_CASES=1000000 npm run bench
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import Fastify from "fastify";
import pg from "pg";
import type { CaseFilter } from "../../src/domain/contracts/cases.js";
import { listCaseRows } from "../../src/server/modules/cases/queries.js";
import { createTestApp } from "../helpers/app.js";
import { insertSyntheticCases } from "./generator.js";
import { load } from "./http.js";
import { LATENCY_HEADER, latency, latencyLine, rawConnection, requirePostgres } from "./measure.js";

requirePostgres();

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const caseCount = Number(process.env.BENCH_CASES ?? 10_000);
const intakeConnections = Number(process.env.BENCH_INTAKE_CONNECTIONS ?? 16);

async function waitForHealth(url: string) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server at ${url} did not start within 30 seconds.`);
}

const t = await createTestApp();
const { raw, url: databaseUrl } = await rawConnection(t);
try {
  const started = performance.now();
  await insertSyntheticCases(t.handle, caseCount, 42);
  await t.handle.asOwner((owner) => owner.query("ANALYZE cases"));
  process.stdout.write(`\nEnforcement benchmark — PostgreSQL, ${caseCount.toLocaleString("en")} synthetic cases (generated in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  await raw.connect();
  const officer = await t.tokenFor(await t.createStaff("cds_officer"));
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: officer.headers });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };

  // The raw baseline runs the very SQL the endpoint sends (built by the app's own query builder),
  // on an owner connection: no HTTP, no token, no transaction, no row-level security, no zod.
  const sameQuery = (filter: CaseFilter) => {
    const built = listCaseRows(t.app.services.db, { ...filter, limit: 51, offset: 0 }, null, new Date().toISOString().slice(0, 10)).toSQL();
    return { sql: built.sql, params: built.params };
  };
  const queries = [
    { name: "case list: mission + year + status, newest first, 50", path: "/api/cases?mission=MONUSCO&year=2020&status=referred&limit=50", ...sameQuery({ mission: "MONUSCO", year: 2020, status: "referred" }), target: 50 },
    { name: "full-text search (EN+FR), first page of 50", path: "/api/cases?q=soldat7&limit=50", ...sameQuery({ q: "soldat7" }), target: 100 },
  ];
  process.stdout.write(LATENCY_HEADER);
  for (const query of queries) {
    const found = (await get(query.path)).items.length;
    if (found === 0) throw new Error(`${query.name}: no rows, the benchmark would measure nothing`);
    const ours = await latency(() => get(query.path));
    const baseline = await latency(() => raw.query(query.sql, query.params));
    process.stdout.write(latencyLine(query.name, ours, baseline, query.target));
  }

  // Intake: sustained submissions against the server as it runs in production, in its own process
  // (so its memory is its own), on the same database; the per-address rate limit is lifted for the load.
  const intakePort = 44000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl.toString(), CONDUCT_MASTER_KEY: t.masterKey.toString("hex"), HOST: "127.0.0.1", PORT: String(intakePort), CONDUCT_DEMO: "off", CONDUCT_PUBLIC_RATE_LIMIT_FACTOR: "1000", CONDUCT_REMINDER_INTERVAL_SECONDS: "0" },
    stdio: "ignore",
  });
  const before = Number((await raw.query("SELECT count(*) FROM reports")).rows[0].count);
  let ours: Awaited<ReturnType<typeof load>>;
  let peakRss: number;
  try {
    await waitForHealth(`http://127.0.0.1:${intakePort}/healthz`);
    const body = JSON.stringify({ whatHappened: "A benchmark report of misconduct near the market.", missionCode: "MONUSCO", anonymous: true });
    ours = await load(`http://127.0.0.1:${intakePort}/api/public/reports`, { seconds, connections: intakeConnections, method: "POST", body, headers: { "content-type": "application/json" } });
    // The kernel's high-water mark of the server's resident memory over its whole life.
    peakRss = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } finally {
    server.kill("SIGTERM");
  }
  const stored = Number((await raw.query("SELECT count(*) FROM reports")).rows[0].count) - before;
  const body = JSON.stringify({ whatHappened: "A benchmark report of misconduct near the market.", missionCode: "MONUSCO", anonymous: true });

  const bare = Fastify();
  const pool = new pg.Pool({ connectionString: databaseUrl.toString(), max: 10 });
  await raw.query("CREATE TABLE IF NOT EXISTS bench_rows (id bigserial primary key, body text not null, created_at timestamptz not null default now())");
  bare.post("/rows", async (request, reply) => {
    await pool.query("INSERT INTO bench_rows (body) VALUES ($1)", [JSON.stringify(request.body)]);
    return reply.status(201).send({ ok: true });
  });
  await bare.listen({ host: "127.0.0.1", port: 0 });
  const baseline = await load(`http://127.0.0.1:${(bare.server.address() as { port: number }).port}/rows`, { seconds, connections: intakeConnections, method: "POST", body, headers: { "content-type": "application/json" } });
  await bare.close();
  await pool.end();

  process.stdout.write("\nintake (server in its own process)           ours /s   bare insert /s   ratio   ours p50/p99 ms   errors   201s   stored   server peak RSS\n");
  process.stdout.write(
    `${"POST /api/public/reports".padEnd(44)} ${ours.requestsPerSecond.toFixed(0).padStart(8)} ${baseline.requestsPerSecond.toFixed(0).padStart(16)} ${(ours.requestsPerSecond / baseline.requestsPerSecond).toFixed(3).padStart(7)} ${`${ours.p50}/${ours.p99}`.padStart(17)} ${String(ours.errors + ours.non2xx).padStart(8)} ${String(ours.total2xx).padStart(6)} ${String(stored).padStart(8)} ${`${(peakRss / 1024 / 1024).toFixed(0)} MB`.padStart(17)}\n`,
  );
  if (ours.errors || ours.non2xx) throw new Error(`intake: ${ours.errors} errors and ${ours.non2xx} non-2xx answers`);
  // Every 201 has its report; the only extra reports are those still in flight when the load stopped.
  if (stored < ours.total2xx || stored - ours.total2xx > intakeConnections) throw new Error(`intake: ${ours.total2xx} answered 201 but ${stored} reports were stored`);
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
