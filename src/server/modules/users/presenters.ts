// How the users area's records are answered: the fields each reader gets and their abilities.
import { type Role, requiresTwoFactor } from "../../../domain/roles.js";
import type { StaffRow } from "./queries.js";

export function presentStaff(row: NonNullable<StaffRow>) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    missionCodes: row.missionCodes,
    entityCodes: row.entityCodes,
    countryCode: row.countryCode,
    language: row.language,
    twoFactorEnabled: row.twoFactorEnabled,
    twoFactorRequired: requiresTwoFactor(row.role as Role, row.ssoProvider),
    signInWith: row.ssoProvider,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
