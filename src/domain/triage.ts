// Triage at intake: what a report is about, whether someone is in danger or needs care now, and the
// urgency that follows, so the people in most danger are seen first and sent to victim assistance.
export const reportKinds = ["sea", "other_misconduct", "unknown"] as const;
export type ReportKind = (typeof reportKinds)[number];

/**
 * Who the reporter wants to receive the report: the mission's conduct team, headquarters and OIOS
 * only (when the mission itself is the problem), or "I don't know" (the mission named, else
 * headquarters).
 */
export const reportRoutes = ["mission", "headquarters", "unknown"] as const;
export type ReportRoute = (typeof reportRoutes)[number];

export const immediateNeeds = ["medical", "safety", "psychosocial", "shelter", "legal", "material"] as const;
export type ImmediateNeed = (typeof immediateNeeds)[number];

export const urgencies = ["urgent", "priority", "routine"] as const;
export type Urgency = (typeof urgencies)[number];

/**
 * Medical care after a sexual assault works within 72 hours (post-exposure prophylaxis, emergency
 * contraception): a report asking for it within that window is urgent.
 */
export const MEDICAL_WINDOW_DAYS = 3;

export interface TriageFacts {
  kind: ReportKind;
  immediateDanger: "yes" | "no" | "unknown";
  needs: readonly string[];
  childrenInvolved: "yes" | "no" | "unknown";
  /** Null when the reporter does not know it: the window is then assumed open. */
  incidentDate: string | null;
  receivedOn: string;
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Urgent: danger now, a safety need, or medical care within the window; priority: SEA, children or any need. */
export function reportUrgency(facts: TriageFacts): Urgency {
  const medicalWindowOpen =
    facts.incidentDate === null || daysBetween(facts.incidentDate, facts.receivedOn) <= MEDICAL_WINDOW_DAYS;
  if (facts.immediateDanger === "yes" || facts.needs.includes("safety")) return "urgent";
  if (facts.needs.includes("medical") && medicalWindowOpen) return "urgent";
  if (facts.kind === "sea" || facts.childrenInvolved === "yes" || facts.needs.length > 0) return "priority";
  return "routine";
}

/** Sorting rank, most urgent first. */
export const urgencyRank = (urgency: Urgency) => urgencies.indexOf(urgency);

type Answer = "yes" | "no" | "unknown";

/** What two accounts say together of children: "yes" from either stands; "unknown" gives way to an answer. */
export function combineChildrenInvolved(known: string, added: string): Answer {
  if (known === "yes" || added === "yes") return "yes";
  if (known === "no" || added === "no") return "no";
  return "unknown";
}
