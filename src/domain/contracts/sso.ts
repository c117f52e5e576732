// Contracts of single sign-on: the identity providers an installation has, and the rules that give
// their people a role and scope here (src/domain/sso.ts).
import { z } from "zod";
import { roleSchema } from "../roles.js";
import { countryCodeSchema, entityCodesSchema, missionCodesSchema } from "./users.js";

export const ssoRuleSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  claim: z.string(),
  value: z.string(),
  role: roleSchema,
  missionCodes: z.array(z.string()),
  entityCodes: z.array(z.string()),
  countryCode: z.string().nullable(),
  position: z.number().int(),
  createdAt: z.string(),
});
export type SsoRuleView = z.infer<typeof ssoRuleSchema>;

export const listSsoRulesSchema = z.object({
  /** The providers this installation is configured with (CONDUCT_SSO_PROVIDERS). */
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(ssoRuleSchema),
});
export type SsoRules = z.infer<typeof listSsoRulesSchema>;

export const createSsoRuleBody = z.strictObject({
  providerId: z.string().min(1).max(40),
  /** A claim's name, dotted for a nested one: `groups`, `roles`, `realm_access.roles`. */
  claim: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, "a claim's name, dotted for a nested one")
    .max(100),
  value: z.string().trim().min(1).max(200),
  role: roleSchema,
  missionCodes: missionCodesSchema.default([]),
  entityCodes: entityCodesSchema.default([]),
  countryCode: countryCodeSchema.nullable().default(null),
  /** Where the rule stands among its provider's (the first that holds decides); unset: last. */
  position: z.number().int().min(1).max(10_000).optional(),
});
export type CreateSsoRuleBody = z.input<typeof createSsoRuleBody>;

export const ssoRuleParams = z.strictObject({ id: z.uuid() });
export const ssoRuleDeletedSchema = z.object({ id: z.string(), sessionsEnded: z.number().int() });
export type SsoRuleDeleted = z.infer<typeof ssoRuleDeletedSchema>;
