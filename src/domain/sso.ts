// Single sign-on: how an identity provider's claims about a person give their role and scope here.
// An administrator keeps the rules per provider; the first rule, by position, whose claim holds its
// value decides, at every sign-in, so that a change of groups at the organisation follows.
import type { Role } from "./roles.js";

export interface SsoRule {
  id: string;
  providerId: string;
  /** A claim's name, dotted for a nested one (`realm_access.roles`). */
  claim: string;
  value: string;
  role: Role;
  missionCodes: string[];
  entityCodes: string[];
  countryCode: string | null;
  position: number;
}

export type Claims = Record<string, unknown>;

/** A claim's value by its dotted name, or undefined where the path leads nowhere. */
function claimAt(claims: Claims, name: string): unknown {
  let value: unknown = claims;
  for (const part of name.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Claims)[part];
  }
  return value;
}

/** Whether a claim holds a value: equal to a single claim, or one of a list claim's items. */
export function claimHolds(claims: Claims, name: string, value: string): boolean {
  const found = claimAt(claims, name);
  const values = Array.isArray(found) ? found : [found];
  return values.some((item) => (typeof item === "string" || typeof item === "number") && String(item) === value);
}

/** The rule that gives a person of this provider their role and scope, or null when none holds. */
export function ruleFor(rules: SsoRule[], providerId: string, claims: Claims): SsoRule | null {
  return (
    rules
      .filter((rule) => rule.providerId === providerId)
      .sort((a, b) => a.position - b.position)
      .find((rule) => claimHolds(claims, rule.claim, rule.value)) ?? null
  );
}

/** Why a sign-in through a provider was refused, as the sign-in page names it. */
export const ssoRefusals = ["no_matching_rule", "account_disabled", "local_account_exists", "failed"] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];
