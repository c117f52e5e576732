// Training on conduct and discipline: courses, sessions and who completed them, a Member State's
// certification of its pre-deployment training for a contingent, and each contingent's coverage —
// the share of its deployed personnel whose training is current.

export const courseKinds = [
  "pre_deployment",
  "induction",
  "refresher",
  "sea_elearning",
  "nio_training_of_trainers",
] as const;
export type CourseKind = (typeof courseKinds)[number];

/** What every deployed contingent member needs: the State's pre-deployment training and the mission's induction. */
export const requiredKinds = ["pre_deployment", "induction"] as const satisfies readonly CourseKind[];

/** Below this share of its personnel trained, a contingent is flagged. */
export const COVERAGE_TARGET = 1;

export interface SessionFacts {
  id: string;
  kind: CourseKind;
  endsOn: string;
  /** Months a completion stays current. */
  validityMonths: number;
  /** Completions entered as a count, when no attendance list was imported. */
  completions: number;
  /** Keyed hashes of those who completed, when an attendance list was imported. */
  completedKeys: string[] | null;
  certifiedOn: string | null;
}

export interface ContingentFacts {
  strength: number;
  deployedOn: string;
}

export type CoverageGap =
  | "pre_deployment_not_certified"
  | "certified_after_deployment"
  | "pre_deployment_below_target"
  | "induction_below_target";

export interface Coverage {
  /** Share (0–1) of the contingent's personnel with current training of each required kind. */
  shares: Record<(typeof requiredKinds)[number], number>;
  trained: Record<(typeof requiredKinds)[number], number>;
  certifiedOn: string | null;
  gaps: CoverageGap[];
}

/** The date `months` months after `date` (clamped to the month's end: 31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

export const isCurrent = (session: Pick<SessionFacts, "endsOn" | "validityMonths">, today: string) =>
  session.endsOn <= today && addMonths(session.endsOn, session.validityMonths) >= today;

/**
 * People trained in current sessions of one kind: attendance lists count each person once however
 * many sessions they attended; sessions recorded as a count add their count.
 */
export function trainedCount(sessions: SessionFacts[]): number {
  const people = new Set<string>();
  let counted = 0;
  for (const session of sessions) {
    if (session.completedKeys) for (const key of session.completedKeys) people.add(key);
    else counted += session.completions;
  }
  return people.size + counted;
}

export function coverageOf(contingent: ContingentFacts, sessions: SessionFacts[], today: string): Coverage {
  const current = sessions.filter((s) => isCurrent(s, today));
  const trained = Object.fromEntries(
    requiredKinds.map((kind) => [
      kind,
      Math.min(contingent.strength, trainedCount(current.filter((s) => s.kind === kind))),
    ]),
  ) as Coverage["trained"];
  const shares = Object.fromEntries(
    requiredKinds.map((kind) => [kind, contingent.strength === 0 ? 1 : trained[kind] / contingent.strength]),
  ) as Coverage["shares"];
  const certifications = sessions
    .filter((s) => s.kind === "pre_deployment" && s.certifiedOn !== null)
    .map((s) => s.certifiedOn as string)
    .sort();
  const certifiedOn = certifications.find((date) => date <= contingent.deployedOn) ?? certifications[0] ?? null;
  const gaps: CoverageGap[] = [];
  if (certifiedOn === null) gaps.push("pre_deployment_not_certified");
  else if (certifiedOn > contingent.deployedOn) gaps.push("certified_after_deployment");
  if (shares.pre_deployment < COVERAGE_TARGET) gaps.push("pre_deployment_below_target");
  // Induction is due once the contingent is in the mission.
  if (contingent.deployedOn <= today && shares.induction < COVERAGE_TARGET) gaps.push("induction_below_target");
  return { shares, trained, certifiedOn, gaps };
}

// ---- Attendance lists ----

export const attendanceColumns = ["service_number", "completed"] as const;

export interface AttendanceRow {
  line: number;
  serviceNumber: string;
  completed: boolean;
}

/** Service numbers compare without spaces, dashes or case: "gh-12 345" and "GH12345" are one person. */
export const foldServiceNumber = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, "");

const yes = new Set(["yes", "y", "oui", "o", "true", "1", "x", "completed"]);
const no = new Set(["no", "n", "non", "false", "0", "", "absent"]);

/**
 * Reads an attendance list (rows after the header, each [service_number, completed, …]): every row
 * it cannot take is reported with its line and reason. A person listed twice is an error, not a
 * second completion. Other columns (a name, a unit) are ignored and never stored.
 */
export function readAttendance(
  rows: string[][],
  firstLine = 2,
): { rows: AttendanceRow[]; errors: { line: number; message: string }[] } {
  const taken: AttendanceRow[] = [];
  const errors: { line: number; message: string }[] = [];
  const seen = new Map<string, number>();
  for (const [index, cells] of rows.entries()) {
    const line = firstLine + index;
    const serviceNumber = foldServiceNumber(cells[0] ?? "");
    const completed = (cells[1] ?? "").trim().toLowerCase();
    const earlier = seen.get(serviceNumber);
    if (serviceNumber.length < 3) errors.push({ line, message: "service_number is missing or too short" });
    else if (!yes.has(completed) && !no.has(completed))
      errors.push({ line, message: `completed must be Yes or No, not "${cells[1] ?? ""}"` });
    else if (earlier !== undefined) errors.push({ line, message: `the same person is already on line ${earlier}` });
    else {
      seen.set(serviceNumber, line);
      taken.push({ line, serviceNumber, completed: yes.has(completed) });
    }
  }
  return { rows: taken, errors };
}
