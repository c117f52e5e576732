// Federation benchmark (PostgreSQL, two installations on two databases): a member with
// BENCH_UNITS published allegation units (1,000,000 kept-count lines over 50 entities — far more
// than a million cases make) and BENCH_HASHES screening hashes (1,000,000) writes its signed bundle;
// the hub verifies and merges it. Time and peak memory of each step, against raw SQL in the same
// run: COPY out of the member's tables to gzipped text, and COPY into the hub's tables.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/federation.bench.ts
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { systemWideCategories } from "../../src/domain/reference/personnel.js";
import { systemWideStatuses } from "../../src/domain/system-wide.js";
import { systemActor } from "../../src/server/auth/actor.js";
import {
  addFederationMember,
  federationStatus,
  mergeBundle,
  writeBundle,
} from "../../src/server/modules/federation/index.js";
import { adoptFederationScreeningKey, exportScreeningKey } from "../../src/server/modules/screening/index.js";
import { createTestApp } from "../helpers/app.js";
import { rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const units = Number(process.env.BENCH_UNITS ?? 1_000_000);
const hashes = Number(process.env.BENCH_HASHES ?? 1_000_000);
const ENTITIES = 50;
const KEYS_PER_PERSON = 4;
const entities = Array.from({ length: ENTITIES }, (_, i) => `FDB${String(i).padStart(2, "0")}`);
const quote = (values: readonly string[]) => `array[${values.map((value) => `'${value}'`).join(",")}]`;

/** Runs `work`, sampling the process's memory: seconds taken and the peak above where it started (MB). */
async function measured<T>(work: () => Promise<T>) {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      rssMb: (peakRss - start.rss) / 2 ** 20,
      heapMb: (peakHeap - start.heapUsed) / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}

const member = await createTestApp();
const hub = await createTestApp();
const memberRaw = (await rawConnection(member)).raw;
const hubRaw = (await rawConnection(hub)).raw;
const directory = tmpdir();
const bundleFile = path.join(directory, `federation-bench-${process.pid}.ndjson.gz`);
const rawFiles = ["counts", "keys"].map((name) => path.join(directory, `federation-bench-${process.pid}.${name}.gz`));
try {
  const loading = performance.now();
  for (const t of [member, hub])
    await t.handle.asOwner((owner) =>
      owner.query(
        `insert into un_entities (code, kind, name) select e, 'fund_programme', 'Entity ' || e from unnest($1::text[]) e`,
        [entities],
      ),
    );
  // The member screens under the hub's key, so that the hub can compare its hashes.
  await adoptFederationScreeningKey(member.app.services, await exportScreeningKey(hub.app.services));
  // Kept counts written straight into the table (the triggers' work is the system-wide benchmark's):
  // every entity, category and status in every quarter of as many years from 1990 as the units need.
  const perYear = ENTITIES * 4 * (systemWideCategories.length + 1) * systemWideStatuses.length;
  const years = Math.ceil(units / perYear);
  await member.handle.asOwner((owner) =>
    owner.query(
      `insert into system_wide_allegation_counts (year, quarter, entity_code, category, status, count)
       select y, q, e, c, s, 1 + floor(random() * 20)::int
       from generate_series(1990, 1990 + $2::int - 1) y, generate_series(1, 4) q, unnest($1::text[]) e,
         unnest(${quote([...systemWideCategories, "unknown"])}) c, unnest(${quote(systemWideStatuses)}) s
       limit $3`,
      [entities, years, units],
    ),
  );
  // People on the list, four keyed hashes each (as a name, birth date, nationality and a document give).
  const people = Math.ceil(hashes / KEYS_PER_PERSON);
  await member.handle.asOwner(async (owner) => {
    await owner.query(
      `insert into screening_entries (id, reason)
       select md5('person' || g)::uuid, 'substantiated_sea' from generate_series(1, $1::int) g`,
      [people],
    );
    await owner.query(
      `insert into screening_keys (entry_id, key_hash, strength)
       select md5('person' || g)::uuid,
         translate(rtrim(encode(sha256(('key' || g || ':' || k)::bytea), 'base64'), '='), '+/', '-_'),
         (array['strong', 'medium', 'weak', 'weak'])[k]
       from generate_series(1, $1::int) g, generate_series(1, ${KEYS_PER_PERSON}) k
       limit $2`,
      [people, hashes],
    );
    await owner.query("analyze system_wide_allegation_counts; analyze screening_keys; analyze screening_entries");
  });
  const { publicKey } = await federationStatus(member.app.services, systemActor);
  await addFederationMember(hub.app.services, systemActor, {
    code: "BENCH-MEMBER",
    name: "Benchmark member",
    publicKey,
    entityCodes: entities,
  });
  process.stdout.write(
    `\nFederation benchmark — PostgreSQL, two databases: ${units.toLocaleString("en")} allegation units (kept-count lines, ${ENTITIES} entities, ${years} years) and ${hashes.toLocaleString("en")} screening hashes (loaded in ${((performance.now() - loading) / 1000).toFixed(0)} s)\n`,
  );

  await memberRaw.connect();
  await hubRaw.connect();
  const exported = await measured(async () => {
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(bundleFile));
    const counts = await writeBundle(member.app.services, systemActor, gzip);
    gzip.end();
    await written;
    return counts;
  });
  const rawExport = await measured(async () => {
    const outs = [
      "copy (select year, quarter, entity_code, category, status, count from system_wide_allegation_counts where count > 0 order by 1, 2, 3, 4, 5) to stdout",
      "copy (select k.entry_id, k.key_hash, k.strength, e.reason from screening_keys k join screening_entries e on e.id = k.entry_id order by 1, 2) to stdout",
    ];
    for (const [i, text] of outs.entries())
      await pipeline(memberRaw.query(copyTo(text)), createGzip(), createWriteStream(rawFiles[i]));
  });
  const merged = await measured(() => mergeBundle(hub.app.services, systemActor, createReadStream(bundleFile)));
  const rawMerge = await measured(async () => {
    await hubRaw.query("begin");
    // The same tables with the same keys and indexes, the member named as the merge names it.
    for (const [copy, table] of [
      ["counts_in", "federation_allegation_counts"],
      ["keys_in", "federation_screening_keys"],
    ]) {
      await hubRaw.query(`create temp table ${copy} (like ${table} including indexes) on commit drop`);
      await hubRaw.query(`alter table ${copy} alter member_code set default 'BENCH-MEMBER'`);
    }
    await pipeline(
      createReadStream(rawFiles[0]),
      createGunzip(),
      hubRaw.query(copyFrom("copy counts_in (year, quarter, entity_code, category, status, count) from stdin")),
    );
    await pipeline(
      createReadStream(rawFiles[1]),
      createGunzip(),
      hubRaw.query(copyFrom("copy keys_in (entry_id, key_hash, strength, reason) from stdin")),
    );
    await hubRaw.query("rollback");
  });
  if (merged.result.figures !== exported.result.figures || merged.result.hashes !== exported.result.hashes)
    throw new Error(`Merged ${JSON.stringify(merged.result)}, exported ${JSON.stringify(exported.result)}.`);
  const size = statSync(bundleFile).size / 2 ** 20;
  const rawSize = rawFiles.reduce((sum, file) => sum + statSync(file).size, 0) / 2 ** 20;
  const line = (name: string, ours: Awaited<ReturnType<typeof measured>>, raw: Awaited<ReturnType<typeof measured>>) =>
    `${name.padEnd(34)} ${ours.seconds.toFixed(1).padStart(7)} s ${raw.seconds.toFixed(1).padStart(7)} s ${(ours.seconds / raw.seconds).toFixed(2).padStart(6)} ${ours.rssMb.toFixed(0).padStart(9)} MB ${ours.heapMb.toFixed(0).padStart(8)} MB\n`;
  process.stdout.write(
    `${"step".padEnd(34)} ${"ours".padStart(9)} ${"raw SQL".padStart(9)} ${"ratio".padStart(6)} ${"peak RSS+".padStart(12)} ${"peak heap+".padStart(11)}\n`,
  );
  process.stdout.write(line("export: sign and write the bundle", exported, rawExport));
  process.stdout.write(line("merge: verify and load at the hub", merged, rawMerge));
  process.stdout.write(
    `bundle ${size.toFixed(1)} MB gzipped (${exported.result.figures.toLocaleString("en")} figures, ${exported.result.hashes.toLocaleString("en")} hashes); raw COPY files ${rawSize.toFixed(1)} MB\n`,
  );
} finally {
  await memberRaw.end().catch(() => {});
  await hubRaw.end().catch(() => {});
  await Promise.all([bundleFile, ...rawFiles].map((file) => rm(file, { force: true })));
  await member.close();
  await hub.close();
}
