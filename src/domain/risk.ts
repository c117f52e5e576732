// Misconduct risk management: each mission location (camp, team site, sector) is assessed against
// the factors that make sexual exploitation and abuse more likely, each rated likelihood × impact on
// a 5 × 5 matrix; mitigations have owners and due dates; missions report to headquarters quarterly.

export const locationKinds = ["camp", "team_site", "sector", "headquarters", "other"] as const;
export type LocationKind = (typeof locationKinds)[number];

export const riskFactorKinds = [
  "proximity_to_communities",
  "curfew",
  "off_limits_areas",
  "non_fraternisation",
  "patrols",
  "lighting",
  "welfare_and_recreation",
  "alcohol",
  "local_hiring",
  "other",
] as const;
export type RiskFactorKind = (typeof riskFactorKinds)[number];

export const riskLevels = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** Likelihood and impact run from 1 (rare, minor) to 5 (almost certain, severe). */
export const RATING_MAX = 5;

export const riskScore = (likelihood: number, impact: number) => likelihood * impact;

/** The bands of the usual 5 × 5 matrix: 1–4 low, 5–9 medium, 10–14 high, 15–25 critical. */
export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return "critical";
  if (score >= 10) return "high";
  if (score >= 5) return "medium";
  return "low";
}

export interface RatedFactor {
  kind: string;
  likelihood: number;
  impact: number;
}

/** A location is as risky as its worst factor: one critical factor is not diluted by nine low ones. */
export function overallLevel(factors: RatedFactor[]): RiskLevel | null {
  if (factors.length === 0) return null;
  return riskLevel(Math.max(...factors.map((f) => riskScore(f.likelihood, f.impact))));
}

/** How many factors sit in each cell: `cells[likelihood - 1][impact - 1]`. */
export function heatMatrix(factors: RatedFactor[]): number[][] {
  const cells = Array.from({ length: RATING_MAX }, () => Array<number>(RATING_MAX).fill(0));
  for (const f of factors) cells[f.likelihood - 1][f.impact - 1]++;
  return cells;
}

export interface MitigationFacts {
  dueOn: string;
  completedOn: string | null;
}

export type MitigationState = "done" | "overdue" | "open";

export const mitigationState = (m: MitigationFacts, today: string): MitigationState =>
  m.completedOn !== null ? "done" : m.dueOn < today ? "overdue" : "open";

// ---- Quarters ----

const QUARTER = /^(\d{4})-Q([1-4])$/;

export const isQuarter = (value: string) => QUARTER.test(value);

/** `2026-Q3` → 1 July to 30 September 2026. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const match = QUARTER.exec(quarter);
  if (!match) throw new RangeError(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(new Date(Date.UTC(year, first, 1))), to: iso(new Date(Date.UTC(year, first + 3, 0))) };
}

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

// ---- The quarterly mission report ----

export interface AssessmentFacts {
  id: string;
  location: string;
  locationKind: string;
  assessedOn: string;
  reviewOn: string;
  factors: RatedFactor[];
  mitigations: (MitigationFacts & { action: string; owner: string; factorKind: string | null })[];
}

export interface QuarterlyLocation {
  assessmentId: string;
  location: string;
  locationKind: string;
  assessedOn: string;
  reviewOn: string;
  reviewOverdue: boolean;
  level: RiskLevel | null;
  factors: (RatedFactor & { score: number; level: RiskLevel })[];
  mitigations: { due: number; completed: number; overdue: number };
  overdueMitigations: { action: string; owner: string; dueOn: string }[];
}

export interface QuarterlyReport {
  quarter: string;
  from: string;
  to: string;
  /** The date the report's "overdue" is judged at: the quarter's end, or today for the running quarter. */
  asOf: string;
  locations: QuarterlyLocation[];
  levels: Record<RiskLevel, number>;
  heat: number[][];
  totals: {
    locations: number;
    assessedInQuarter: number;
    reviewsOverdue: number;
    mitigationsDue: number;
    mitigationsCompleted: number;
    mitigationsOverdue: number;
  };
}

/**
 * The report a mission sends headquarters for a quarter: for each location its latest assessment made
 * by the quarter's end, the rating of each factor, and how mitigation went — due in the quarter,
 * completed in it, overdue at its end (or today, for the quarter still running).
 */
export function quarterlyReport(quarter: string, assessments: AssessmentFacts[], today: string): QuarterlyReport {
  const { from, to } = quarterRange(quarter);
  const asOf = today < to ? today : to;
  const latest = new Map<string, AssessmentFacts>();
  for (const a of assessments) {
    if (a.assessedOn > to) continue;
    const key = a.location.toLocaleLowerCase();
    const current = latest.get(key);
    if (!current || a.assessedOn > current.assessedOn || (a.assessedOn === current.assessedOn && a.id > current.id))
      latest.set(key, a);
  }
  const completedBy = (m: MitigationFacts, date: string) => m.completedOn !== null && m.completedOn <= date;
  const locations = [...latest.values()]
    .map((a): QuarterlyLocation => {
      const overdue = a.mitigations.filter((m) => m.dueOn < asOf && !completedBy(m, asOf));
      return {
        assessmentId: a.id,
        location: a.location,
        locationKind: a.locationKind,
        assessedOn: a.assessedOn,
        reviewOn: a.reviewOn,
        reviewOverdue: a.reviewOn < asOf,
        level: overallLevel(a.factors),
        factors: a.factors
          .map((f) => ({
            ...f,
            score: riskScore(f.likelihood, f.impact),
            level: riskLevel(riskScore(f.likelihood, f.impact)),
          }))
          .sort((x, y) => y.score - x.score || x.kind.localeCompare(y.kind)),
        mitigations: {
          due: a.mitigations.filter((m) => m.dueOn >= from && m.dueOn <= to).length,
          completed: a.mitigations.filter((m) => m.completedOn !== null && m.completedOn >= from && m.completedOn <= to)
            .length,
          overdue: overdue.length,
        },
        overdueMitigations: overdue
          .map((m) => ({ action: m.action, owner: m.owner, dueOn: m.dueOn }))
          .sort((x, y) => x.dueOn.localeCompare(y.dueOn)),
      };
    })
    .sort((x, y) => levelRank(y.level) - levelRank(x.level) || x.location.localeCompare(y.location));
  const levels = Object.fromEntries(
    riskLevels.map((level) => [level, locations.filter((l) => l.level === level).length]),
  ) as Record<RiskLevel, number>;
  const sum = (pick: (l: QuarterlyLocation) => number) => locations.reduce((total, l) => total + pick(l), 0);
  return {
    quarter,
    from,
    to,
    asOf,
    locations,
    levels,
    heat: heatMatrix(locations.flatMap((l) => l.factors)),
    totals: {
      locations: locations.length,
      assessedInQuarter: locations.filter((l) => l.assessedOn >= from).length,
      reviewsOverdue: locations.filter((l) => l.reviewOverdue).length,
      mitigationsDue: sum((l) => l.mitigations.due),
      mitigationsCompleted: sum((l) => l.mitigations.completed),
      mitigationsOverdue: sum((l) => l.mitigations.overdue),
    },
  };
}

const levelRank = (level: RiskLevel | null) => (level === null ? -1 : riskLevels.indexOf(level));
