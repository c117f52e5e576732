// How a contributing country is doing on accountability for its personnel: does it answer the UN's
// notes verbales in time, appoint national investigation officers, finish investigations within the
// policy, and act on substantiated findings with penalties that match the misconduct.
import { publicUnitDecisions } from "./command.js";
import { type CommitmentStatus, commitmentLate } from "./leadership.js";
import { isOnSiteCourtMartial } from "./military-justice.js";

export type IsoDate = string;

const dayMs = 86_400_000;
export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** The value below which a share `p` (0–1) of the values fall, by the nearest-rank method; null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** How grave an allegation is, for setting penalties side by side: the gravest of a case's allegations. */
export const severities = ["child_or_rape", "sexual_abuse", "sexual_exploitation", "other"] as const;
export type Severity = (typeof severities)[number];

export function severityOf(allegationCodes: string[]): Severity {
  if (allegationCodes.some((code) => code === "SA_MINOR" || code === "SA_RAPE")) return "child_or_rape";
  if (allegationCodes.some((code) => code.startsWith("SA_"))) return "sexual_abuse";
  if (allegationCodes.some((code) => code.startsWith("SE_"))) return "sexual_exploitation";
  return "other";
}

export interface ReferralFact {
  sentOn: IsoDate;
  replyDueOn: IsoDate | null;
  repliedOn: IsoDate | null;
  nioAppointedOn: IsoDate | null;
}

export interface InvestigationFact {
  startedOn: IsoDate;
  completedOn: IsoDate | null;
  dueOn: IsoDate;
}

export interface OutcomeFact {
  severity: Severity;
  substantiated: boolean;
  /** Final actions reported for the person (by the UN or the State). */
  finalActions: string[];
}

/** A State's own proceeding against one of its personnel (src/domain/military-justice.ts). */
export interface ProceedingFact {
  kind: string;
  venue: string;
  verdict: string;
}

/** What a State's units' record shows: signals of a systemic pattern, decisions, its leaders' conduct. */
export interface CommandFacts {
  units: { signals: number; decisions: string[] }[];
  failedDuties: number;
  leaderAllegations: number;
}

export interface Share {
  count: number;
  of: number;
  /** count / of, or null when there is nothing to measure. */
  share: number | null;
}

