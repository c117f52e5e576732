// Importing historical allegations in the published layout: every row is read first; a file with a
// bad row writes nothing (or, asked to skip them, writes the good rows and hands back the rejects);
// rows become published cases under their own reference, so importing the same file again changes
// nothing. Rows sharing a reference are one allegation listed per category or nationality.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { inArray, sql } from "drizzle-orm";
import { cases, countries, importedAllegationFacts, missions } from "../../../db/schema.js";
import { headerProblem, type ImportedAllegation, type ImportRecord, importColumns, parseImportRow } from "../../../domain/allegation-import.js";
import type { Services } from "../../app.js";
import type { Actor } from "../../auth/actor.js";
import { publicationPolicy } from "../../auth/policies/index.js";
import { Forbidden, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { forgetPublicStatistics } from "./stats.js";
import { recordAuditEvent } from "../audit/record.js";

export const IMPORT_MAX_ROWS = 200_000;

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

function readRows(text: string): { header: string[]; rows: { line: number; values: string[] }[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as never;
  } catch (error) {
    throw new ValidationFailed(`The file is not readable CSV: ${(error as Error).message}`, [], "csv_unreadable");
  }
  if (records.length === 0) throw new ValidationFailed("The file is empty.", [], "csv_empty");
  const [first, ...rest] = records;
  const problem = headerProblem(first.record);
  if (problem) throw new ValidationFailed(problem, [{ path: "line 1", message: "bad_header" }], "bad_header");
  if (rest.length > IMPORT_MAX_ROWS) throw new ValidationFailed(`A file holds at most ${IMPORT_MAX_ROWS.toLocaleString("en")} rows: split it.`, [], "csv_too_large");
  return { header: first.record, rows: rest.map((entry) => ({ line: entry.info.lines, values: entry.record })) };
}

async function lookups(tx: Transaction) {
  const missionRows = await tx.select({ code: missions.code }).from(missions);
  const countryRows = await tx.select({ code: countries.code, name: sql<string>`${countries.names}->>'en'` }).from(countries);
  const countryByKey = new Map<string, string>();
  for (const country of countryRows) {
    countryByKey.set(country.code.toUpperCase(), country.code);
    countryByKey.set(country.name.toLowerCase(), country.code);
  }
  return { missionCodes: new Set(missionRows.map((row) => row.code)), countryByKey };
}

/** Rows sharing a reference become one allegation; they must agree on when and where it was reported. */
function merge(into: ImportedAllegation, row: ImportedAllegation): string | null {
  if (into.dateReported !== row.dateReported || into.missionCode !== row.missionCode) return `reference ${row.reference} appears earlier with another date_reported or mission`;
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

export async function importAllegations(services: Services, actor: Actor, text: string, options: { skipInvalid: boolean; sourceFile: string | null; onProgress?: (done: number, total: number) => void }): Promise<ImportOutcome> {
  if (!publicationPolicy.importAllegations(actor)) throw new Forbidden("Headquarters imports historical allegations.");
  const { rows } = readRows(text);
  const outcome = await inTransaction(services.db, actor, async (tx): Promise<ImportOutcome> => {
    const lookup = await lookups(tx);
    const rejected: Rejected[] = [];
    const byReference = new Map<string, ImportedAllegation>();
    // Where each reference first appears, so that a refusal found later still names its line and row.
    const firstSeen = new Map<string, { line: number; values: string[] }>();
    for (const { line, values } of rows) {
      const record = Object.fromEntries(importColumns.map((column, i) => [column, values[i] ?? ""])) as ImportRecord;
      const result = values.length === importColumns.length ? parseImportRow(record, lookup) : { ok: false as const, reason: `expected ${importColumns.length} columns, found ${values.length}` };
      const problem = !result.ok ? result.reason : byReference.has(result.value.reference) ? merge(byReference.get(result.value.reference) as ImportedAllegation, result.value) : null;
      if (problem) rejected.push({ line, reason: problem, record: values });
      else if (result.ok && !byReference.has(result.value.reference)) {
        byReference.set(result.value.reference, { ...result.value });
        firstSeen.set(result.value.reference, { line, values });
      }
    }
    if (rejected.length > 0 && !options.skipInvalid) {
      throw new ValidationFailed(
        `${rejected.length} of ${rows.length} rows cannot be imported; nothing was written. Fix them, or import the valid rows and get the rejects back.`,
        rejected.slice(0, 1_000).map((entry) => ({ path: `line ${entry.line}`, message: entry.reason })),
        "import_rows_invalid",
      );
    }
    // Idempotent by reference: an allegation imported before is left as it is.
    const incoming = [...byReference.values()];
    const existing = new Map<string, boolean>();
    for (let i = 0; i < incoming.length; i += 5_000) {
      const references = incoming.slice(i, i + 5_000).map((item) => item.reference);
      const found = await tx
        .select({ reference: cases.reference, imported: sql<boolean>`exists (select 1 from ${importedAllegationFacts} x where x.case_id = ${cases.id})` })
        .from(cases)
        .where(inArray(cases.reference, references));
      for (const row of found) existing.set(row.reference, row.imported);
    }
    let created = 0;
    let unchanged = 0;
    const now = new Date();
    const fresh: ImportedAllegation[] = [];
    for (const item of incoming) {
      const imported = existing.get(item.reference);
      if (imported === undefined) fresh.push(item);
      else if (imported) unchanged++;
      else {
        const seen = firstSeen.get(item.reference) as { line: number; values: string[] };
        rejected.push({ line: seen.line, reason: `reference ${item.reference} is a case recorded in Conduct Ledger, not an imported one`, record: seen.values });
      }
    }
    if (rejected.length > 0 && !options.skipInvalid) throw new ValidationFailed("Some references belong to cases recorded here; nothing was written.", rejected.map((entry) => ({ path: `line ${entry.line}`, message: entry.reason })), "import_rows_invalid");
    for (let i = 0; i < fresh.length; i += 1_000) {
      const batch = fresh.slice(i, i + 1_000);
      const ids = await tx
        .insert(cases)
        .values(batch.map((item) => ({
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
        })))
        .returning({ id: cases.id });
      await tx.insert(importedAllegationFacts).values(
        batch.map((item, index) => ({
          caseId: ids[index].id,
          victims: item.victims,
          childVictims: item.childVictims,
          investigatingEntity: item.investigatingEntity,
          investigationDays: item.investigationDays,
          findings: item.findings,
          interimAction: item.interimAction,
          finalAction: item.finalAction,
          criminalReferral: item.criminalReferral,
          sourceFile: options.sourceFile,
          importedBy: actor.userId,
        })),
      );
      created += batch.length;
      options.onProgress?.(Math.min(fresh.length, i + batch.length), fresh.length);
    }
    await recordAuditEvent(tx, actor, { action: "publication.import", subjectType: "case", details: { rows: rows.length, created, unchanged, rejected: rejected.length, sourceFile: options.sourceFile } });
    const rejectCsv = rejected.length ? stringify([[...importColumns, "line", "reason"], ...rejected.map((entry) => [...importColumns.map((_, i) => entry.record[i] ?? ""), entry.line, entry.reason])]) : null;
    return { rows: rows.length, created, unchanged, rejected, rejectCsv };
  });
  forgetPublicStatistics(services);
  return outcome;
}
