// Historical allegations in the UN's published layout, one row per allegation: the column names,
// and each row read into a case's data (or a reason it cannot be). Pure rules only; the lookups of
// missions and countries come from the caller.
import { allegationPair } from "./counting.js";
import { isUniformed } from "./reference/personnel.js";
import { vocabulary } from "./vocabulary/index.js";

/** The 15 columns published before 2015: still read. */
export const shortImportColumns = [
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

/** The UN's full table: what every download writes and the import reads. */
export const importColumns = [
  "reference",
  "date_reported",
  "mission",
  "category_of_personnel",
  "nationality",
  "allegation",
  "allegation_subtype",
  "date_of_incident",
  "alleged_perpetrators",
  "victims",
  "victims_women",
  "victims_girls",
  "victims_boys",
  "victims_men",
  "victims_children",
  "paternity_claim",
  "paternity_status",
  "investigating_entity",
  "investigation_days",
  "findings",
  "interim_action",
  "final_action",
  "un_action",
  "member_state_action",
  "criminal_referral",
] as const;
export type ImportColumn = (typeof importColumns)[number];
export type ImportRecord = Record<ImportColumn, string>;

/** The labels of the published layout ("Military (MC)") and the categories they stand for. */
export const categoryLabels: Record<string, string> = Object.fromEntries(
  Object.entries(vocabulary.en.personnelCategories).map(([code, label]) => [label, code]),
);

/** An imported allegation whose subtype is not given is recorded under the unspecified code of its type. */
export const unspecifiedAllegation = { SE: "SE_UNSPECIFIED", SA: "SA_UNSPECIFIED" } as const;

/** Subtypes by code and by English label ("Rape"), folded. */
const subtypeByKey = new Map(
  Object.entries(vocabulary.en.allegationSubtypes).flatMap(([code, label]) => [
    [code.toLowerCase(), code],
    [label.toLowerCase(), code],
  ]),
);
/** Paternity statuses by code and English label. */
const paternityByKey = new Map(
  Object.entries(vocabulary.en.paternityStatuses).flatMap(([code, label]) => [
    [code, code],
    [label.toLowerCase(), code],
  ]),
);

/** Which header a file has: the full table, or the 15 columns published before. */
export type ImportLayout = readonly ImportColumn[];

export interface ImportLookups {
  missionCodes: Set<string>;
  /** ISO alpha-3 code of a code or name as written (see country-names.ts), or null. */
  findCountry: (text: string) => string | null;
  /** The month the import began, YYYY-MM: a row reported later is in the future. */
  thisMonth: string;
}

/** What one row of the table said of one (category, nationality) pair. */
export interface ImportedFacts {
  victims: number;
  childVictims: number;
  allegedPerpetrators: number | null;
  incidentPeriod: string | null;
  paternityStatus: string | null;
  investigatingEntity: string | null;
  investigationDays: number | null;
  findings: string | null;
  interimAction: string | null;
  finalAction: string | null;
  unAction: string | null;
  memberStateAction: string | null;
  criminalReferral: boolean | null;
}

export interface ImportedAllegation {
  reference: string;
  dateReported: string;
  missionCode: string;
  categoryCodes: string[];
  nationalityCodes: string[];
  allegationCodes: string[];
  victimsByGroup: { women: number; girls: number; boys: number; men: number };
  /** The victims the table counts, of whatever group. */
  victims: number;
  paternityClaim: boolean;
  /** "MIL_MC:GHA" → the facts of that row. */
  rows: Map<string, ImportedFacts>;
}

export type RowResult = { ok: true; value: ImportedAllegation } | { ok: false; reason: string };

const clean = (name: string) => name.trim().replace(/^\uFEFF/, "");

/** The layout the header names, or the reason it names none. */
export function headerLayout(header: string[]): { layout: ImportLayout } | { problem: string } {
  const got = header.map(clean);
  for (const layout of [importColumns, shortImportColumns])
    if (got.length === layout.length && got.every((name, i) => name === layout[i])) return { layout };
  return { problem: `The header must be: ${importColumns.join(",")} (or the 15 columns published before 2015)` };
}

/** A row's values named by the layout's columns; columns the layout lacks are empty. */
export function recordOf(layout: ImportLayout, values: string[]): ImportRecord {
  // Copied from one blank record, every record has the same shape: a million rows read faster.
  const record = { ...blankRecord };
  for (let i = 0; i < layout.length; i++) record[layout[i]] = values[i] ?? "";
  return record;
}
const blankRecord = Object.fromEntries(importColumns.map((column) => [column, ""])) as ImportRecord;

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

const month = (text: string) => {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  return match && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? text : null;
};

/** Reads one row; the first problem found is the reason it is refused. */
export function parseImportRow(record: ImportRecord, lookups: ImportLookups): RowResult {
  const fail = (reason: string): RowResult => ({ ok: false, reason });
  const reference = record.reference.trim();
  if (!reference) return fail("reference is empty");
  if (reference.length > 60) return fail("reference is longer than 60 characters");
  if (!month(record.date_reported.trim()))
    return fail(`date_reported must be YYYY-MM, not "${record.date_reported.trim()}"`);
  if (record.date_reported.trim() > lookups.thisMonth) return fail("date_reported is in the future");
  const dateReported = `${record.date_reported.trim()}-01`;
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
    const code = lookups.findCountry(name);
    if (!code)
      return fail(
        `nationality "${name}" is not a country the UN names: give its ISO code or its name in one of the six languages`,
      );
    if (!nationalityCodes.includes(code)) nationalityCodes.push(code);
  }

  const kinds = list(record.allegation).map((kind) => kind.toUpperCase());
  if (kinds.length === 0 || kinds.some((kind) => kind !== "SE" && kind !== "SA"))
    return fail(`allegation must be SE, SA or SE;SA, not "${record.allegation.trim()}"`);
  const subtypes: string[] = [];
  for (const text of list(record.allegation_subtype)) {
    const code = subtypeByKey.get(text.toLowerCase());
    if (!code)
      return fail(
        `allegation_subtype "${text}" is not one of ${Object.values(vocabulary.en.allegationSubtypes).join(", ")}`,
      );
    if (!kinds.includes(code.slice(0, 2)))
      return fail(`allegation_subtype "${text}" is not of the allegation ${kinds.join(";")}`);
    if (!subtypes.includes(code)) subtypes.push(code);
  }
  const allegationCodes = [
    ...subtypes,
    ...kinds
      .filter((kind) => !subtypes.some((code) => code.startsWith(`${kind}_`)))
      .map((kind) => unspecifiedAllegation[kind as "SE" | "SA"]),
  ].sort();

  const incident = record.date_of_incident.trim();
  const period = incident.split("/");
  if (incident && (period.length > 2 || !period.every(month) || (period.length === 2 && period[0] > period[1])))
    return fail(`date_of_incident must be YYYY-MM or a period YYYY-MM/YYYY-MM, not "${incident}"`);

  const numbers: Record<string, number> = {};
  for (const column of [
    "victims",
    "victims_women",
    "victims_girls",
    "victims_boys",
    "victims_men",
    "victims_children",
  ] as const) {
    const value = count(record[column], column);
    if (typeof value === "string") return fail(value);
    numbers[column] = value;
  }
  const grouped = numbers.victims_women + numbers.victims_girls + numbers.victims_boys + numbers.victims_men;
  const victims = Math.max(numbers.victims, grouped);
  if (numbers.victims_children > victims) return fail("victims_children is more than victims");
  if (numbers.victims_girls + numbers.victims_boys > numbers.victims_children && record.victims_children.trim() !== "")
    return fail("victims_children is fewer than victims_girls and victims_boys");
  const childVictims = Math.max(numbers.victims_children, numbers.victims_girls + numbers.victims_boys);

  const perpetrators =
    record.alleged_perpetrators.trim() === "" ? null : count(record.alleged_perpetrators, "alleged_perpetrators");
  if (typeof perpetrators === "string") return fail(perpetrators);
  const paternity = yesNo(record.paternity_claim, "paternity_claim");
  if (typeof paternity === "string") return fail(paternity);
  const statuses: string[] = [];
  for (const text of list(record.paternity_status)) {
    const code = paternityByKey.get(text.toLowerCase());
    if (!code)
      return fail(
        `paternity_status "${text}" is not one of ${Object.values(vocabulary.en.paternityStatuses).join(", ")}`,
      );
    if (!statuses.includes(code)) statuses.push(code);
  }
  if (paternity === false && statuses.length > 0) return fail("paternity_status is given but paternity_claim is No");
  // A claim whose status the file does not give is pending; "" records that there is none.
  const paternityStatus = statuses.length > 0 ? statuses.sort().join(";") : paternity === true ? "pending" : "";
  const criminalReferral = yesNo(record.criminal_referral, "criminal_referral");
  if (typeof criminalReferral === "string") return fail(criminalReferral);
  const days = record.investigation_days.trim() === "" ? null : count(record.investigation_days, "investigation_days");
  if (typeof days === "string") return fail(days);

  const facts: ImportedFacts = {
    victims,
    childVictims,
    allegedPerpetrators: perpetrators,
    incidentPeriod: incident || null,
    paternityStatus,
    investigatingEntity: freeText(record.investigating_entity),
    investigationDays: days,
    findings: freeText(record.findings),
    interimAction: freeText(record.interim_action),
    finalAction: freeText(record.final_action),
    unAction: freeText(record.un_action),
    memberStateAction: freeText(record.member_state_action),
    criminalReferral,
  };
  // The row is one allegation for each of its categories and, for uniformed personnel, each of its countries.
  const rows = new Map<string, ImportedFacts>();
  for (const category of categoryCodes)
    for (const nationality of isUniformed(category) && nationalityCodes.length > 0 ? nationalityCodes : [null])
      rows.set(allegationPair(category, nationality), facts);

  return {
    ok: true,
    value: {
      reference,
      dateReported,
      missionCode,
      categoryCodes,
      nationalityCodes,
      allegationCodes,
      victimsByGroup: {
        women: numbers.victims_women,
        girls: numbers.victims_girls,
        boys: numbers.victims_boys,
        men: numbers.victims_men,
      },
      victims,
      paternityClaim: paternity === true || statuses.length > 0,
      rows,
    },
  };
}

/** Why a row is refused whose reference an earlier row gave another date reported or mission. */
export const appearsEarlierOtherwise = (reference: string) =>
  `reference ${reference} appears earlier with another date_reported or mission`;

/** Rows sharing a reference are one allegation; they must agree on when and where it was reported. The first row of a pair keeps its facts. */
export function mergeAllegation(into: ImportedAllegation, row: ImportedAllegation): string | null {
  if (into.dateReported !== row.dateReported || into.missionCode !== row.missionCode)
    return appearsEarlierOtherwise(row.reference);
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  into.categoryCodes = union(into.categoryCodes, row.categoryCodes);
  into.nationalityCodes = union(into.nationalityCodes, row.nationalityCodes);
  into.allegationCodes = union(into.allegationCodes, row.allegationCodes).sort();
  for (const group of ["women", "girls", "boys", "men"] as const)
    into.victimsByGroup[group] = Math.max(into.victimsByGroup[group], row.victimsByGroup[group]);
  into.victims = Math.max(into.victims, row.victims);
  into.paternityClaim ||= row.paternityClaim;
  for (const [pair, facts] of row.rows) if (!into.rows.has(pair)) into.rows.set(pair, facts);
  return null;
}