/** How many times each value occurs. */
const countEach = (values: string[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

const share = (count: number, of: number): Share => ({ count, of, share: of === 0 ? null : count / of });

/** Military justice: the proceedings, the courts-martial held on site in the mission area, convictions. */
export interface ProceedingMeasures {
  total: number;
  onSiteCourtsMartial: number;
  convictions: number;
}

export const proceedingMeasures = (proceedings: ProceedingFact[]): ProceedingMeasures => ({
  total: proceedings.length,
  onSiteCourtsMartial: proceedings.filter(isOnSiteCourtMartial).length,
  convictions: proceedings.filter((p) => p.verdict === "convicted").length,
});

/** Command: units on record, those signalled (resolution 2272), decisions by kind, leaders' failed duties and allegations. */
export interface CommandMeasures {
  units: number;
  signalled: number;
  decisions: Record<string, number>;
  failedDuties: number;
  leaderAllegations: number;
}

export const commandMeasures = (command: CommandFacts): CommandMeasures => ({
  units: command.units.length,
  signalled: command.units.filter((unit) => unit.signals > 0).length,
  decisions: countEach(command.units.flatMap((unit) => unit.decisions)),
  failedDuties: command.failedDuties,
  leaderAllegations: command.leaderAllegations,
});

export interface AccountabilityMeasures {
  /** Replies to notes verbales given by the deadline, among those answered or already due. */
  repliesOnTime: Share;
  /** Days from the note verbale to the NIO's appointment. */
  nioAppointment: { appointed: number; notAppointed: number; medianDays: number | null };
  /** Completed investigations' length against the policy's deadlines. */
  investigations: {
    completed: number;
    open: number;
    medianDays: number | null;
    p90Days: number | null;
    withinDeadline: Share;
    openPastDeadline: number;
  };
  /** Substantiated findings for which a final action was reported. */
  substantiatedWithFinalAction: Share;
  proceedings: ProceedingMeasures;
  command: CommandMeasures;
  /** Final actions for substantiated findings, by how grave the misconduct was: inconsistent penalties show side by side. */
  penalties: { severity: Severity; substantiated: number; actions: Record<string, number>; noAction: number }[];
}

export function accountabilityMeasures(
  facts: {
    referrals: ReferralFact[];
    investigations: InvestigationFact[];
    outcomes: OutcomeFact[];
    proceedings: ProceedingFact[];
    command: CommandFacts;
  },
  today: IsoDate,
): AccountabilityMeasures {
  const measured = facts.referrals.filter(
    (r) => r.replyDueOn !== null && (r.repliedOn !== null || r.replyDueOn < today),
  );
  const onTime = measured.filter((r) => r.repliedOn !== null && r.repliedOn <= (r.replyDueOn as IsoDate));
  const appointed = facts.referrals.filter((r) => r.nioAppointedOn !== null);
  const completed = facts.investigations.filter((i) => i.completedOn !== null);
  const lengths = completed.map((i) => daysBetween(i.startedOn, i.completedOn as IsoDate));
  const open = facts.investigations.filter((i) => i.completedOn === null);
  const substantiated = facts.outcomes.filter((o) => o.substantiated);
  return {
    repliesOnTime: share(onTime.length, measured.length),
    nioAppointment: {
      appointed: appointed.length,
      notAppointed: facts.referrals.length - appointed.length,
      medianDays: percentile(
        appointed.map((r) => daysBetween(r.sentOn, r.nioAppointedOn as IsoDate)),
        0.5,
      ),
    },
    investigations: {
      completed: completed.length,
      open: open.length,
      medianDays: percentile(lengths, 0.5),
      p90Days: percentile(lengths, 0.9),
      withinDeadline: share(completed.filter((i) => (i.completedOn as IsoDate) <= i.dueOn).length, completed.length),
      openPastDeadline: open.filter((i) => i.dueOn < today).length,
    },
    substantiatedWithFinalAction: share(
      substantiated.filter((o) => o.finalActions.length > 0).length,
      substantiated.length,
    ),
    proceedings: proceedingMeasures(facts.proceedings),
    command: commandMeasures(facts.command),
    penalties: severities
      .map((severity) => {
        const group = substantiated.filter((o) => o.severity === severity);
        return {
          severity,
          substantiated: group.length,
          actions: countEach(group.flatMap((o) => [...new Set(o.finalActions)])),
          noAction: group.filter((o) => o.finalActions.length === 0).length,
        };
      })
      .filter((row) => row.substantiated > 0),
  };
}

/** A mission's command record: its units and leaders, the proceedings on its cases, its leaders' commitments. */
export interface MissionCommandFacts {
  command: CommandFacts;
  proceedings: ProceedingFact[];
  plans: { certified: boolean; commitments: { status: CommitmentStatus; dueOn: IsoDate }[] }[];
}

export interface MissionCommandMeasures {
  command: CommandMeasures;
  proceedings: ProceedingMeasures;
  /** The leaders' yearly plans: how many, how many certified by the head of mission, their items done and late. */
  commitments: { plans: number; certified: number; items: number; done: number; late: number };
}

export function missionCommandMeasures(facts: MissionCommandFacts, today: IsoDate): MissionCommandMeasures {
  const items = facts.plans.flatMap((plan) => plan.commitments);
  return {
    command: commandMeasures(facts.command),
    proceedings: proceedingMeasures(facts.proceedings),
    commitments: {
      plans: facts.plans.length,
      certified: facts.plans.filter((plan) => plan.certified).length,
      items: items.length,
      done: items.filter((item) => item.status === "done").length,
      late: items.filter((item) => commitmentLate(item, today)).length,
    },
  };
}

/**
 * What the public sees of military justice and command: the national proceedings on published
 * allegations, by forum (a court-martial on site or at home, a civilian court, a disciplinary
 * board), the convictions among them, and the units repatriated or replaced (public acts of the
 * Secretariat; reviews and a State's response stay internal).
 */
export const publicCommandMeasures = [
  "court_martial_mission_area",
  "court_martial_home_country",
  "civilian_court",
  "disciplinary_board",
  "convicted",
  "unit_repatriation",
  "unit_replacement",
] as const;
export type PublicCommandMeasure = (typeof publicCommandMeasures)[number];

/** A published proceeding, or a unit decision, as the published view of command reads it. */
export type PublicCommandFact =
  | { source: "proceeding"; kind: string; venue: string; verdict: string }
  | { source: "decision"; decision: string };

/** The public measures a fact counts in (none for an internal decision). */
export function publicCommandMeasuresOf(fact: PublicCommandFact): PublicCommandMeasure[] {
  if (fact.source === "decision")
    return (publicUnitDecisions as readonly string[]).includes(fact.decision)
      ? [`unit_${fact.decision}` as PublicCommandMeasure]
      : [];
  const forum = (fact.kind === "court_martial" ? `court_martial_${fact.venue}` : fact.kind) as PublicCommandMeasure;
  return fact.verdict === "convicted" ? [forum, "convicted"] : [forum];
}
