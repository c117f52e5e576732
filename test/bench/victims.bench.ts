// Victim-assistance benchmark (PostgreSQL): the advocate's caseload page with BENCH_VICTIMS victims
// (100,000) and ten referrals each (1,000,000), through the whole request path (token, policy,
// row-level security, zod) — against the raw SQL of the same query, built by the app's own query
// builder and run on an owner connection, in the same run.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_VICTIMS=100000 npx tsx test/bench/victims.bench.ts
import { caseloadRows } from "../../src/server/modules/victims/records.js";
import { createTestApp } from "../helpers/app.js";
import { jsonGetter } from "./http.js";
import { LATENCY_HEADER, latency, latencyLine, rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const victimCount = Number(process.env.BENCH_VICTIMS ?? 10_000);
const referralsPerVictim = 10;
const missions = [
  "MONUSCO",
  "MINUSCA",
  "UNMISS",
  "UNIFIL",
  "MINURSO",
  "UNISFA",
  "UNFICYP",
  "UNDOF",
  "UNMIK",
  "MINUSMA",
];

const t = await createTestApp();
const { raw } = await rawConnection(t);
try {
  const started = performance.now();
  // Generated in SQL: victims spread over ten missions, due dates over a year around today; ten
  // referrals each, most closed, some open with a follow-up date.
  await t.handle.asOwner(async (owner) => {
    await owner.query(
      `insert into service_providers (mission_code, name, service_types) select m, 'Provider ' || m, array['medical','psychosocial'] from unnest($1::text[]) m`,
      [missions],
    );
    await owner.query(
      `insert into victims (code, mission_code, sex, age_group, next_action_on)
       select 'V-' || m || '-' || lpad(i::text, 6, '0'), m, (array['female','male','unknown'])[1 + i % 3], (array['adult','child','unknown'])[1 + i % 3],
              current_date + ((i * 7919) % 365 - 180)
       from generate_series(1, $1::int) i, lateral (select ($2::text[])[1 + i % 10] as m) mission`,
      [victimCount, missions],
    );
    await owner.query(
      `insert into assistance_referrals (victim_id, provider_id, service_type, status, proposed_on, follow_up_on)
       select v.id, p.id, 'medical', (array['closed','closed','delivered','accepted','proposed'])[1 + (n + v.code_hash) % 5], current_date - 200, current_date + (n * 13 + v.code_hash) % 90 - 30
       from (select id, mission_code, abs(hashtext(code)) % 1000 as code_hash from victims) v
       join service_providers p on p.mission_code = v.mission_code, generate_series(1, $1::int) n`,
      [referralsPerVictim],
    );
    await owner.query("analyze victims; analyze assistance_referrals");
  });
  const [{ referrals }] = await t.handle.asOwner((owner) =>
    owner.query<{ referrals: string }>("select count(*) as referrals from assistance_referrals"),
  );
  process.stdout.write(
    `\nVictim-assistance benchmark — PostgreSQL, ${victimCount.toLocaleString("en")} victims, ${Number(referrals).toLocaleString("en")} referrals (generated in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  await raw.connect();
  const advocate = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const today = new Date().toISOString().slice(0, 10);
  const queries = [
    { name: "caseload: first page of 50, due first", path: "/api/victims?limit=50", filter: { limit: 50, offset: 0 } },
    {
      name: "caseload: only what is due today, 50",
      path: "/api/victims?limit=50&dueOnly=true",
      filter: { limit: 50, offset: 0, dueOnly: "true" as const },
    },
  ];
  process.stdout.write(LATENCY_HEADER);
  const client = jsonGetter<{ items: unknown[] }>(base, advocate.headers);
  for (const query of queries) {
    const get = () => client(query.path);
    if ((await get()).items.length !== 50)
      throw new Error(`${query.name}: fewer than 50 rows, the benchmark would measure too little`);
    // The same SQL as the endpoint, with the advocate's mission written in (as row-level security adds it).
    const built = caseloadRows(t.app.services.db, { ...query.filter, mission: "MONUSCO" }, today).toSQL();
    const ours = await latency(get);
    const baseline = await latency(() => raw.query(built.sql, built.params));
    process.stdout.write(latencyLine(query.name, ours, baseline, 50));
  }
  client.close();
} finally {
  await raw.end().catch(() => undefined);
  await t.close();
}
