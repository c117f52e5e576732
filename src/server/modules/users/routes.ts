// HTTP for staff accounts (administrators) and for one's own profile.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { roleSchema, requiresTwoFactor } from "../../../domain/roles.js";
import { staffOf } from "../../app.js";
import { csrfTokenFor } from "../../auth/context.js";
import { navigationFor } from "../../auth/policies/index.js";
import { idempotencyKeyOf } from "../../idempotency.js";
import { createStaffUser, getStaffUser, listStaffUsers, resetTwoFactor, revokeSessionsOf, setTemporaryPassword, updateOwnPreferences, updateStaffUser } from "./service.js";

export const languageSchema = z.enum(["en", "fr", "ar"]);

const staffUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  missionCodes: z.array(z.string()),
  countryCode: z.string().nullable(),
  language: z.string(),
  twoFactorEnabled: z.boolean(),
  twoFactorRequired: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});

const missionCodes = z.array(z.string().regex(/^[A-Z0-9-]{2,20}$/)).max(50);
const countryCode = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166 alpha-3 code");
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export function registerUserRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<import("fastify-type-provider-zod").ZodTypeProvider>();

  typed.get("/api/me", {
    config: { access: "enrolment" },
    schema: {
      tags: ["me"],
      summary: "The signed-in account: role, scope, what the navigation shows, and the CSRF token for writes",
      response: {
        200: z.object({
          id: z.string(),
          email: z.string().optional(),
          name: z.string().optional(),
          role: roleSchema,
          missionCodes: z.array(z.string()),
          countryCode: z.string().nullable(),
          language: z.string(),
          twoFactorRequired: z.boolean(),
          twoFactorPending: z.boolean(),
          csrfToken: z.string().nullable(),
          via: z.string(),
          can: z.record(z.string(), z.boolean()),
        }),
      },
    },
  }, async (request) => {
    const actor = staffOf(request);
    return {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      missionCodes: actor.missionCodes,
      countryCode: actor.countryCode,
      language: actor.language ?? "en",
      twoFactorRequired: requiresTwoFactor(actor.role),
      twoFactorPending: actor.twoFactorPending ?? false,
      csrfToken: actor.sessionId ? csrfTokenFor(actor.sessionId, services.csrfSecret) : null,
      via: actor.via,
      can: navigationFor(actor),
    };
  });

  typed.patch("/api/me/preferences", {
    config: { access: "enrolment" },
    schema: { tags: ["me"], summary: "Change one's own language", body: z.strictObject({ language: languageSchema }), response: { 200: z.object({ language: z.string() }) } },
  }, async (request) => updateOwnPreferences(services, staffOf(request), request.body.language));

  typed.post("/api/me/revoke-sessions", {
    schema: { tags: ["me"], summary: "Sign out everywhere: end every session of one's own account", response: { 200: z.object({ revoked: z.number() }) } },
  }, async (request) => {
    const actor = staffOf(request);
    return revokeSessionsOf(services, actor, actor.userId);
  });

  typed.get("/api/users", {
    schema: { tags: ["users"], summary: "Staff accounts (administrators)", response: { 200: z.object({ items: z.array(staffUser) }) } },
  }, async (request) => ({ items: await listStaffUsers(services, staffOf(request)) }));

  typed.get("/api/users/:id", {
    schema: { tags: ["users"], summary: "One staff account", params: idParams, response: { 200: staffUser } },
  }, async (request) => getStaffUser(services, staffOf(request), request.params.id));

  typed.post("/api/users", {
    schema: {
      tags: ["users"],
      summary: "Create a staff account with a role and scope; answers a one-time temporary password when none is given",
      headers: z.object({ "idempotency-key": z.string().optional() }),
      body: z.strictObject({
        email: z.email().max(254),
        name: z.string().trim().min(1).max(200),
        role: roleSchema,
        missionCodes: missionCodes.default([]),
        countryCode: countryCode.nullable().default(null),
        language: languageSchema.optional(),
        password: z.string().min(12).max(256).optional(),
      }),
      response: { 201: z.object({ user: staffUser, temporaryPassword: z.string().nullable() }) },
    },
  }, async (request, reply) => {
    const created = await createStaffUser(services, staffOf(request), request.body, idempotencyKeyOf(request));
    return reply.status(201).send(created);
  });

  typed.patch("/api/users/:id", {
    schema: {
      tags: ["users"],
      summary: "Change a staff account's name, role, scope or status (optimistic concurrency on version)",
      params: idParams,
      body: z.strictObject({
        name: z.string().trim().min(1).max(200).optional(),
        role: roleSchema.optional(),
        missionCodes: missionCodes.optional(),
        countryCode: countryCode.nullable().optional(),
        disabled: z.boolean().optional(),
        version: z.number().int().positive(),
      }),
      response: { 200: staffUser },
    },
  }, async (request) => updateStaffUser(services, staffOf(request), request.params.id, request.body));

  typed.post("/api/users/:id/reset-two-factor", {
    schema: { tags: ["users"], summary: "Remove an account's two-factor enrolment so that it enrols again at next sign-in", params: idParams, response: { 200: staffUser } },
  }, async (request) => resetTwoFactor(services, staffOf(request), request.params.id));

  typed.post("/api/users/:id/revoke-sessions", {
    schema: { tags: ["users"], summary: "End every session of an account", params: idParams, response: { 200: z.object({ revoked: z.number() }) } },
  }, async (request) => revokeSessionsOf(services, staffOf(request), request.params.id));

  typed.post("/api/users/:id/temporary-password", {
    schema: { tags: ["users"], summary: "Give an account a new one-time temporary password", params: idParams, response: { 200: z.object({ temporaryPassword: z.string() }) } },
  }, async (request) => setTemporaryPassword(services, staffOf(request), request.params.id));
}
