// Who may investigate what: referral rules from the revised model MOU and docs/domain.md.
export const referralEntities = [
  "oios",
  "member_state",
  "police_contributing_country",
  "mission_unit",
  "contingent_commander",
] as const;
export type ReferralEntity = (typeof referralEntities)[number];

export const memberStateReplies = ["will_investigate", "declined"] as const;
export type MemberStateReply = (typeof memberStateReplies)[number];

/** Entities that are States: they receive a note verbale and owe a reply within the policy's deadline. */
export const isStateReferral = (entity: ReferralEntity) =>
  entity === "member_state" || entity === "police_contributing_country";

export interface CaseFacts {
  categoryCodes: string[];
  nationalityCodes: string[];
}

export interface ReferralRequest {
  entity: ReferralEntity;
  countryCode: string | null;
}

/** Why a referral cannot be made, as a problem code, or null when it can. */
export function referralProblem(facts: CaseFacts, request: ReferralRequest): string | null {
  if (isStateReferral(request.entity)) {
    if (!request.countryCode) return "referrals.errors.countryRequired";
    if (!facts.nationalityCodes.includes(request.countryCode)) return "referrals.errors.countryNotInvolved";
  } else if (request.countryCode) return "referrals.errors.countryNotExpected";
  if (request.entity === "police_contributing_country" && !facts.categoryCodes.some((code) => code.startsWith("POL_")))
    return "referrals.errors.noPoliceInvolved";
  // The troop-contributing country has exclusive jurisdiction over members of its military contingents.
  const onlyContingentMembers =
    facts.categoryCodes.length > 0 && facts.categoryCodes.every((code) => code === "MIL_MC");
  if (onlyContingentMembers && (request.entity === "oios" || request.entity === "mission_unit"))
    return "referrals.errors.troopContributorJurisdiction";
  return null;
}
