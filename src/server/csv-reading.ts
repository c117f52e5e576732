// Every CSV file the app reads goes through here (spreadsheets.ts writes them): RFC 4180 as
// spreadsheet programs write it — fields quoted or not, `""` for a quote inside quotes, lines ended by
// CRLF, LF or CR, an optional byte order mark. Empty lines are skipped and rows may differ in length:
// each caller checks its own columns. Read chunk by chunk, a file of any size streams through; each
// record comes with the line it ends on, so a refusal names the line a person can find.
import { StringDecoder } from "node:string_decoder";
import { ValidationFailed } from "./errors.js";

/** The reason a file cannot be read as CSV; callers refuse the file with it. */
export class CsvUnreadable extends Error {}

/** What a caller throws for an error met reading CSV: a refusal naming the reason, or the error as it is. */
export function csvRefusal(error: unknown, code = "csv_unreadable") {
  if (!(error instanceof CsvUnreadable)) return error;
  return new ValidationFailed(`The file is not readable CSV: ${error.message}`, [], code);
}

export interface CsvRecord {
  values: string[];
  /** The line the record ends on (a quoted field may hold line breaks). */
  line: number;
}

/** No record is longer: a quote left open would otherwise hold the rest of the file in memory. */
const MAX_RECORD_LENGTH = 1 << 20;
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Where the next record begins, and the record read (none for an empty line). */
interface Step {
  next: number;
  record: CsvRecord | null;
}

/** Reads CSV text given in chunks; records are handed back as soon as they are whole. */
class CsvReader {
  private rest = "";
  private line = 1;
  private started = false;

  /**
   * The whole records in what was read so far, one at a time (a large chunk, such as a file sent
   * whole, is not turned into records all at once); `last` says no text follows.
   */
  *read(chunk: string, last: boolean): Generator<CsvRecord> {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let at = 0;
    while (at < text.length) {
      const step = this.record(text, at, last);
      if (!step) break;
      at = step.next;
      if (step.record) yield step.record;
    }
    this.rest = text.slice(at);
    if (this.rest.length > MAX_RECORD_LENGTH)
      throw new CsvUnreadable(`the record from line ${this.line} is longer than 1 MB (is a quote left open?)`);
  }

  /** The record starting at `start`, or null if the text ends before it does and more may follow. */
  private record(text: string, start: number, last: boolean): Step | null {
    const lineEnd = text.indexOf("\n", start);
    // Most lines hold no quote and no lone CR: they are split as they are.
    if (lineEnd >= 0 || last) {
      const stop = lineEnd >= 0 ? lineEnd : text.length;
      const line = text.slice(start, stop > start && text.charCodeAt(stop - 1) === CR ? stop - 1 : stop);
      if (!line.includes('"') && !line.includes("\r")) {
        const record = line.length > 0 ? { values: line.split(","), line: this.line } : null;
        this.line++;
        return { next: lineEnd >= 0 ? lineEnd + 1 : text.length, record };
      }
    }
    return this.quotedRecord(text, start, last);
  }

  /** The record read character by character: quoted fields, line breaks within them, a lone CR. */
  private quotedRecord(text: string, start: number, last: boolean): Step | null {
    const values: string[] = [];
    let breaks = 0;
    let at = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(at) === QUOTE) {
        value = "";
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) {
            if (!last) return null;
            throw new CsvUnreadable(`the quoted field opened on line ${this.line + breaks} is never closed`);
          }
          const part = text.slice(from, quote);
          value += part;
          breaks += lineBreaks(part);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += '"';
            from = quote + 2;
            continue;
          }
          // A quote at the very end of a chunk may be the first of a doubled one.
          if (quote + 1 === text.length && !last) return null;
          at = quote + 1;
          break;
        }
        const next = text.charCodeAt(at);
        if (at < text.length && next !== COMMA && next !== LF && next !== CR)
          throw new CsvUnreadable(
            `line ${this.line + breaks}: text follows a closing quote (a quote inside a quoted field is written "")`,
          );
      } else {
        let end = at;
        while (end < text.length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          if (code === QUOTE)
            throw new CsvUnreadable(
              `line ${this.line + breaks}: a quote inside a field that does not begin with one (quote the field and write the quote as "")`,
            );
          end++;
        }
        if (end === text.length && !last) return null;
        value = text.slice(at, end);
        at = end;
      }
      values.push(value);
      const code = text.charCodeAt(at);
      if (code === COMMA) {
        at++;
        continue;
      }
      // The record ends: at CRLF, LF, CR, or the end of the text.
      if (code === CR) {
        if (at + 1 === text.length && !last) return null;
        at += text.charCodeAt(at + 1) === LF ? 2 : 1;
      } else if (code === LF) at++;
      const line = this.line + breaks;
      // A lone CR on its own is an empty line; `""` is a record of one empty field.
      const empty = values.length === 1 && values[0] === "" && text.charCodeAt(start) !== QUOTE;
      this.line = line + 1;
      return { next: at, record: empty ? null : { values, line } };
    }
  }
}

/** Line breaks in a quoted field's text: CRLF, LF and a lone CR count one each. */
function lineBreaks(text: string) {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** The records of a CSV stream (bytes as UTF-8, or text), one at a time. */
export async function* csvRecords(source: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  const reader = new CsvReader();
  const decoder = new StringDecoder("utf8");
  for await (const chunk of source) yield* reader.read(typeof chunk === "string" ? chunk : decoder.write(chunk), false);
  yield* reader.read(decoder.end(), true);
}

/** The rows of CSV text held whole (a small upload). */
export function csvRows(text: string): string[][] {
  return Array.from(new CsvReader().read(text, true), (record) => record.values);
}
