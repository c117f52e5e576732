// Importing historical allegations in the UN's layout (or the 15 columns published before 2015),
// streamed: rows are read, checked and staged two thousand allegations at a time inside one
// transaction, then written in one statement per table, so a file of any size never sits in memory
// and a file with a bad row writes nothing (or, asked to skip them, writes the good rows and hands
// back the rejects). Rows become imported allegations under their own reference (kept apart from the
// cases recorded here), so importing the same file again changes nothing. Rows sharing a reference
// are one allegation published in one row per category and nationality; each row keeps its own
// facts, and they are merged wherever they are in the file. What the import wrote is counted once,
// at its end.
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { CopyLines, copyLines } from "../../../db/copy.js";
import { countries, missions } from "../../../db/schema.js";
import { publishedStatusOf, systemWideStatuses } from "../../../domain/system-wide.js";
import {
  appearsEarlierOtherwise,
  headerLayout,
  type ImportedAllegation,
  type ImportLayout,
  mergeAllegation,
  parseImportRow,
  recordOf,
} from "../../../domain/allegation-import.js";
import { countryFinder } from "../../../domain/country-names.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { publicationPolicy } from "../../auth/policies/index.js";
import { Forbidden, ValidationFailed } from "../../errors.js";
import { inTransaction, rowsWritten, type Transaction } from "../../transaction.js";
import { csvText } from "../../spreadsheets.js";
import { csvRecords, csvRefusal } from "../../csv-reading.js";
import { forgetPublicStatistics } from "./stats.js";
import { recordAuditEvent } from "../audit/index.js";
import { recordImport } from "./imports.js";

/** The most rows a file sent through the web app may hold; the command line streams any size. */
export const IMPORT_MAX_ROWS = 200_000;
const BATCH = 2_000;
/** Problems listed in a refusal; all are counted. */
const LISTED_PROBLEMS = 1_000;

export interface Rejected {
  line: number;
  reason: string;
  record: string[];
}

export interface ImportOutcome {
  /** The import, to list or withdraw (src/server/modules/publication/imports.ts). */
  importId: string;
  rows: number;
  created: number;
  unchanged: number;
  rejected: Rejected[];
  /** The rejected rows as CSV with a reason column, to fix and import again. */
  rejectCsv: string | null;
}

