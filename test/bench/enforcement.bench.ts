// Enforcement benchmark (PostgreSQL), against baselines measured in the same run:
//  1. the case list with three filters, sorted, first page of 50, and full-text search:
//     a. the query path as the server runs it (policy, a transaction carrying the actor's context
//        for row-level security, the statement, presenting the rows) in this process — against the
//        raw SQL of the same query on a plain owner connection, as SQL text and as a prepared
//        statement; the three take turns;
//     b. the whole request (HTTP, token, policy, row-level security, zod) of the server running in
//        its own process as in production — against a bare Fastify route in its own process
//        answering the same SQL (what any HTTP server adds);
//     c. searches a single statement answers slowly, read through their matches first (ours only);
//  2. public report intake under sustained load (receipts, encryption, audit) — against a bare
//     Fastify route inserting one row; every 201 is checked against a stored report, and the
//     server's peak memory is read from the kernel.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_CASES=1000000 npm run bench
import type { CaseFilter } from "../../src/domain/contracts/cases.js";
import { statementSql } from "../../src/db/prepared.js";
import type { StaffActor } from "../../src/server/auth/actor.js";
import { todayIso } from "../../src/server/dates.js";
import { caseListQuery } from "../../src/server/modules/cases/queries.js";
import { listCases } from "../../src/server/modules/cases/service.js";
import { createTestApp } from "../helpers/app.js";
import { insertSyntheticCases } from "./generator.js";
import { jsonGetter, load, startBareServer, startServerProcess } from "./http.js";
import { interleavedLatency, latency, rawConnection, requirePostgres } from "./measure.js";

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
  process.stdout.write(
    `\nEnforcement benchmark — PostgreSQL, ${caseCount.toLocaleString("en")} synthetic cases (generated in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  await raw.connect();
  const officerAccount = await t.createStaff("cds_officer");
  const officer = await t.tokenFor(officerAccount);
  const actor: StaffActor = {
    userId: officerAccount.id,
    role: "cds_officer",
    missionCodes: [],
    countryCode: null,
    via: "token",
  };

  // The raw baseline runs the very SQL the service sends (51 rows: one more tells whether there is
  // a next page), on an owner connection: no transaction, no row-level security, no presenting.
  const sameQuery = (filter: CaseFilter) => {
    const { statement, values } = caseListQuery(
      t.app.services.db,
      { ...filter, limit: 51, offset: 0 },
      actor.userId,
      todayIso(),
    );
    return statementSql(statement, values);
  };
  const queries = {
    list: {
      name: "case list: mission + year + status, newest first, 50",
      filter: { mission: "MONUSCO", year: 2020, status: "referred" },
      path: "/api/cases?mission=MONUSCO&year=2020&status=referred&limit=50",
      target: 50,
      queryTarget: "≤ 2× raw",
    },
    search: {
      name: "full-text search (EN+FR), first page of 50",
      filter: { q: "soldat7" },
      path: "/api/cases?q=soldat7&limit=50",
      target: 100,
      queryTarget: "p95 ≤ 100",
    },
  } satisfies Record<string, { name: string; filter: CaseFilter; path: string; target: number; queryTarget: string }>;
  const sqlOf = Object.fromEntries(Object.entries(queries).map(([key, query]) => [key, sameQuery(query.filter)]));

  const pair = (m: { p50: number; p95: number }) => `${m.p50.toFixed(1)}/${m.p95.toFixed(1)}`.padStart(15);
  const ratio = (a: { p95: number }, b: { p95: number }) => (a.p95 / b.p95).toFixed(2).padStart(8);
  process.stdout.write(
    "\nquery path in the server's process                 ours p50/p95 ms   raw SQL p50/p95   ratio   raw prepared p50/p95   ratio   target\n",
  );
  for (const [key, query] of Object.entries(queries)) {
    const { sql, params } = sqlOf[key];
    const run = () => listCases(t.app.services, actor, { ...query.filter, limit: 50, offset: 0 });
    if ((await run()).items.length === 0)
      throw new Error(`${query.name}: no rows, the benchmark would measure nothing`);
    const measured = await interleavedLatency({
      ours: run,
      raw: () => raw.query(sql, params),
      prepared: () => raw.query({ name: `bench_${key}`, text: sql, values: params }),
    });
    process.stdout.write(
      `${query.name.padEnd(52)} ${pair(measured.ours)} ${pair(measured.raw).padStart(17)} ${ratio(measured.ours, measured.raw)} ${pair(measured.prepared).padStart(22)} ${ratio(measured.ours, measured.prepared)} ${query.queryTarget.padStart(12)}\n`,
    );
  }

  // Searches that a single statement answers slowly (the planner cannot tell a rare word from a
  // common one, nor that a mission-year's cases sit together in time): ours only, the raw
  // statement takes seconds at a million cases.
  process.stdout.write("\nsearches read through their matches first         ours p50/p95 ms   target p95 ms\n");
  for (const [name, filter] of [
    ["full-text search, a word no case holds", { q: "zzzqqq" }],
    ["case-number search, a mission-year (MONUSCO-2020)", { q: "MONUSCO-2020" }],
  ] as const) {
    const measured = await latency(() => listCases(t.app.services, actor, { ...filter, limit: 50, offset: 0 }), 50);
    process.stdout.write(`${name.padEnd(52)} ${pair(measured)} ${"≤ 100".padStart(15)}\n`);
  }

  const server = await startServerProcess(databaseUrl.toString(), t.masterKey);
  const bare = await startBareServer(databaseUrl.toString(), sqlOf);
  const ours = jsonGetter<{ items: unknown[] }>(server.base, officer.headers);
  const bareGet = jsonGetter(bare.base);
  try {
    process.stdout.write(
      "\nwhole request, servers in their own process       ours p50/p95 ms   bare Fastify p50/p95   ours ÷ bare   target p95 ms\n",
    );
    for (const [key, query] of Object.entries(queries)) {
      if ((await ours(query.path)).items.length === 0) throw new Error(`${query.name}: no rows over HTTP`);
      const measured = await interleavedLatency({ ours: () => ours(query.path), bare: () => bareGet(`/query/${key}`) });
      process.stdout.write(
        `${query.name.padEnd(52)} ${pair(measured.ours)} ${pair(measured.bare).padStart(22)} ${ratio(measured.ours, measured.bare).padStart(13)} ${`≤ ${query.target}`.padStart(15)}\n`,
      );
    }
  } finally {
    ours.close();
    bareGet.close();
    server.stop();
  }

  // Intake: sustained submissions against a fresh server (so that its memory is the intake's), the
  // per-address rate limit lifted for the load; the bare route inserts one row per request.
  const intake = await startServerProcess(databaseUrl.toString(), t.masterKey, {
    CONDUCT_PUBLIC_RATE_LIMIT_FACTOR: "1000",
  });
  const body = JSON.stringify({
    whatHappened: "A benchmark report of misconduct near the market.",
    missionCode: "MONUSCO",
    anonymous: true,
  });
  const post = {
    seconds,
    connections: intakeConnections,
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  };
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

  process.stdout.write(
    "\nintake (servers in their own process)        ours /s   bare insert /s   ratio   ours p50/p99 ms   errors   201s   stored   server peak RSS\n",
  );
  process.stdout.write(
    `${"POST /api/public/reports".padEnd(44)} ${load201.requestsPerSecond.toFixed(0).padStart(8)} ${baseline.requestsPerSecond.toFixed(0).padStart(16)} ${(load201.requestsPerSecond / baseline.requestsPerSecond).toFixed(3).padStart(7)} ${`${load201.p50}/${load201.p99}`.padStart(17)} ${String(load201.errors + load201.non2xx).padStart(8)} ${String(load201.total2xx).padStart(6)} ${String(stored).padStart(8)} ${`${(peakRss / 1024 / 1024).toFixed(0)} MB`.padStart(17)}\n`,
  );
  if (load201.errors || load201.non2xx)
    throw new Error(`intake: ${load201.errors} errors and ${load201.non2xx} non-2xx answers`);
  // Every 201 has its report; the only extra reports are those still in flight when the load stopped.
  if (stored < load201.total2xx || stored - load201.total2xx > intakeConnections)
    throw new Error(`intake: ${load201.total2xx} answered 201 but ${stored} reports were stored`);
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
