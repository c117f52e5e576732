// Victim assistance (docs/domain.md): pseudonymous victim records, consent to share, needs, referrals to
// service providers and their follow-up, and children born as a result of SEA. Pure rules only.

export const victimSexes = ["female", "male", "unknown"] as const;
export type VictimSex = (typeof victimSexes)[number];

export const ageGroups = ["adult", "child", "unknown"] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** Who a victim may agree to share information with. */
export const consentRecipients = ["investigators", "service_providers", "member_state"] as const;
export type ConsentRecipient = (typeof consentRecipients)[number];

/** Who consents to sharing a record with another entity: the victim, or for a child their caregiver. */
export const consentGivers = ["victim", "caregiver"] as const;
export type ConsentGiver = (typeof consentGivers)[number];

/** A child's record is shared on their caregiver's consent, an adult's on their own; unknown age, either. */
export const consentGiverFits = (ageGroup: AgeGroup, giver: ConsentGiver) =>
  ageGroup === "unknown" || (ageGroup === "child") === (giver === "caregiver");

export const serviceTypes = [
  "medical",
  "psychosocial",
  "legal",
  "shelter",
  "material",
  "education",
  "livelihood",
] as const;
export type ServiceType = (typeof serviceTypes)[number];

export const referralStatuses = ["proposed", "accepted", "delivered", "declined", "closed"] as const;
export type AssistanceReferralStatus = (typeof referralStatuses)[number];

const nextStatuses: Record<AssistanceReferralStatus, AssistanceReferralStatus[]> = {
  proposed: ["accepted", "declined", "closed"],
  accepted: ["delivered", "declined", "closed"],
  delivered: ["closed"],
  // A declined service can be offered again once the victim or provider reconsiders.
  declined: ["proposed", "closed"],
  closed: [],
};

export function allowedReferralSteps(status: AssistanceReferralStatus): AssistanceReferralStatus[] {
  return nextStatuses[status];
}

/** The age group statistics count: a child is under 18 at the time of the incident. */
export function ageGroupOf(ageAtIncident: number | null, stated: AgeGroup): AgeGroup {
  if (ageAtIncident === null) return stated;
  return ageAtIncident < 18 ? "child" : "adult";
}

/** The next pseudonymous code in a mission, e.g. V-MONUSCO-0007; codes are never reused. */
export function nextVictimCode(missionCode: string, taken: number): string {
  return `V-${missionCode}-${String(taken + 1).padStart(4, "0")}`;
}

/** A child's code follows the mother's or caregiver's: V-MONUSCO-0007-C1. */
export function nextChildCode(victimCode: string, taken: number): string {
  return `${victimCode}-C${taken + 1}`;
}

export interface ConsentEntry {
  recipient: ConsentRecipient;
  granted: boolean;
  givenOn: string;
  recordedAt: Date;
}

/** The consent in force for each recipient: the latest entry wins; nothing recorded means no. */
export function consentInForce(entries: ConsentEntry[]): Record<ConsentRecipient, boolean> {
  const latest = new Map<ConsentRecipient, ConsentEntry>();
  for (const entry of entries) {
    const current = latest.get(entry.recipient);
    // Two answers of the same day recorded at the same instant: the refusal stands, whatever their order.
    const at = (e: ConsentEntry) => e.recordedAt.getTime();
    const newer =
      !current ||
      entry.givenOn > current.givenOn ||
      (entry.givenOn === current.givenOn && (at(entry) > at(current) || (at(entry) === at(current) && !entry.granted)));
    if (newer) latest.set(entry.recipient, entry);
  }
  return Object.fromEntries(
    consentRecipients.map((recipient) => [recipient, latest.get(recipient)?.granted ?? false]),
  ) as Record<ConsentRecipient, boolean>;
}

/** Why a victim's identity is being read: for the advocate's own work, or to pass it on. */
export const revealPurposes = [
  "assistance",
  "share_with_investigators",
  "share_with_service_provider",
  "share_with_member_state",
] as const;
export type RevealPurpose = (typeof revealPurposes)[number];

/** The consent a purpose needs, or null when the advocate reads it for their own work. */
export function consentNeededFor(purpose: RevealPurpose): ConsentRecipient | null {
  return {
    assistance: null,
    share_with_investigators: "investigators",
    share_with_service_provider: "service_providers",
    share_with_member_state: "member_state",
  }[purpose] as ConsentRecipient | null;
}

/** A referral with no follow-up date given is followed up two weeks after it is proposed: none goes unchased. */
export const DEFAULT_FOLLOW_UP_DAYS = 14;

export function defaultFollowUp(proposedOn: string): string {
  const date = new Date(`${proposedOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + DEFAULT_FOLLOW_UP_DAYS);
  return date.toISOString().slice(0, 10);
}

export interface ReferralDue {
  status: AssistanceReferralStatus;
  followUpOn: string | null;
}

/** A referral needs the advocate today when its follow-up date has come and it is still open. */
export function referralNeedsAction(referral: ReferralDue, today: string): boolean {
  return (
    referral.followUpOn !== null && referral.followUpOn <= today && !["closed", "declined"].includes(referral.status)
  );
}

/** How a victim was told of progress, and what about (each time is recorded). */
export const updateMeans = ["in_person", "phone", "through_caregiver", "through_partner", "in_writing"] as const;
export type UpdateMeans = (typeof updateMeans)[number];
export const updateTopics = [
  "case_progress",
  "investigation",
  "outcome",
  "actions",
  "paternity",
  "assistance",
] as const;
export type UpdateTopic = (typeof updateTopics)[number];
