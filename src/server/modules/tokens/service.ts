// API tokens: a random secret shown once, stored only as its SHA-256, acting with its owner's rights.
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens, user } from "../../../db/schema.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { hashToken, TOKEN_PREFIX } from "../../auth/context.js";
import { tokenPolicy } from "../../auth/policies/index.js";
import { NotFound } from "../../errors.js";
import { once } from "../../idempotency.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

import { presentToken } from "./presenters.js";

export async function listTokens(services: Services, actor: Actor, ownerId: string) {
  if (!tokenPolicy.manageOf(actor, ownerId)) throw new NotFound("user");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.userId, ownerId))
      .orderBy(desc(apiTokens.createdAt));
    return rows.map(presentToken);
  });
}

export async function createToken(
  services: Services,
  actor: Actor,
  input: { ownerId: string; name: string; expiresInDays?: number },
  idempotencyKey?: string,
) {
  if (!tokenPolicy.manageOf(actor, input.ownerId)) throw new NotFound("user");
  return inTransaction(
    services.db,
    actor,
    async (tx) =>
      (
        await once(tx, services.encryption, `token.create:${actor.userId}`, idempotencyKey, async () => {
          const [owner] = await tx.select({ id: user.id }).from(user).where(eq(user.id, input.ownerId));
          if (!owner) throw new NotFound("user");
          const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
          const [row] = await tx
            .insert(apiTokens)
            .values({
              userId: input.ownerId,
              name: input.name,
              tokenHash: hashToken(token),
              prefix: token.slice(0, TOKEN_PREFIX.length + 6),
              expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
            })
            .returning();
          await recordAuditEvent(tx, actor, {
            action: "token.create",
            subjectType: "api_token",
            subjectId: row.id,
            details: { ownerId: input.ownerId },
          });
          return { token, apiToken: presentToken(row) };
        })
      ).body,
  );
}

export async function revokeToken(services: Services, actor: Actor, tokenId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    if (!row || !tokenPolicy.manageOf(actor, row.userId)) throw new NotFound("API token");
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: row.revokedAt ?? new Date() })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "token.revoke",
      subjectType: "api_token",
      subjectId: tokenId,
      details: { ownerId: row.userId },
    });
    return presentToken(revoked ?? row);
  });
}
