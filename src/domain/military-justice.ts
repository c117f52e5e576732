// Military justice: the national proceedings a contributing State brings against its personnel for
// misconduct in a mission — a court-martial on site in the mission area or at home, a civilian
// court, a disciplinary board — with the charges, verdict, sentence and appeal as the State records them.

export const proceedingKinds = ["court_martial", "civilian_court", "disciplinary_board"] as const;
export type ProceedingKind = (typeof proceedingKinds)[number];

/** Where the proceeding sits: in the mission area (where witnesses and victims are), or at home. */
export const proceedingVenues = ["mission_area", "home_country"] as const;
export type ProceedingVenue = (typeof proceedingVenues)[number];

export const verdicts = ["pending", "convicted", "acquitted", "dismissed"] as const;
export type Verdict = (typeof verdicts)[number];

export const appeals = ["none", "lodged", "upheld", "overturned"] as const;
export type Appeal = (typeof appeals)[number];

export interface ProceedingFacts {
  kind: ProceedingKind;
  venue: ProceedingVenue;
  openedOn: string;
  verdict: Verdict;
  verdictOn: string | null;
  sentence: string | null;
  appeal: Appeal;
}

/** What is wrong with a proceeding's record, as [field, problem], or null when it holds together. */
export function proceedingProblem(facts: ProceedingFacts): [field: string, problem: string] | null {
  const decided = facts.verdict !== "pending";
  if (decided && facts.verdictOn === null) return ["verdictOn", "verdict_day_missing"];
  if (!decided && facts.verdictOn !== null) return ["verdictOn", "no_verdict_yet"];
  if (facts.verdictOn !== null && facts.verdictOn < facts.openedOn) return ["verdictOn", "before_opening"];
  if (facts.sentence !== null && facts.verdict !== "convicted") return ["sentence", "sentence_without_conviction"];
  if (facts.appeal !== "none" && !decided) return ["appeal", "appeal_without_verdict"];
  return null;
}

/** A court-martial held in the mission area: what the State's scorecard counts. */
export const isOnSiteCourtMartial = (facts: { kind: string; venue: string }) =>
  facts.kind === "court_martial" && facts.venue === "mission_area";
