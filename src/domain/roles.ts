// The roles of Conduct Ledger and the kind of need-to-know scope each one carries (docs/domain.md).
import { z } from "zod";

export const roles = [
  "administrator",
  "cds_officer",
  "cdt_officer",
  "investigator",
  "member_state_focal_point",
  "victim_assistance",
  "analyst",
  "auditor",
  "publisher",
  "cbcm_focal_point",
  "identity_custodian",
  "head_of_mission",
] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** What limits a role's view: nothing, its missions, its country, or the cases assigned to it. */
export type ScopeKind = "global" | "missions" | "country" | "assigned" | "none";

export const scopeOfRole: Record<Role, ScopeKind> = {
  administrator: "none",
  cds_officer: "global",
  cdt_officer: "missions",
  investigator: "assigned",
  member_state_focal_point: "country",
  victim_assistance: "missions",
  analyst: "global",
  auditor: "none",
  publisher: "global",
  cbcm_focal_point: "missions",
  /** Approves or refuses others' requests to reveal an identity; sees no record itself. */
  identity_custodian: "none",
  /** Certifies the mission's leadership commitments on SEA; reads the mission's figures beside them. */
  head_of_mission: "missions",
};

/**
 * Headquarters roles an entity may have of its own, narrowed to its units (UNICEF's publisher
 * releases UNICEF's cases, no one else's; its analyst reports on UNICEF's work); given no entity,
 * they cover the whole installation.
 */
export const entityNarrowable: readonly Role[] = ["publisher", "analyst"];

/** Whether a role may be given whole entities: the unit-scoped roles, and those narrowed to an entity. */
export const takesEntities = (role: Role) => scopeOfRole[role] === "missions" || entityNarrowable.includes(role);

/**
 * Every role that can see case content, people's data or the audit trail must use TOTP. Community
 * complaint focal points only submit reports and may have no smartphone, so it is not forced on them.
 */
export function requiresTwoFactor(role: Role, ssoProvider: string | null = null): boolean {
  // An account kept by an identity provider proves its second factor there, not here.
  return role !== "cbcm_focal_point" && ssoProvider === null;
}

export interface Scope {
  missionCodes: string[];
  /** Entities whose every unit is in scope, now and later (a UNICEF headquarters officer: UNICEF). */
  entityCodes: string[];
  countryCode: string | null;
}

/** A role's scope must carry exactly what the role needs: units or entities, a country, or neither. */
export function scopeProblem(role: Role, scope: Scope): string | null {
  const kind = scopeOfRole[role];
  const units = scope.missionCodes.length + scope.entityCodes.length;
  if (kind === "missions" && units === 0) return "users.errors.missionsRequired";
  if (kind === "country" && !scope.countryCode) return "users.errors.countryRequired";
  if (kind !== "missions" && scope.missionCodes.length > 0) return "users.errors.missionsNotAllowed";
  if (!takesEntities(role) && scope.entityCodes.length > 0) return "users.errors.missionsNotAllowed";
  if (kind !== "country" && scope.countryCode) return "users.errors.countryNotAllowed";
  return null;
}
