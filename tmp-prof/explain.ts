import pg from "pg";
import { createTestApp } from "../test/helpers/app.js";
import { insertSyntheticCases } from "../test/bench/generator.js";
import { caseListQuery } from "../src/server/modules/cases/queries.js";
import { statementSql } from "../src/db/prepared.js";

const t = await createTestApp();
await insertSyntheticCases(t.handle, Number(process.env.BENCH_CASES ?? 200000), 42);
await t.handle.asOwner((o) => o.query("ANALYZE cases"));
const staff = await t.createStaff("cds_officer");
const pool = (t.app.services.db as any).session.client as pg.Pool;
const filters: Record<string, object> = JSON.parse(process.env.FILTERS ?? '{"rare":{"q":"zzzqqq"},"refprefix":{"q":"MONUSCO-2020"},"overdue":{"overdue":"true"}}');
for (const [name, f] of Object.entries(filters)) {
  const { statement, values } = caseListQuery(t.app.services.db, { ...f, limit: 51, offset: 0 } as never, staff.id, new Date().toISOString().slice(0, 10));
  const { sql, params } = statementSql(statement, values);
  const c = await pool.connect();
  await c.query(`begin; select set_config('app.actor_id', '${staff.id}', true), set_config('app.actor_role', 'cds_officer', true), set_config('app.actor_missions', '', true), set_config('app.actor_country', '', true)`);
  const r = await c.query("explain (analyze, buffers off, costs off) " + sql, params);
  await c.query("rollback"); c.release();
  console.log("==", name, "\n" + r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
}
if (process.env.KEEP) { console.log("db kept"); process.exit(0); }
await t.close();
