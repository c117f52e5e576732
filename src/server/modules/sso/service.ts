// The single sign-on rules an administrator keeps: each gives the people of one identity provider
// whose claim holds a value a role and scope here, checked as an account's own would be.
import { and, asc, eq, max, sql } from "drizzle-orm";
import { session, ssoRules, staffProfiles } from "../../../db/schema.js";
import type { CreateSsoRuleBody } from "../../../domain/contracts/sso.js";
import type { Role } from "../../../domain/roles.js";
import type { Actor } from "../../auth/actor.js";
import { userPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import type { Services } from "../../services.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertScopeIsValid } from "../users/index.js";

function assertAdministrator(actor: Actor) {
  if (!userPolicy.manage(actor)) throw new Forbidden("Only an administrator keeps the single sign-on rules.");
}

const present = (row: typeof ssoRules.$inferSelect) => ({
  id: row.id,
  providerId: row.providerId,
  claim: row.claim,
  value: row.value,
  role: row.role as Role,
  missionCodes: row.missionCodes,
  entityCodes: row.entityCodes,
  countryCode: row.countryCode,
  position: row.position,
  createdAt: row.createdAt.toISOString(),
});

export async function listSsoRules(services: Services, actor: Actor) {
  assertAdministrator(actor);
  const rows = await inTransaction(services.db, actor, (tx) =>
    tx.select().from(ssoRules).orderBy(asc(ssoRules.providerId), asc(ssoRules.position)),
  );
  return {
    providers: services.config.ssoProviders.map(({ id, name }) => ({ id, name })),
    items: rows.map(present),
  };
}

export async function createSsoRule(services: Services, actor: Actor, body: CreateSsoRuleBody) {
  assertAdministrator(actor);
  if (!services.config.ssoProviders.some((provider) => provider.id === body.providerId))
    throw new ValidationFailed(`This installation has no identity provider "${body.providerId}".`, [
      { path: "body.providerId", message: "unknown identity provider" },
    ]);
  const scope = {
    missionCodes: body.missionCodes ?? [],
    entityCodes: body.entityCodes ?? [],
    countryCode: body.countryCode ?? null,
  };
  return inTransaction(services.db, actor, async (tx) => {
    await assertScopeIsValid(tx, body.role, scope);
    const [last] = await tx
      .select({ position: max(ssoRules.position) })
      .from(ssoRules)
      .where(eq(ssoRules.providerId, body.providerId));
    const position = body.position ?? (last?.position ?? 0) + 1;
    const [taken] = await tx
      .select({ id: ssoRules.id })
      .from(ssoRules)
      .where(and(eq(ssoRules.providerId, body.providerId), eq(ssoRules.position, position)));
    if (taken)
      throw new Conflict(`Another rule of this provider stands at position ${position}.`, {}, "position_taken");
    const [row] = await tx
      .insert(ssoRules)
      .values({
        providerId: body.providerId,
        claim: body.claim,
        value: body.value,
        role: body.role,
        ...scope,
        position,
        createdBy: actor.userId,
      })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "sso_rule.create",
      subjectType: "sso_rule",
      subjectId: row.id,
      details: { provider: row.providerId, claim: row.claim, role: row.role, ...scope },
    });
    return present(row);
  });
}

/**
 * Removes a rule. The provider's people who hold the rule's role and scope sign in again, so that
 * access it gave does not outlive it: the rules decide afresh.
 */
export async function deleteSsoRule(services: Services, actor: Actor, id: string) {
  assertAdministrator(actor);
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.delete(ssoRules).where(eq(ssoRules.id, id)).returning();
    if (!row) throw new NotFound("sso_rule");
    const holders = tx
      .select({ id: staffProfiles.userId })
      .from(staffProfiles)
      .where(
        and(
          eq(staffProfiles.ssoProvider, row.providerId),
          eq(staffProfiles.role, row.role),
          sql`${staffProfiles.missionCodes} = ${sql.param(row.missionCodes)}::text[]`,
          sql`${staffProfiles.entityCodes} = ${sql.param(row.entityCodes)}::text[]`,
          sql`${staffProfiles.countryCode} is not distinct from ${row.countryCode}`,
        ),
      );
    const ended = await tx.delete(session).where(sql`${session.userId} in (${holders})`).returning({ id: session.id });
    await recordAuditEvent(tx, actor, {
      action: "sso_rule.delete",
      subjectType: "sso_rule",
      subjectId: row.id,
      details: { provider: row.providerId },
    });
    return { id: row.id, sessionsEnded: ended.length };
  });
}
