// HTTP for investigations: opening one, reporting progress, extensions and findings per perpetrator.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findingOutcomes, investigatingEntities } from "../../../domain/enforcement.js";
import { staffOf } from "../../auth/actor.js";
import { syncScreeningList } from "../screening/index.js";
import {
  addInvestigationUpdate,
  extendDeadline,
  openInvestigation,
  recordFinding,
  updateInvestigation,
} from "./service.js";

const investigation = z.object({
  id: z.string(),
  caseId: z.string(),
  entity: z.string(),
  countryCode: z.string().nullable(),
  investigators: z.string().nullable(),
  startedOn: z.string(),
  dueOn: z.string(),
  deadlineKind: z.string(),
  policyVersion: z.string(),
  completedOn: z.string().nullable(),
  reportReceivedOn: z.string().nullable(),
  durationDays: z.number(),
  daysOverdue: z.number(),
  version: z.number(),
  can: z.record(z.string(), z.boolean()),
});
const extension = z.strictObject({
  days: z.number().int().min(1).max(365),
  reason: z.string().trim().min(5).max(1_000),
});
const extended = z.object({ previousDueOn: z.string(), dueOn: z.string() });

export function registerInvestigationRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/api/cases/:id/investigations",
    {
      schema: {
        tags: ["investigations"],
        summary:
          "Open an investigation; it falls due under the deadline policy (90 days SEA, 6 months serious, 3 months urgent)",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          entity: z.enum(investigatingEntities),
          countryCode: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .nullable()
            .default(null),
          investigators: z.string().trim().max(500).nullable().default(null),
          startedOn: z.iso.date(),
        }),
        response: { 201: investigation },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openInvestigation(services, staffOf(request), request.params.id, request.body)),
  );

  typed.patch(
    "/api/investigations/:id",
    {
      schema: {
        tags: ["investigations"],
        summary: "Record investigators, completion and the report's receipt; 409 on a stale version",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          investigators: z.string().trim().max(500).nullable().optional(),
          completedOn: z.iso.date().nullable().optional(),
          reportReceivedOn: z.iso.date().nullable().optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: investigation },
      },
    },
    async (request) => updateInvestigation(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/investigations/:id/updates",
    {
      schema: {
        tags: ["investigations"],
        summary: "Report progress on an investigation",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ note: z.string().trim().min(1).max(5_000) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addInvestigationUpdate(services, staffOf(request), request.params.id, request.body.note)),
  );

  typed.post(
    "/api/investigations/:id/extensions",
    {
      schema: {
        tags: ["investigations"],
        summary: "Extend the investigation's deadline, with a reason",
        params: z.strictObject({ id: z.uuid() }),
        body: extension,
        response: { 201: extended },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await extendDeadline(
            services,
            staffOf(request),
            { investigationId: request.params.id },
            request.body.days,
            request.body.reason,
          ),
        ),
  );

  typed.post(
    "/api/referrals/:id/extensions",
    {
      schema: {
        tags: ["referrals"],
        summary: "Extend the date by which the State's reply is due, with a reason",
        params: z.strictObject({ id: z.uuid() }),
        body: extension,
        response: { 201: extended },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await extendDeadline(
            services,
            staffOf(request),
            { referralId: request.params.id },
            request.body.days,
            request.body.reason,
          ),
        ),
  );

  typed.put(
    "/api/investigations/:id/findings/:perpetratorId",
    {
      schema: {
        tags: ["investigations"],
        summary: "Record the finding on one alleged perpetrator (replaces an earlier one)",
        params: z.strictObject({ id: z.uuid(), perpetratorId: z.uuid() }),
        body: z.strictObject({ finding: z.enum(findingOutcomes), recordedOn: z.iso.date() }),
        response: {
          200: z.object({
            investigationId: z.string(),
            perpetratorId: z.string(),
            finding: z.string(),
            recordedOn: z.string(),
          }),
        },
      },
    },
    async (request) => {
      const recorded = await recordFinding(
        services,
        staffOf(request),
        request.params.id,
        request.params.perpetratorId,
        request.body.finding,
        request.body.recordedOn,
      );
      // The person goes on the screening list at once; should this fail, the background loop lists them.
      if (recorded.finding === "substantiated")
        await syncScreeningList(services).catch((error) =>
          request.log.error({ err: error }, "screening list sync failed"),
        );
      return recorded;
    },
  );
}
