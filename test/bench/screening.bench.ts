// Screening benchmark (PostgreSQL): a batch of BENCH_CANDIDATES candidates (10,000) screened against
// BENCH_SCREENING_ENTRIES entries (1,000,000, about thirteen keyed hashes each) listed by the cases of
// BENCH_ENTITIES entities (50), a fifth of them sent by a federation member, through the whole
// request path — against a loop of single indexed lookups in raw SQL (one per candidate, its hashes
// at once, both lists), in the same run. Ten planted entries must come back as matches.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_CANDIDATES=10000 BENCH_SCREENING_ENTRIES=1000000 npx tsx test/bench/screening.bench.ts
import { createHmac } from "node:crypto";
import { matchKeys } from "../../src/domain/screening.js";
import { addScreeningEntry } from "../../src/server/modules/screening/service.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { fieldContext } from "../../src/server/security/encryption.js";
import { createTestApp } from "../helpers/app.js";
import { rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const candidateCount = Number(process.env.BENCH_CANDIDATES ?? 2_000);
const entryCount = Number(process.env.BENCH_SCREENING_ENTRIES ?? 10_000);
const entityCount = Number(process.env.BENCH_ENTITIES ?? 50);
const planted = 10;
/** Entries a federation member sent (hashes only, listed by its entity), the rest listed here. */
const federated = Math.floor((entryCount - planted) / 5);

const t = await createTestApp();
const { raw } = await rawConnection(t);
try {
  const started = performance.now();
  // The list: random hashes in SQL (they stand for other people), then the planted people through the app.
  await t.handle.asOwner(async (owner) => {
    // Each entity's two units hold twenty cases; every entry listed here points at one of them.
    await owner.query(
      `insert into un_entities (code, kind, name) select 'SCB' || g, 'fund_programme', 'Entity ' || g from generate_series(1, $1::int) g`,
      [entityCount],
    );
    await owner.query(
      `insert into missions (code, entity_code, name, kind, start_year)
       select 'SCB' || g || '-' || u, 'SCB' || g, 'Office ' || g || u, 'entity_office', 2001
       from generate_series(1, $1::int) g, unnest(array['A', 'B']) u`,
      [entityCount],
    );
    await owner.query(
      `insert into cases (reference, mission_code, status, date_reported, category_codes, nationality_codes, allegation_codes)
       select 'SCB-' || m.code || '-' || n, m.code, 'closed', date '2024-01-01', array['CIV_INT'], '{}', array['SE_TRANSACTIONAL_SEX']
       from missions m, generate_series(1, 20) n where m.code like 'SCB%'`,
    );
    await owner.query(
      `insert into screening_entries (id, reason, case_id)
       select gen_random_uuid(), 'substantiated_sea', c.id
       from generate_series(1, $1::int) g
       join (select id, row_number() over (order by reference) - 1 as n from cases where reference like 'SCB-%') c
         on c.n = (g::bigint * 7919) % ($2::int * 40)`,
      [entryCount - planted - federated, entityCount],
    );
    await owner.query(
      `insert into screening_keys (entry_id, key_hash, strength) select e.id, encode(sha256((e.id::text || n)::bytea), 'base64'), (array['weak','medium','strong'])[1 + n % 3] from screening_entries e, generate_series(1, 13) n`,
    );
    await owner.query(
      `insert into federation_members (code, name, public_key, entity_codes) values ('BENCH-MEMBER', 'A member', 'none', array['SCB-MEMBER'])`,
    );
    await owner.query(
      `insert into federation_screening_keys (member_code, entry_id, key_hash, strength, reason, listed_by)
       select 'BENCH-MEMBER', e, encode(sha256((e::text || n)::bytea), 'base64'), (array['weak','medium','strong'])[1 + n % 3], 'substantiated_sea', 'SCB-MEMBER'
       from (select gen_random_uuid() e from generate_series(1, $1::int)) g, generate_series(1, 13) n`,
      [federated],
    );
  });
  // Names are letters only (digits are not part of a name), distinct per candidate, as are birth dates.
  const word = (n: number) =>
    Array.from({ length: 5 }, (_, k) => String.fromCharCode(97 + (Math.floor(n / 26 ** k) % 26))).join("");
  const person = (i: number) => ({
    name: `${word(i * 7919 + 11)} ${word(i * 104_729 + 3)}`,
    dateOfBirth: new Date(Date.UTC(1960, 0, 1) + ((i * 37) % 15_000) * 86_400_000).toISOString().slice(0, 10),
    nationalityCode: "GHA",
    documentNumbers: [] as string[],
  });
  for (let i = 0; i < planted; i++)
    await addScreeningEntry(t.app.services, systemActor, {
      ...person(i * 97),
      reason: "substantiated_sea",
      caseId: null,
    });
  await t.handle.asOwner((owner) =>
    owner.query("analyze screening_keys; analyze screening_entries; analyze federation_screening_keys"),
  );
  process.stdout.write(
    `\nScreening benchmark — PostgreSQL, ${entryCount.toLocaleString("en")} entries (${entityCount} entities, ${federated.toLocaleString("en")} from a federation member), ${candidateCount.toLocaleString("en")} candidates (list built in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );

  const officer = await t.tokenFor(await t.createStaff("cds_officer"));
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/screenings/batch`;
  const people = Array.from({ length: candidateCount }, (_, i) => person(i));
  const csv = [
    "name,date_of_birth,nationality,document_numbers",
    ...people.map((p) => `${p.name},${p.dateOfBirth},${p.nationalityCode},`),
  ].join("\n");
  const oursStart = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { ...officer.headers, "content-type": "application/json" },
    body: JSON.stringify({ csv }),
  });
  const outcome = (await response.json()) as { matches: number; candidates: number };
  const oursSeconds = (performance.now() - oursStart) / 1000;
  const expected = Array.from({ length: planted }, (_, i) => i * 97).filter((i) => i < candidateCount).length;
  if (response.status !== 200 || outcome.matches !== expected)
    throw new Error(`batch answered ${response.status} with ${outcome.matches} matches; ${expected} were planted`);

  // The baseline: one indexed lookup per candidate, its hashes at once, as raw SQL on one connection.
  await raw.connect();
  const [{ secret }] = await t.handle.asOwner((owner) =>
    owner.query<{ secret: string }>("select secret_encrypted as secret from screening_secrets"),
  );
  const key = Buffer.from(
    await t.app.services.encryption.decrypt(
      t.app.services.db,
      secret,
      fieldContext("screening_secrets", "secret_encrypted", "1"),
    ),
    "base64",
  );
  const rawStart = performance.now();
  let rawHits = 0;
  for (const candidate of people) {
    const hashes = matchKeys(candidate).map(({ key: k }) => createHmac("sha256", key).update(k).digest("base64url"));
    rawHits +=
      (
        await raw.query(
          "select entry_id from screening_keys where key_hash = any($1) union all select entry_id from federation_screening_keys where key_hash = any($1)",
          [hashes],
        )
      ).rowCount ?? 0;
  }
  const rawSeconds = (performance.now() - rawStart) / 1000;
  if (rawHits === 0) throw new Error("the raw baseline found none of the planted entries: it would measure nothing");
  process.stdout.write(
    "\nbatch screening                                  ours cand/s   raw lookup loop cand/s   ratio\n",
  );
  process.stdout.write(
    `${"POST /api/screenings/batch".padEnd(48)} ${(candidateCount / oursSeconds).toFixed(0).padStart(12)} ${(candidateCount / rawSeconds).toFixed(0).padStart(24)} ${(rawSeconds / oursSeconds).toFixed(2).padStart(7)}\n`,
  );
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
