// The life of a case, as a state machine: received → preliminary assessment → referred → under
// investigation → findings → actions → closed, with reopening when new information arrives.
export const caseStatuses = [
  "received",
  "preliminary_assessment",
  "referred",
  "under_investigation",
  "findings",
  "actions",
  "closed",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseTransitions = {
  /** An officer starts assessing credibility, category and who is implicated. */
  assess: { from: ["received"], to: "preliminary_assessment" },
  /** Sent to OIOS, the contributing Member State, the mission's unit or the contingent commander. */
  refer: { from: ["preliminary_assessment"], to: "referred" },
  /** The investigating entity has started (for a Member State, once it confirms and appoints an NIO). */
  openInvestigation: { from: ["referred"], to: "under_investigation" },
  recordFindings: { from: ["under_investigation"], to: "findings" },
  recordActions: { from: ["findings"], to: "actions" },
  /** Closed after assessment (limited information), after a declined referral, after findings without action, or after actions. */
  close: { from: ["preliminary_assessment", "referred", "findings", "actions"], to: "closed" },
  reopen: { from: ["closed"], to: "preliminary_assessment" },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus }>;
export type CaseTransition = keyof typeof caseTransitions;

export type TransitionResult = { ok: true; status: CaseStatus } | { ok: false; allowed: CaseTransition[] };

/**
 * Steps taken by recording what makes them true, never by a button alone: a case is Referred
 * because a referral was recorded (with its note verbale and reply clock), under investigation
 * because an investigation was opened, and so on. The record's service takes the step.
 */
export const recordedSteps = {
  refer: "referral",
  openInvestigation: "investigation",
  recordFindings: "finding",
  recordActions: "final_action",
} as const satisfies Partial<Record<CaseTransition, string>>;
export type RecordedStep = keyof typeof recordedSteps;
export type StepRecord = (typeof recordedSteps)[RecordedStep];

export const isRecordedStep = (transition: CaseTransition): transition is RecordedStep => transition in recordedSteps;

/** The transitions open from a status, in workflow order. */
export function allowedTransitions(status: CaseStatus): CaseTransition[] {
  return (Object.keys(caseTransitions) as CaseTransition[]).filter((name) =>
    (caseTransitions[name].from as readonly CaseStatus[]).includes(status),
  );
}

/** Where a transition leads from a status, or which transitions are allowed instead. */
export function applyTransition(status: CaseStatus, transition: CaseTransition): TransitionResult {
  const rule = caseTransitions[transition];
  return (rule.from as readonly CaseStatus[]).includes(status)
    ? { ok: true, status: rule.to }
    : { ok: false, allowed: allowedTransitions(status) };
}

/** The open steps a person takes directly (assess, close, reopen), and the records that take the others. */
export function nextSteps(status: CaseStatus): { manual: CaseTransition[]; records: StepRecord[] } {
  const open = allowedTransitions(status);
  return {
    manual: open.filter((transition) => !isRecordedStep(transition)),
    records: open.filter(isRecordedStep).map((transition) => recordedSteps[transition]),
  };
}
