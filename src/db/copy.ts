// Bulk rows into a table by COPY, on either database: a PostgreSQL server takes them as a stream
// (COPY FROM STDIN), PGlite as a blob. Text format: what a value may hold is escaped here, once.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { APP_ROLE } from "./connection.js";

export type CopyValue = string | number | boolean | null | readonly string[];

interface PgliteTransaction {
  query(text: string, params: unknown[], options: { blob?: Blob }): Promise<unknown>;
}

const escapes: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const special = /[\\\t\n\r]/;
// Most values hold nothing to escape: testing first spares a new string for each.
const escapeText = (text: string) => (special.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => escapes[c]) : text);
// Every element quoted, so commas, braces, spaces and the word NULL stay values.
const arrayLiteral = (items: readonly string[]) =>
  `{${items.map((item) => `"${item.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

function copyField(value: CopyValue) {
  if (value === null) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "object") return escapeText(arrayLiteral(value));
  return String(value);
}

/** COPY's text format for these rows, each a line of tab-separated fields. */
export function copyText(rows: readonly (readonly CopyValue[])[]) {
  let text = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i === 0 ? "" : "\t") + copyField(row[i]);
    text += "\n";
  }
  return text;
}

/**
 * Copies rows into a table within the transaction `tx` (drizzle's, on either driver). The table and
 * columns are the caller's own names, never a user's: they go into the statement as they are.
 */
export async function copyRows(tx: unknown, table: string, rows: readonly (readonly CopyValue[])[]) {
  if (rows.length === 0) return;
  const client = (tx as { session: { client: unknown } }).session.client;
  const text = copyText(rows);
  if (client instanceof pg.Client) {
    // The server's clients pipeline (src/db/connection.ts), and a pipelined client refuses a COPY,
    // which holds the connection over several round trips: pipelining is off while it runs. The
    // caller has awaited every earlier query of the transaction, so nothing is in flight meanwhile.
    const server = client as pg.Client & { pipeline: boolean };
    const pipelining = server.pipeline;
    server.pipeline = false;
    try {
      await pipeline(Readable.from([text]), server.query(copyFrom(`copy ${table} from stdin`)));
    } finally {
      server.pipeline = pipelining;
    }
    return;
  }
  // PGlite reads the rows from its virtual /dev/blob, which only a role that may read server files
  // can COPY from: the owner, for this statement (as owner work does, src/db/connection.ts). PGlite's
  // session user is its superuser anyway; a server's application role never takes this path.
  const embedded = client as PgliteTransaction;
  await embedded.query("set local role postgres", [], {});
  await embedded.query(`copy ${table} from '/dev/blob'`, [], { blob: new Blob([text]) });
  await embedded.query(`set local role ${APP_ROLE}`, [], {});
}
