// Runs autocannon in its own process (the server keeps this process's event loop to itself) and
// returns throughput and latency; a lean client for sequential latency; the server in its own process.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";

const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total2xx: number;
}

export function load(
  url: string,
  options: { seconds: number; connections: number; headers?: Record<string, string>; method?: string; body?: string },
): Promise<LoadResult> {
  const args = [autocannonBin, "--json", "-c", String(options.connections), "-d", String(options.seconds)];
  if (options.method) args.push("-m", options.method);
  if (options.body) args.push("-b", options.body);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(output);
      resolve({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        total2xx: result["2xx"],
      });
    });
  });
}

/**
 * A lean JSON client for latency measurements: one kept-alive socket, node:http. The global fetch
 * spends about a millisecond and a half of its own per call, which is the client's, not the server's.
 */
export function jsonGetter<T = unknown>(base: string, headers: Record<string, string> = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<T>((resolve, reject) => {
      http
        .get(`${base}${path}`, { agent, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if (response.statusCode !== 200)
              return reject(new Error(`${path} answered ${response.statusCode}: ${text}`));
            resolve(JSON.parse(text));
          });
          response.on("error", reject);
        })
        .on("error", reject);
    });
  return Object.assign(get, { close: () => agent.destroy() });
}

/** The server as it runs in production (src/server/main.ts), in its own process, on the given database. */
export function startServerProcess(databaseUrl: string, masterKey: Buffer, env: Record<string, string> = {}) {
  return startProcess("src/server/main.ts", {
    DATABASE_URL: databaseUrl,
    CONDUCT_MASTER_KEY: masterKey.toString("hex"),
    CONDUCT_DEMO: "off",
    // The benchmark's server trusts local connections, as a development machine does.
    CONDUCT_ALLOW_PASSWORDLESS_DB_ROLE: "on",
    CONDUCT_REMINDER_INTERVAL_SECONDS: "0",
    ...env,
  });
}

/** The bare-framework baseline (bare-server.ts) in its own process, answering the given SQL by name. */
export function startBareServer(databaseUrl: string, queries: Record<string, { sql: string; params: unknown[] }> = {}) {
  return startProcess("test/bench/bare-server.ts", {
    DATABASE_URL: databaseUrl,
    BARE_QUERIES: JSON.stringify(queries),
  });
}

async function startProcess(script: string, env: Record<string, string>) {
  const port = 44000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (
      await fetch(`${base}/healthz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (attempt === 300 || server.exitCode !== null) {
      server.kill("SIGTERM");
      throw new Error(`${script} did not start at ${base} within 60 seconds.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    /** The kernel's high-water mark of the process's resident memory over its whole life, in bytes. */
    peakRss: () =>
      Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0) * 1024,
    stop: () => server.kill("SIGTERM"),
    /** As a power cut or the kernel's out-of-memory killer would: no goodbye. */
    kill: () => server.kill("SIGKILL"),
  };
}
