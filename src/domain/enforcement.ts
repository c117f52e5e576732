// Investigations, findings per alleged perpetrator and the actions taken, with the rules that keep
// the record coherent (docs/domain.md, "Allegation data" and "Enforcement workflow").
import { differenceInCalendarDays } from "date-fns";
import type { DeadlineKind } from "./deadlines.js";

export const investigatingEntities = ["oios", "nio", "joint", "mission"] as const;
export type InvestigatingEntity = (typeof investigatingEntities)[number];
/** A National Investigation Officer works for a State: NIO and joint (OIOS + NIO) investigations name it. */
export const entityNeedsCountry = (entity: InvestigatingEntity) => entity === "nio" || entity === "joint";

export const findingOutcomes = [
  "substantiated",
  "not_substantiated",
  "closed_limited_information",
  "closed_other",
] as const;
export type FindingOutcome = (typeof findingOutcomes)[number];

export const actionStages = ["interim", "final"] as const;
export type ActionStage = (typeof actionStages)[number];
export const actionTakers = ["un", "member_state"] as const;
export type ActionTaker = (typeof actionTakers)[number];

export const interimActionKinds = [
  "repatriation",
  "payment_suspension",
  "administrative_leave",
  "screening_list",
] as const;
export const finalActionKinds = [
  "repatriation_and_ban",
  "dismissal",
  "imprisonment",
  "demotion",
  "reprimand",
  "fine",
  "court_martial",
  "criminal_referral",
] as const;
export const actionKinds = [...interimActionKinds, ...finalActionKinds] as const;
export type ActionKind = (typeof actionKinds)[number];

export interface ActionRequest {
  stage: ActionStage;
  kind: ActionKind;
  amount: number | null;
  currency: string | null;
  months: number | null;
}

/** Why an action cannot be recorded, as a problem code, or null when it can. */
export function actionProblem(request: ActionRequest, findingsForPerpetrator: FindingOutcome[]): string | null {
  const allowed: readonly string[] = request.stage === "interim" ? interimActionKinds : finalActionKinds;
  if (!allowed.includes(request.kind)) return "actions.errors.kindNotForStage";
  // Final actions follow a finding that the allegation is substantiated; interim ones may come at any time.
  if (request.stage === "final" && !findingsForPerpetrator.includes("substantiated"))
    return "actions.errors.needsSubstantiatedFinding";
  const needsAmount = request.kind === "payment_suspension" || request.kind === "fine";
  if (needsAmount && (request.amount === null || request.currency === null)) return "actions.errors.amountRequired";
  if (!needsAmount && request.amount !== null) return "actions.errors.amountNotExpected";
  if (request.kind === "imprisonment" && request.months === null) return "actions.errors.monthsRequired";
  if (request.kind !== "imprisonment" && request.months !== null) return "actions.errors.monthsNotExpected";
  return null;
}

/** Which investigation clock applies: urgent cases 3 months, SEA 90 days, other serious misconduct 6 months. */
export function investigationDeadlineKind(allegationCodes: string[], urgent: boolean): DeadlineKind {
  if (urgent) return "investigation_urgent";
  return allegationCodes.length === 0 || allegationCodes.some(isSeaCode)
    ? "investigation_sea"
    : "investigation_serious";
}

export const isSeaCode = (code: string) => code.startsWith("SE_") || code.startsWith("SA_");

/** Investigation duration in days, as published: from start to completion (or to today while open). */
export function investigationDays(startedOn: string, completedOn: string | null, today: string): number {
  return differenceInCalendarDays(new Date(`${completedOn ?? today}T00:00:00Z`), new Date(`${startedOn}T00:00:00Z`));
}

/** The next pseudonymous code on a case: P-01, P-02, … (never reused, even if a record is withdrawn). */
export function nextPerpetratorCode(existing: string[]): string {
  const highest = existing.reduce((max, code) => Math.max(max, Number(/^P-(\d+)$/.exec(code)?.[1] ?? 0)), 0);
  return `P-${String(highest + 1).padStart(2, "0")}`;
}

export interface VictimCounts {
  women: number;
  girls: number;
  boys: number;
  men: number;
  unknown: number;
}

export const totalVictims = (counts: VictimCounts) =>
  counts.women + counts.girls + counts.boys + counts.men + counts.unknown;
export const childVictims = (counts: VictimCounts) => counts.girls + counts.boys;
