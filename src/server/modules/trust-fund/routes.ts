// HTTP for the Trust Fund in Support of Victims of SEA: the books and their overview, contributions,
// projects and the people they reached.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../auth/actor.js";
import { addProject, recordContribution, reportBeneficiaries, trustFund } from "./service.js";

import {
  addProjectBody,
  recordContributionBody,
  reportBeneficiariesBody,
  reportBeneficiariesSchema,
  trustFundSchema,
} from "../../../domain/contracts/trust-fund.js";
import { createdSchema } from "../../../domain/contracts/fields.js";

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
          200: trustFundSchema,
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
        body: recordContributionBody,
        response: { 201: createdSchema },
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
        body: addProjectBody,
        response: { 201: createdSchema },
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
        body: reportBeneficiariesBody,
        response: { 201: reportBeneficiariesSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportBeneficiaries(services, staffOf(request), request.params.id, request.body)),
  );
}
