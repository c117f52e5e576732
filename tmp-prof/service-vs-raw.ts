import { listCaseRows } from "../src/server/modules/cases/queries.js";
import { listCases } from "../src/server/modules/cases/service.js";
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
const built = listCaseRows(t.app.services.db, { ...filter, limit: 51, offset: 0 } as never, null, new Date().toISOString().slice(0, 10)).toSQL();
const first = await listCases(t.app.services, actor as never, { ...filter, limit: 50, offset: 0 } as never);
console.log("items", first.items.length);
for (let round = 0; round < 3; round++) {
  const m = await interleavedLatency({
    service: () => listCases(t.app.services, actor as never, { ...filter, limit: 50, offset: 0 } as never),
    raw: () => raw.query(built.sql, built.params),
  }, 1000);
  console.log(JSON.stringify(m), (m.service.p95 / m.raw.p95).toFixed(2));
}
await raw.end();
await t.close();
