// HTTP for the Trust Fund in Support of Victims of SEA: the books and their overview, contributions,
// projects and the people they reached.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { beneficiaryCategories } from "../../../domain/trust-fund.js";
import { serviceTypes } from "../../../domain/victims.js";
import { staffOf } from "../../auth/actor.js";
import { addProject, recordContribution, reportBeneficiaries, trustFund } from "./service.js";

const money = z.number().int().positive().max(1_000_000_000);
const currency = z.string().regex(/^[A-Z]{3}$/);
const totals = z.array(z.object({ currency: z.string(), amount: z.number() }));
const tags = ["trust fund"];

export function registerTrustFundRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/trust-fund",
    {
      schema: {
        tags,
        summary: "The fund's overview (money in, committed, projects, people reached), contributions and projects",
        response: {
          200: z.object({
            overview: z.object({
              received: totals,
              fromWithheldPayments: totals,
              committed: totals,
              projects: z.number(),
              activeProjects: z.number(),
              reached: z.record(z.string(), z.number()),
            }),
            contributions: z.array(
              z.object({
                id: z.string(),
                countryCode: z.string(),
                receivedOn: z.string(),
                amount: z.number(),
                currency: z.string(),
                fromWithheldPayments: z.boolean(),
                caseActionId: z.string().nullable(),
              }),
            ),
            projects: z.array(
              z.object({
                id: z.string(),
                missionCode: z.string(),
                title: z.string(),
                implementingPartner: z.string(),
                budget: z.number(),
                currency: z.string(),
                startsOn: z.string(),
                endsOn: z.string(),
                services: z.array(z.string()),
                reached: z.number(),
                can: z.record(z.string(), z.boolean()),
              }),
            ),
            can: z.record(z.string(), z.boolean()),
          }),
        },
      },
    },
    async (request) => trustFund(services, staffOf(request)),
  );

  typed.post(
    "/api/trust-fund/contributions",
    {
      schema: {
        tags,
        summary: "Record a contribution; one from payments withheld from personnel names the payment suspension",
        body: z.strictObject({
          countryCode: z.string().regex(/^[A-Z]{3}$/),
          receivedOn: z.iso.date(),
          amount: money,
          currency,
          caseActionId: z.uuid().nullable().default(null),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordContribution(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/trust-fund/projects",
    {
      schema: {
        tags,
        summary: "Record a project: mission area, implementing partner, budget, period, services funded",
        body: z.strictObject({
          missionCode: z.string().regex(/^[A-Z0-9-]{2,20}$/),
          title: z.string().trim().min(3).max(300),
          implementingPartner: z.string().trim().min(2).max(300),
          budget: money,
          currency,
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
          services: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addProject(services, staffOf(request), {
          ...request.body,
          services: [...new Set(request.body.services)],
        }),
      ),
  );

  typed.post(
    "/api/trust-fund/projects/:id/beneficiaries",
    {
      schema: {
        tags,
        summary: "Report how many people a project reached in a category (counts, never identities)",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          reportedOn: z.iso.date(),
          category: z.enum(beneficiaryCategories),
          people: z.number().int().min(0).max(1_000_000),
        }),
        response: { 201: z.object({ id: z.string(), reached: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportBeneficiaries(services, staffOf(request), request.params.id, request.body)),
  );
}
