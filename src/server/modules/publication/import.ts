// Importing historical allegations in the UN's layout (or the 15 columns published before 2015),
// streamed: rows are read, checked and written two thousand allegations at a time inside one
// transaction, so a file of any size never sits in memory and a file with a bad row writes nothing
// (or, asked to skip them, writes the good rows and hands back the rejects). Rows become imported
// allegations under their own reference (kept apart from the cases recorded here), so importing the
// same file again changes nothing. Rows sharing a reference are one allegation published in one row
// per category and nationality; each row keeps its own facts, and they are merged wherever they are
// in the file. What the import wrote is counted once, at its end.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { eq, inArray, sql } from "drizzle-orm";
import { countries, importedAllegations, missions } from "../../../db/schema.js";
import { publishedStatusOf, systemWideStatuses } from "../../../domain/system-wide.js";
import {
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
import { inTransaction, type Transaction } from "../../transaction.js";
import { csvText } from "../../spreadsheets.js";
import { forgetPublicStatistics } from "./stats.js";
import { recordAuditEvent } from "../audit/index.js";

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
  return { missionCodes: new Set(missionRows.map((row) => row.code)), findCountry: countryFinder(countryRows) };
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
    const rejected: Rejected[] = [];
    let refused = 0;
    let rows = 0;
    let created = 0;
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
    let batch: Pending[] = [];

    // A batch is written while the next is read: the file is parsed during the database's turn.
    // At most two batches are held; a write after a refusal is undone with the transaction.
    let writingBatch: Promise<void> = Promise.resolve();
    const flush = async () => {
      const ready = batch;
      const readSoFar = rows;
      batch = [];
      await writingBatch;
      writingBatch = (async () => {
        const written = writing()
          ? await writeBatch(tx, actor, ready, options.sourceFile, reject)
          : { created: 0, unchanged: 0 };
        created += written.created;
        unchanged += written.unchanged;
        options.onProgress?.(readSoFar);
      })();
    };

    const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
    try {
      for await (const { record: values, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        if (!layout) {
          const header = headerLayout(values);
          if ("problem" in header)
            throw new ValidationFailed(
              header.problem,
              [{ path: `line ${info.lines}`, message: "bad_header" }],
              "bad_header",
            );
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
          reject(info.lines, result.reason, values);
          continue;
        }
        if (pending && pending.item.reference === result.value.reference) {
          const problem = mergeAllegation(pending.item, result.value);
          if (problem) reject(info.lines, problem, values);
          continue;
        }
        if (pending) batch.push(pending);
        pending = { item: result.value, line: info.lines, values };
        if (batch.length >= BATCH) await flush();
      }
    } catch (error) {
      // The batch being written settles first, so no failure of it is left unheard.
      await writingBatch.catch(() => undefined);
      // The CSV reader's own errors (codes CSV_…) say the file is unreadable; any other goes on as it is.
      if (!String((error as { code?: unknown }).code ?? "").startsWith("CSV_")) throw error;
      throw new ValidationFailed(`The file is not readable CSV: ${(error as Error).message}`, [], "csv_unreadable");
    }
    if (pending) batch.push(pending);
    await flush();
    await writingBatch;
    if (!layout) throw new ValidationFailed("The file is empty.", [], "csv_empty");
    const columns = layout;
    if (refused > 0 && !options.skipInvalid) {
      throw new ValidationFailed(
        `${refused} of ${rows} rows cannot be imported; nothing was written. Fix them, or import the valid rows and get the rejects back.`,
        rejected.map((entry) => ({ path: `line ${entry.line}`, message: entry.reason })),
        "import_rows_invalid",
      );
    }
    // The transaction's own timestamp marks what this very import wrote.
    if (created > 0) await tx.execute(sql`select conduct_count_imported_allegations(now())`);
    await recordAuditEvent(tx, actor, {
      action: "publication.import",
      subjectType: "case",
      details: { rows, created, unchanged, rejected: refused, sourceFile: options.sourceFile },
    });
    const rejectCsv = rejected.length
      ? csvText([
          [...columns, "line", "reason"],
          ...rejected.map((entry) => [...columns.map((_, i) => entry.record[i] ?? ""), entry.line, entry.reason]),
        ])
      : null;
    return { rows, created, unchanged, rejected, rejectCsv };
  });
  forgetPublicStatistics(services);
  return outcome;
}

