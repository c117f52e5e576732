// Opens the database: embedded PGlite or a PostgreSQL server, with the application working as the
// non-owner role `conduct_app` and owner work (migrations, backup, key rotation) kept apart.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";

// Without drizzle's relational query API (unused): a transaction need not build a query builder per table.
export type Database = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = "pglite" | "postgres";
export const APP_ROLE = "conduct_app";
const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export interface OwnerClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseHandle {
  kind: DatabaseKind;
  /** Drizzle over the application role: every request's work goes through this. */
  db: Database;
  /** Runs work as the owner role in one transaction (migrations, backup, restore, key rotation). */
  asOwner<T>(work: (owner: OwnerClient) => Promise<T>): Promise<T>;
  /** Embedded database only: its whole data directory as a gzipped tarball (a template for tests). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… for a server; otherwise embedded PGlite. */
  url?: string;
  /** Separate URL for the application role; derived from `url` when absent. */
  appUrl?: string;
  /** PGlite data directory; in memory when absent. */
  dataDir?: string;
  migrate?: boolean;
  /** Embedded database only: start from this dumped data directory (already migrated) instead of an empty one. */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPglite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir
    ? await PGlite.create(options.dataDir)
    : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  // PGlite has one connection, owned by its superuser: migrate first, then the session works as the
  // application role; owner work switches back with SET LOCAL ROLE inside its own transaction.
  if (options.migrate !== false && !options.loadDataDir)
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  await client.exec(`SET ROLE ${APP_ROLE}`);
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    asOwner: (work) =>
      client.transaction(async (tx) => {
        await tx.exec("SET LOCAL ROLE postgres");
        return work({ query: async (text, params) => (await tx.query(text, params)).rows as never });
      }),
    dumpDataDir: () => client.dumpDataDir("gzip") as Promise<Blob>,
    close: () => client.close(),
  };
}

/**
 * A connection closed by the server (a restart, a failover, pg_terminate_backend) must not bring the
 * process down, idle in the pool or in the middle of a request: the request fails with the
 * connection's error (answered 503), the pool drops the connection and opens another on the next query.
 */
function survivePoolErrors(pool: pg.Pool) {
  const report = (error: Error) =>
    process.stderr.write(
      `database connection lost (${(error as { code?: string }).code ?? error.message}); it will be reopened\n`,
    );
  pool.on("error", report);
  // The pool listens to a connection only while it is idle; a checked-out one needs its own listener.
  pool.on("connect", (client) => client.on("error", report));
  return pool;
}

const unavailableCodes = new Set([
  "57P01", // terminating connection due to administrator command
  "57P02", // crash shutdown
  "57P03", // cannot connect now (starting up)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300", // too many connections
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);
const unavailableMessages =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

/** Whether an error says the database could not be reached, rather than that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === "string" && unavailableCodes.has(code)) return true;
    if (typeof message === "string" && unavailableMessages.test(message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** A request waits this long for a connection before it is told the database is unavailable. */
const connectionTimeoutMillis = 5_000;

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const ownerPool = survivePoolErrors(new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis }));
  const asOwner: DatabaseHandle["asOwner"] = async (work) => {
    const connection = await ownerPool.connect();
    try {
      await connection.query("BEGIN");
      const result = await work({
        query: async (text, params) => (await connection.query(text, params as never[])).rows,
      });
      await connection.query("COMMIT");
      return result;
    } catch (error) {
      await connection.query("ROLLBACK");
      throw error;
    } finally {
      connection.release();
    }
  };
  if (options.migrate !== false) await migrateWithLock(ownerPool);
  const appUrl = options.appUrl ?? deriveAppUrl(url);
  if (!options.appUrl) {
    // Without a dedicated URL the application logs in as its role on the same server, with the
    // password from CONDUCT_APP_DB_PASSWORD where the server asks for one.
    const password = process.env.CONDUCT_APP_DB_PASSWORD;
    const [{ statement }] = (
      await ownerPool.query<{ statement: string }>(
        password
          ? `SELECT format('ALTER ROLE ${APP_ROLE} LOGIN PASSWORD %L', $1::text) AS statement`
          : `SELECT 'ALTER ROLE ${APP_ROLE} LOGIN' AS statement`,
        password ? [password] : [],
      )
    ).rows;
    await ownerPool.query(statement);
  }
  // Pipelined clients send a statement without waiting for the answer to the one before it: a
  // transaction's context and its first query share one round trip (src/server/transaction.ts).
  // Statements prepared once are planned anew with each execution's values (src/db/prepared.ts):
  // a plan made for any value would walk a million cases for a nationality or a word that has few.
  const appPool = survivePoolErrors(
    new pg.Pool({
      connectionString: appUrl,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      pipeline: true,
      connectionTimeoutMillis,
      options: "-c plan_cache_mode=force_custom_plan",
    }),
  );
  const db = drizzlePostgres({ client: appPool }) as unknown as Database;
  return {
    kind: "postgres",
    db,
    asOwner,
    close: async () => {
      await appPool.end();
      await ownerPool.end();
    },
  };
}

/**
 * Whether the application role gets in to the server over TCP with no password at all: a server
 * that trusts it lets anyone who can reach the port work as the application.
 */
export async function appRoleOpensWithoutPassword(url: string): Promise<boolean> {
  const target = new URL(url);
  if (!target.hostname) return false; // a socket path is not a network connection
  target.username = APP_ROLE;
  target.password = "";
  // A password given as a function is taken as it is, never from PGPASSWORD or a .pgpass file.
  const client = new pg.Client({
    connectionString: target.toString(),
    password: async () => "",
    connectionTimeoutMillis: 5000,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Two instances starting together must not run the same migration twice. */
async function migrateWithLock(ownerPool: pg.Pool): Promise<void> {
  const connection = await ownerPool.connect();
  try {
    await connection.query("SELECT pg_advisory_lock(hashtext('conduct-ledger-migrations'))");
    await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder });
  } finally {
    await connection.query("SELECT pg_advisory_unlock(hashtext('conduct-ledger-migrations'))");
    connection.release();
  }
}

function deriveAppUrl(url: string): string {
  const appUrl = new URL(url);
  appUrl.username = APP_ROLE;
  appUrl.password = process.env.CONDUCT_APP_DB_PASSWORD ?? "";
  return appUrl.toString();
}
