// Staff accounts: creation with a role and need-to-know scope, changes, two-factor resets and
// session revocation — each checked by policy and audited in the same transaction.
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  account,
  countries,
  missions,
  session,
  staffProfiles,
  twoFactor,
  unEntities,
  user,
} from "../../../db/schema.js";
import { type Role, type Scope, scopeProblem } from "../../../domain/roles.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { userPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { once } from "../../idempotency.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { findStaff, listStaff, type StaffRow } from "./queries.js";

import { presentStaff } from "./presenters.js";
export interface StaffInput {
  email: string;
  name: string;
  role: Role;
  missionCodes: string[];
  entityCodes?: string[];
  countryCode: string | null;
  password?: string;
  language?: string;
}

function assertCanManage(actor: Actor) {
  if (!userPolicy.manage(actor)) throw new Forbidden("Only an administrator manages staff accounts.");
}

/** Codes among `codes` that `table` does not hold. */
async function unknownCodes(tx: Transaction, table: typeof missions | typeof unEntities, codes: string[]) {
  if (codes.length === 0) return [];
  const found = await tx.select({ code: table.code }).from(table).where(inArray(table.code, codes));
  return codes.filter((code) => !found.some((row) => row.code === code));
}

export async function assertScopeIsValid(tx: Transaction, role: Role, scope: Scope) {
  const { missionCodes, entityCodes, countryCode } = scope;
  const problemKey = scopeProblem(role, scope);
  if (problemKey) {
    const messages: Record<string, string> = {
      "users.errors.missionsRequired": "This role works on missions: choose at least one mission.",
      "users.errors.countryRequired": "This role works for one Member State: choose its country.",
      "users.errors.missionsNotAllowed": "This role is not limited to missions: remove the missions and entities.",
      "users.errors.countryNotAllowed": "This role does not belong to a Member State: remove the country.",
    };
    throw new ValidationFailed(
      messages[problemKey],
      [{ path: "body.scope", message: messages[problemKey] }],
      problemKey,
    );
  }
  const unknownMissions = await unknownCodes(tx, missions, missionCodes);
  if (unknownMissions.length)
    throw new ValidationFailed(`Unknown mission code: ${unknownMissions.join(", ")}.`, [
      { path: "body.missionCodes", message: "unknown mission" },
    ]);
  const unknownEntities = await unknownCodes(tx, unEntities, entityCodes);
  if (unknownEntities.length)
    throw new ValidationFailed(`Unknown entity code: ${unknownEntities.join(", ")}.`, [
      { path: "body.entityCodes", message: "unknown entity" },
    ]);
  if (countryCode) {
    const [found] = await tx.select({ code: countries.code }).from(countries).where(eq(countries.code, countryCode));
    if (!found)
      throw new ValidationFailed(`Unknown country code: ${countryCode}.`, [
        { path: "body.countryCode", message: "unknown country" },
      ]);
  }
}

export async function listStaffUsers(services: Services, actor: Actor) {
  assertCanManage(actor);
  return inTransaction(services.db, actor, async (tx) => (await listStaff(tx)).map(presentStaff));
}

export async function getStaffUser(services: Services, actor: Actor, id: string) {
  assertCanManage(actor);
  return inTransaction(services.db, actor, async (tx) => {
    const row = await findStaff(tx, id);
    if (!row) throw new NotFound("user");
    await recordAuditEvent(tx, actor, { action: "user.read", subjectType: "user", subjectId: id });
    return presentStaff(row);
  });
}

/** A password strong enough to hand over once, for the person to change. */
const temporaryPassword = () => randomBytes(15).toString("base64url");

export async function createStaffUser(services: Services, actor: Actor, input: StaffInput, idempotencyKey?: string) {
  assertCanManage(actor);
  const email = input.email.trim().toLowerCase();
  const password = input.password ?? temporaryPassword();
  const passwordHash = await (await services.auth.$context).password.hash(password);
  return inTransaction(
    services.db,
    actor,
    async (tx) =>
      (
        await once(tx, services.encryption, `user.create:${actor.userId ?? "system"}`, idempotencyKey, async () => {
          const entityCodes = input.entityCodes ?? [];
          await assertScopeIsValid(tx, input.role, { ...input, entityCodes });
          const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
          if (existing) throw new Conflict("An account with this email address already exists.", {}, "email_taken");
          const id = randomUUID();
          await tx.insert(user).values({ id, email, name: input.name.trim(), emailVerified: true });
          await tx
            .insert(account)
            .values({ id: randomUUID(), userId: id, accountId: id, providerId: "credential", password: passwordHash });
          await tx.insert(staffProfiles).values({
            userId: id,
            role: input.role,
            missionCodes: input.missionCodes,
            entityCodes,
            countryCode: input.countryCode,
            language: input.language ?? "en",
          });
          await recordAuditEvent(tx, actor, {
            action: "user.create",
            subjectType: "user",
            subjectId: id,
            details: {
              role: input.role,
              missionCodes: input.missionCodes,
              entityCodes,
              countryCode: input.countryCode,
            },
          });
          const created = await findStaff(tx, id);
          return {
            user: presentStaff(created as NonNullable<StaffRow>),
            temporaryPassword: input.password ? null : password,
          };
        })
      ).body,
  );
}

