// HTTP for the registries of commitments: public reading, headquarters recording.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { commitmentBody } from "../../../domain/commitments.js";
import { staffOf } from "../../auth/actor.js";
import { publicRoute } from "../../rate-limits.js";
import { listCommitments, recordCommitment, removeCommitment } from "./service.js";

import { commitmentSchema, listCommitmentsSchema } from "../../../domain/contracts/commitments.js";
import { noContentSchema } from "../../../domain/contracts/fields.js";

export function registerCommitmentRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/public/commitments",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary:
          "Signatories of the Voluntary Compact, members of the Circle of Leadership, A4P commitments, and Member States' contributions to the Trust Fund by year",
        response: {
          200: listCommitmentsSchema,
        },
      },
    },
    async () => listCommitments(services),
  );

  typed.post(
    "/api/commitments",
    {
      schema: {
        tags: ["commitments"],
        summary: "Record a commitment (headquarters; audited)",
        body: commitmentBody,
        response: { 201: commitmentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordCommitment(services, staffOf(request), request.body)),
  );

  typed.delete(
    "/api/commitments/:id",
    {
      schema: {
        tags: ["commitments"],
        summary: "Remove a commitment recorded in error (headquarters; audited)",
        params: z.object({ id: z.uuid() }),
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await removeCommitment(services, staffOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