/**
 * Writes a batch of allegations: new references become imported allegations; those imported before
 * are left as they are; one imported earlier in this same file (its rows apart) takes this one's rows
 * in; a reference that belongs to a case recorded here is refused.
 */
async function writeBatch(
  tx: Transaction,
  actor: Actor,
  batch: Pending[],
  sourceFile: string | null,
  reject: (line: number, reason: string, values: string[]) => void,
) {
  // Rows of one reference apart from each other but within the batch are merged here.
  const byReference = new Map<string, Pending>();
  for (const entry of batch) {
    const earlier = byReference.get(entry.item.reference);
    const problem = earlier ? mergeAllegation(earlier.item, entry.item) : null;
    if (problem) reject(entry.line, problem, entry.values);
    else if (!earlier) byReference.set(entry.item.reference, entry);
  }
  const existing = new Map<
    string,
    { imported: boolean; thisFile: boolean; dateReported: string; missionCode: string }
  >();
  if (byReference.size > 0) {
    const references = [...byReference.keys()];
    const [imported, recorded] = await Promise.all([
      tx
        .select({
          reference: importedAllegations.reference,
          dateReported: importedAllegations.dateReported,
          missionCode: importedAllegations.missionCode,
          // The transaction's own timestamp marks what this very import wrote.
          thisFile: sql<boolean>`${importedAllegations.importedAt} = now()`,
        })
        .from(importedAllegations)
        .where(inArray(importedAllegations.reference, references)),
      // Every reference taken (whoever may see its case, and imported ones too): those imported are
      // then told apart by the first query, so what is left is a case recorded here.
      tx.execute(
        sql`select r as reference from unnest(${sql.param(references)}::text[]) r where conduct_case_reference_taken(r)`,
      ),
    ]);
    for (const row of (recorded as unknown as { rows: { reference: string }[] }).rows)
      existing.set(row.reference, { imported: false, thisFile: false, dateReported: "", missionCode: "" });
    for (const row of imported) existing.set(row.reference, { ...row, imported: true });
  }
  const fresh: ImportedAllegation[] = [];
  let unchanged = 0;
  for (const { item, line, values } of byReference.values()) {
    const known = existing.get(item.reference);
    if (!known) fresh.push(item);
    else if (!known.imported)
      reject(line, `reference ${item.reference} is a case recorded in Conduct Ledger, not an imported one`, values);
    else if (!known.thisFile) unchanged++;
    else if (known.dateReported !== item.dateReported || known.missionCode !== item.missionCode)
      reject(line, `reference ${item.reference} appears earlier with another date_reported or mission`, values);
    else await mergeIntoWritten(tx, item);
  }
  if (fresh.length === 0) return { created: 0, unchanged };
  // One JSON parameter for the batch (see insertRows).
  await tx.execute(sql`insert into imported_allegations (reference, mission_code, date_reported, category_codes,
      nationality_codes, allegation_codes, victims_women, victims_girls, victims_boys, victims_men, victims_unknown,
      paternity_claim, finding_outcome, source_file, imported_by)
    select r.*, ${sourceFile}::text, ${actor.userId}::text
    from jsonb_to_recordset(${JSON.stringify(
      fresh.map((item) => ({
        reference: item.reference,
        mission_code: item.missionCode,
        date_reported: item.dateReported,
        category_codes: item.categoryCodes,
        nationality_codes: item.nationalityCodes,
        allegation_codes: item.allegationCodes,
        ...item.victimsByGroup,
        // Counts without sex or age are "unknown"; each row's published count is kept on the row.
        unknown: item.victims - groupedVictims(item),
        paternity_claim: item.paternityClaim,
        // Where the file says the allegation stands, for the system-wide figures.
        finding_outcome: publishedStatusOf([...item.rows.values()].map((facts) => facts.findings)),
      })),
    )}::jsonb) as r(reference text, mission_code text, date_reported date, category_codes text[],
      nationality_codes text[], allegation_codes text[], women int, girls int, boys int, men int, unknown int,
      paternity_claim boolean, finding_outcome text)`);
  await insertRows(tx, fresh);
  return { created: fresh.length, unchanged };
}

