// Contracts for API tokens, shared by the API and the web app.
import { z } from "zod";

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  userId: z.string().max(64).optional(),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const listTokensSchema = z.object({ items: z.array(apiTokenSchema) });
export type ListTokens = z.infer<typeof listTokensSchema>;

export const listTokensQuery = z.strictObject({ userId: z.string().max(64).optional() });

export const createTokenSchema = z.object({ token: z.string(), apiToken: apiTokenSchema });
export type CreateToken = z.infer<typeof createTokenSchema>;
