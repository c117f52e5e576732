// A retried state-changing request with the same Idempotency-Key returns the first result. The
// first answer is kept sealed: it can hold a reporter's receipt, an API token or a one-time password,
// none of which may rest in the database in the clear.
import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { idempotencyKeys } from "../db/schema.js";
import { ValidationFailed } from "./errors.js";
import { type FieldEncryption, fieldContext, idempotencyRowId } from "./security/encryption.js";
import type { Transaction } from "./transaction.js";

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers["idempotency-key"];
  if (key === undefined) return undefined;
  if (typeof key !== "string" || !/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) {
    throw new ValidationFailed("Idempotency-Key must be 8 to 128 letters, digits or the characters _ . : -", [], "idempotency_key_invalid");
  }
  return key;
}

export async function once<T>(tx: Transaction, encryption: FieldEncryption, scope: string, key: string | undefined, work: () => Promise<T>): Promise<{ body: T; replayed: boolean }> {
  if (!key) return { body: await work(), replayed: false };
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${scope}:${key}`}))`);
  const context = fieldContext("idempotency_keys", "response_encrypted", idempotencyRowId(scope, key));
  const [previous] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (previous) return { body: JSON.parse(await encryption.decrypt(tx, previous.responseEncrypted, context)) as T, replayed: true };
  const body = await work();
  await tx.insert(idempotencyKeys).values({ scope, key, statusCode: 200, responseEncrypted: await encryption.encrypt(tx, JSON.stringify(body), context) });
  return { body, replayed: false };
}
