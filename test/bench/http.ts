// Runs autocannon in its own process (the server keeps this process's event loop to itself) and
// returns throughput and latency.
import { spawn } from "node:child_process";
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

export function load(url: string, options: { seconds: number; connections: number; headers?: Record<string, string>; method?: string; body?: string }): Promise<LoadResult> {
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
      resolve({ requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, total2xx: result["2xx"] });
    });
  });
}
