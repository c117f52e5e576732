// Importing historical allegations in the published layout, streamed: rows are read, checked and
// written a thousand allegations at a time inside one transaction, so a file of any size never sits
// in memory and a file with a bad row writes nothing (or, asked to skip them, writes the good rows and
// hands back the rejects). Rows become published cases under their own reference, so importing the
// same file again changes nothing. Rows sharing a reference are one allegation listed per category
// or nationality; they are usually next to each other, and are merged wherever they are.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { eq, inArray, sql } from "drizzle-orm";
import { cases, countries, importedAllegationFacts, missions } from "../../../db/schema.js";
import {
  headerProblem,
  type ImportedAllegation,
  type ImportRecord,
  importColumns,
  parseImportRow,
} from "../../../domain/allegation-import.js";
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
const BATCH = 1_000;
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
    .select({ code: countries.code, name: sql<string>`${countries.names}->>'en'` })
    .from(countries);
  const countryByKey = new Map<string, string>();
  for (const country of countryRows) {
    countryByKey.set(country.code.toUpperCase(), country.code);
    countryByKey.set(country.name.toLowerCase(), country.code);
  }
  return { missionCodes: new Set(missionRows.map((row) => row.code)), countryByKey };
}

/** Rows sharing a reference become one allegation; they must agree on when and where it was reported. */
function merge(into: ImportedAllegation, row: ImportedAllegation): string | null {
  if (into.dateReported !== row.dateReported || into.missionCode !== row.missionCode)
    return `reference ${row.reference} appears earlier with another date_reported or mission`;
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  into.categoryCodes = union(into.categoryCodes, row.categoryCodes);
  into.nationalityCodes = union(into.nationalityCodes, row.nationalityCodes);
  into.allegationCodes = union(into.allegationCodes, row.allegationCodes).sort().reverse();
  into.victims = Math.max(into.victims, row.victims);
  into.childVictims = Math.max(into.childVictims, row.childVictims);
  into.paternityClaim ||= row.paternityClaim;
  into.investigatingEntity ??= row.investigatingEntity;
  into.investigationDays ??= row.investigationDays;
  into.findings ??= row.findings;
  into.interimAction ??= row.interimAction;
  into.finalAction ??= row.finalAction;
  into.criminalReferral ??= row.criminalReferral;
  return null;
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
    let headerRead = false;
    let pending: Pending | null = null;
    let batch: Pending[] = [];

    const flush = async () => {
      const written = writing()
        ? await writeBatch(tx, actor, batch, options.sourceFile, reject)
        : { created: 0, unchanged: 0 };
      created += written.created;
      unchanged += written.unchanged;
      batch = [];
      options.onProgress?.(rows);
    };

    const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
    try {
      for await (const { record: values, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        if (!headerRead) {
          const problem = headerProblem(values);
          if (problem)
            throw new ValidationFailed(problem, [{ path: `line ${info.lines}`, message: "bad_header" }], "bad_header");
          headerRead = true;
          continue;
        }
        rows++;
        if (options.maxRows !== undefined && rows > options.maxRows)
          throw new ValidationFailed(
            `A file holds at most ${options.maxRows.toLocaleString("en")} rows here: split it, or use \`conduct import allegations\`.`,
            [],
            "csv_too_large",
          );
        const record = Object.fromEntries(importColumns.map((column, i) => [column, values[i] ?? ""])) as ImportRecord;
        const result =
          values.length === importColumns.length
            ? parseImportRow(record, lookup)
            : { ok: false as const, reason: `expected ${importColumns.length} columns, found ${values.length}` };
        if (!result.ok) {
          reject(info.lines, result.reason, values);
          continue;
        }
        if (pending && pending.item.reference === result.value.reference) {
          const problem = merge(pending.item, result.value);
          if (problem) reject(info.lines, problem, values);
          continue;
        }
        if (pending) batch.push(pending);
        pending = { item: { ...result.value }, line: info.lines, values };
        if (batch.length >= BATCH) await flush();
      }
    } catch (error) {
      if (error instanceof ValidationFailed) throw error;
      throw new ValidationFailed(`The file is not readable CSV: ${(error as Error).message}`, [], "csv_unreadable");
    }
    if (pending) batch.push(pending);
    await flush();
    if (!headerRead) throw new ValidationFailed("The file is empty.", [], "csv_empty");
    if (refused > 0 && !options.skipInvalid) {
      throw new ValidationFailed(
        `${refused} of ${rows} rows cannot be imported; nothing was written. Fix them, or import the valid rows and get the rejects back.`,
        rejected.map((entry) => ({ path: `line ${entry.line}`, message: entry.reason })),
        "import_rows_invalid",
      );
    }
    await recordAuditEvent(tx, actor, {
      action: "publication.import",
      subjectType: "case",
      details: { rows, created, unchanged, rejected: refused, sourceFile: options.sourceFile },
    });
    const rejectCsv = rejected.length
      ? csvText([
          [...importColumns, "line", "reason"],
          ...rejected.map((entry) => [...importColumns.map((_, i) => entry.record[i] ?? ""), entry.line, entry.reason]),
        ])
      : null;
    return { rows, created, unchanged, rejected, rejectCsv };
  });
  forgetPublicStatistics(services);
  return outcome;
}

