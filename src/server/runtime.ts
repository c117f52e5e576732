// Opens everything a process needs (database, master key, reference data) the same way for the
// server and the CLI, and guards the embedded database against a second process.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { APP_ROLE, appRoleOpensWithoutPassword, type DatabaseHandle, openDatabase } from "../db/connection.js";
import { seedReferenceData } from "../seed/reference.js";
import type { Config } from "./config.js";
import { ensureDataKey, loadMasterKey } from "./security/encryption.js";

export interface Runtime {
  handle: DatabaseHandle;
  masterKey: Buffer;
  release(): Promise<void>;
}

const lockFile = (dataDir: string) => path.join(dataDir, "pglite.lock");

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The embedded database belongs to one process: take its lock or explain who holds it. */
function lockEmbeddedDatabase(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose }));
      closeSync(fd);
      return () => existsSync(file) && unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = JSON.parse(readFileSync(file, "utf8") || "{}") as { pid?: number; purpose?: string };
      if (holder.pid && processAlive(holder.pid)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.purpose ?? "unknown"}). ` +
            "Stop it first (or, for a server on PostgreSQL, set DATABASE_URL) and run this command again.",
        );
      }
      unlinkSync(file); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${file}.`);
}

/** A server on PostgreSQL does not start while its application role can log in without a password. */
async function refusePasswordlessAppRole(config: Config) {
  const url = config.databaseAppUrl ?? config.databaseUrl;
  if (!url || config.allowPasswordlessDatabaseRole || !(await appRoleOpensWithoutPassword(url))) return;
  const host = new URL(url).host;
  throw new Error(
    `The application role ${APP_ROLE} can log in to PostgreSQL at ${host} without a password. ` +
      `Set CONDUCT_APP_DB_PASSWORD (or DATABASE_APP_URL with a password) and make the server ask for it ` +
      `(scram-sha-256 for host connections in pg_hba.conf). For local development only, ` +
      `CONDUCT_ALLOW_PASSWORDLESS_DB_ROLE=on starts anyway.`,
  );
}

export async function openRuntime(config: Config, purpose: string): Promise<Runtime> {
  const unlock = config.databaseUrl ? () => {} : lockEmbeddedDatabase(config.dataDir, purpose);
  try {
    const handle = await openDatabase({
      url: config.databaseUrl,
      appUrl: config.databaseAppUrl,
      dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, "pglite"),
    });
    if (purpose === "server") await refusePasswordlessAppRole(config);
    const masterKey = loadMasterKey(config.dataDir);
    await ensureDataKey(handle, masterKey);
    await seedReferenceData(handle);
    return {
      handle,
      masterKey,
      release: async () => {
        await handle.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
