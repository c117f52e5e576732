// HTTP for redaction: strike out a field's content with a reason, and read a record's redactions.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  listRedactionsQuery,
  listRedactionsSchema,
  redactBody,
  redactionSchema,
} from "../../../domain/contracts/retention.js";
import { staffOf } from "../../auth/actor.js";
import { listRedactions, redactField } from "./redaction.js";

export function registerRedactionRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/api/redactions",
    {
      schema: {
        tags: ["retention"],
        summary: "Strike out a narrative, a note or a reporter's message, with a reason (audited)",
        body: redactBody,
        response: { 201: redactionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await redactField(services, staffOf(request), request.body)),
  );

  typed.get(
    "/api/redactions",
    {
      schema: {
        tags: ["retention"],
        summary: "A record's redactions: what was struck out, when, by whom and why",
        querystring: listRedactionsQuery,
        response: { 200: listRedactionsSchema },
      },
    },
    async (request) => listRedactions(services, staffOf(request), request.query.recordId),
  );
}
