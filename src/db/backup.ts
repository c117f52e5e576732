// Backup and restore of every table as gzipped JSON lines: the same file serves PGlite and
// PostgreSQL, and a restore gives back every row exactly (values round-trip through row_to_json).
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import type { DatabaseHandle, OwnerClient } from "./connection.js";

const FORMAT = "conduct-ledger-backup";
const BATCH = 1000;

interface TableInfo {
  name: string;
  keyColumns: string[];
}

/** Application tables, parents before children (foreign keys), each with its primary key. */
async function tablesInDependencyOrder(owner: OwnerClient): Promise<TableInfo[]> {
  const tables = await owner.query<{ name: string; keys: string[] }>(`
    SELECT c.relname AS name,
           array(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k) AS keys
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
    WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`);
  const edges = await owner.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t.name) && edges.every((e) => e.child !== t.name || placed.has(e.parent)),
    );
    if (ready.length === 0) throw new Error("Foreign keys form a cycle; cannot order tables for backup.");
    for (const table of ready) {
      placed.add(table.name);
      ordered.push({ name: table.name, keyColumns: table.keys });
    }
  }
  return ordered;
}

// Triggers that keep rows derived from others (public and system-wide counts, the nationalities'
// rows, units' counts, a case's finding): the backup holds those rows as they were, so the triggers must not write them again.
const keepingTriggers = [
  ["cases", "cases_public_counts_insert"],
  ["cases", "cases_public_counts_update"],
  ["cases", "cases_public_counts_delete"],
  ["cases", "cases_keep_nationalities_insert"],
  ["cases", "cases_keep_nationalities_update"],
  ["cases", "cases_unit_counts_update"],
  ["perpetrators", "perpetrators_unit_counts_insert"],
  ["perpetrators", "perpetrators_unit_counts_update"],
  ["perpetrators", "perpetrators_unit_counts_delete"],
  ["findings", "findings_unit_counts_insert"],
  ["findings", "findings_unit_counts_update"],
  ["findings", "findings_unit_counts_delete"],
  ["findings", "findings_outcome_insert"],
  ["findings", "findings_outcome_update"],
  ["findings", "findings_outcome_delete"],
  ["system_wide_allegation_counts", "system_wide_counts_roll_up_insert"],
  ["system_wide_allegation_counts", "system_wide_counts_roll_up_update"],
] as const;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function lastMigration(owner: OwnerClient): Promise<string> {
  const [row] = await owner.query<{ hash: string }>(
    "SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1",
  );
  return row?.hash ?? "";
}

export async function backupDatabase(handle: DatabaseHandle, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await handle.asOwner(async (owner) => {
    await owner.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const tables = await tablesInDependencyOrder(owner);
    const schema = await lastMigration(owner);
    async function* lines() {
      yield `${JSON.stringify({ format: FORMAT, version: 1, schema, createdAt: new Date().toISOString(), tables: tables.map((t) => t.name) })}\n`;
      for (const table of tables) {
        counts[table.name] = 0;
        const order = table.keyColumns.length ? table.keyColumns.map(quote).join(", ") : "ctid";
        for (let offset = 0; ; offset += BATCH) {
          const rows = await owner.query<{ row: string }>(
            `SELECT row_to_json(t)::text AS row FROM ${quote(table.name)} t ORDER BY ${order} LIMIT ${BATCH} OFFSET ${offset}`,
          );
          for (const { row } of rows) yield `{"table":${JSON.stringify(table.name)},"row":${row}}\n`;
          counts[table.name] += rows.length;
          if (rows.length < BATCH) break;
        }
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  });
  return counts;
}

/** Replaces every table's content with the backup's, in one transaction: all or nothing. */
export async function restoreDatabase(handle: DatabaseHandle, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await handle.asOwner(async (owner) => {
    const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let header: { format?: string; schema?: string; tables?: string[] } | null = null;
    let batch: { table: string; rows: unknown[] } = { table: "", rows: [] };
    const flush = async () => {
      if (batch.rows.length === 0) return;
      const table = quote(batch.table);
      await owner.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(null::${table}, $1::jsonb)`, [
        JSON.stringify(batch.rows),
      ]);
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
      batch.rows = [];
    };
    for await (const line of reader) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line);
        if (header?.format !== FORMAT) throw new Error(`${file} is not a Conduct Ledger backup.`);
        if (header.schema !== (await lastMigration(owner))) {
          throw new Error(
            "This backup was made by a different version of the database schema; restore it with the matching version of Conduct Ledger.",
          );
        }
        await owner.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_truncate");
        await owner.query(`TRUNCATE ${(header.tables ?? []).map(quote).join(", ")} RESTART IDENTITY CASCADE`);
        await owner.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_truncate");
        for (const [table, trigger] of keepingTriggers)
          await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
        continue;
      }
      const { table, row } = JSON.parse(line) as { table: string; row: unknown };
      if (table !== batch.table) {
        await flush();
        batch = { table, rows: [] };
      }
      batch.rows.push(row);
      if (batch.rows.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty.`);
    for (const [table, trigger] of keepingTriggers) await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    // Serial columns continue after the highest restored id.
    const sequences = await owner.query<{ table_name: string; column_name: string; seq: string }>(`
      SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
      FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`);
    for (const s of sequences) {
      await owner.query(
        `SELECT setval('${s.seq}', coalesce((SELECT max(${quote(s.column_name)}) FROM ${quote(s.table_name)}), 0) + 1, false)`,
      );
    }
  });
  return counts;
}