export interface ImportOptions {
  skipInvalid: boolean;
  sourceFile: string | null;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Refuse a file with more rows than this (the web app's limit). */
  maxRows?: number;
}

interface Pending {
  item: ImportedAllegation;
  line: number;
  values: string[];
}

async function lookups(tx: Transaction) {
  const missionRows = await tx.select({ code: missions.code }).from(missions);
  const countryRows = await tx
    .select({ code: countries.code, names: countries.names, variants: countries.variants })
    .from(countries);
  return {
    missionCodes: new Set(missionRows.map((row) => row.code)),
    findCountry: remembered(countryFinder(countryRows)),
    thisMonth: new Date().toISOString().slice(0, 7),
  };
}

export async function importAllegations(
  services: Services,
  actor: Actor,
  source: string | Readable,
  options: ImportOptions,
): Promise<ImportOutcome> {
  if (!publicationPolicy.importAllegations(actor)) throw new Forbidden("Headquarters imports historical allegations.");
  const input = typeof source === "string" ? Readable.from([source]) : source;
  const outcome = await inTransaction(services.db, actor, async (tx) => {
    const lookup = await lookups(tx);
    await createStaging(tx);
    const met = new ReferencesMet();
    const rejected: Rejected[] = [];
    let refused = 0;
    let rows = 0;
    let unchanged = 0;
    const reject = (line: number, reason: string, values: string[]) => {
      refused++;
      // Skipping, every reject goes back in the reject file; refusing, the first ones are named.
      if (options.skipInvalid || rejected.length < LISTED_PROBLEMS) rejected.push({ line, reason, record: values });
    };
    // Once a row is refused and nothing may be written, the rest is only checked.
    const writing = () => options.skipInvalid || refused === 0;
    let layout: ImportLayout | null = null;
    let pending: Pending | null = null;
    let batch = new Batch();

    // A batch is staged while the next is read: the file is parsed during the database's turn.
    // At most two batches are held; a write after a refusal is undone with the transaction.
    let writingBatch: Promise<void> = Promise.resolve();
    const flush = async () => {
      const ready = batch;
      const readSoFar = rows;
      batch = new Batch();
      await writingBatch;
      writingBatch = (async () => {
        if (writing()) unchanged += (await stageBatch(tx, ready, reject)).unchanged;
        options.onProgress?.(readSoFar);
      })();
    };

    try {
      for await (const { values, line } of csvRecords(input)) {
        if (!layout) {
          const header = headerLayout(values);
          if ("problem" in header)
            throw new ValidationFailed(header.problem, [{ path: `line ${line}`, message: "bad_header" }], "bad_header");
          layout = header.layout;
          continue;
        }
        rows++;
        if (options.maxRows !== undefined && rows > options.maxRows)
          throw new ValidationFailed(
            `A file holds at most ${options.maxRows.toLocaleString("en")} rows here: split it, or use \`conduct import allegations\`.`,
            [],
            "csv_too_large",
          );
        const result =
          values.length === layout.length
            ? parseImportRow(recordOf(layout, values), lookup)
            : { ok: false as const, reason: `expected ${layout.length} columns, found ${values.length}` };
        if (!result.ok) {
          reject(line, result.reason, values);
          continue;
        }
        if (pending && pending.item.reference === result.value.reference) {
          const problem = mergeAllegation(pending.item, result.value);
          if (problem) reject(line, problem, values);
          continue;
        }
        if (pending && writing()) batch.add(pending, met);
        pending = { item: result.value, line, values };
        if (batch.size >= BATCH) await flush();
      }
    } catch (error) {
      // The batch being written settles first, so no failure of it is left unheard.
      await writingBatch.catch(() => undefined);
      throw csvRefusal(error);
    }
    if (pending && writing()) batch.add(pending, met);
    await flush();
    await writingBatch;
    if (!layout) throw new ValidationFailed("The file is empty.", [], "csv_empty");
    const columns = layout;
    if (writing()) await refuseDisagreeingRepeats(tx, reject);
    // Rows are refused as they are read, when their batch is staged, or at the end: listed in file order.
    rejected.sort((a, b) => a.line - b.line);
    if (refused > 0 && !options.skipInvalid) {
      throw new ValidationFailed(
        `${refused} of ${rows} rows cannot be imported; nothing was written. Fix them, or import the valid rows and get the rejects back.`,
        rejected.map((entry) => ({ path: `line ${entry.line}`, message: entry.reason })),
        "import_rows_invalid",
      );
    }
    const created = await writeStaged(tx, actor, options.sourceFile);
    // The transaction's own timestamp marks what this very import wrote.
    if (created > 0) await tx.execute(sql`select conduct_count_imported_allegations(now(), 1)`);
    const importId = await recordImport(tx, actor, {
      sourceFile: options.sourceFile,
      rows,
      created,
      unchanged,
      rejected: refused,
    });
    await recordAuditEvent(tx, actor, {
      action: "publication.import",
      subjectType: "publication",
      details: { rows, created, unchanged, rejected: refused, sourceFile: options.sourceFile },
    });
    const rejectCsv = rejected.length
      ? csvText([
          [...columns, "line", "reason"],
          ...rejected.map((entry) => [...columns.map((_, i) => entry.record[i] ?? ""), entry.line, entry.reason]),
        ])
      : null;
    return { importId, rows, created, unchanged, rejected, rejectCsv };
  });
  forgetPublicStatistics(services);
  return outcome;
}

// What a file's allegations are staged in while it is read: temporary tables, gone with the
// transaction, without the indexes or row rules of the imported tables. The rows go over once, at
// the end, in one statement per table. `line` ties an allegation to its rows; `record` is the
// row as read, kept only where the reference may have been met before (see ReferencesMet).
const stagedAllegation = sql.raw(`line int, reference text, mission_code text, date_reported date,
  category_codes text[], nationality_codes text[], allegation_codes text[], women int, girls int, boys int, men int,
  victims int, paternity_claim boolean, finding_outcome text, record text[]`);
const stagedRow = sql.raw(`line int, reference text, category_code text, nationality_code text, victims int,
  child_victims int, alleged_perpetrators int, incident_period text, paternity_status text, investigating_entity text,
  investigation_days int, findings text, interim_action text, final_action text, un_action text,
  member_state_action text, criminal_referral boolean`);
const rowColumns = sql.raw(`reference, category_code, nationality_code, victims, child_victims, alleged_perpetrators,
  incident_period, paternity_status, investigating_entity, investigation_days, findings, interim_action, final_action,
  un_action, member_state_action, criminal_referral`);

async function createStaging(tx: Transaction) {
  await tx.execute(sql`create temp table import_staged (${stagedAllegation}) on commit drop`);
  await tx.execute(sql`create temp table import_staged_rows (${stagedRow}) on commit drop`);
}

/**
 * The references this file has staged, as a Bloom filter: a few megabytes whatever the file's
 * size. It may say "met" of a reference never met (rarely), never the reverse, so every row whose
 * reference comes back keeps its text for a reject.
 */
class ReferencesMet {
  private readonly bits = new Uint32Array(1 << 19); // 2^24 bits, 2 MB: under 0.3% wrong at a million
  /** Adds the reference, and answers whether it may have been added before. */
  add(reference: string) {
    // Two FNV-1a hashes combined make the four positions (double hashing).
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < reference.length; i++) {
      a = Math.imul(a ^ reference.charCodeAt(i), 0x01000193);
      b = Math.imul(b ^ reference.charCodeAt(i), 0x5bd1e995);
    }
    let met = true;
    for (let k = 0; k < 4; k++) {
      const bit = (a + k * (b | 1)) >>> 8;
      const mask = 1 << (bit & 31);
      if ((this.bits[bit >>> 5] & mask) === 0) met = false;
      this.bits[bit >>> 5] |= mask;
    }
    return met;
  }
}

