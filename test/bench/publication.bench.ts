// Publication benchmark (PostgreSQL), in one run:
//  1. the streamed import of a CSV file in the published layout (written to disk first), as
//     `conduct import allegations` runs it: rows per second and this process's peak memory, against
//     the memory it had before (the file is never held whole), against a raw `COPY` of the same
//     file into a staging table (what the database itself can take in), and against raw SQL writing
//     those staged rows into the imported tables, unchecked and uncounted (what storing them costs);
//  2. the public aggregate API at that many published cases (HTTP, zod, the public actor's
//     transaction) against the raw SQL of the same aggregate on the kept counts, and against the
//     aggregate computed from every published allegation by the counting rule (what the counts save);
//  3. withdrawing that whole import (a wrong file: its counts taken back out, its rows deleted, in one
//     transaction) against a raw DELETE of the same rows.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_IMPORT_ROWS=1000000 npx tsx test/bench/publication.bench.ts
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type pg from "pg";
import { shortImportColumns } from "../../src/domain/allegation-import.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { importAllegations } from "../../src/server/modules/publication/import.js";
import { withdrawImport } from "../../src/server/modules/publication/imports.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { jsonGetter } from "./http.js";
import { LATENCY_HEADER, latency, latencyLine, rawConnection, requirePostgres } from "./measure.js";

requirePostgres();

const rowCount = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
/** A server's heap, as `NODE_OPTIONS=--max-old-space-size` bounds it. */
const BOUNDED_HEAP_MB = 256;
const missions = [
  "MINUSCA",
  "MONUSCO",
  "UNMISS",
  "MINUSMA",
  "UNIFIL",
  "UNISFA",
  "MINUSTAH",
  "UNMIL",
  "UNAMID",
  "UNOCI",
];
const categories = [
  "Military (MC)",
  "Military (MC)",
  "Military (MC)",
  "Civilian (INT)",
  "Civilian (NS)",
  "Civilian (UNV)",
  "Police (FPU)",
  "Police (UNPOL)",
  "Military (MO)",
];
const states = [
  "BGD",
  "PAK",
  "NPL",
  "RWA",
  "GHA",
  "SEN",
  "ZAF",
  "TZA",
  "GAB",
  "BDI",
  "MAR",
  "EGY",
  "CMR",
  "NGA",
  "URY",
  "IND",
  "ETH",
  "JOR",
];
const outcomes = [
  "Substantiated,Repatriation,Imprisonment,Yes",
  "Unsubstantiated,,,No",
  "Under investigation,Payment suspension,,",
  ",,,",
];

