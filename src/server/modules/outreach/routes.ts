// HTTP for community outreach and the complaint networks (CBCM) of a mission.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { missionCodeField } from "../../../domain/contracts/fields.js";
import { staffOf } from "../../auth/actor.js";
import { addMember, addNetwork, networksOf, outreachOverview, recordActivity } from "./service.js";

import {
  addMemberBody,
  addNetworkBody,
  networksOfSchema,
  outreachOverviewQuery,
  outreachOverviewSchema,
  recordActivityBody,
} from "../../../domain/contracts/outreach.js";
import { createdSchema } from "../../../domain/contracts/fields.js";

const tags = ["prevention"];

export function registerOutreachRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/outreach/:missionCode",
    {
      schema: {
        tags,
        summary: "A mission's outreach activities, with the people reached by group and the topics covered",
        params: z.strictObject({ missionCode: missionCodeField }),
        querystring: outreachOverviewQuery,
        response: {
          200: outreachOverviewSchema,
        },
      },
    },
    async (request) => outreachOverview(services, staffOf(request), request.params.missionCode, request.query.since),
  );

  typed.post(
    "/api/outreach",
    {
      schema: {
        tags,
        summary: "Record an outreach activity: place, community, people reached by group, language, topics, materials",
        body: recordActivityBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordActivity(services, staffOf(request), request.body)),
  );

  typed.get(
    "/api/cbcm-networks/:missionCode",
    {
      schema: {
        tags,
        summary: "A mission's complaint networks, their members and the reports each member with an account submitted",
        params: z.strictObject({ missionCode: missionCodeField }),
        response: {
          200: networksOfSchema,
        },
      },
    },
    async (request) => networksOf(services, staffOf(request), request.params.missionCode),
  );

  typed.post(
    "/api/cbcm-networks",
    {
      schema: {
        tags,
        summary: "Record a community-based complaint network: its area, languages and channels",
        body: addNetworkBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addNetwork(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/cbcm-networks/:id/members",
    {
      schema: {
        tags,
        summary: "Add a focal point or organisation to a network, linked to its account when it has one",
        params: z.strictObject({ id: z.uuid() }),
        body: addMemberBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(services, staffOf(request), request.params.id, request.body)),
  );
}
