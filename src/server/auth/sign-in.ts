// The bridge from Fastify to better-auth, with what better-auth leaves to us: temporary lockout
// after repeated password failures, sign-in audit events, and the client address taken from
// Fastify's own view rather than from request headers.
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { signInFailures, user } from "../../db/schema.js";
import type { Config } from "../config.js";
import { TooManyRequests } from "../errors.js";
import { recordAuditEvent } from "../modules/audit/record.js";
import { inTransaction } from "../transaction.js";
import { type Actor, systemActor } from "./actor.js";
import { type Auth, CLIENT_IP_HEADER } from "./better-auth.js";
import { toHeaders } from "./context.js";
import type { Database } from "../../db/connection.js";

const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

interface BridgeDeps {
  db: Database;
  auth: Auth;
  config: Config;
}

async function assertNotLockedOut(db: Database, email: string) {
  const [row] = await db.select().from(signInFailures).where(eq(signInFailures.emailHash, emailHash(email)));
  if (row?.lockedUntil && row.lockedUntil > new Date()) {
    const seconds = Math.ceil((row.lockedUntil.getTime() - Date.now()) / 1000);
    throw new TooManyRequests("This account is temporarily locked after repeated failed sign-ins. Try again later.", seconds, "account_locked");
  }
}

async function recordSignInOutcome(deps: BridgeDeps, email: string, succeeded: boolean) {
  const hash = emailHash(email);
  const [account] = await deps.db.select({ id: user.id }).from(user).where(eq(user.email, email.trim().toLowerCase()));
  const { maxFailures, lockMinutes } = deps.config.signInLockout;
  await inTransaction(deps.db, systemActor, async (tx) => {
    if (succeeded) {
      await tx.delete(signInFailures).where(eq(signInFailures.emailHash, hash));
    } else {
      await tx
        .insert(signInFailures)
        .values({ emailHash: hash, failures: 1 })
        .onConflictDoUpdate({
          target: signInFailures.emailHash,
          set: {
            failures: sql`${signInFailures.failures} + 1`,
            lastFailureAt: new Date(),
            lockedUntil: sql`case when ${signInFailures.failures} + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else null end`,
          },
        });
    }
    const actor: Actor = account ? { ...systemActor, userId: account.id, role: "public" } : systemActor;
    await recordAuditEvent(tx, actor, {
      action: "auth.sign_in_password",
      subjectType: account ? "user" : undefined,
      subjectId: account?.id,
      outcome: succeeded ? "success" : "failure",
    });
  });
}

/** better-auth echoes the session token in JSON; the browser must only ever hold it in the HttpOnly cookie. */
function withoutSessionToken(text: string): string {
  if (!text.startsWith("{")) return text;
  const body = JSON.parse(text) as Record<string, unknown>;
  if (!("token" in body)) return text;
  delete body.token;
  return JSON.stringify(body);
}

async function forward(deps: BridgeDeps, request: FastifyRequest, reply: FastifyReply) {
  const headers = toHeaders(request);
  headers.delete("x-forwarded-for");
  headers.set(CLIENT_IP_HEADER, request.ip);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  if (hasBody) headers.set("content-type", "application/json");
  const response = await deps.auth.handler(
    new Request(new URL(request.url, deps.config.publicUrl), {
      method: request.method,
      headers,
      body: hasBody ? JSON.stringify(request.body ?? {}) : undefined,
    }),
  );
  reply.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie" && name !== "content-length") reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header("set-cookie", cookies);
  return { response, text: withoutSessionToken(await response.text()) };
}

export function registerAuthBridge(app: FastifyInstance, deps: BridgeDeps) {
  app.post("/api/auth/sign-in/email", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    const email = String((request.body as { email?: unknown } | undefined)?.email ?? "");
    await assertNotLockedOut(deps.db, email);
    const { response, text } = await forward(deps, request, reply);
    if (response.status === 200 || response.status === 401) await recordSignInOutcome(deps, email, response.status === 200);
    return reply.send(text);
  });
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    config: { access: "public" },
    schema: { hide: true },
    handler: async (request, reply) => {
      const { text } = await forward(deps, request, reply);
      return reply.send(text);
    },
  });
}
