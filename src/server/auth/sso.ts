// Sign-in through an organisation's identity provider (OpenID Connect), on the sign-in library's
// own support: we start the step and take the provider's answer, then give the account the role
// and scope the administrator's rules find in the provider's claims — or refuse it, leaving no
// session and, for a person new here, no account.
import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { account, session, ssoRules, staffProfiles, user } from "../../db/schema.js";
import type { Role } from "../../domain/roles.js";
import { type Claims, ruleFor, type SsoRefusal, type SsoRule } from "../../domain/sso.js";
import { recordAuditEvent } from "../modules/audit/index.js";
import { inTransaction, type Transaction } from "../transaction.js";
import { systemActor } from "./actor.js";
import { type BridgeDeps, forward } from "./sign-in.js";
import { ssoClaims } from "./sso-claims.js";

/** The address the provider sends the browser back to; the sign-in library answers it. */
export const SSO_CALLBACK = "/api/auth/callback/:providerId";

/** Where a refused sign-in lands: the sign-in page, saying why. */
export const refusedAddress = (reason: SsoRefusal, next: string) =>
  `/sign-in?${new URLSearchParams({ sso: reason, next })}`;

/**
 * The provider's authorisation address for this browser, with the cookie that ties its answer to
 * this browser; null for a provider this installation does not have.
 */
export async function startSso(deps: BridgeDeps, request: FastifyRequest, providerId: string, next: string) {
  if (!deps.config.ssoProviders.some((provider) => provider.id === providerId)) return null;
  const forwarded = await forward(deps, request, "/api/auth/sign-in/social", {
    provider: providerId,
    callbackURL: next,
    errorCallbackURL: refusedAddress("failed", next),
    disableRedirect: true,
  });
  const url = forwarded.body?.url;
  if (forwarded.status !== 200 || typeof url !== "string") return null;
  return { url, cookies: forwarded.cookies };
}

type Outcome = { userId: string; role: Role; changed: boolean } | { userId: string | null; refusal: SsoRefusal };

/** Gives the account the role and scope its provider's claims find, within the callback's transaction. */
async function provision(tx: Transaction, providerId: string, claims: Claims): Promise<Outcome> {
  const [found] = await tx
    .select({ userId: account.userId })
    .from(account)
    .where(and(eq(account.providerId, providerId), eq(account.accountId, String(claims.sub ?? ""))));
  if (!found) return { userId: null, refusal: "failed" };
  const [profile] = await tx.select().from(staffProfiles).where(eq(staffProfiles.userId, found.userId));
  if (profile?.disabledAt) return { userId: found.userId, refusal: "account_disabled" };
  const rules = (await tx.select().from(ssoRules).where(eq(ssoRules.providerId, providerId))) as SsoRule[];
  const rule = ruleFor(rules, providerId, claims);
  if (!rule) return { userId: found.userId, refusal: "no_matching_rule" };
  const scope = {
    role: rule.role,
    missionCodes: rule.missionCodes,
    entityCodes: rule.entityCodes,
    countryCode: rule.countryCode,
  };
  const changed =
    !profile ||
    profile.role !== scope.role ||
    profile.countryCode !== scope.countryCode ||
    profile.missionCodes.join() !== scope.missionCodes.join() ||
    profile.entityCodes.join() !== scope.entityCodes.join();
  if (!profile) await tx.insert(staffProfiles).values({ userId: found.userId, ...scope, ssoProvider: providerId });
  else if (changed)
    await tx
      .update(staffProfiles)
      .set({ ...scope, version: profile.version + 1, updatedAt: new Date() })
      .where(eq(staffProfiles.userId, found.userId));
  // The provider's tokens are not used here after sign-in: none is kept.
  await tx
    .update(account)
    .set({ accessToken: null, refreshToken: null, idToken: null })
    .where(and(eq(account.userId, found.userId), eq(account.providerId, providerId)));
  return { userId: found.userId, role: rule.role, changed };
}

/** Undoes a refused sign-in: no session, and no account for a person who has no profile here. */
async function undo(tx: Transaction, userId: string) {
  await tx.delete(session).where(eq(session.userId, userId));
  const [profile] = await tx
    .select({ id: staffProfiles.userId })
    .from(staffProfiles)
    .where(eq(staffProfiles.userId, userId));
  if (!profile) await tx.delete(user).where(eq(user.id, userId));
}

/** The refusal the library's error code stands for. */
const refusalOf = (code: string | null): SsoRefusal =>
  code === "account_not_linked" ? "local_account_exists" : "failed";

async function callback(deps: BridgeDeps, request: FastifyRequest, reply: FastifyReply) {
  const providerId = (request.params as { providerId: string }).providerId;
  const store: { claims: Claims | null } = { claims: null };
  const forwarded = await ssoClaims.run(store, () => forward(deps, request, request.url));
  const location = forwarded.headers.find(([name]) => name === "location")?.[1] ?? "/staff";
  const landed = new URL(location, deps.config.publicUrl);
  const signedIn = forwarded.status < 400 && store.claims !== null && !landed.searchParams.has("error");
  const outcome: Outcome = await inTransaction(deps.db, systemActor, async (tx) => {
    const result: Outcome = signedIn
      ? await provision(tx, providerId, store.claims as Claims)
      : { userId: null, refusal: refusalOf(landed.searchParams.get("error")) };
    if ("refusal" in result && result.userId) await undo(tx, result.userId);
    await recordAuditEvent(
      tx,
      result.userId ? { ...systemActor, userId: result.userId, via: "session" } : systemActor,
      {
        action: "auth.sign_in_sso",
        subjectType: result.userId ? "user" : undefined,
        subjectId: result.userId ?? undefined,
        outcome: "refusal" in result ? "failure" : "success",
        details:
          "refusal" in result
            ? { provider: providerId, reason: result.refusal }
            : { provider: providerId, role: result.role, changed: result.changed },
      },
    );
    return result;
  });
  reply.header("cache-control", "no-store");
  if ("refusal" in outcome) {
    // Where the person was going: the library's own address for it when it refused, else where it led.
    const next = signedIn ? `${landed.pathname}${landed.search}` : (landed.searchParams.get("next") ?? "/staff");
    return reply.status(303).header("location", refusedAddress(outcome.refusal, next)).send();
  }
  if (forwarded.cookies.length) reply.header("set-cookie", forwarded.cookies);
  return reply.status(303).header("location", `${landed.pathname}${landed.search}`).send();
}

export function registerSsoCallback(app: FastifyInstance, deps: BridgeDeps) {
  app.get(SSO_CALLBACK, { config: { access: "public" }, schema: { hide: true } }, (request, reply) =>
    callback(deps, request, reply),
  );
}
