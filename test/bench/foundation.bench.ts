// Foundation benchmark (PostgreSQL): authenticated GET of a reference list (by a headquarters
// officer's token and session, and by an officer scoped to a whole entity) and GET /healthz through
// the whole request path, against a bare Fastify route answering the same JSON, in the same run.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
import Fastify from "fastify";
import { createTestApp } from "../helpers/app.js";
import { insertSyntheticCases } from "./generator.js";
import { load } from "./http.js";
import { requirePostgres } from "./measure.js";

requirePostgres();

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const t = await createTestApp();
try {
  const seeded = await insertSyntheticCases(t.handle, Number(process.env.BENCH_CASES ?? 10_000), 42);
  const staff = await t.createStaff("cds_officer");
  const authorization = (await t.tokenFor(staff)).headers.authorization;
  const cookie = (await t.signIn(staff)).headers.cookie;
  // Scoped to a whole entity: its units are found at every request (every peace operation, for DPO).
  const entityOfficer = (await t.tokenFor(await t.createStaff("cdt_officer", { entityCodes: ["DPO"] }))).headers
    .authorization;
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const ourPort = (t.app.server.address() as { port: number }).port;

  const targets = [
    {
      name: "GET /api/reference/missions (bearer token)",
      path: "/api/reference/missions",
      headers: { authorization } as Record<string, string>,
    },
    {
      name: "GET /api/reference/missions (token, entity)",
      path: "/api/reference/missions",
      headers: { authorization: entityOfficer } as Record<string, string>,
    },
    {
      name: "GET /api/reference/missions (session)",
      path: "/api/reference/missions",
      headers: { cookie } as Record<string, string>,
    },
    { name: "GET /healthz", path: "/healthz", headers: {} as Record<string, string> },
  ];
  const bare = Fastify();
  const bodies = new Map<string, string>();
  for (const target of targets) {
    const response = await t.app.inject({ method: "GET", url: target.path, headers: target.headers });
    if (response.statusCode !== 200) throw new Error(`${target.name} answered ${response.statusCode}`);
    if (!bodies.has(target.path))
      bare.get(target.path, async (_request, reply) => reply.type("application/json").send(bodies.get(target.path)));
    bodies.set(target.path, response.body);
  }
  await bare.listen({ host: "127.0.0.1", port: 0 });
  const barePort = (bare.server.address() as { port: number }).port;

  process.stdout.write(
    `\nFoundation benchmark — PostgreSQL, ${seeded} synthetic cases, ${connections} connections, ${seconds}s each\n\n`,
  );
  process.stdout.write(
    "route                                        ours req/s   bare req/s   ratio   ours p50/p99 ms   bare p50/p99 ms\n",
  );
  for (const target of targets) {
    const ours = await load(`http://127.0.0.1:${ourPort}${target.path}`, {
      seconds,
      connections,
      headers: target.headers,
    });
    const baseline = await load(`http://127.0.0.1:${barePort}${target.path}`, { seconds, connections });
    if (ours.errors || ours.non2xx)
      throw new Error(`${target.name}: ${ours.errors} errors, ${ours.non2xx} non-2xx answers`);
    const ratio = ours.requestsPerSecond / baseline.requestsPerSecond;
    process.stdout.write(
      `${target.name.padEnd(44)} ${ours.requestsPerSecond.toFixed(0).padStart(10)} ${baseline.requestsPerSecond.toFixed(0).padStart(12)} ${ratio.toFixed(3).padStart(7)} ${`${ours.p50}/${ours.p99}`.padStart(17)} ${`${baseline.p50}/${baseline.p99}`.padStart(17)}\n`,
    );
  }
  await bare.close();
} finally {
  await t.close();
}
