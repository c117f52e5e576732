// HTTP for reading cases (the enforcement area adds intake, workflow and writes).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../app.js";
import { listCases, readCase } from "./service.js";

const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  missionCode: z.string(),
  status: z.string(),
  dateReported: z.string(),
  dateOfIncident: z.string().nullable(),
  categoryCodes: z.array(z.string()),
  nationalityCodes: z.array(z.string()),
  allegationCodes: z.array(z.string()),
  version: z.number(),
  can: z.record(z.string(), z.boolean()),
});

export function registerCaseRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get("/api/cases", {
    schema: {
      tags: ["cases"],
      summary: "Cases within the caller's scope, newest first",
      querystring: z.strictObject({
        mission: z.string().max(20).optional(),
        status: z.string().max(40).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: { 200: z.object({ items: z.array(caseSummary), limit: z.number(), offset: z.number() }) },
    },
  }, async (request) => {
    const { mission, status, limit, offset } = request.query;
    return listCases(services, staffOf(request), { missionCode: mission, status, limit, offset });
  });

  typed.get("/api/cases/:id", {
    schema: {
      tags: ["cases"],
      summary: "One case, with what the caller may do on it; an audited read",
      params: z.strictObject({ id: z.uuid() }),
      response: { 200: caseSummary.extend({ narrative: z.string().nullable() }) },
    },
  }, async (request) => readCase(services, staffOf(request), request.params.id));
}
