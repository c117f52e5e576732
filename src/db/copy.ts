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

/**
 * Rows in COPY's text format, written into a buffer as they come: a caller streaming a million rows
 * holds bytes, not a million arrays (which the garbage collector would copy while they wait).
 */
export class CopyLines {
  private buffer = Buffer.allocUnsafe(1 << 18);
  /** Bytes written so far: where the next row begins. */
  length = 0;

  add(row: readonly CopyValue[]) {
    let line = "";
    for (let i = 0; i < row.length; i++) line += (i === 0 ? "" : "\t") + copyField(row[i]);
    line += "\n";
    // A UTF-16 unit takes at most three bytes in UTF-8.
    if (this.length + line.length * 3 > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + line.length * 3));
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(line, this.length);
  }

  /** The rows written between two lengths. */
  bytes(start = 0, end = this.length) {
    return this.buffer.subarray(start, end);
  }
}

/**
 * Copies rows in COPY's text format (CopyLines) into a table within the transaction `tx` (drizzle's,
 * on either driver). The table and columns are the caller's own names, never a user's: they go into
 * the statement as they are.
 */
export async function copyLines(tx: unknown, table: string, pieces: Uint8Array<ArrayBuffer>[]) {
  if (pieces.every((piece) => piece.length === 0)) return;
  const client = (tx as { session: { client: unknown } }).session.client;
  if (client instanceof pg.Client) {
    // The server's clients pipeline (src/db/connection.ts), and a pipelined client refuses a COPY,
    // which holds the connection over several round trips: pipelining is off while it runs. The
    // caller has awaited every earlier query of the transaction, so nothing is in flight meanwhile.
    const server = client as pg.Client & { pipeline: boolean };
    const pipelining = server.pipeline;
    server.pipeline = false;
    try {
      await pipeline(Readable.from(pieces), server.query(copyFrom(`copy ${table} from stdin`)));
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
  await embedded.query(`copy ${table} from '/dev/blob'`, [], { blob: new Blob(pieces) });
  await embedded.query(`set local role ${APP_ROLE}`, [], {});
}
