// The five views of published data the UN puts before the public, and how each may be broken down.
// Allegations follow the counting rule (counting.ts); alleged perpetrators and victims are counted by
// their own counts; investigations and actions count published allegations by who investigated, what
// was found and what was done.

export const statViews = ["allegations", "perpetrators", "victims", "investigations", "actions"] as const;
export type StatView = (typeof statViews)[number];

export const statGroupings = [
  "year",
  "mission",
  "category",
  "nationality",
  "group",
  "entity",
  "status",
  "action",
] as const;
export type StatGrouping = (typeof statGroupings)[number];

export const viewGroupings: Record<StatView, readonly StatGrouping[]> = {
  allegations: ["year", "mission", "category", "nationality"],
  perpetrators: ["year", "mission", "category", "nationality"],
  victims: ["year", "mission", "group"],
  investigations: ["year", "mission", "category", "nationality", "entity", "status"],
  actions: ["action", "year", "mission", "category", "nationality"],
};

/** How the UN groups victims; "children" are imported ones whose age is known but not their sex. */
export const victimGroups = ["women", "girls", "boys", "men", "children", "unknown"] as const;

/**
 * Where an allegation's investigation stands, as published: each finding once there is one;
 * otherwise under investigation when an investigation was opened, else pending assessment.
 */
export const investigationStatuses = [
  "substantiated",
  "not_substantiated",
  "closed_limited_information",
  "closed_other",
  "under_investigation",
  "pending_assessment",
] as const;

/** Words of the published tables that mean a code recorded here. */
export const termAliases: Record<string, string> = {
  unsubstantiated: "not_substantiated",
  pending_preliminary_assessment: "pending_assessment",
  referred_to_the_member_state: "referred_to_member_state",
  repatriation_and_ban_from_future_service: "repatriation_and_ban",
};

/** Free text of imported history folded to the codes used here ("Under Investigation" → "under_investigation"), as the statistics fold it in SQL. */
export function foldTerm(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return termAliases[folded] ?? folded;
}

export interface StatCount {
  key: string;
  count: number | null;
  /** Set instead of a count when small-cell protection hides a count under the threshold. */
  range?: string;
  /** Investigations: the median length in days of the finished ones in this group. */
  medianDays?: number | null;
}

/** A count under the threshold (0 = off, as the UN publishes exact counts) becomes a range, so that a small group cannot be singled out. */
export function protectSmallCells(rows: StatCount[], threshold: number): StatCount[] {
  if (threshold <= 0) return rows;
  return rows.map((row) =>
    row.count !== null && row.count > 0 && row.count < threshold
      ? { ...row, count: null, range: `1–${threshold - 1}` }
      : row,
  );
}
