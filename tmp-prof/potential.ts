import pg from "pg";
import { listCaseRows } from "../src/server/modules/cases/queries.js";
import { createTestApp } from "../test/helpers/app.js";
import { insertSyntheticCases } from "../test/bench/generator.js";
import { interleavedLatency, rawConnection } from "../test/bench/measure.js";

const t = await createTestApp();
const { raw } = await rawConnection(t);
await insertSyntheticCases(t.handle, Number(process.env.BENCH_CASES ?? 20000), 42);
await t.handle.asOwner((o) => o.query("ANALYZE cases"));
await raw.connect();
const staff = await t.createStaff("cds_officer");
const filter = { mission: "MONUSCO", year: 2020, status: "referred" } as const;
const today = new Date().toISOString().slice(0, 10);
const built = listCaseRows(t.app.services.db, { ...filter, limit: 51, offset: 0 } as never, null, today).toSQL();
const pool = (t.app.services.db as any).session.client as pg.Pool;
const ctx = `select set_config('app.actor_id', '${staff.id}', true), set_config('app.actor_role', 'cds_officer', true), set_config('app.actor_missions', '', true), set_config('app.actor_country', '', true)`;
const bg = async (named: boolean) => { const c = await pool.connect(); const a = c.query("begin read only; " + ctx); const b = c.query(named ? { name: "list1", text: built.sql, values: built.params } : { text: built.sql, values: built.params }); await a; const r = await b; c.query("commit").finally(() => c.release()); return r; };
for (let round = 0; round < 2; round++) {
  const m = await interleavedLatency({
    txPipelined: async () => { const c = await pool.connect(); try { const a = c.query("begin; " + ctx); const b = c.query(built.sql, built.params); await a; await b; await c.query("commit"); } finally { c.release(); } },
    txBgCommit: () => bg(false),
    txBgCommitNamed: () => bg(true),
    rawNamed: () => raw.query({ name: "list1", text: built.sql, values: built.params }),
    raw: () => raw.query(built.sql, built.params),
  }, 800);
  for (const [k, v] of Object.entries(m)) console.log(k.padEnd(16), v.p50.toFixed(2), v.p95.toFixed(2), (v.p95 / m.raw.p95).toFixed(2));
  console.log();
}
await raw.end();
await t.close();
