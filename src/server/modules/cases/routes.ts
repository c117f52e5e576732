// HTTP for reading cases (the enforcement area adds intake, workflow and writes).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../app.js";
import { type CaseTransition, caseTransitions } from "../../../domain/workflow.js";
import { caseTimeline, listCases, readCase, transitionCase } from "./service.js";

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
  next: z.array(z.string()),
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

  typed.post("/api/cases/:id/transitions", {
    schema: {
      tags: ["cases"],
      summary: "Move a case to its next workflow step; 422 names the allowed steps, 409 a stale version",
      params: z.strictObject({ id: z.uuid() }),
      body: z.strictObject({ transition: z.enum(Object.keys(caseTransitions) as [CaseTransition, ...CaseTransition[]]), version: z.number().int().positive() }),
      response: { 200: caseSummary },
    },
  }, async (request) => transitionCase(services, staffOf(request), request.params.id, request.body.transition, request.body.version));

  typed.get("/api/cases/:id/timeline", {
    schema: {
      tags: ["cases"],
      summary: "The case's workflow history: opened, and every step with who took it and when",
      params: z.strictObject({ id: z.uuid() }),
      response: { 200: z.object({ items: z.array(z.object({ at: z.string(), action: z.string(), actorRole: z.string().nullable(), details: z.record(z.string(), z.unknown()) })) }) },
    },
  }, async (request) => caseTimeline(services, staffOf(request), request.params.id));

  typed.get("/api/cases/:id", {
    schema: {
      tags: ["cases"],
      summary: "One case, with what the caller may do on it; an audited read",
      params: z.strictObject({ id: z.uuid() }),
      response: { 200: caseSummary.extend({ narrative: z.string().nullable() }) },
    },
  }, async (request) => readCase(services, staffOf(request), request.params.id));
}