/**
 * Writes a batch of allegations: new references become published cases; those imported before are
 * left as they are; one imported earlier in this same file (its rows apart) takes this one's rows in;
 * a reference that belongs to a case recorded here is refused.
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
    const problem = earlier ? merge(earlier.item, entry.item) : null;
    if (problem) reject(entry.line, problem, entry.values);
    else if (!earlier) byReference.set(entry.item.reference, entry);
  }
  const existing = new Map<
    string,
    { id: string; imported: boolean; thisFile: boolean; dateReported: string; missionCode: string }
  >();
  if (byReference.size > 0) {
    const found = await tx
      .select({
        id: cases.id,
        reference: cases.reference,
        dateReported: cases.dateReported,
        missionCode: cases.missionCode,
        imported: sql<boolean>`x.case_id is not null`,
        // The transaction's own timestamp marks what this very import wrote.
        thisFile: sql<boolean>`coalesce(x.created_at = now(), false)`,
      })
      .from(cases)
      .leftJoin(sql`${importedAllegationFacts} x`, sql`x.case_id = ${cases.id}`)
      .where(inArray(cases.reference, [...byReference.keys()]));
    for (const row of found) existing.set(row.reference, row);
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
    else await mergeIntoWritten(tx, known.id, item);
  }
  if (fresh.length === 0) return { created: 0, unchanged };
  const now = new Date();
  const ids = await tx
    .insert(cases)
    .values(
      fresh.map((item) => ({
        reference: item.reference,
        missionCode: item.missionCode,
        status: "closed",
        dateReported: item.dateReported,
        categoryCodes: item.categoryCodes,
        nationalityCodes: item.nationalityCodes,
        allegationCodes: item.allegationCodes,
        // Imported counts carry no sex or age: they are "unknown" on the case; the published count is kept beside it.
        victimsUnknown: item.victims,
        paternityClaim: item.paternityClaim,
        publishedAt: now,
        publishedBy: actor.userId,
      })),
    )
    .returning({ id: cases.id });
  await tx.insert(importedAllegationFacts).values(
    fresh.map((item, index) => ({
      caseId: ids[index].id,
      victims: item.victims,
      childVictims: item.childVictims,
      investigatingEntity: item.investigatingEntity,
      investigationDays: item.investigationDays,
      findings: item.findings,
      interimAction: item.interimAction,
      finalAction: item.finalAction,
      criminalReferral: item.criminalReferral,
      sourceFile,
      importedBy: actor.userId,
    })),
  );
  return { created: fresh.length, unchanged };
}

/** A reference met again further down the file: its categories, countries and facts join the allegation already written. */
async function mergeIntoWritten(tx: Transaction, caseId: string, item: ImportedAllegation) {
  const union = (column: string, values: string[]) =>
    sql`array(select distinct v from unnest(${sql.raw(column)} || ${values}::text[]) v order by 1)`;
  await tx
    .update(cases)
    .set({
      categoryCodes: union("category_codes", item.categoryCodes),
      nationalityCodes: union("nationality_codes", item.nationalityCodes),
      allegationCodes: sql`array(select distinct v from unnest(allegation_codes || ${item.allegationCodes}::text[]) v order by 1 desc)`,
      victimsUnknown: sql`greatest(victims_unknown, ${item.victims})`,
      paternityClaim: sql`paternity_claim or ${item.paternityClaim}`,
    })
    .where(eq(cases.id, caseId));
  const keep = (column: string, value: string | number | boolean | null) => sql`coalesce(${sql.raw(column)}, ${value})`;
  await tx
    .update(importedAllegationFacts)
    .set({
      victims: sql`greatest(victims, ${item.victims})`,
      childVictims: sql`greatest(child_victims, ${item.childVictims})`,
      investigatingEntity: keep("investigating_entity", item.investigatingEntity),
      investigationDays: sql`coalesce(investigation_days, ${item.investigationDays}::int)`,
      findings: keep("findings", item.findings),
      interimAction: keep("interim_action", item.interimAction),
      finalAction: keep("final_action", item.finalAction),
      criminalReferral: sql`coalesce(criminal_referral, ${item.criminalReferral}::boolean)`,
    })
    .where(eq(importedAllegationFacts.caseId, caseId));
}
