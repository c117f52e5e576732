import pg from "pg";
import { openDatabase } from "../src/db/connection.js";
import { buildApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import { listCases } from "../src/server/modules/cases/service.js";
import { caseListQuery } from "../src/server/modules/cases/queries.js";
import { statementSql } from "../src/db/prepared.js";
import { interleavedLatency } from "../test/bench/measure.js";
import { readFileSync } from "node:fs";

const kept = JSON.parse(readFileSync("/tmp/keepdb.json", "utf8"));
const handle = await openDatabase({ url: kept.url });
const app = await buildApp({ handle, config: { ...readConfig({}), publicUrl: "http://127.0.0.1:3000", port: 3000 }, masterKey: Buffer.from(kept.masterKey, "hex") });
const raw = new pg.Client({ connectionString: kept.url }); await raw.connect();
const actor = { userId: kept.staff, role: "cds_officer" as const, missionCodes: [], countryCode: null, via: "token" as const };
const DENSE = "soldat1 or soldat2 or soldat3 or soldat4 or camp1 or camp2 or camp3 or camp4 or market1 or market2 or market3 or market4 or village1 or village2 or village3 or village4 or driver1 or driver2 or driver3 or driver4";
const filters: Record<string, object> = JSON.parse(process.env.FILTERS ?? "null") ?? { list: { mission: "MONUSCO", year: 2020, status: "referred" }, common: { q: "soldat7" }, dense: { q: DENSE }, rare: { q: "zzzqqq" }, refprefix: { q: "MONUSCO-2020" }, overdue: { overdue: "true" }, notOverdue: { overdue: "false", mission: "UNMISS" } };
const today = new Date().toISOString().slice(0, 10);
for (const [name, f] of Object.entries(filters)) {
  const { statement, values } = caseListQuery(app.services.db, { ...f, limit: 51, offset: 0 } as never, kept.staff, today);
  const { sql, params } = statementSql(statement, values);
  const slowRaw = ["rare", "refprefix"].includes(name) && !process.env.ALL_RAW;
  const runs: Record<string, () => Promise<unknown>> = { ours: () => listCases(app.services, actor as never, { ...f, limit: 50, offset: 0 } as never) };
  if (!slowRaw) runs.raw = () => raw.query(sql, params);
  const m = await interleavedLatency(runs, Number(process.env.SAMPLES ?? 100));
  const n = (await listCases(app.services, actor as never, { ...f, limit: 50, offset: 0 } as never)).items.length;
  console.log(name.padEnd(12), "rows", String(n).padStart(3), "ours", m.ours.p50.toFixed(1), m.ours.p95.toFixed(1), m.raw ? `raw ${m.raw.p50.toFixed(1)} ${m.raw.p95.toFixed(1)} ratio ${(m.ours.p95 / m.raw.p95).toFixed(2)}` : "(raw single statement skipped: seconds)");
}
await raw.end(); await app.close(); await handle.close();
