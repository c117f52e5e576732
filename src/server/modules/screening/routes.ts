// HTTP for screening: the list (headquarters), one candidate, or a whole list from CSV.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { staffOf } from "../../auth/actor.js";
import { addScreeningEntry, screenBatch, screenCandidate } from "./service.js";

import {
  addScreeningEntryBody,
  addScreeningEntrySchema,
  screenBatchBody,
  screenBatchSchema,
  screenCandidateBody,
  screenCandidateSchema,
} from "../../../domain/contracts/screening.js";

const tags = ["screening"];

export function registerScreeningRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/api/screening/entries",
    {
      schema: {
        tags,
        summary: "Put a person on the screening list; only keyed hashes of their normalised identifiers are kept",
        body: addScreeningEntryBody,
        response: { 201: addScreeningEntrySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addScreeningEntry(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/screenings",
    {
      schema: {
        tags,
        summary:
          "Screen one candidate: match, possible match or no match; the case named only to those who may see it; audited",
        body: screenCandidateBody,
        response: {
          200: screenCandidateSchema,
        },
      },
    },
    async (request) => screenCandidate(services, staffOf(request), request.body),
  );

  typed.post(
    "/api/screenings/batch",
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Screen a list (CSV: name,date_of_birth,nationality,document_numbers) and get a result file, one line per candidate",
        body: screenBatchBody,
        response: {
          200: screenBatchSchema,
        },
      },
    },
    async (request) => screenBatch(services, staffOf(request), request.body.csv),
  );
}
