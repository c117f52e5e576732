// HTTP for actions on alleged perpetrators, and the case's whole enforcement record.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../auth/actor.js";
import { enforcementRecord, recordAction } from "./service.js";

import { actionSchema, enforcementRecordSchema, recordActionBody } from "../../../domain/contracts/enforcement.js";

export function registerActionRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/api/cases/:id/actions",
    {
      schema: {
        tags: ["actions"],
        summary: "Record an interim or final action on an alleged perpetrator, by the UN or the Member State",
        params: z.strictObject({ id: z.uuid() }),
        body: recordActionBody,
        response: { 201: actionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordAction(services, staffOf(request), request.params.id, request.body)),
  );

  typed.get(
    "/api/cases/:id/enforcement",
    {
      schema: {
        tags: ["actions"],
        summary:
          "Who is implicated, the investigations with their findings, and the actions taken, as the caller may see them",
        params: z.strictObject({ id: z.uuid() }),
        response: {
          200: enforcementRecordSchema,
        },
      },
    },
    async (request) => enforcementRecord(services, staffOf(request), request.params.id),
  );
}
