// A retried state-changing request with the same Idempotency-Key returns the first answer and
// writes nothing again. Two ways, one table:
//  - `once`, inside a use-case's own transaction, for the creations whose answer must come from the
//    same commit (a report's receipt, an API token, a new account): the route says so with
//    `config.idempotency = "in-transaction"`;
//  - for every other write (a reporter's message too), the HTTP layer takes the key before the
//    handler runs (a retry arriving meanwhile is told to wait) and keeps the answer once it is sent.
// The kept answer is sealed: it can hold a receipt, an API token or a one-time password, none of
// which may rest in the database in the clear.
import { Readable } from "node:stream";
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../db/connection.js";
import { idempotencyKeys } from "../db/schema.js";
import { Conflict, DomainError, ValidationFailed } from "./errors.js";
import { type FieldEncryption, fieldContext, idempotencyRowId } from "./security/encryption.js";
import type { Transaction } from "./transaction.js";

declare module "fastify" {
  interface FastifyContextConfig {
    idempotency?: "in-transaction";
  }
  interface FastifyRequest {
    /** The key this request took, to keep its answer under. */
    idempotencyTaken: { scope: string; key: string } | null;
  }
}

/** Long enough for any retry of a lost answer, short enough that the table stays small. */
export const IDEMPOTENCY_KEEP_DAYS = 7;
const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const sealContext = (scope: string, key: string) =>
  fieldContext("idempotency_keys", "response_encrypted", idempotencyRowId(scope, key));

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers["idempotency-key"];
  if (key === undefined) return undefined;
  if (typeof key !== "string" || !/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) {
    throw new ValidationFailed(
      "Idempotency-Key must be 8 to 128 letters, digits or the characters _ . : -",
      [],
      "idempotency_key_invalid",
    );
  }
  return key;
}

export async function once<T>(
  tx: Transaction,
  encryption: FieldEncryption,
  scope: string,
  key: string | undefined,
  work: () => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  if (!key) return { body: await work(), replayed: false };
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${scope}:${key}`}))`);
  const [previous] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (previous?.responseEncrypted)
    return {
      body: JSON.parse(await encryption.decrypt(tx, previous.responseEncrypted, sealContext(scope, key))) as T,
      replayed: true,
    };
  const body = await work();
  await tx.insert(idempotencyKeys).values({
    scope,
    key,
    statusCode: 200,
    responseEncrypted: await encryption.encrypt(tx, JSON.stringify(body), sealContext(scope, key)),
  });
  return { body, replayed: false };
}

class ReusedKey extends DomainError {
  constructor() {
    super(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
    );
  }
}

/** The HTTP layer's half: every write with a key is answered once, and that answer replayed. */
export function registerIdempotentWrites(app: FastifyInstance, deps: { db: Database; encryption: FieldEncryption }) {
  app.decorateRequest("idempotencyTaken", null);

  app.addHook("preHandler", async (request, reply) => {
    // Sign-in answers with cookies, which a replay would not carry: better-auth's routes are left be.
    if (
      !writeMethods.has(request.method) ||
      request.url.startsWith("/api/auth/") ||
      request.routeOptions.config?.idempotency === "in-transaction"
    )
      return;
    const key = idempotencyKeyOf(request);
    // A body read as it arrives (a federation bundle) cannot be hashed before the work reads it; such
    // a route guards against a second send itself (a bundle already merged is refused as replayed).
    if (!key || request.body instanceof Readable) return;
    const scope = `http:${request.actor?.userId ?? "public"}:${request.method} ${request.url}`;
    const requestHash = createHash("sha256")
      .update(JSON.stringify(request.body ?? null))
      .digest("hex");
    const taken = await deps.db
      .insert(idempotencyKeys)
      .values({ scope, key, statusCode: 0, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (taken.length > 0) {
      request.idempotencyTaken = { scope, key };
      return;
    }
    const [previous] = await deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (previous && previous.requestHash !== requestHash) throw new ReusedKey();
    if (!previous?.responseEncrypted)
      throw new Conflict(
        "The same request is still being answered. Wait a moment, then send it again.",
        {},
        "request_in_progress",
      );
    const answer = JSON.parse(
      await deps.encryption.decrypt(deps.db, previous.responseEncrypted, sealContext(scope, key)),
    ) as { type: string; body: string };
    return reply.status(previous.statusCode).header("idempotent-replayed", "true").type(answer.type).send(answer.body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const taken = request.idempotencyTaken;
    if (!taken) return payload;
    request.idempotencyTaken = null;
    const where = and(eq(idempotencyKeys.scope, taken.scope), eq(idempotencyKeys.key, taken.key));
    // A failure on our side, or an answer we cannot keep (a stream), frees the key for the retry.
    if (reply.statusCode >= 500 || (typeof payload !== "string" && !Buffer.isBuffer(payload))) {
      await deps.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const answer = JSON.stringify({
      type: String(reply.getHeader("content-type") ?? "application/json"),
      body: payload.toString(),
    });
    await deps.db
      .update(idempotencyKeys)
      .set({
        statusCode: reply.statusCode,
        responseEncrypted: await deps.encryption.encrypt(deps.db, answer, sealContext(taken.scope, taken.key)),
      })
      .where(where);
    return payload;
  });
}

/** Keys older than a week are dropped (run now and then by each server). */
export async function forgetOldIdempotencyKeys(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEEP_DAYS * 86_400_000);
  return (
    await db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, cutoff))
      .returning({ key: idempotencyKeys.key })
  ).length;
}
