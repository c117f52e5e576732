// Resolves who is making a request (API token or session cookie) and guards cookie sessions
// against cross-site request forgery.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../db/connection.js";
import { apiTokens, staffProfiles, user } from "../../db/schema.js";
import { type Role, requiresTwoFactor } from "../../domain/roles.js";
import { Forbidden, Unauthorized } from "../errors.js";
import type { Actor, StaffActor } from "./actor.js";
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

export interface ContextDeps {
  db: Database;
  auth: Auth;
  csrfSecret: string;
}

async function staffProfile(db: Database, userId: string) {
  const [row] = await db
    .select({ profile: staffProfiles, email: user.email, name: user.name, twoFactorEnabled: user.twoFactorEnabled })
    .from(staffProfiles)
    .innerJoin(user, eq(user.id, staffProfiles.userId))
    .where(eq(staffProfiles.userId, userId));
  return row;
}

function actorFrom(row: NonNullable<Awaited<ReturnType<typeof staffProfile>>>, via: Actor["via"]): StaffActor {
  return {
    userId: row.profile.userId,
    role: row.profile.role as Role,
    missionCodes: row.profile.missionCodes,
    countryCode: row.profile.countryCode,
    via,
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
    const [row] = await deps.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
    if (!row || (row.expiresAt && row.expiresAt < new Date())) throw new Unauthorized("That API token is not valid, expired or revoked.", "invalid_token");
    const staff = await staffProfile(deps.db, row.userId);
    if (!staff || staff.profile.disabledAt) throw new Unauthorized("The account this token belongs to is disabled.", "account_disabled");
    await deps.db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
    return actorFrom(staff, "token");
  }

  const found = await deps.auth.api.getSession({ headers: toHeaders(request) });
  if (!found) return null;
  const staff = await staffProfile(deps.db, found.user.id);
  if (!staff || staff.profile.disabledAt) return null;
  const actor = actorFrom(staff, "session");
  actor.sessionId = found.session.id;
  actor.twoFactorPending = requiresTwoFactor(actor.role) && !staff.twoFactorEnabled;

  if (unsafeMethods.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    const expected = csrfTokenFor(found.session.id, deps.csrfSecret);
    if (typeof sent !== "string" || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
      throw new Forbidden("The request is missing its security token. Reload the page and try again.", "csrf_token_invalid");
    }
  }
  return actor;
}
