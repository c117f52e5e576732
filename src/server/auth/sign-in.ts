// The bridge from Fastify to better-auth, with what better-auth leaves to us: temporary lockout
// after repeated password failures, sign-in audit events, and the client address taken from
// Fastify's own view rather than from request headers.
import { createHash, createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { signInAddressFailures, signInFailures, staffProfiles, user } from "../../db/schema.js";
import type { Config } from "../config.js";
import { problem, TooManyRequests } from "../errors.js";
import type { AuditAction } from "../../domain/audit-catalogue.js";
import { recordAuditEvent } from "../modules/audit/index.js";
import { inTransaction } from "../transaction.js";
import { type Actor, systemActor } from "./actor.js";
import { type Auth, CLIENT_IP_HEADER } from "./better-auth.js";
import { toHeaders } from "./context.js";
import type { Database } from "../../db/connection.js";

const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export interface BridgeDeps {
  db: Database;
  auth: Auth;
  config: Config;
  /** Keys the hash of a client address, which is personal data and must not be reversible by trying them all. */
  addressPepper: string;
}

const addressHash = (deps: BridgeDeps, address: string) =>
  createHmac("sha256", deps.addressPepper).update(address).digest("hex");

/** Seconds until a time, rounded up, for Retry-After. */
const secondsUntil = (time: Date) => Math.max(1, Math.ceil((time.getTime() - Date.now()) / 1000));

/**
 * One address that keeps failing is slowed down before any account it tries can be locked: with
 * fewer failures allowed an address than an account, one person cannot lock out a mission.
 */
async function assertAddressNotThrottled(deps: BridgeDeps, hash: string) {
  const { lockMinutes, maxFailures } = deps.config.signInLockout;
  const allowed = deps.config.signInAddressFailures ?? Math.max(1, maxFailures - 1);
  const [row] = await deps.db.select().from(signInAddressFailures).where(eq(signInAddressFailures.addressHash, hash));
  const windowEnds = row && new Date(row.windowStartedAt.getTime() + lockMinutes * 60_000);
  if (row && windowEnds && windowEnds > new Date() && row.failures >= allowed)
    throw new TooManyRequests(
      "Too many failed sign-ins from this connection. Wait a few minutes, then try again.",
      secondsUntil(windowEnds),
      "sign_in_throttled",
    );
}

async function assertNotLockedOut(db: Database, email: string) {
  const [row] = await db
    .select()
    .from(signInFailures)
    .where(eq(signInFailures.emailHash, emailHash(email)));
  if (row?.lockedUntil && row.lockedUntil > new Date()) {
    throw new TooManyRequests(
      "This account is temporarily locked after repeated failed sign-ins. Try again later.",
      secondsUntil(row.lockedUntil),
      "account_locked",
    );
  }
}

/** The account behind a sign-in step, as an audit actor with its own role (or the anonymous system actor). */
async function signInActor(db: Database, where: { email?: string; userId?: string }): Promise<Actor> {
  const condition = where.userId ? eq(user.id, where.userId) : eq(user.email, (where.email ?? "").trim().toLowerCase());
  const [account] = await db
    .select({ id: user.id, role: staffProfiles.role })
    .from(user)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, user.id))
    .where(condition);
  return account
    ? { ...systemActor, userId: account.id, role: (account.role ?? "public") as Actor["role"], via: "session" }
    : systemActor;
}

async function recordSignInOutcome(deps: BridgeDeps, email: string, address: string, actor: Actor, succeeded: boolean) {
  const hash = emailHash(email);
  const { maxFailures, lockMinutes } = deps.config.signInLockout;
  // Failures older than the lockout's length are forgotten: they count within one window.
  const window = sql`make_interval(mins => ${lockMinutes})`;
  await inTransaction(deps.db, systemActor, async (tx) => {
    if (succeeded) {
      await tx.delete(signInFailures).where(eq(signInFailures.emailHash, hash));
    } else {
      const failures = sql`case when ${signInFailures.lastFailureAt} < now() - ${window} then 1 else ${signInFailures.failures} + 1 end`;
      await tx
        .insert(signInFailures)
        .values({ emailHash: hash, failures: 1 })
        .onConflictDoUpdate({
          target: signInFailures.emailHash,
          set: {
            failures,
            lastFailureAt: new Date(),
            lockedUntil: sql`case when ${failures} >= ${maxFailures} then now() + ${window} else null end`,
          },
        });
      const stale = sql`${signInAddressFailures.windowStartedAt} < now() - ${window}`;
      await tx
        .insert(signInAddressFailures)
        .values({ addressHash: address, failures: 1 })
        .onConflictDoUpdate({
          target: signInAddressFailures.addressHash,
          set: {
            failures: sql`case when ${stale} then 1 else ${signInAddressFailures.failures} + 1 end`,
            windowStartedAt: sql`case when ${stale} then now() else ${signInAddressFailures.windowStartedAt} end`,
          },
        });
    }
    await recordAuditEvent(tx, actor, {
      action: "auth.sign_in_password",
      subjectType: actor.userId ? "user" : undefined,
      subjectId: actor.userId ?? undefined,
      outcome: succeeded ? "success" : "failure",
    });
  });
}

/** Messages for people, in place of better-auth's terse ones, keyed by its error codes. */
const authProblemDetails: Record<string, string> = {
  invalid_email_or_password: "The email or password is not correct.",
  invalid_code: "That authentication code is not correct or has expired.",
  invalid_two_factor_cookie: "Your sign-in took too long. Start again with your email and password.",
  too_many_requests: "Too many attempts. Wait a minute, then try again.",
  invalid_password: "The password is not correct.",
  unauthorized: "Sign in to continue.",
};

