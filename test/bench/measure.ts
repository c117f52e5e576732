// What the benchmarks share: PostgreSQL only, a raw owner connection to the test app's database
// for baselines, and latency measured as sequential calls after a warm-up (p50 and p95).
import pg from "pg";
import type { TestApp } from "../helpers/app.js";

/** Benchmarks measure PostgreSQL; anything else stops them with the command that fixes it. */
export function requirePostgres() {
  if (process.env.DATABASE_URL?.startsWith("postgres")) return;
  process.stderr.write(
    "Benchmarks run on PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench\n",
  );
  process.exit(1);
}

/** The raw-SQL baseline connects as the owner, as the migrations do: no row-level security, no app. */
export async function rawConnection(t: TestApp) {
  const [{ name }] = await t.handle.asOwner((owner) =>
    owner.query<{ name: string }>("select current_database() as name"),
  );
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return { raw: new pg.Client({ connectionString: url.toString() }), url };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** Times `run` sequentially (after a warm-up) and answers p50 and p95 in milliseconds. */
export async function latency(run: () => Promise<unknown>, samples = Number(process.env.BENCH_SAMPLES ?? 200)) {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * Times several calls taking turns (one of each, then again), so that the machine's slow moments
 * fall on all of them alike rather than on whichever was measured at the time.
 */
export async function interleavedLatency<K extends string>(
  runs: Record<K, () => Promise<unknown>>,
  samples = Number(process.env.BENCH_SAMPLES ?? 200),
) {
  const names = Object.keys(runs) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < 20; i++) for (const name of names) await runs[name]();
  for (let i = 0; i < samples; i++) {
    for (const name of names) {
      const start = performance.now();
      await runs[name]();
      times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { p50: percentile(times[name], 50), p95: percentile(times[name], 95) }]),
  ) as Record<K, { p50: number; p95: number }>;
}

/** One line of the "ours against raw SQL" table every benchmark prints. */
export function latencyLine(
  name: string,
  ours: { p50: number; p95: number },
  raw: { p50: number; p95: number },
  target: number,
) {
  const pair = (m: { p50: number; p95: number }) => `${m.p50.toFixed(1)}/${m.p95.toFixed(1)}`;
  return `${name.padEnd(52)} ${pair(ours).padStart(16)} ${pair(raw).padStart(20)} ${(ours.p95 / raw.p95).toFixed(2).padStart(13)} ${`≤ ${target}`.padStart(12)}\n`;
}

export const LATENCY_HEADER =
  "\nquery                                                ours p50/p95 ms   raw SQL p50/p95 ms   ratio (p95)   target p95\n";