/**
 * `answer` remembered for the values met first, up to `limit` of them: a file repeats a few
 * thousand names and findings a million times, and a file of all-different values cannot grow it.
 */
function remembered<T>(answer: (value: string) => T, limit = 10_000) {
  const known = new Map<string, T>();
  return (value: string) => {
    const cached = known.get(value);
    if (cached !== undefined || known.has(value)) return cached as T;
    const result = answer(value);
    if (known.size < limit) known.set(value, result);
    return result;
  };
}

/** Where the file says an allegation stands, for the system-wide figures, from its rows' findings. */
const outcomeOfFindings = remembered((findings) => publishedStatusOf(JSON.parse(findings)));

/** An allegation of a batch: where its lines end in the batch's COPY text, and what a reject needs. */
interface Written {
  reference: string;
  line: number;
  values: string[];
  allegationEnd: number;
  rowsEnd: number;
}

/**
 * Allegations read and not yet staged, each written at once as the COPY lines of its staging rows:
 * a batch holds bytes, and only what a reject needs of each allegation as objects.
 */
class Batch {
  private readonly allegations = new CopyLines();
  private readonly rows = new CopyLines();
  readonly written: Written[] = [];

  get size() {
    return this.written.length;
  }

  add({ item, line, values }: Pending, met: ReferencesMet) {
    const { women, girls, boys, men } = item.victimsByGroup;
    const outcome = outcomeOfFindings(JSON.stringify(Array.from(item.rows.values(), (facts) => facts.findings)));
    // Only a reference that may come back keeps its row as read (see ReferencesMet).
    const record = met.add(item.reference) ? values : null;
    this.allegations.add([
      line,
      item.reference,
      item.missionCode,
      item.dateReported,
      item.categoryCodes,
      item.nationalityCodes,
      item.allegationCodes,
      women,
      girls,
      boys,
      men,
      item.victims,
      item.paternityClaim,
      outcome,
      record,
    ]);
    for (const [pair, facts] of item.rows) {
      const [category, nationality] = pair.split(":");
      this.rows.add([
        line,
        item.reference,
        category,
        nationality,
        facts.victims,
        facts.childVictims,
        facts.allegedPerpetrators,
        facts.incidentPeriod,
        facts.paternityStatus,
        facts.investigatingEntity,
        facts.investigationDays,
        facts.findings,
        facts.interimAction,
        facts.finalAction,
        facts.unAction,
        facts.memberStateAction,
        facts.criminalReferral,
      ]);
    }
    const { reference } = item;
    this.written.push({ reference, line, values, allegationEnd: this.allegations.length, rowsEnd: this.rows.length });
  }

  /** The COPY text of the allegations kept, in runs of neighbours: one piece per run, per table. */
  kept(keep: (entry: Written) => boolean) {
    const allegations: Uint8Array<ArrayBuffer>[] = [];
    const rows: Uint8Array<ArrayBuffer>[] = [];
    let i = 0;
    while (i < this.written.length) {
      if (!keep(this.written[i])) {
        i++;
        continue;
      }
      // A run begins where the allegation before it ends, and ends with its last kept neighbour.
      const before = i > 0 ? this.written[i - 1] : { allegationEnd: 0, rowsEnd: 0 };
      while (i < this.written.length && keep(this.written[i])) i++;
      const last = this.written[i - 1];
      allegations.push(this.allegations.bytes(before.allegationEnd, last.allegationEnd));
      rows.push(this.rows.bytes(before.rowsEnd, last.rowsEnd));
    }
    return { allegations, rows };
  }
}

/**
 * Stages a batch of allegations: a reference imported before is left as it is; one that belongs to a
 * case recorded here is refused. A reference met again (in this batch or further down the file) is
 * merged at the end (writeStaged).
 */
