// Offline sync benchmark (PostgreSQL): 500 reports written offline wait sealed in an outbox and are
// sent in one go through the staff app's own rounds (src/web/offline/drain.ts) to the server as it
// runs in production, in its own process; the server is killed (SIGKILL) mid-sync and started
// again, and the rounds go on as the app's would. Prints the time to drain, lost and duplicated
// reports (both must be 0), against the same 500 reports posted in the clear, one after another,
// to a server left alone (the baseline: what sealing and the outbox's bookkeeping cost).
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/offline-sync.bench.ts
import { sealJson, type SealingKey } from "../../src/domain/sealing.js";
import { drainOutbox, type SendFailure } from "../../src/web/offline/drain.js";
import { memoryOutbox } from "../helpers/memory-outbox.js";
import { createTestApp } from "../helpers/app.js";
import { startServerProcess } from "./http.js";
import { rawConnection, requirePostgres } from "./measure.js";

requirePostgres();
const REPORTS = Number(process.env.BENCH_OFFLINE_REPORTS ?? 500);
const KILL_AFTER = Math.floor(REPORTS * 0.4);

const t = await createTestApp();
const { raw, url } = await rawConnection(t);
await raw.connect();
const officer = await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] });
const token = (await t.tokenFor(officer)).headers.authorization;
let server = await startServerProcess(url.toString(), t.masterKey);

const report = (n: number, label: string) => ({
  channel: "hotline",
  report: {
    whatHappened: `${label} ${n}: a caller says a peacekeeper at the Bria checkpoint asked a girl for sex for food.`,
    missionCode: "MINUSCA",
    place: "Bria",
    anonymous: true,
  },
});

class SendFailed extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.message);
  }
}
async function post(path: string, body: unknown, key: string) {
  let response: Response;
  try {
    response = await fetch(`${server.base}${path}`, {
      method: "POST",
      headers: { authorization: token, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new SendFailed({ retry: true, code: "network_unavailable", message: (error as Error).message });
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new SendFailed({ retry: response.status >= 500, code: answer.code ?? "error", message: answer.detail ?? "" });
  return answer.receipt as string;
}

// The baseline: the same number of reports in the clear, one after another, nothing killed.
const clearStarted = performance.now();
for (let n = 0; n < REPORTS; n++) await post("/api/reports", report(n, "Clear"), `clear-${n}-0000`);
const clearSeconds = (performance.now() - clearStarted) / 1000;

// The outbox, as the browser keeps it: every report sealed to the server's key, waiting.
const key: SealingKey = await (
  await fetch(`${server.base}/api/reports/sealing-key`, { headers: { authorization: token } })
).json();
const { store, byKey: outbox, receipts } = memoryOutbox();
for (let n = 0; n < REPORTS; n++) {
  const id = `offline-${String(n).padStart(4, "0")}-0000`;
  outbox.set(id, {
    key: id,
    ownerId: officer.id,
    queuedAt: new Date(Date.UTC(2026, 11, 3, 0, 0, n)).toISOString(),
    missionCode: "MINUSCA",
    fileCount: 0,
    state: "waiting",
    attempts: 0,
    sealed: { report: await sealJson(key, report(n, "Sealed")), evidence: [] },
    receipt: null,
    problem: null,
  });
}

let sends = 0;
let killed = false;
let restartSeconds = 0;
const started = performance.now();
let rounds = 0;
for (;;) {
  rounds++;
  const outcome = await drainOutbox(
    store,
    officer.id,
    async (item) => {
      sends++;
      const answer = post("/api/reports/sealed", item.sealed, item.key);
      // Mid-sync, while this report is on its way: the server dies without a word.
      if (!killed && sends === KILL_AFTER) {
        killed = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        server.kill();
      }
      return answer;
    },
    (error) => (error as SendFailed).failure,
  );
  if (outcome.waiting === 0) break;
  // The link is back when the server is: the app's next round starts then.
  const restartStarted = performance.now();
  server = await startServerProcess(url.toString(), t.masterKey);
  restartSeconds += (performance.now() - restartStarted) / 1000;
}
const seconds = (performance.now() - started) / 1000;

const stored = await raw.query<{ n: number }>(
  "select count(*)::int as n from reports where submitted_by = $1 and channel = 'hotline'",
  [officer.id],
);
const sealedStored = stored.rows[0].n - REPORTS;
const lost = REPORTS - new Set(receipts.values()).size;
const duplicates = sealedStored - REPORTS;
process.stdout.write(`\nOffline sync benchmark — PostgreSQL\n`);
process.stdout.write(
  `outbox of ${REPORTS} sealed reports drained in ${seconds.toFixed(1)} s (${rounds} rounds, ${sends} sends; the server killed once after ${KILL_AFTER}, ${restartSeconds.toFixed(1)} s of that restarting it) = ${Math.round(REPORTS / (seconds - restartSeconds))} reports/s while up; the same reports in the clear to a server left alone ${clearSeconds.toFixed(1)} s = ${Math.round(REPORTS / clearSeconds)} reports/s; ratio ${((seconds - restartSeconds) / clearSeconds).toFixed(2)}×\n`,
);
process.stdout.write(`stored ${sealedStored} of ${REPORTS}: ${lost} lost, ${duplicates} duplicated\n`);
server.stop();
await raw.end();
await t.close();
if (lost !== 0 || duplicates !== 0 || sealedStored !== REPORTS) {
  process.stderr.write("The outbox lost or duplicated reports.\n");
  process.exit(1);
}
