// A fresh database for each test file: in-memory PGlite, or a throwaway PostgreSQL database when
// DATABASE_URL is set (CI runs both).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/db/connection.js";
import { seedReferenceData } from "../../src/seed/reference.js";

export interface TestDatabase {
  url?: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for a test file. On a PostgreSQL server it is a copy of a template database
 * already migrated and holding the reference data (made once per set of migrations, like
 * pgliteTemplate): copying takes a tenth of a second where migrating took one or two.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { drop: async () => {} };
  const name = `conduct_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `DATABASE_URL is set but PostgreSQL does not answer (${(error as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  try {
    const template = await serverTemplate(admin, serverUrl);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, name);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      // Let closing pools finish saying goodbye: forcing them off mid-close makes them raise errors.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function databaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The server's template for test databases, made if missing. Test processes run side by side: one
 * makes it under an advisory lock while the others wait, and it gets its name only once complete,
 * so a process that died half-way leaves nothing another would copy.
 */
async function serverTemplate(admin: pg.Client, serverUrl: string) {
  const template = `conduct_test_template_${templateHash()}`;
  await admin.query("SELECT pg_advisory_lock(hashtext('conduct_test_template'))");
  try {
    const { rows } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (rows.length > 0) return template;
    // Templates of earlier migrations are left from other runs on this server: they go.
    const stale = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'conduct\\_test\\_template\\_%'",
    );
    for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname}`).catch(() => undefined); // one in use stays
    const partial = `${template}_${process.pid}`;
    await admin.query(`CREATE DATABASE ${partial}`);
    const handle = await openDatabase({ url: databaseUrl(serverUrl, partial) });
    try {
      await seedReferenceData(handle);
    } finally {
      await handle.close();
    }
    await admin.query(`ALTER DATABASE ${partial} RENAME TO ${template}`);
    return template;
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('conduct_test_template'))");
  }
}

const root = path.resolve(import.meta.dirname, "../..");

/** A hash of what a template database holds: the migrations and the reference data. */
function templateHash() {
  const sources = [
    ...readdirSync(path.join(root, "src/db/migrations"))
      .filter((name) => name.endsWith(".sql"))
      .sort()
      .map((name) => path.join(root, "src/db/migrations", name)),
    path.join(root, "src/seed/reference.ts"),
    ...readdirSync(path.join(root, "src/domain/vocabulary"), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts"))
      .sort()
      .map((name) => path.join(root, "src/domain/vocabulary", name)),
    ...readdirSync(path.join(root, "src/domain/reference"))
      .sort()
      .map((name) => path.join(root, "src/domain/reference", name)),
    ...readdirSync(path.join(root, "src/seed/data"), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => path.join(root, "src/seed/data", name)),
  ];
  const hash = createHash("sha256");
  for (const file of sources) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/**
 * An embedded database already migrated and holding the reference data, kept in the system's temp
 * folder under a hash of the migrations and reference data: each test file starts from it instead of
 * migrating from nothing (seconds per file). Any change to them makes a new one.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(tmpdir(), `conduct-pglite-template-${templateHash()}.tgz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const handle = await openDatabase({});
  try {
    await seedReferenceData(handle);
    const dump = await (handle.dumpDataDir as () => Promise<Blob>)();
    // Written aside then renamed, so that another test process never reads half a template.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await handle.close();
  }
}
