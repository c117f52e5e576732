// Resolves who is making a request (API token or session cookie) and guards cookie sessions
// against cross-site request forgery.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../db/connection.js";
import { prepared } from "../../db/prepared.js";
import { apiTokens, staffProfiles, user } from "../../db/schema.js";
import { type Role, requiresTwoFactor } from "../../domain/roles.js";
import { Forbidden, Unauthorized } from "../errors.js";
import { type Actor, type StaffActor, unitsInScope } from "./actor.js";
import type { Auth } from "./better-auth.js";

export const TOKEN_PREFIX = "ctk_";
export const CSRF_HEADER = "x-csrf-token";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function csrfTokenFor(sessionId: string, secret: string): string {
  return createHmac("sha256", secret).update(sessionId).digest("base64url");
}

export function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const person = {
  profile: staffProfiles,
  units: unitsInScope,
  email: user.email,
  name: user.name,
  twoFactorEnabled: user.twoFactorEnabled,
};

/** The lookups every request makes. */
const actorByToken = (db: Database) =>
  prepared(db, "actor_by_token", () =>
    db
      .select({ ...person, token: apiTokens })
      .from(apiTokens)
      .innerJoin(user, eq(user.id, apiTokens.userId))
      .innerJoin(staffProfiles, eq(staffProfiles.userId, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), isNull(apiTokens.revokedAt)))
      .prepare("actor_by_token"),
  );

const actorByUser = (db: Database) =>
  prepared(db, "actor_by_user", () =>
    db
      .select(person)
      .from(staffProfiles)
      .innerJoin(user, eq(user.id, staffProfiles.userId))
      .where(eq(staffProfiles.userId, sql.placeholder("userId")))
      .prepare("actor_by_user"),
  );

export interface ContextDeps {
  db: Database;
  auth: Auth;
  csrfSecret: string;
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof actorByUser>["execute"]>>[number];

function actorFrom(row: PersonRow, via: Actor["via"]): StaffActor {
  return {
    userId: row.profile.userId,
    role: row.profile.role as Role,
    missionCodes: row.units,
    entityCodes: row.profile.entityCodes,
    countryCode: row.profile.countryCode,
    via,
    ssoProvider: row.profile.ssoProvider,
    email: row.email,
    name: row.name,
    language: row.profile.language,
  };
}

/** The acting staff member, or null for an anonymous request. Throws on a bad token or missing CSRF token. */
export async function resolveActor(request: FastifyRequest, deps: ContextDeps): Promise<StaffActor | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith("Bearer ")) {
    const token = authorization.slice("Bearer ".length).trim();
    if (!token.startsWith(TOKEN_PREFIX)) throw new Unauthorized("That API token is not valid.", "invalid_token");
    // One query for the token, its owner and the owner's scope.
    const [row] = await actorByToken(deps.db).execute({ tokenHash: hashToken(token) });
    if (!row || (row.token.expiresAt && row.token.expiresAt < new Date()))
      throw new Unauthorized("That API token is not valid, expired or revoked.", "invalid_token");
    if (row.profile.disabledAt)
      throw new Unauthorized("The account this token belongs to is disabled.", "account_disabled");
    // "Last used" is for people reviewing their tokens; a minute's precision spares a write per request.
    if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > 60_000) {
      await deps.db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.token.id));
    }
    return actorFrom(row, "token");
  }

  const found = await deps.auth.api.getSession({ headers: toHeaders(request) });
  if (!found) return null;
  const [staff] = await actorByUser(deps.db).execute({ userId: found.user.id });
  if (!staff || staff.profile.disabledAt) return null;
  const actor = actorFrom(staff, "session");
  actor.sessionId = found.session.id;
  actor.twoFactorPending = requiresTwoFactor(actor.role, actor.ssoProvider) && !staff.twoFactorEnabled;

  if (unsafeMethods.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    const expected = csrfTokenFor(found.session.id, deps.csrfSecret);
    if (
      typeof sent !== "string" ||
      sent.length !== expected.length ||
      !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
    ) {
      throw new Forbidden(
        "The request is missing its security token. Reload the page and try again.",
        "csrf_token_invalid",
      );
    }
  }
  return actor;
}
