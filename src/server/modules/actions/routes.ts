// HTTP for actions on alleged perpetrators, and the case's whole enforcement record.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actionKinds, actionStages, actionTakers } from "../../../domain/enforcement.js";
import { staffOf } from "../../auth/actor.js";
import { enforcementRecord, recordAction } from "./service.js";

const action = z.object({
  id: z.string(),
  perpetratorId: z.string(),
  stage: z.string(),
  takenBy: z.string(),
  kind: z.string(),
  decidedOn: z.string(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  months: z.number().nullable(),
  details: z.string().nullable(),
});

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
        body: z.strictObject({
          perpetratorId: z.uuid(),
          stage: z.enum(actionStages),
          takenBy: z.enum(actionTakers),
          kind: z.enum(actionKinds),
          decidedOn: z.iso.date(),
          amount: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .nullable()
            .default(null),
          months: z.number().int().min(1).max(1_200).nullable().default(null),
          details: z.string().trim().max(2_000).nullable().default(null),
        }),
        response: { 201: action },
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
          200: z.object({
            perpetrators: z.array(
              z.object({
                id: z.string(),
                code: z.string(),
                categoryCode: z.string(),
                nationalityCode: z.string().nullable(),
                unit: z.string().nullable(),
                identityRecorded: z.boolean(),
                can: z.record(z.string(), z.boolean()),
              }),
            ),
            investigations: z.array(z.record(z.string(), z.unknown())),
            actions: z.array(action),
            can: z.record(z.string(), z.boolean()),
          }),
        },
      },
    },
    async (request) => enforcementRecord(services, staffOf(request), request.params.id),
  );
}
