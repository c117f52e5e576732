import { listCases } from "../src/server/modules/cases/service.js";
import { createTestApp } from "../test/helpers/app.js";
import { insertSyntheticCases } from "../test/bench/generator.js";
import { interleavedLatency, rawConnection } from "../test/bench/measure.js";
import { caseListQuery } from "../src/server/modules/cases/queries.js";
import { statementSql } from "../src/db/prepared.js";

const t = await createTestApp();
const { raw } = await rawConnection(t);
await insertSyntheticCases(t.handle, Number(process.env.BENCH_CASES ?? 200000), 42);
await t.handle.asOwner((o) => o.query("ANALYZE cases"));
await raw.connect();
const staff = await t.createStaff("cds_officer");
const actor = { userId: staff.id, role: "cds_officer" as const, missionCodes: [], countryCode: null, via: "token" as const };
const filters: Record<string, object> = { common: { q: "soldat7" }, rare: { q: "zzzqqq" }, hospital: { q: "hopital" }, bigMission: { mission: "MONUSCO" }, smallMission: { mission: "UNMOGIP" }, refprefix: { q: "MONUSCO-2020" }, overdue: { overdue: "true" } };
for (const [name, f] of Object.entries(filters)) {
  const { statement, values } = caseListQuery(t.app.services.db, { ...f, limit: 51, offset: 0 } as never, staff.id, new Date().toISOString().slice(0, 10));
  const { sql, params } = statementSql(statement, values);
  const m = await interleavedLatency({ ours: () => listCases(t.app.services, actor as never, { ...f, limit: 50, offset: 0 } as never), raw: () => raw.query(sql, params) }, 100);
  const n = (await listCases(t.app.services, actor as never, { ...f, limit: 50, offset: 0 } as never)).items.length;
  console.log(name.padEnd(14), "rows", n, "ours", m.ours.p50.toFixed(1), m.ours.p95.toFixed(1), "raw", m.raw.p50.toFixed(1), m.raw.p95.toFixed(1));
}
await raw.end();
await t.close();
