// HTTP for API tokens: one's own, or anyone's for an administrator.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiTokenSchema as apiToken, createTokenBody } from "../../../domain/contracts/tokens.js";
import { staffOf } from "../../auth/actor.js";
import { idempotencyKeyOf } from "../../idempotency.js";
import { createToken, listTokens, revokeToken } from "./service.js";

import { createTokenSchema, listTokensQuery, listTokensSchema } from "../../../domain/contracts/tokens.js";

export function registerTokenRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "API tokens of the signed-in user, or of `userId` for an administrator",
        querystring: listTokensQuery,
        response: { 200: listTokensSchema },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return { items: await listTokens(services, actor, request.query.userId ?? actor.userId) };
    },
  );

  typed.post(
    "/api/tokens",
    {
      // The key is kept in the use-case's own transaction, with what it creates.
      config: { idempotency: "in-transaction" },
      schema: {
        tags: ["tokens"],
        summary: "Create an API token; the token itself is answered once and never stored",
        body: createTokenBody,
        response: { 201: createTokenSchema },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const created = await createToken(
        services,
        actor,
        {
          ownerId: request.body.userId ?? actor.userId,
          name: request.body.name,
          expiresInDays: request.body.expiresInDays,
        },
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(created);
    },
  );

  typed.delete(
    "/api/tokens/:id",
    {
      schema: {
        tags: ["tokens"],
        summary: "Revoke an API token",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: apiToken },
      },
    },
    async (request) => revokeToken(services, staffOf(request), request.params.id),
  );
}
