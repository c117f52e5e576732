import { listCases } from "../src/server/modules/cases/service.js";
import { createTestApp } from "../test/helpers/app.js";
import { insertSyntheticCases } from "../test/bench/generator.js";

const t = await createTestApp();
await insertSyntheticCases(t.handle, 20000, 42);
await t.handle.asOwner((o) => o.query("ANALYZE cases"));
const staff = await t.createStaff("cds_officer");
const actor = { userId: staff.id, role: "cds_officer" as const, missionCodes: [], countryCode: null, via: "token" as const };
const filter = { mission: "MONUSCO", year: 2020, status: "referred", limit: 50, offset: 0 } as never;
for (let i = 0; i < 500; i++) await listCases(t.app.services, actor as never, filter);
const { Session } = await import("node:inspector/promises");
const s = new Session(); s.connect();
await s.post("Profiler.enable"); await s.post("Profiler.setSamplingInterval", { interval: 50 }); await s.post("Profiler.start");
const start = performance.now();
for (let i = 0; i < 3000; i++) await listCases(t.app.services, actor as never, filter);
console.log("per call ms", ((performance.now() - start) / 3000).toFixed(3));
const { profile } = await s.post("Profiler.stop");
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
let total = 0;
for (const [id, c] of counts) { const n: any = byId.get(id); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + c); total += c; }
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 35)) console.log((100 * c / total).toFixed(1).padStart(5), k);
await t.close();
