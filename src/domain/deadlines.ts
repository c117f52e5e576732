// Deadlines as data: durations come from a versioned policy (the one in force when the clock
// starts), counted on a working-day calendar where the policy says working days.
import { UTCDate } from "@date-fns/utc";
import { addDays, addMonths, differenceInCalendarDays, format } from "date-fns";

export type IsoDate = string;
export type Duration = { workingDays: number } | { days: number } | { months: number };

export const deadlineKinds = [
  "member_state_reply",
  "investigation_sea",
  "investigation_serious",
  "investigation_urgent",
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface DeadlinePolicy {
  version: string;
  effectiveFrom: IsoDate;
  rules: Record<DeadlineKind, Duration>;
}

/** Default values (docs/domain.md); a new version with a later effectiveFrom changes them for clocks started after it. */
export const defaultDeadlinePolicies: DeadlinePolicy[] = [
  {
    // From the earliest records on: historical data (published since 2015) needs a policy too.
    version: "default-1",
    effectiveFrom: "1990-01-01",
    rules: {
      member_state_reply: { workingDays: 10 },
      investigation_sea: { days: 90 },
      investigation_serious: { months: 6 },
      investigation_urgent: { months: 3 },
    },
  },
];

export interface WorkingCalendar {
  /** Days of the week that are not worked: 0 is Sunday, 6 is Saturday. */
  weekend: number[];
  holidays: IsoDate[];
}

export const defaultCalendar: WorkingCalendar = { weekend: [0, 6], holidays: [] };

const toDate = (iso: IsoDate) => new UTCDate(`${iso}T00:00:00Z`);
const toIso = (date: Date): IsoDate => format(new UTCDate(date), "yyyy-MM-dd");

export function isWorkingDay(iso: IsoDate, calendar: WorkingCalendar): boolean {
  return !calendar.weekend.includes(toDate(iso).getUTCDay()) && !calendar.holidays.includes(iso);
}

/** The date `count` working days after `start` (the start day itself is not counted). */
export function addWorkingDays(start: IsoDate, count: number, calendar: WorkingCalendar): IsoDate {
  if (calendar.weekend.length >= 7) throw new Error("A calendar needs at least one working day a week.");
  let date = start;
  for (let counted = 0; counted < count; ) {
    date = toIso(addDays(toDate(date), 1));
    if (isWorkingDay(date, calendar)) counted++;
  }
  return date;
}

/** Working days after `from` up to and including `to`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  let count = 0;
  for (let date = from; date < to; ) {
    date = toIso(addDays(toDate(date), 1));
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}

export function addDuration(start: IsoDate, duration: Duration, calendar: WorkingCalendar): IsoDate {
  if ("workingDays" in duration) return addWorkingDays(start, duration.workingDays, calendar);
  if ("days" in duration) return toIso(addDays(toDate(start), duration.days));
  return toIso(addMonths(toDate(start), duration.months));
}

/** The policy in force on a date: the latest whose effectiveFrom is on or before it. */
export function policyInForce(policies: DeadlinePolicy[], on: IsoDate): DeadlinePolicy {
  const candidates = policies
    .filter((policy) => policy.effectiveFrom <= on)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const policy = candidates.at(-1);
  if (!policy) throw new Error(`No deadline policy is in force on ${on}.`);
  return policy;
}

export interface Extension {
  duration: Duration;
  reason: string;
}

export interface DueDate {
  dueDate: IsoDate;
  policyVersion: string;
}

/** When something started on `start` is due, under the policy in force that day, after any extensions. */
export function computeDueDate(
  kind: DeadlineKind,
  start: IsoDate,
  options: { policies?: DeadlinePolicy[]; calendar?: WorkingCalendar; extensions?: Extension[] } = {},
): DueDate {
  const calendar = options.calendar ?? defaultCalendar;
  const policy = policyInForce(options.policies ?? defaultDeadlinePolicies, start);
  let dueDate = addDuration(start, policy.rules[kind], calendar);
  for (const extension of options.extensions ?? []) dueDate = addDuration(dueDate, extension.duration, calendar);
  return { dueDate, policyVersion: policy.version };
}

/** Days late (positive), or days left (negative or zero), on `today`. */
export function daysOverdue(dueDate: IsoDate, today: IsoDate): number {
  return differenceInCalendarDays(toDate(today), toDate(dueDate));
}
