// SMS webhook benchmark (PostgreSQL): virtual reporters texting whole conversations to the generic
// gateway's webhook through the whole path (signature, keyed hash, row lock, encryption, report and
// thread, audit) — against a bare Fastify route storing each delivery as one row, in the same run.
// Then every acknowledged message is looked for in the database.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/sms.bench.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import Fastify from "fastify";
import pg from "pg";
import { readConfig } from "../../src/server/config.js";
import { createTestApp } from "../helpers/app.js";
import { rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const secret = "benchmark gateway secret";
const t = await createTestApp({
  sms: { ...readConfig({}).sms, gateway: "generic", genericSecret: secret },
  publicRateLimitFactor: 1000,
});
const { url } = await rawConnection(t);
const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
try {
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const ours = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/sms/generic`;
  await pool.query("CREATE TABLE bench_sms (id bigserial primary key, body text not null)");
  const bare = Fastify();
  bare.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
  bare.post("/sms", async (request) => {
    await pool.query("INSERT INTO bench_sms (body) VALUES ($1)", [request.body]);
    return { reply: "ok" };
  });
  await bare.listen({ host: "127.0.0.1", port: 0 });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/sms`;

  // The generator runs in its own process; this one's event loop serves both routes.
  const run = async (target: string) =>
    JSON.parse(
      (
        await promisify(execFile)(process.execPath, [
          "--import",
          "tsx",
          "test/bench/sms-load.ts",
          target,
          String(seconds),
          String(connections),
          secret,
        ])
      ).stdout,
    ) as { acknowledged: number; errors: number; perSecond: number };
  const baseline = await run(bareUrl);
  const measured = await run(ours);
  const [{ stored }] = (
    await pool.query<{ stored: number }>("SELECT count(*)::int AS stored FROM sms_messages WHERE direction = 'in'")
  ).rows;
  const [{ reports }] = (
    await pool.query<{ reports: number }>("SELECT count(*)::int AS reports FROM reports WHERE channel = 'sms'")
  ).rows;
  process.stdout.write(
    `\nSMS webhook benchmark — PostgreSQL, ${connections} reporters texting for ${seconds}s\n` +
      `  bare route (one row per message): ${baseline.perSecond.toFixed(0)} messages/s, ${baseline.errors} errors\n` +
      `  Conduct Ledger (whole conversation): ${measured.perSecond.toFixed(0)} messages/s, ${measured.errors} errors — ${(baseline.perSecond / measured.perSecond).toFixed(1)}× the bare route's cost\n` +
      `  acknowledged ${measured.acknowledged}, stored ${stored} (${stored === measured.acknowledged ? "every one" : "MISMATCH"}), reports filed ${reports}\n`,
  );
  if (stored !== measured.acknowledged) process.exitCode = 1;
  await bare.close();
} finally {
  await pool.end();
  await t.close();
}
