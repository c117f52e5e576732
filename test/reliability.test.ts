// Never lose a report: the server is killed with SIGKILL while 200 public submissions are in flight;
// after a restart, every receipt that was answered opens its report. PGlite, or PostgreSQL with DATABASE_URL.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/database.js";
import { freePort } from "./helpers/free-port.js";
import { patience } from "./helpers/patience.js";

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let database: TestDatabase | undefined;
let server: ChildProcess | undefined;

afterAll(async () => {
  server?.kill("SIGKILL");
  await database?.drop();
});

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { env, stdio: "ignore" });
  for (const deadline = Date.now() + patience(30_000); Date.now() < deadline; ) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not start within ${patience(30)} seconds.`);
}

const post = (url: string, body: unknown) =>
  fetch(`${base}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("reliability", () => {
  it("a server killed while 200 reports are in flight loses none it answered", {
    timeout: patience(120_000),
  }, async () => {
    database = await createTestDatabase();
    const env = {
      ...process.env,
      DATABASE_URL: database.url ?? "",
      CONDUCT_DATA_DIR: mkdtempSync(path.join(tmpdir(), "conduct-kill-")),
      CONDUCT_MASTER_KEY: "a".repeat(64),
      CONDUCT_DEMO: "off",
      // The test server trusts local connections, as a development machine does.
      CONDUCT_ALLOW_PASSWORDLESS_DB_ROLE: "on",
      PORT: String(port),
      LOG_LEVEL: "error",
      CONDUCT_PUBLIC_RATE_LIMIT_FACTOR: "1000",
    };
    server = await startServer(env);
    const receipts: string[] = [];
    const inFlight = Array.from({ length: 200 }, (_, i) =>
      post("/api/public/reports", {
        whatHappened: `Report ${i}, sent while the server is about to die.`,
        missionCode: "MONUSCO",
        anonymous: true,
      })
        .then(async (response) => {
          if (response.status === 201) receipts.push((await response.json()).receipt);
        })
        .catch(() => undefined),
    );
    // Kill in the middle of the stream: once some receipts are out and others are still pending.
    for (let waited = 0; receipts.length < 20 && waited < patience(30_000); waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    server.kill("SIGKILL");
    await Promise.all(inFlight);
    expect(receipts.length).toBeGreaterThanOrEqual(20);
    expect(receipts.length).toBeLessThan(200);

    server = await startServer(env);
    const missing: string[] = [];
    for (const receipt of receipts)
      if ((await post("/api/public/reports/follow-up", { receipt })).status !== 200) missing.push(receipt);
    expect(missing).toEqual([]);
  });
});
