// HTTP for command accountability: units with their leaders by period, the unit an alleged
// perpetrator served in, a case's command at the time of the incident, and patterns in units.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addLeaderBody,
  caseCommandSchema,
  commandDutiesBody,
  leaderAllegationBody,
  leaderAllegationCreatedSchema,
  perpetratorUnitBody,
  unitDecisionBody,
  unitListQuery,
  unitListSchema,
  unitPatternsQuery,
  unitPatternsSchema,
} from "../../../domain/contracts/command.js";
import { createdSchema, noContentSchema } from "../../../domain/contracts/fields.js";
import { staffOf } from "../../auth/actor.js";
import { allegeAgainstLeader } from "./leader-allegations.js";
import { decideOnUnit, unitPatterns } from "./patterns.js";
import { addLeader, caseCommand, listUnits, recordDuties, setPerpetratorUnit } from "./service.js";

const tags = ["enforcement"];
const params = z.strictObject({ id: z.uuid() });

export function registerCommandRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/units",
    {
      schema: {
        tags,
        summary: "Units in scope (each rotation of a contingent) with their commanders and key leaders by period",
        querystring: unitListQuery,
        response: { 200: unitListSchema },
      },
    },
    async (request) =>
      listUnits(services, staffOf(request), { missionCode: request.query.mission, countryCode: request.query.country }),
  );

  typed.get(
    "/api/units/patterns",
    {
      schema: {
        tags,
        summary:
          "Units in scope with their allegations by outcome, per 1,000 personnel against the mission's rate, the resolution 2272 signals and decisions",
        querystring: unitPatternsQuery,
        response: { 200: unitPatternsSchema },
      },
    },
    async (request) =>
      unitPatterns(
        services,
        staffOf(request),
        {
          missionCode: request.query.mission,
          countryCode: request.query.country,
          signalledOnly: request.query.signalled === "true",
        },
        { offset: request.query.offset, limit: request.query.limit },
      ),
  );

  typed.post(
    "/api/units/:id/decisions",
    {
      schema: {
        tags,
        summary:
          "Record headquarters' decision on a unit's record (review, State's response, repatriation, replacement)",
        params,
        body: unitDecisionBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await decideOnUnit(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/units/:id/leaders",
    {
      schema: {
        tags,
        summary: "Record a unit's commander or key leader for a period",
        params,
        body: addLeaderBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addLeader(services, staffOf(request), request.params.id, request.body)),
  );

  typed.put(
    "/api/perpetrators/:id/unit",
    {
      schema: {
        tags,
        summary: "Record the unit an alleged perpetrator served in at the time of the incident (null: unknown)",
        params,
        body: perpetratorUnitBody,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await setPerpetratorUnit(services, staffOf(request), request.params.id, request.body.contingentId);
      return reply.status(204).send(null);
    },
  );

  typed.get(
    "/api/cases/:id/command",
    {
      schema: {
        tags,
        summary: "Each alleged perpetrator's unit and its commander on the day of the incident",
        params,
        response: { 200: caseCommandSchema },
      },
    },
    async (request) => caseCommand(services, staffOf(request), request.params.id),
  );

  typed.put(
    "/api/cases/:id/units/:unitId/duties",
    {
      schema: {
        tags,
        summary:
          "Record what a unit's leaders did on the case: reported it, took interim measures, preserved evidence, cooperated",
        params: z.strictObject({ id: z.uuid(), unitId: z.uuid() }),
        body: commandDutiesBody,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await recordDuties(services, staffOf(request), request.params.id, request.params.unitId, request.body);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    "/api/cases/:id/units/:unitId/leader-allegations",
    {
      schema: {
        tags,
        summary:
          "Open an allegation against one of the unit's leaders (failure to report or enforce, obstruction) as a case of its own",
        params: z.strictObject({ id: z.uuid(), unitId: z.uuid() }),
        body: leaderAllegationBody,
        response: { 201: leaderAllegationCreatedSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await allegeAgainstLeader(services, staffOf(request), request.params.id, request.params.unitId, request.body),
        ),
  );
}
