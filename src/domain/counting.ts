// The UN's counting rule for allegations (docs/domain.md, "Allegation data"): an allegation is one
// report received, counted once for each category of personnel and, for uniformed personnel, once
// for each contributing country involved. The pairs come from the people: a case that records its
// alleged perpetrators counts their own (category, nationality) pairs, so a Ghanaian contingent
// member and a Senegalese police unit are two allegations, not four; an imported allegation counts
// the rows it was published in; only a case with neither crosses its lists. Nationality counts only
// for the uniformed categories. Only SEA cases enter SEA figures. Years are by date reported.
import { isSeaCode } from "./enforcement.js";
import { isUniformed } from "./reference/personnel.js";

export interface CountableCase {
  id: string;
  /** YYYY-MM-DD (or YYYY-MM for imported history). */
  dateReported: string;
  missionCode: string;
  categoryCodes: string[];
  nationalityCodes: string[];
  allegationCodes: readonly string[];
  /** "MIL_MC:GHA", "CIV_INT:": the perpetrators' (or imported rows') pairs; empty when none are recorded. */
  allegationPairs: readonly string[];
}

/** The pair one alleged perpetrator counts as: nationality only for uniformed personnel. */
export const allegationPair = (categoryCode: string, nationalityCode: string | null) =>
  `${categoryCode}:${isUniformed(categoryCode) ? (nationalityCode ?? "") : ""}`;

/** One counted allegation: a case, one category, and (uniformed only) one nationality or null when unknown. */
export interface AllegationUnit {
  caseId: string;
  year: number;
  missionCode: string;
  categoryCode: string;
  nationalityCode: string | null;
}

/**
 * The units a case counts for. A case with no category recorded yet still counts once (category
 * "UNKNOWN"), so that a received report is never left out of the totals.
 */
export function allegationUnits(item: CountableCase): AllegationUnit[] {
  if (!item.allegationCodes.some(isSeaCode)) return [];
  const year = Number(item.dateReported.slice(0, 4));
  const base = { caseId: item.id, year, missionCode: item.missionCode };
  if (item.allegationPairs.length > 0)
    return [...new Set(item.allegationPairs)].map((pair) => {
      const [categoryCode, nationalityCode] = pair.split(":");
      return { ...base, categoryCode, nationalityCode: nationalityCode || null };
    });
  const categories = [...new Set(item.categoryCodes)];
  const nationalities = [...new Set(item.nationalityCodes)];
  if (categories.length === 0) return [{ ...base, categoryCode: "UNKNOWN", nationalityCode: null }];
  return categories.flatMap((categoryCode): AllegationUnit[] =>
    isUniformed(categoryCode) && nationalities.length > 0
      ? nationalities.map((nationalityCode) => ({ ...base, categoryCode, nationalityCode }))
      : [{ ...base, categoryCode, nationalityCode: null }],
  );
}

export const groupings = ["year", "mission", "category", "nationality"] as const;
export type Grouping = (typeof groupings)[number];

export interface CountFilter {
  year?: number;
  mission?: string;
  category?: string;
  nationality?: string;
}

const keyOf: Record<Grouping, (unit: AllegationUnit) => string | null> = {
  year: (unit) => String(unit.year),
  mission: (unit) => unit.missionCode,
  category: (unit) => unit.categoryCode,
  // Nationality is published for uniformed personnel only: civilian units have no key here.
  nationality: (unit) => unit.nationalityCode,
};

const matches = (unit: AllegationUnit, filter: CountFilter) =>
  (filter.year === undefined || unit.year === filter.year) &&
  (filter.mission === undefined || unit.missionCode === filter.mission) &&
  (filter.category === undefined || unit.categoryCode === filter.category) &&
  (filter.nationality === undefined || unit.nationalityCode === filter.nationality);

/** Allegations counted by the rule, grouped, in key order (years ascending, codes alphabetical). */
export function countAllegations(
  cases: CountableCase[],
  groupBy: Grouping,
  filter: CountFilter = {},
): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const unit of cases.flatMap(allegationUnits)) {
    if (!matches(unit, filter)) continue;
    const key = keyOf[groupBy](unit);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
}