async function stageBatch(
  tx: Transaction,
  batch: Batch,
  reject: (line: number, reason: string, values: string[]) => void,
) {
  if (batch.size === 0) return { unchanged: 0 };
  const references = [...new Set(batch.written.map((entry) => entry.reference))];
  // Cases recorded here are looked up whoever may see them: only which of these references they take is told.
  const found = (await tx.execute(sql`select reference, true as imported from imported_allegations
      where reference = any(${sql.param(references)}::text[])
    union all select reference, false from conduct_recorded_case_references(${sql.param(references)}::text[]) reference`)) as unknown as {
    rows: { reference: string; imported: boolean }[];
  };
  const importedBefore = new Set(found.rows.filter((row) => row.imported).map((row) => row.reference));
  const recordedHere = new Set(found.rows.filter((row) => !row.imported).map((row) => row.reference));
  for (const entry of batch.written)
    if (recordedHere.has(entry.reference))
      reject(
        entry.line,
        `reference ${entry.reference} is a case recorded in Conduct Ledger, not an imported one`,
        entry.values,
      );
  const kept = batch.kept((entry) => !importedBefore.has(entry.reference) && !recordedHere.has(entry.reference));
  await copyLines(tx, "import_staged", kept.allegations);
  await copyLines(tx, "import_staged_rows", kept.rows);
  return { unchanged: importedBefore.size };
}

/**
 * A reference met again further down the file must agree on when and where it was reported with
 * its first appearance (as mergeAllegation asks within a batch): the rows that do not are refused
 * and leave the staging.
 */
async function refuseDisagreeingRepeats(
  tx: Transaction,
  reject: (line: number, reason: string, values: string[]) => void,
) {
  await tx.execute(sql`create temp table import_repeated on commit drop as
    select reference, min(line) as first_line from import_staged
    -- Only a reference the filter took for met before can be met twice: the rest is not grouped.
    where reference in (select reference from import_staged where record is not null)
    group by reference having count(*) > 1`);
  const result = (await tx.execute(sql`select s.line, s.reference, s.record from import_staged s
      join import_repeated r using (reference) join import_staged f on f.line = r.first_line
    where s.line <> f.line and (s.date_reported, s.mission_code) is distinct from (f.date_reported, f.mission_code)
    order by s.line`)) as unknown as { rows: { line: number; reference: string; record: string[] }[] };
  for (const row of result.rows) reject(row.line, appearsEarlierOtherwise(row.reference), row.record);
  if (result.rows.length === 0) return;
  const lines = sql.param(result.rows.map((row) => row.line));
  await tx.execute(sql`delete from import_staged where line = any(${lines}::int[])`);
  await tx.execute(sql`delete from import_staged_rows where line = any(${lines}::int[])`);
}

/**
 * Writes what was staged, one statement per table: an allegation met once as it is; one met again
 * further down the file (import_repeated, made by refuseDisagreeingRepeats) as one, its categories,
 * countries and codes joined, each group's victims the largest any row gave, and the strongest of
 * their outcomes. A (category, nationality) pair keeps its first row. Rows go in their keys' order:
 * each index page is then filled once instead of revisited (a fifth of the write at a million).
 */
async function writeStaged(tx: Transaction, actor: Actor, sourceFile: string | null) {
  const joined = (column: string) =>
    sql.raw(
      `array(select distinct v from import_staged a, unnest(a.${column}) v where a.reference = s.reference order by 1)`,
    );
  const statuses = sql.param([...systemWideStatuses]);
  const grouped = sql`(women + girls + boys + men)`;
  const created = await rowsWritten(
    tx,
    sql`insert into imported_allegations (reference, mission_code, date_reported,
      category_codes, nationality_codes, allegation_codes, victims_women, victims_girls, victims_boys, victims_men,
      victims_unknown, paternity_claim, finding_outcome, source_file, imported_by)
    select reference, mission_code, date_reported, category_codes, nationality_codes, allegation_codes, women, girls,
      boys, men, greatest(victims, ${grouped}) - ${grouped}, paternity_claim, finding_outcome,
      ${sourceFile}::text, ${actor.userId}::text
    from (
      select reference, mission_code, date_reported, category_codes, nationality_codes, allegation_codes, women, girls,
        boys, men, victims, paternity_claim, finding_outcome
      from import_staged s where not exists (select from import_repeated r where r.reference = s.reference)
      union all
      select s.reference, min(mission_code), min(date_reported), ${joined("category_codes")},
        ${joined("nationality_codes")}, ${joined("allegation_codes")}, max(women), max(girls), max(boys), max(men),
        max(victims), bool_or(paternity_claim),
        -- The strongest of what the rows say (src/domain/system-wide.ts, systemWideStatuses).
        (${statuses}::text[])[min(array_position(${statuses}::text[], finding_outcome))]
      from import_staged s join import_repeated using (reference) group by s.reference
    ) staged order by reference`,
  );
  await tx.execute(sql`insert into imported_allegation_rows (${rowColumns})
    select * from (
      select ${rowColumns} from import_staged_rows s
      where not exists (select from import_repeated r where r.reference = s.reference)
      union all
      (select distinct on (reference, category_code, nationality_code) ${rowColumns}
        from import_staged_rows join import_repeated using (reference)
        order by reference, category_code, nationality_code, line)
    ) staged order by reference, category_code, nationality_code`);
  return created;
}