export interface Forwarded {
  status: number;
  body: Record<string, unknown> | null;
  /** The library's headers, cookies apart: what the JSON routes pass on as they are. */
  headers: [string, string][];
  cookies: string[];
}

/** Asks the sign-in library for one of its steps, as the browser behind `request` (its cookies, its origin). */
export async function forward(
  deps: BridgeDeps,
  request: FastifyRequest,
  step: string,
  payload?: object,
): Promise<Forwarded> {
  const headers = toHeaders(request);
  headers.delete("x-forwarded-for");
  headers.set(CLIENT_IP_HEADER, request.ip);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  if (hasBody) headers.set("content-type", "application/json");
  headers.delete("content-length");
  const response = await deps.auth.handler(
    new Request(new URL(step, deps.config.publicUrl), {
      method: request.method,
      headers,
      body: hasBody ? JSON.stringify(payload ?? request.body ?? {}) : undefined,
    }),
  );
  const raw = await response.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  } catch {
    body = null;
  }
  const passed = [...response.headers].filter(
    ([name]) => name !== "set-cookie" && name !== "content-length" && name !== "content-type",
  );
  return { status: response.status, body, headers: passed, cookies: response.headers.getSetCookie() };
}

/** The code of a refused step, as the app's problems name it. */
export const refusalCode = (forwarded: Forwarded) =>
  forwarded.status === 429 ? "too_many_requests" : String(forwarded.body?.code ?? "auth_error").toLowerCase();

/** A JSON answer with every session token taken out, however deeply nested: the browser only ever holds it in the HttpOnly cookie. */
export function withoutTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/token$/i.test(key))
      .map(([key, inner]) => [key, withoutTokens(inner)]),
  );
}

/** Success as JSON without any token; errors as problem+json. */
function sendForwarded(reply: FastifyReply, forwarded: Forwarded) {
  reply.status(forwarded.status);
  for (const [name, value] of forwarded.headers) reply.header(name, value);
  if (forwarded.cookies.length) reply.header("set-cookie", forwarded.cookies);
  if (forwarded.status >= 400) {
    const code = refusalCode(forwarded);
    const detail = authProblemDetails[code] ?? String(forwarded.body?.message ?? "The request could not be completed.");
    return reply.type("application/problem+json").send(problem(forwarded.status, code, detail));
  }
  return reply.type("application/json").send(withoutTokens(forwarded.body ?? {}));
}

/**
 * The library's endpoints the app uses, and the audit event each leaves besides the password step
 * (handled with the lockout). Every other endpoint of the library stays unreachable: profile and
 * session changes go through the app's own routes, with their policy and audit.
 */
export const signInSteps = {
  "/api/auth/two-factor/verify-totp": "auth.verify_totp",
  "/api/auth/two-factor/verify-backup-code": "auth.verify_backup_code",
  "/api/auth/two-factor/enable": "auth.enable_two_factor",
  "/api/auth/sign-out": "auth.sign_out",
} as const satisfies Record<string, AuditAction>;

async function auditAuthStep(deps: BridgeDeps, action: AuditAction, forwarded: Forwarded) {
  const userId = (forwarded.body?.user as { id?: string } | undefined)?.id ?? null;
  const actor = userId ? await signInActor(deps.db, { userId }) : systemActor;
  await inTransaction(deps.db, systemActor, (tx) =>
    recordAuditEvent(tx, actor, {
      action,
      subjectType: userId ? "user" : undefined,
      subjectId: userId ?? undefined,
      outcome: forwarded.status < 400 ? "success" : "failure",
    }),
  );
}

/**
 * The password step, with what the library leaves to us: the throttle per connection, the lockout
 * per account and the audit event. Throws TooManyRequests when either holds.
 */
export async function signInWithPassword(
  deps: BridgeDeps,
  request: FastifyRequest,
  credentials: { email: string; password: string },
): Promise<Forwarded> {
  const address = addressHash(deps, request.ip);
  await assertAddressNotThrottled(deps, address);
  await assertNotLockedOut(deps.db, credentials.email);
  const actor = await signInActor(deps.db, { email: credentials.email });
  const forwarded = await forward(deps, request, "/api/auth/sign-in/email", credentials);
  if (forwarded.status === 200 || forwarded.status === 401)
    await recordSignInOutcome(deps, credentials.email, address, actor, forwarded.status === 200);
  return forwarded;
}

/** One of the later steps (`signInSteps`), audited. */
export async function signInStep(
  deps: BridgeDeps,
  request: FastifyRequest,
  step: keyof typeof signInSteps,
  payload?: object,
): Promise<Forwarded> {
  const forwarded = await forward(deps, request, step, payload);
  await auditAuthStep(deps, signInSteps[step], forwarded);
  return forwarded;
}

export function registerAuthBridge(app: FastifyInstance, deps: BridgeDeps) {
  app.post(
    "/api/auth/sign-in/email",
    { config: { access: "public" }, schema: { hide: true } },
    async (request, reply) => {
      const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
      const forwarded = await signInWithPassword(deps, request, {
        email: String(body.email ?? ""),
        password: String(body.password ?? ""),
      });
      return sendForwarded(reply, forwarded);
    },
  );
  for (const step of Object.keys(signInSteps) as (keyof typeof signInSteps)[]) {
    app.post(step, { config: { access: "public" }, schema: { hide: true } }, async (request, reply) =>
      sendForwarded(reply, await signInStep(deps, request, step)),
    );
  }
}
