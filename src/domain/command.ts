// Command accountability: the posts of a unit's leadership, and who held the command on a given day.

/** The leaders a unit's record names: its commander first, then those the SEA framework asks for. */
export const unitPosts = ["commander", "deputy_commander", "sea_focal_point", "legal_officer"] as const;
export type UnitPost = (typeof unitPosts)[number];

export interface LeaderPeriod {
  post: string;
  servedFrom: string;
  servedTo: string | null;
}

/** Whether a leader was in post on a day (ISO dates; an open period runs to this day). */
export const servedOn = (leader: LeaderPeriod, day: string) =>
  leader.servedFrom <= day && (leader.servedTo === null || day <= leader.servedTo);

/**
 * The unit's commander on a day: the one in post then; if periods overlap (a hand-over), the one who
 * took the command last. None when no commander's period covers the day.
 */
export function commanderOn<L extends LeaderPeriod>(leaders: L[], day: string): L | null {
  const inPost = leaders.filter((leader) => leader.post === "commander" && servedOn(leader, day));
  return inPost.sort((a, b) => b.servedFrom.localeCompare(a.servedFrom))[0] ?? null;
}

/**
 * What a unit's leaders owed on a case: to report it, to take interim measures, to preserve the
 * evidence, and to cooperate with the National Investigation Officer and OIOS.
 */
export const commandDuties = ["reported", "interim_measures", "evidence_preserved", "cooperated"] as const;
export type CommandDuty = (typeof commandDuties)[number];

/** How a duty was met; "partly" and "yes" carry the day it was done. */
export const dutyAnswers = ["yes", "partly", "no", "unknown"] as const;
export type DutyAnswer = (typeof dutyAnswers)[number];

/** Whether an answer says the duty was done, at least in part: only then has it a day. */
export const dutyDone = (answer: DutyAnswer) => answer === "yes" || answer === "partly";

/** The duties a unit's leaders failed on a case ("no"): what a failure-to-report or -enforce allegation starts from. */
export const failedDuties = (duties: { duty: CommandDuty; answer: DutyAnswer }[]) =>
  duties.filter((duty) => duty.answer === "no").map((duty) => duty.duty);

/**
 * A unit's allegations, one per case an alleged perpetrator of the unit is implicated in: SEA by
 * outcome (the unit's people's findings: any substantiated, else any other finding, else pending),
 * and other misconduct.
 */
export interface UnitAllegations {
  substantiated: number;
  notSubstantiated: number;
  pending: number;
  otherMisconduct: number;
}

export const seaAllegations = (counts: UnitAllegations) =>
  counts.substantiated + counts.notSubstantiated + counts.pending;

/** SEA allegations per 1,000 personnel of a strength (a unit's, or the sum of a mission's units'). */
export const perThousand = (allegations: number, strength: number) =>
  strength > 0 ? Math.round((allegations / strength) * 10_000) / 10 : null;

/**
 * When a unit's record may show widespread or systemic SEA in the sense of Security Council
 * resolution 2272 (2016): several allegations in one rotation, more than one substantiated, or a
 * rate at least twice the mission's. A signal for headquarters to review, never a finding.
 */
export const systemicThresholds = { allegations: 3, substantiated: 2, timesMissionRate: 2, allegationsForRate: 2 };
export const systemicSignals = ["several_allegations", "repeatedly_substantiated", "above_mission_rate"] as const;
export type SystemicSignal = (typeof systemicSignals)[number];

export function systemicSignalsOf(
  counts: UnitAllegations,
  rate: number | null,
  missionRate: number | null,
): SystemicSignal[] {
  const sea = seaAllegations(counts);
  const signals: SystemicSignal[] = [];
  if (sea >= systemicThresholds.allegations) signals.push("several_allegations");
  if (counts.substantiated >= systemicThresholds.substantiated) signals.push("repeatedly_substantiated");
  if (
    sea >= systemicThresholds.allegationsForRate &&
    rate !== null &&
    missionRate !== null &&
    rate >= systemicThresholds.timesMissionRate * missionRate
  )
    signals.push("above_mission_rate");
  return signals;
}

/** What headquarters decided on a unit's record (resolution 2272): in the order they usually come. */
export const unitDecisions = ["review", "state_response", "repatriation", "replacement", "no_further_action"] as const;
export type UnitDecision = (typeof unitDecisions)[number];

/** The decisions the Secretariat makes public (a unit repatriated or replaced); the others stay internal. */
export const publicUnitDecisions = ["repatriation", "replacement"] as const satisfies readonly UnitDecision[];

/**
 * What a unit's leader may be alleged to have done on a case, as misconduct of their own (the
 * misconduct taxonomy's obstruction of accountability): the allegation becomes a case of its own,
 * with its investigation, findings and actions.
 */
export const leaderAllegationCodes = [
  "OBSTRUCTION_FAILURE_TO_REPORT",
  "OBSTRUCTION_FAILURE_TO_ENFORCE",
  "OBSTRUCTION_INTERFERENCE",
  "OBSTRUCTION_NON_COOPERATION",
  "OBSTRUCTION_RETALIATION",
] as const;