export interface StaffChanges {
  name?: string;
  role?: Role;
  missionCodes?: string[];
  entityCodes?: string[];
  countryCode?: string | null;
  disabled?: boolean;
  version: number;
}

export async function updateStaffUser(services: Services, actor: Actor, id: string, changes: StaffChanges) {
  assertCanManage(actor);
  return inTransaction(services.db, actor, async (tx) => {
    const current = await findStaff(tx, id);
    if (!current) throw new NotFound("user");
    if (current.version !== changes.version) {
      throw new Conflict(
        "Someone else changed this account since you opened it. Reload to see their changes, then apply yours again.",
        { current: presentStaff(current) },
        "stale_version",
      );
    }
    if (id === actor.userId && (changes.disabled || (changes.role && changes.role !== current.role))) {
      throw new Conflict(
        "You cannot disable your own account or change your own role; ask another administrator.",
        {},
        "self_change_refused",
      );
    }
    if (
      current.ssoProvider &&
      (changes.role || changes.missionCodes || changes.entityCodes || changes.countryCode !== undefined)
    )
      throw new Conflict(
        "This account's role and scope follow its identity provider's claims: change the single sign-on rules instead.",
        {},
        "sso_account",
      );
    const role = changes.role ?? (current.role as Role);
    const missionCodes = changes.missionCodes ?? current.missionCodes;
    const entityCodes = changes.entityCodes ?? current.entityCodes;
    const countryCode = changes.countryCode !== undefined ? changes.countryCode : current.countryCode;
    await assertScopeIsValid(tx, role, { missionCodes, entityCodes, countryCode });
    const changed = Object.keys(changes).filter((key) => key !== "version");
    await tx
      .update(staffProfiles)
      .set({
        role,
        missionCodes,
        entityCodes,
        countryCode,
        disabledAt:
          changes.disabled === undefined
            ? current.disabledAt
            : changes.disabled
              ? (current.disabledAt ?? new Date())
              : null,
        version: sql`${staffProfiles.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(staffProfiles.userId, id), eq(staffProfiles.version, changes.version)));
    if (changes.name !== undefined)
      await tx.update(user).set({ name: changes.name.trim(), updatedAt: new Date() }).where(eq(user.id, id));
    // A narrower role or a disabled account must not keep sessions opened under the old rights.
    if (
      changes.disabled ||
      changes.role ||
      changes.missionCodes ||
      changes.entityCodes ||
      changes.countryCode !== undefined
    ) {
      await tx.delete(session).where(eq(session.userId, id));
    }
    await recordAuditEvent(tx, actor, {
      action: "user.update",
      subjectType: "user",
      subjectId: id,
      details: { fields: changed },
    });
    return presentStaff((await findStaff(tx, id)) as NonNullable<StaffRow>);
  });
}

export async function resetTwoFactor(services: Services, actor: Actor, id: string) {
  assertCanManage(actor);
  return inTransaction(services.db, actor, async (tx) => {
    if (!(await findStaff(tx, id))) throw new NotFound("user");
    await tx.delete(twoFactor).where(eq(twoFactor.userId, id));
    await tx.update(user).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(user.id, id));
    await tx.delete(session).where(eq(session.userId, id));
    await recordAuditEvent(tx, actor, { action: "user.reset_two_factor", subjectType: "user", subjectId: id });
    return presentStaff((await findStaff(tx, id)) as NonNullable<StaffRow>);
  });
}

export async function revokeSessionsOf(services: Services, actor: Actor, id: string) {
  if (id !== actor.userId) assertCanManage(actor);
  return inTransaction(services.db, actor, async (tx) => {
    if (!(await findStaff(tx, id))) throw new NotFound("user");
    const revoked = await tx.delete(session).where(eq(session.userId, id)).returning({ id: session.id });
    await recordAuditEvent(tx, actor, {
      action: "user.revoke_sessions",
      subjectType: "user",
      subjectId: id,
      details: { sessions: revoked.length },
    });
    return { revoked: revoked.length };
  });
}

export async function setTemporaryPassword(services: Services, actor: Actor, id: string) {
  assertCanManage(actor);
  const password = temporaryPassword();
  const hash = await (await services.auth.$context).password.hash(password);
  return inTransaction(services.db, actor, async (tx) => {
    const found = await findStaff(tx, id);
    if (!found) throw new NotFound("user");
    if (found.ssoProvider)
      throw new Conflict(
        "This account signs in through its organisation's identity provider and has no password here.",
        {},
        "sso_account",
      );
    await tx
      .update(account)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(account.userId, id), eq(account.providerId, "credential")));
    await tx.delete(session).where(eq(session.userId, id));
    await recordAuditEvent(tx, actor, { action: "user.set_temporary_password", subjectType: "user", subjectId: id });
    return { temporaryPassword: password };
  });
}

export async function updateOwnPreferences(services: Services, actor: Actor, language: string) {
  return inTransaction(services.db, actor, async (tx) => {
    await tx
      .update(staffProfiles)
      .set({ language, updatedAt: new Date() })
      .where(eq(staffProfiles.userId, actor.userId as string));
    await recordAuditEvent(tx, actor, {
      action: "user.update_preferences",
      subjectType: "user",
      subjectId: actor.userId ?? undefined,
      details: { fields: ["language"] },
    });
    return { language };
  });
}
