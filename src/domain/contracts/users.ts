// Contracts of staff accounts and the signed-in person, shared by the API and the web app.
import { z } from "zod";
import { roleSchema } from "../roles.js";
import { unLanguages } from "../un-languages.js";

export const languageSchema = z.enum(unLanguages);
export const missionCodesSchema = z.array(z.string().regex(/^[A-Z0-9-]{2,20}$/)).max(50);
/** Entities given whole: every unit they have, and every unit they open later, is in scope. */
export const entityCodesSchema = z.array(z.string().regex(/^[A-Z0-9-]{2,20}$/)).max(20);
export const countryCodeSchema = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166 alpha-3 code");

export const createUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  missionCodes: missionCodesSchema.default([]),
  entityCodes: entityCodesSchema.default([]),
  countryCode: countryCodeSchema.nullable().default(null),
  language: languageSchema.optional(),
  password: z.string().min(12).max(256).optional(),
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  missionCodes: missionCodesSchema.optional(),
  entityCodes: entityCodesSchema.optional(),
  countryCode: countryCodeSchema.nullable().optional(),
  disabled: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  missionCodes: z.array(z.string()),
  entityCodes: z.array(z.string()),
  countryCode: z.string().nullable(),
  language: z.string(),
  twoFactorEnabled: z.boolean(),
  twoFactorRequired: z.boolean(),
  /** The identity provider the account signs in with (its role follows the provider's claims); null: a password here. */
  signInWith: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  role: roleSchema,
  /** Every unit in scope: those given one by one and every unit of the entities given. */
  missionCodes: z.array(z.string()),
  entityCodes: z.array(z.string()),
  countryCode: z.string().nullable(),
  language: z.string(),
  twoFactorRequired: z.boolean(),
  twoFactorPending: z.boolean(),
  signInWith: z.string().nullable(),
  /** Where signing out leads: the sign-in page, or first the organisation's own sign-out. */
  signOutTo: z.string(),
  csrfToken: z.string().nullable(),
  via: z.string(),
  can: z.record(z.string(), z.boolean()),
});
export type Me = z.infer<typeof meSchema>;

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const updateOwnPreferencesSchema = z.object({ language: z.string() });
export type UpdateOwnPreferences = z.infer<typeof updateOwnPreferencesSchema>;

export const updateOwnPreferencesBody = z.strictObject({ language: languageSchema });

export const sessionsRevokedSchema = z.object({ revoked: z.number() });
export type SessionsRevoked = z.infer<typeof sessionsRevokedSchema>;

export const listStaffUsersSchema = z.object({ items: z.array(staffUserSchema) });
export type ListStaffUsers = z.infer<typeof listStaffUsersSchema>;

export const createStaffUserSchema = z.object({ user: staffUserSchema, temporaryPassword: z.string().nullable() });
export type CreateStaffUser = z.infer<typeof createStaffUserSchema>;

export const setTemporaryPasswordSchema = z.object({ temporaryPassword: z.string() });
export type SetTemporaryPassword = z.infer<typeof setTemporaryPasswordSchema>;
