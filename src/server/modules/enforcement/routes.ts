// HTTP for the enforcement record: investigations on their clock, findings per alleged perpetrator,
// the interim and final actions taken, and the States' own proceedings (military justice).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../auth/actor.js";
import { syncScreeningList } from "../screening/index.js";
import {
  addInvestigationUpdate,
  extendDeadline,
  openInvestigation,
  recordFinding,
  updateInvestigation,
} from "./investigations.js";
import {
  actionSchema,
  addInvestigationUpdateBody,
  enforcementRecordSchema,
  extendedSchema,
  extensionBody,
  investigationSchema,
  openInvestigationBody,
  recordFindingBody,
  recordActionBody,
  recordFindingSchema,
  updateInvestigationBody,
} from "../../../domain/contracts/enforcement.js";
import { createdSchema, noContentSchema } from "../../../domain/contracts/fields.js";
import {
  caseProceedingsSchema,
  proceedingBody,
  proceedingUpdateBody,
} from "../../../domain/contracts/military-justice.js";
import { caseProceedings, recordProceeding, updateProceeding } from "./proceedings.js";
import { enforcementRecord, recordAction } from "./actions.js";

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
        body: openInvestigationBody,
        response: { 201: investigationSchema },
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
        body: updateInvestigationBody,
        response: { 200: investigationSchema },
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
        body: addInvestigationUpdateBody,
        response: { 201: createdSchema },
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
        body: extensionBody,
        response: { 201: extendedSchema },
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
        body: extensionBody,
        response: { 201: extendedSchema },
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
        body: recordFindingBody,
        response: {
          200: recordFindingSchema,
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
        body: recordActionBody,
        response: { 201: actionSchema },
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
          200: enforcementRecordSchema,
        },
      },
    },
    async (request) => enforcementRecord(services, staffOf(request), request.params.id),
  );

  typed.get(
    "/api/cases/:id/proceedings",
    {
      schema: {
        tags: ["actions"],
        summary:
          "The national proceedings (court-martial, civilian court, disciplinary board) the caller may see on a case",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: caseProceedingsSchema },
      },
    },
    async (request) => caseProceedings(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/perpetrators/:id/proceedings",
    {
      schema: {
        tags: ["actions"],
        summary: "Record a State's proceeding against its national: court-martial on site or at home, court, board",
        params: z.strictObject({ id: z.uuid() }),
        body: proceedingBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordProceeding(services, staffOf(request), request.params.id, request.body)),
  );

  typed.put(
    "/api/proceedings/:id",
    {
      schema: {
        tags: ["actions"],
        summary: "Update a national proceeding (verdict, sentence, appeal) at the version it was read",
        params: z.strictObject({ id: z.uuid() }),
        body: proceedingUpdateBody,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await updateProceeding(services, staffOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
