// A PostgreSQL server of the test's own, in a temporary directory on a free port: a fault test can
// restart it without touching the machine's server, which other test files use at the same time.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port.js";

export interface PrivatePostgres {
  url: string;
  /** A fast restart: every backend is told to terminate (57P01), the server comes back on the same port. */
  restart(): Promise<void>;
  stop(): void;
}

function binaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(root, version, "bin")).find((dir) => existsSync(`${dir}/pg_ctl`));
  if (!found)
    throw new Error(
      "The database fault test runs its own PostgreSQL server. Install it: apt-get install -y postgresql",
    );
  return found;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binaries();
  const dir = mkdtempSync(path.join(tmpdir(), "conduct-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  // PostgreSQL will not run as root: there, the cluster belongs to the postgres account.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
    execFileSync("chown", ["postgres", dir]);
  }
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? "runuser" : `${bin}/${command}`,
      asRoot ? ["-u", "postgres", "--", `${bin}/${command}`, ...args] : args,
      {
        stdio: "ignore",
        cwd: dir,
      },
    );
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const ctlArgs = [
    "-D",
    data,
    "-w",
    "-l",
    path.join(dir, "server.log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
  ];
  const pgCtl = (...args: string[]) => run("pg_ctl", [...ctlArgs, ...args]);
  pgCtl("start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Asynchronous, so the test's clients keep sending while the server is down.
    restart: async () => {
      const [command, args] = asRoot ? ["runuser", ["-u", "postgres", "--", `${bin}/pg_ctl`]] : [`${bin}/pg_ctl`, []];
      await promisify(execFile)(command, [...args, ...ctlArgs, "-m", "fast", "restart"], { cwd: dir });
    },
    stop: () => {
      try {
        pgCtl("-m", "immediate", "stop");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
