// How the tokens area's records are answered: the fields each reader gets and their abilities.
import type { apiTokens } from "../../../db/schema.js";

export type TokenRow = typeof apiTokens.$inferSelect;
export function presentToken(row: TokenRow) {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
