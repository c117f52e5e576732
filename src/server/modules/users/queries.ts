// SQL for staff accounts and their scopes.
import { asc, eq } from "drizzle-orm";
import { staffProfiles, user } from "../../../db/schema.js";
import type { Transaction } from "../../transaction.js";

const columns = {
  id: user.id,
  email: user.email,
  name: user.name,
  twoFactorEnabled: user.twoFactorEnabled,
  createdAt: user.createdAt,
  role: staffProfiles.role,
  missionCodes: staffProfiles.missionCodes,
  entityCodes: staffProfiles.entityCodes,
  countryCode: staffProfiles.countryCode,
  language: staffProfiles.language,
  disabledAt: staffProfiles.disabledAt,
  ssoProvider: staffProfiles.ssoProvider,
  version: staffProfiles.version,
};

export type StaffRow = Awaited<ReturnType<typeof findStaff>>;

export function listStaff(tx: Transaction) {
  return tx
    .select(columns)
    .from(user)
    .innerJoin(staffProfiles, eq(staffProfiles.userId, user.id))
    .orderBy(asc(user.email));
}

export async function findStaff(tx: Transaction, id: string) {
  const [row] = await tx
    .select(columns)
    .from(user)
    .innerJoin(staffProfiles, eq(staffProfiles.userId, user.id))
    .where(eq(user.id, id));
  return row;
}

export async function findStaffByEmail(tx: Transaction, email: string) {
  const [row] = await tx
    .select(columns)
    .from(user)
    .innerJoin(staffProfiles, eq(staffProfiles.userId, user.id))
    .where(eq(user.email, email));
  return row;
}
