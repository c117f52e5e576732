// HTTP for staff accounts (administrators) and for one's own profile.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createUserBody,
  meSchema,
  staffUserSchema as staffUser,
  updateUserBody,
} from "../../../domain/contracts/users.js";
import { requiresTwoFactor } from "../../../domain/roles.js";
import { staffOf } from "../../auth/actor.js";
import { csrfTokenFor } from "../../auth/context.js";
import { signedOutAddress } from "../../auth/sso-sign-out.js";
import { navigationFor } from "../../auth/policies/index.js";
import { idempotencyKeyOf } from "../../idempotency.js";
import {
  createStaffUser,
  getStaffUser,
  listStaffUsers,
  resetTwoFactor,
  revokeSessionsOf,
  setTemporaryPassword,
  updateOwnPreferences,
  updateStaffUser,
} from "./service.js";

import {
  createStaffUserSchema,
  idParams,
  listStaffUsersSchema,
  sessionsRevokedSchema,
  setTemporaryPasswordSchema,
  updateOwnPreferencesBody,
  updateOwnPreferencesSchema,
} from "../../../domain/contracts/users.js";

export function registerUserRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<import("fastify-type-provider-zod").ZodTypeProvider>();

  typed.get(
    "/api/me",
    {
      config: { access: "enrolment" },
      schema: {
        tags: ["me"],
        summary: "The signed-in account: role, scope, what the navigation shows, and the CSRF token for writes",
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return {
        id: actor.userId,
        email: actor.email,
        name: actor.name,
        role: actor.role,
        missionCodes: actor.missionCodes,
        entityCodes: actor.entityCodes ?? [],
        countryCode: actor.countryCode,
        language: actor.language ?? "en",
        twoFactorRequired: requiresTwoFactor(actor.role, actor.ssoProvider),
        twoFactorPending: actor.twoFactorPending ?? false,
        signInWith: actor.ssoProvider ?? null,
        signOutTo: await signedOutAddress(services.config, actor.ssoProvider, actor.language ?? "en"),
        csrfToken: actor.sessionId ? csrfTokenFor(actor.sessionId, services.csrfSecret) : null,
        via: actor.via,
        can: navigationFor(actor),
      };
    },
  );

  typed.patch(
    "/api/me/preferences",
    {
      config: { access: "enrolment" },
      schema: {
        tags: ["me"],
        summary: "Change one's own language",
        body: updateOwnPreferencesBody,
        response: { 200: updateOwnPreferencesSchema },
      },
    },
    async (request) => updateOwnPreferences(services, staffOf(request), request.body.language),
  );

  typed.post(
    "/api/me/revoke-sessions",
    {
      schema: {
        tags: ["me"],
        summary: "Sign out everywhere: end every session of one's own account",
        response: { 200: sessionsRevokedSchema },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return revokeSessionsOf(services, actor, actor.userId);
    },
  );

  typed.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Staff accounts (administrators)",
        response: { 200: listStaffUsersSchema },
      },
    },
    async (request) => ({ items: await listStaffUsers(services, staffOf(request)) }),
  );

  typed.get(
    "/api/users/:id",
    {
      schema: { tags: ["users"], summary: "One staff account", params: idParams, response: { 200: staffUser } },
    },
    async (request) => getStaffUser(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/users",
    {
      // The key is kept in the use-case's own transaction, with what it creates.
      config: { idempotency: "in-transaction" },
      schema: {
        tags: ["users"],
        summary:
          "Create a staff account with a role and scope; answers a one-time temporary password when none is given",
        headers: z.object({ "idempotency-key": z.string().optional() }),
        body: createUserBody,
        response: { 201: createStaffUserSchema },
      },
    },
    async (request, reply) => {
      const created = await createStaffUser(services, staffOf(request), request.body, idempotencyKeyOf(request));
      return reply.status(201).send(created);
    },
  );

  typed.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a staff account's name, role, scope or status (optimistic concurrency on version)",
        params: idParams,
        body: updateUserBody,
        response: { 200: staffUser },
      },
    },
    async (request) => updateStaffUser(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/users/:id/reset-two-factor",
    {
      schema: {
        tags: ["users"],
        summary: "Remove an account's two-factor enrolment so that it enrols again at next sign-in",
        params: idParams,
        response: { 200: staffUser },
      },
    },
    async (request) => resetTwoFactor(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/users/:id/revoke-sessions",
    {
      schema: {
        tags: ["users"],
        summary: "End every session of an account",
        params: idParams,
        response: { 200: sessionsRevokedSchema },
      },
    },
    async (request) => revokeSessionsOf(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/users/:id/temporary-password",
    {
      schema: {
        tags: ["users"],
        summary: "Give an account a new one-time temporary password",
        params: idParams,
        response: { 200: setTemporaryPasswordSchema },
      },
    },
    async (request) => setTemporaryPassword(services, staffOf(request), request.params.id),
  );
}