/** Writes the file row by row: the generator holds one row at a time. */
async function writeCsv(file: string) {
  const out = createWriteStream(file);
  out.write(`${shortImportColumns.join(",")}\n`);
  for (let n = 0; n < rowCount; n++) {
    const category = categories[n % categories.length];
    const uniformed = /^(Military|Police)/.test(category);
    const year = 2010 + (n % 16);
    const line = `BENCH-${n},${year}-${String(1 + (n % 12)).padStart(2, "0")},${missions[n % missions.length]},${category},${uniformed ? states[(n * 7) % states.length] : ""},${n % 3 ? "SE" : "SA"},${1 + (n % 3)},${n % 5 === 0 ? 1 : 0},${n % 9 === 0 ? "Yes" : "No"},${n % 2 ? "OIOS" : "NIO"},${30 + (n % 300)},${outcomes[n % outcomes.length]}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Imports the file as the command line does: seconds, and this process's memory before and at its peak. */
async function measureImport(t: TestApp, file: string) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const outcome = await importAllegations(t.app.services, systemActor, createReadStream(file), {
    skipInvalid: false,
    sourceFile: "bench.csv",
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (outcome.created !== rowCount) throw new Error(`imported ${outcome.created} of ${rowCount} rows`);
  return { seconds, rssBefore, peakRss, importId: outcome.importId };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const memoryLine = (label: string, { rssBefore, peakRss }: { rssBefore: number; peakRss: number }, file: string) =>
  `${label}: RSS ${mb(rssBefore)} MB before, ${mb(peakRss)} MB at peak (+${mb(peakRss - rssBefore)} MB; the file is ${mb(statSync(file).size)} MB)\n`;

// The child run (below): the same import again in a process whose heap is bounded, as a server's is.
if (process.env.BENCH_IMPORT_FILE) {
  const child = await createTestApp();
  try {
    const measured = await measureImport(child, process.env.BENCH_IMPORT_FILE);
    process.stdout.write(
      memoryLine(`memory, heap bounded to ${BOUNDED_HEAP_MB} MB`, measured, process.env.BENCH_IMPORT_FILE),
    );
  } finally {
    await child.close();
  }
  process.exit(0);
}

/**
 * The baselines, in raw SQL as the owner: the file copied as it is into a staging table (text
 * columns, no checks), then those rows written into the imported tables as they stand, one row
 * each, with no check, merge or count (rolled back, and the tables vacuumed, before the import runs).
 */
async function measureBaselines(raw: pg.Client, file: string) {
  await raw.query(`create unlogged table bench_staging (${shortImportColumns.map((c) => `${c} text`).join(", ")})`);
  const copyStarted = performance.now();
  await pipeline(
    createReadStream(file),
    raw.query(copyFrom("copy bench_staging from stdin with (format csv, header true)")),
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  await raw.query("begin");
  const writeStarted = performance.now();
  await raw.query(`insert into imported_allegations (reference, mission_code, date_reported, category_codes,
      nationality_codes, allegation_codes, victims_unknown, paternity_claim, finding_outcome)
    select reference, mission, (date_reported || '-01')::date, array[category_of_personnel],
      case when nationality is null then '{}' else array[nationality] end, array[allegation], victims::int,
      paternity_claim = 'Yes', findings
    from bench_staging order by reference`);
  await raw.query(`insert into imported_allegation_rows (reference, category_code, nationality_code, victims,
      child_victims, investigating_entity, investigation_days, findings, interim_action, final_action, criminal_referral)
    select reference, category_of_personnel, coalesce(nationality, ''), victims::int, coalesce(victims_children, '0')::int,
      investigating_entity, investigation_days::int, findings, interim_action, final_action, criminal_referral = 'Yes'
    from bench_staging order by reference`);
  const writeSeconds = (performance.now() - writeStarted) / 1000;
  await raw.query("rollback");
  await raw.query("drop table bench_staging");
  await raw.query("vacuum imported_allegations, imported_allegation_rows");
  return { copySeconds, writeSeconds };
}

const t = await createTestApp();
const { raw } = await rawConnection(t);
const dir = mkdtempSync(path.join(tmpdir(), "conduct-bench-"));
try {
  const file = path.join(dir, "allegations.csv");
  await writeCsv(file);
  const megabytes = statSync(file).size / 1024 / 1024;
  await raw.connect();
  const { copySeconds, writeSeconds } = await measureBaselines(raw, file);
  const measured = await measureImport(t, file);
  const { seconds } = measured;
  const perSecond = (s: number) => `${Math.round(rowCount / s).toLocaleString("en")} rows/s`;
  process.stdout.write(`\nPublication benchmark — PostgreSQL\n`);
  process.stdout.write(
    `streamed import: ${rowCount.toLocaleString("en")} rows (${megabytes.toFixed(0)} MB file) in ${seconds.toFixed(1)} s = ${perSecond(seconds)}; raw COPY into a staging table ${copySeconds.toFixed(1)} s = ${perSecond(copySeconds)}; ratio ${(seconds / copySeconds).toFixed(1)}×\n`,
  );
  process.stdout.write(
    `storing them: raw SQL writing the staged rows into the imported tables, unchecked and uncounted, ${writeSeconds.toFixed(1)} s = ${(writeSeconds / copySeconds).toFixed(1)}× the COPY; the import is ${(seconds / writeSeconds).toFixed(1)}× that\n`,
  );
  process.stdout.write(memoryLine("memory, heap unbounded", measured, file));
  // Unbounded, the garbage collector lets garbage pile up while memory is plentiful: the peak says
  // more of the machine than of the import. Bounded, it shows what the import itself holds.
  const bounded = spawnSync(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${BOUNDED_HEAP_MB}`, process.argv[1]],
    { env: { ...process.env, BENCH_IMPORT_FILE: file }, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (bounded.status !== 0) throw new Error(`the bounded-heap import ended with status ${bounded.status}`);

  // What autovacuum does shortly after a large import: the counts were rewritten once per batch.
  await raw.query("VACUUM ANALYZE public_allegation_counts");
  await raw.query("ANALYZE");
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const client = jsonGetter<unknown[]>(base);
  const get = (query: string) => client(`/api/public/stats/allegations?${query}`);
  // The same aggregate in raw SQL on the kept counts, and from every published allegation by the counting rule.
  const onCounts = (key: string, where: string) =>
    `select ${key} as key, sum(count) from public_allegation_counts where count > 0 and ${where} group by 1 order by 1`;
  const fromEveryAllegation = (key: string, where: string) =>
    `select ${key} as key, count(*) from (select u.* from cases c cross join lateral conduct_case_allegation_units(c) u
      where c.published_at is not null union all select year, mission_code, category_code, nationality_code
      from imported_allegation_units) u where ${where} group by 1 order by 1`;
  const queries = [
    { name: "allegations by year", query: "groupBy=year", key: "year", where: "true" },
    {
      name: "allegations by mission, one year",
      query: "groupBy=mission&year=2020",
      key: "mission_code",
      where: "year = 2020",
    },
    {
      name: "by nationality, one mission",
      query: "groupBy=nationality&mission=MONUSCO",
      key: "nationality_code",
      where: "mission_code = 'MONUSCO' and nationality_code <> ''",
    },
    {
      name: "by category, one nationality",
      query: "groupBy=category&nationality=GHA",
      key: "category_code",
      where: "nationality_code = 'GHA'",
    },
  ];
  process.stdout.write(LATENCY_HEADER);
  for (const q of queries) {
    if ((await get(q.query)).length === 0) throw new Error(`${q.name}: no rows, the benchmark would measure nothing`);
    const ours = await latency(() => get(q.query));
    const counts = await latency(() => raw.query(onCounts(q.key, q.where)));
    process.stdout.write(latencyLine(`${q.name} (vs raw SQL on the counts)`, ours, counts, 20));
  }
  const scan = queries[0];
  const ours = await latency(() => get(scan.query), 50);
  const everyAllegation = await latency(() => raw.query(fromEveryAllegation(`u.${scan.key}`, "true")), 5);
  process.stdout.write(latencyLine(`${scan.name} (vs raw SQL over every allegation)`, ours, everyAllegation, 20));
  client.close();

  // The baseline deletes the same rows and is rolled back; then the import is withdrawn for real.
  await raw.query("begin");
  const deleteStarted = performance.now();
  await raw.query("delete from imported_allegation_rows");
  await raw.query("delete from imported_allegations");
  const deleteSeconds = (performance.now() - deleteStarted) / 1000;
  await raw.query("rollback");
  const withdrawStarted = performance.now();
  const { allegations } = await withdrawImport(t.app.services, systemActor, measured.importId, "Benchmark");
  const withdrawSeconds = (performance.now() - withdrawStarted) / 1000;
  if (allegations !== rowCount) throw new Error(`withdrew ${allegations} of ${rowCount} allegations`);
  const left = await raw.query("select coalesce(sum(count), 0)::int as n from public_allegation_counts");
  if (left.rows[0].n !== 0) throw new Error(`${left.rows[0].n} units still counted after the withdrawal`);
  process.stdout.write(
    `withdrawing the import: ${rowCount.toLocaleString("en")} allegations and their counts in ${withdrawSeconds.toFixed(1)} s; raw DELETE of the same rows ${deleteSeconds.toFixed(1)} s; ratio ${(withdrawSeconds / deleteSeconds).toFixed(1)}×\n`,
  );
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
  rmSync(dir, { recursive: true, force: true });
}
