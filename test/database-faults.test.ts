// Outliving the database: under a steady stream of public reports, the server's connections are
// terminated three times (as a failover does) and PostgreSQL is restarted once. The server stays up,
// answers again within seconds of the database, and every receipt it answered opens its report.
// Its own PostgreSQL server (test/helpers/private-postgres.ts), so the restart touches no other test;
// the embedded database lives inside the process and has no connection to lose.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./helpers/free-port.js";
import { type PrivatePostgres, startPrivatePostgres } from "./helpers/private-postgres.js";
import { patience } from "./helpers/patience.js";

let database: PrivatePostgres | undefined;
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill("SIGKILL");
  database?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a database that goes away and comes back", () => {
  it("keeps the server up through three terminations and a restart, losing no answered report", {
    timeout: patience(180_000),
  }, async () => {
    database = await startPrivatePostgres();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        CONDUCT_ALLOW_PASSWORDLESS_DB_ROLE: "on",
        CONDUCT_DATA_DIR: mkdtempSync(path.join(tmpdir(), "conduct-faults-")),
        CONDUCT_MASTER_KEY: "c".repeat(64),
        CONDUCT_DEMO: "off",
        CONDUCT_PUBLIC_RATE_LIMIT_FACTOR: "1000",
        // The periodic cycle runs every second, so it meets the faults too.
        CONDUCT_REMINDER_INTERVAL_SECONDS: "1",
        PORT: String(port),
        LOG_LEVEL: "fatal",
      },
      stdio: "ignore",
    });
    const get = (url: string) =>
      fetch(`${base}${url}`).then(
        (response) => response,
        () => null,
      );
    for (let waited = 0; (await get("/readyz"))?.status !== 200; waited += 200) {
      if (waited > patience(60_000) || server.exitCode !== null) throw new Error("The server did not start.");
      await sleep(200);
    }

    // Four clients send reports without pause; each retries its report under the same key when the
    // server says 503, as the public form and the staff app do.
    const receipts: string[] = [];
    const answers = new Map<number, number>();
    let sending = true;
    const client = async (worker: number) => {
      while (sending) {
        const key = randomUUID();
        for (let attempt = 0; attempt < 20; attempt++) {
          const response = await fetch(`${base}/api/public/reports`, {
            method: "POST",
            headers: { "content-type": "application/json", "idempotency-key": key },
            body: JSON.stringify({
              whatHappened: `Report from client ${worker}, sent while the database comes and goes.`,
              missionCode: "MONUSCO",
              anonymous: true,
            }),
          }).catch(() => null);
          const status = response?.status ?? 0;
          answers.set(status, (answers.get(status) ?? 0) + 1);
          if (response && status === 201) {
            receipts.push((await response.json()).receipt);
            break;
          }
          expect([0, 503], `a report was answered ${status}`).toContain(status);
          await sleep(status === 503 ? Number(response?.headers.get("retry-after") ?? 1) * 200 : 200);
        }
      }
    };
    const clients = Array.from({ length: 4 }, (_, worker) => client(worker));
    const receiptsAfter = async (count: number) => {
      const target = receipts.length + count;
      for (let waited = 0; receipts.length < target; waited += 50) {
        if (waited > patience(30_000)) throw new Error(`No ${count} new receipts within ${patience(30)} s.`);
        await sleep(50);
      }
    };

    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    for (let round = 0; round < 3; round++) {
      await receiptsAfter(20);
      const { rows } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      expect(rows.length, "the server held connections to terminate").toBeGreaterThan(0);
    }
    await admin.end();
    await receiptsAfter(20);
    const restarting = database.restart();
    const restartedAt = Date.now();
    let sawUnreachable = false;
    let backWithinMs = Number.POSITIVE_INFINITY;
    for (let waited = 0; waited < patience(30_000); waited += 100) {
      const health = await (await get("/healthz"))?.json();
      expect(health?.status, "the server answers its health check throughout").toBeDefined();
      if (health.databaseReachable === false) sawUnreachable = true;
      if (sawUnreachable && (await get("/readyz"))?.status === 200) {
        backWithinMs = Date.now() - restartedAt;
        break;
      }
      await sleep(100);
    }
    await restarting;
    expect(sawUnreachable, "the health check said the database was unreachable meanwhile").toBe(true);
    await receiptsAfter(20);
    sending = false;
    await Promise.all(clients);

    expect(server.exitCode, "the server process is still running").toBeNull();
    expect(backWithinMs).toBeLessThan(10_000);
    const health = await (await get("/healthz"))?.json();
    expect(health).toMatchObject({ status: "ok", databaseReachable: true });
    const missing: string[] = [];
    for (const receipt of receipts) {
      const response = await fetch(`${base}/api/public/reports/follow-up`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ receipt }),
      });
      if (response.status !== 200) missing.push(receipt);
    }
    expect(missing).toEqual([]);
    expect(receipts.length).toBeGreaterThanOrEqual(100);
    process.stdout.write(
      `database faults: ${receipts.length} receipts; answers ${JSON.stringify(Object.fromEntries(answers))}; ready again ${backWithinMs} ms after the restart\n`,
    );
  });
});
