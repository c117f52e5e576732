// HTTP for screening: the list (headquarters), one candidate, or a whole list from CSV.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { screeningReasons } from "../../../domain/screening.js";
import { staffOf } from "../../auth/actor.js";
import { addScreeningEntry, screenBatch, screenCandidate } from "./service.js";

const identifiers = {
  name: z.string().trim().max(300).default(""),
  dateOfBirth: z.iso.date().nullable().default(null),
  nationalityCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  documentNumbers: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
};
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
        body: z.strictObject({
          ...identifiers,
          reason: z.enum(screeningReasons),
          caseId: z.uuid().nullable().default(null),
        }),
        response: { 201: z.object({ id: z.string().nullable(), keys: z.number() }) },
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
        body: z.strictObject(identifiers),
        response: {
          200: z.object({
            result: z.string(),
            matches: z.array(
              z.object({ result: z.string(), reason: z.string(), caseReference: z.string().nullable() }),
            ),
          }),
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
        body: z.strictObject({
          csv: z
            .string()
            .min(1)
            .max(10 * 1024 * 1024),
        }),
        response: {
          200: z.object({
            candidates: z.number(),
            matches: z.number(),
            possibleMatches: z.number(),
            resultCsv: z.string(),
          }),
        },
      },
    },
    async (request) => screenBatch(services, staffOf(request), request.body.csv),
  );
}
