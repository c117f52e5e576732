// HTTP for identity custodians: the requests to reveal an identity, and their decisions.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  decideRevealBody,
  listRevealRequestsQuery,
  listRevealRequestsSchema,
  revealRequestSchema,
} from "../../../domain/contracts/reveals.js";
import { staffOf } from "../../auth/actor.js";
import { decideRevealRequest, listRevealRequests } from "./service.js";

export function registerRevealRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/reveal-requests",
    {
      schema: {
        tags: ["reveals"],
        summary: "Requests to reveal an identity, pending or decided (identity custodians)",
        querystring: listRevealRequestsQuery,
        response: { 200: listRevealRequestsSchema },
      },
    },
    async (request) => listRevealRequests(services, staffOf(request), request.query.status),
  );

  typed.post(
    "/api/reveal-requests/:id/decision",
    {
      schema: {
        tags: ["reveals"],
        summary: "Approve or refuse another person's request to reveal an identity (audited)",
        params: z.object({ id: z.uuid() }),
        body: decideRevealBody,
        response: { 200: revealRequestSchema },
      },
    },
    async (request) => decideRevealRequest(services, staffOf(request), request.params.id, request.body),
  );
}
