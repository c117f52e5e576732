// Historical allegations in the UN's published layout, one row per allegation: the column names,
// and each row read into a case's data (or a reason it cannot be). Pure rules only; the lookups of
// missions and countries come from the caller.
import { vocabulary } from "./vocabulary/index.js";

export const importColumns = [
  "reference",
  "date_reported",
  "mission",
  "category_of_personnel",
  "nationality",
  "allegation",
  "victims",
  "victims_children",
  "paternity_claim",
  "investigating_entity",
  "investigation_days",
  "findings",
  "interim_action",
  "final_action",
  "criminal_referral",
] as const;
export type ImportRecord = Record<(typeof importColumns)[number], string>;

/** The labels of the published layout ("Military (MC)") and the categories they stand for. */
export const categoryLabels: Record<string, string> = Object.fromEntries(
  Object.entries(vocabulary.en.personnelCategories).map(([code, label]) => [label, code]),
);

/** An imported allegation's type is known only as SE or SA: it is recorded under the unspecified code of each. */
export const unspecifiedAllegation = { SE: "SE_UNSPECIFIED", SA: "SA_UNSPECIFIED" } as const;

export interface ImportLookups {
  missionCodes: Set<string>;
  /** ISO alpha-3 code by upper-cased code and by lower-cased English name. */
  countryByKey: Map<string, string>;
}

export interface ImportedAllegation {
  reference: string;
  dateReported: string;
  missionCode: string;
  categoryCodes: string[];
  nationalityCodes: string[];
  allegationCodes: string[];
  victims: number;
  childVictims: number;
  paternityClaim: boolean;
  investigatingEntity: string | null;
  investigationDays: number | null;
  findings: string | null;
  interimAction: string | null;
  finalAction: string | null;
  criminalReferral: boolean | null;
}

export type RowResult = { ok: true; value: ImportedAllegation } | { ok: false; reason: string };

/** The header must name the layout's columns, in its order. */
export function headerProblem(header: string[]): string | null {
  const got = header.map((name) => name.trim().replace(/^\uFEFF/, ""));
  if (got.length === importColumns.length && got.every((name, i) => name === importColumns[i])) return null;
  return `The header must be: ${importColumns.join(",")}`;
}

const list = (value: string) =>
  value
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
const freeText = (value: string) => value.trim() || null;

function count(value: string, column: string): number | string {
  const text = value.trim();
  if (text === "") return 0;
  if (!/^\d{1,6}$/.test(text)) return `${column} must be a whole number, not "${text}"`;
  return Number(text);
}

function yesNo(value: string, column: string): boolean | null | string {
  const text = value.trim().toLowerCase();
  if (text === "") return null;
  if (text === "yes") return true;
  if (text === "no") return false;
  return `${column} must be Yes, No or empty, not "${value.trim()}"`;
}

/** Reads one row; the first problem found is the reason it is refused. */
export function parseImportRow(record: ImportRecord, lookups: ImportLookups): RowResult {
  const fail = (reason: string): RowResult => ({ ok: false, reason });
  const reference = record.reference.trim();
  if (!reference) return fail("reference is empty");
  if (reference.length > 60) return fail("reference is longer than 60 characters");
  const month = /^(\d{4})-(\d{2})$/.exec(record.date_reported.trim());
  if (!month || Number(month[2]) < 1 || Number(month[2]) > 12)
    return fail(`date_reported must be YYYY-MM, not "${record.date_reported.trim()}"`);
  const dateReported = `${month[1]}-${month[2]}-01`;
  if (dateReported > new Date().toISOString().slice(0, 10)) return fail("date_reported is in the future");
  const missionCode = record.mission.trim().toUpperCase();
  if (!lookups.missionCodes.has(missionCode))
    return fail(`mission "${record.mission.trim()}" is not a known mission code`);

  const categoryCodes: string[] = [];
  for (const label of list(record.category_of_personnel)) {
    const code = categoryLabels[label];
    if (!code) return fail(`category_of_personnel "${label}" is not one of ${Object.keys(categoryLabels).join(", ")}`);
    if (!categoryCodes.includes(code)) categoryCodes.push(code);
  }
  if (categoryCodes.length === 0) return fail("category_of_personnel is empty");

  const nationalityCodes: string[] = [];
  for (const name of list(record.nationality)) {
    const code = lookups.countryByKey.get(name.toUpperCase()) ?? lookups.countryByKey.get(name.toLowerCase());
    if (!code) return fail(`nationality "${name}" is neither an ISO 3166 alpha-3 code nor a country's English name`);
    if (!nationalityCodes.includes(code)) nationalityCodes.push(code);
  }

  const kinds = list(record.allegation).map((kind) => kind.toUpperCase());
  if (kinds.length === 0 || kinds.some((kind) => kind !== "SE" && kind !== "SA"))
    return fail(`allegation must be SE, SA or SE;SA, not "${record.allegation.trim()}"`);
  const allegationCodes = [...new Set(kinds)]
    .sort()
    .reverse()
    .map((kind) => unspecifiedAllegation[kind as "SE" | "SA"]);

  const victims = count(record.victims, "victims");
  if (typeof victims === "string") return fail(victims);
  const childVictims = count(record.victims_children, "victims_children");
  if (typeof childVictims === "string") return fail(childVictims);
  if (childVictims > victims) return fail("victims_children is more than victims");
  const paternity = yesNo(record.paternity_claim, "paternity_claim");
  if (typeof paternity === "string") return fail(paternity);
  const criminalReferral = yesNo(record.criminal_referral, "criminal_referral");
  if (typeof criminalReferral === "string") return fail(criminalReferral);
  const days = record.investigation_days.trim() === "" ? null : count(record.investigation_days, "investigation_days");
  if (typeof days === "string") return fail(days);

  return {
    ok: true,
    value: {
      reference,
      dateReported,
      missionCode,
      categoryCodes,
      nationalityCodes,
      allegationCodes,
      victims,
      childVictims,
      paternityClaim: paternity === true,
      investigatingEntity: freeText(record.investigating_entity),
      investigationDays: days,
      findings: freeText(record.findings),
      interimAction: freeText(record.interim_action),
      finalAction: freeText(record.final_action),
      criminalReferral,
    },
  };
}
