import pg from "pg";
import { listCaseRows } from "../src/server/modules/cases/queries.js";
import { listCases } from "../src/server/modules/cases/service.js";
import { inTransaction } from "../src/server/transaction.js";
import { createTestApp } from "../test/helpers/app.js";
import { insertSyntheticCases } from "../test/bench/generator.js";
import { interleavedLatency, rawConnection } from "../test/bench/measure.js";

const t = await createTestApp();
const { raw } = await rawConnection(t);
await insertSyntheticCases(t.handle, Number(process.env.BENCH_CASES ?? 20000), 42);
await t.handle.asOwner((o) => o.query("ANALYZE cases"));
await raw.connect();
const staff = await t.createStaff("cds_officer");
const actor = { userId: staff.id, role: "cds_officer" as const, missionCodes: [], countryCode: null, via: "token" as const };
const filter = { mission: "MONUSCO", year: 2020, status: "referred" } as const;
const today = new Date().toISOString().slice(0, 10);
const built = listCaseRows(t.app.services.db, { ...filter, limit: 51, offset: 0 } as never, null, today).toSQL();
const db = t.app.services.db;
const pool = (db as any).session.client as pg.Pool;
const ctx = `select set_config('app.actor_id', '${staff.id}', true), set_config('app.actor_role', 'cds_officer', true), set_config('app.actor_missions', '', true), set_config('app.actor_country', '', true)`;
for (let round = 0; round < 2; round++) {
  const m = await interleavedLatency({
    service: () => listCases(t.app.services, actor as never, { ...filter, limit: 50, offset: 0 } as never),
    txDrizzle: () => inTransaction(db, actor as never, (tx) => listCaseRows(tx, { ...filter, limit: 51, offset: 0 } as never, staff.id, today)),
    txRawPool: async () => { const c = await pool.connect(); try { await c.query("begin; " + ctx); await c.query(built.sql, built.params); await c.query("commit"); } finally { c.release(); } },
    txRawPipelined: async () => { const c = await pool.connect(); try { const a = c.query("begin; " + ctx); const b = c.query(built.sql, built.params); await a; await b; await c.query("commit"); } finally { c.release(); } },
    rawPoolAsApp: () => pool.query(built.sql, built.params),
    drizzleNoTx: () => listCaseRows(db, { ...filter, limit: 51, offset: 0 } as never, staff.id, today),
    raw: () => raw.query(built.sql, built.params),
  }, 600);
  for (const [k, v] of Object.entries(m)) console.log(k.padEnd(16), v.p50.toFixed(2), v.p95.toFixed(2), (v.p95 / m.raw.p95).toFixed(2));
  console.log();
}
await raw.end();
await t.close();