const groupedVictims = (item: ImportedAllegation) =>
  item.victimsByGroup.women + item.victimsByGroup.girls + item.victimsByGroup.boys + item.victimsByGroup.men;

/** One row for each (category, nationality) pair; a pair already written keeps its first row. */
async function insertRows(tx: Transaction, allegations: ImportedAllegation[]) {
  const rows = allegations.flatMap((item) =>
    [...item.rows].map(([pair, facts]) => {
      const [category_code, nationality_code] = pair.split(":");
      return {
        reference: item.reference,
        category_code,
        nationality_code,
        victims: facts.victims,
        child_victims: facts.childVictims,
        alleged_perpetrators: facts.allegedPerpetrators,
        incident_period: facts.incidentPeriod,
        paternity_status: facts.paternityStatus,
        investigating_entity: facts.investigatingEntity,
        investigation_days: facts.investigationDays,
        findings: facts.findings,
        interim_action: facts.interimAction,
        final_action: facts.finalAction,
        un_action: facts.unAction,
        member_state_action: facts.memberStateAction,
        criminal_referral: facts.criminalReferral,
      };
    }),
  );
  if (rows.length === 0) return;
  // One JSON parameter instead of sixteen per row: a thousand rows bind in a fraction of the time.
  await tx.execute(sql`insert into imported_allegation_rows (reference, category_code, nationality_code, victims,
      child_victims, alleged_perpetrators, incident_period, paternity_status, investigating_entity, investigation_days,
      findings, interim_action, final_action, un_action, member_state_action, criminal_referral)
    select r.* from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(reference text, category_code text,
      nationality_code text, victims int, child_victims int, alleged_perpetrators int, incident_period text,
      paternity_status text, investigating_entity text, investigation_days int, findings text, interim_action text,
      final_action text, un_action text, member_state_action text, criminal_referral boolean)
    on conflict do nothing`);
}

/** A reference met again further down the file: its categories, countries and rows join the allegation already written. */
async function mergeIntoWritten(tx: Transaction, item: ImportedAllegation) {
  const union = (column: string, values: string[]) =>
    sql`array(select distinct v from unnest(${sql.raw(column)} || ${sql.param(values)}::text[]) v order by 1)`;
  const { women, girls, boys, men } = item.victimsByGroup;
  const grouped = sql`greatest(victims_women, ${women}::int) + greatest(victims_girls, ${girls}::int)
    + greatest(victims_boys, ${boys}::int) + greatest(victims_men, ${men}::int)`;
  await tx
    .update(importedAllegations)
    .set({
      categoryCodes: union("category_codes", item.categoryCodes),
      nationalityCodes: union("nationality_codes", item.nationalityCodes),
      allegationCodes: union("allegation_codes", item.allegationCodes),
      victimsWomen: sql`greatest(victims_women, ${women}::int)`,
      victimsGirls: sql`greatest(victims_girls, ${girls}::int)`,
      victimsBoys: sql`greatest(victims_boys, ${boys}::int)`,
      victimsMen: sql`greatest(victims_men, ${men}::int)`,
      // The total is the largest any row gave; what the groups do not account for stays unknown.
      victimsUnknown: sql`greatest(victims_women + victims_girls + victims_boys + victims_men + victims_unknown, ${item.victims}::int, ${grouped}) - (${grouped})`,
      paternityClaim: sql`paternity_claim or ${item.paternityClaim}`,
      // The strongest of what the rows say (src/domain/system-wide.ts, systemWideStatuses).
      findingOutcome: sql`(select s from unnest(array[finding_outcome, ${publishedStatusOf([...item.rows.values()].map((facts) => facts.findings))}::text]) s
        where s is not null order by array_position(string_to_array(${systemWideStatuses.join(",")}, ','), s) limit 1)`,
    })
    .where(eq(importedAllegations.reference, item.reference));
  await insertRows(tx, [item]);
}
