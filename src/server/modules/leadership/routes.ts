// HTTP for leadership commitments: the plans in scope with the mission's figures, drafting a plan and
// its items, tracking an item, and the head of mission's certification.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createdSchema, noContentSchema } from "../../../domain/contracts/fields.js";
import {
  certifyBody,
  commitmentBody,
  commitmentStatusBody,
  leadershipPlanBody,
  leadershipQuery,
  leadershipSchema,
} from "../../../domain/contracts/leadership.js";
import { staffOf } from "../../auth/actor.js";
import { addCommitment, certifyPlan, createPlan, leadership, setCommitmentStatus } from "./service.js";

const tags = ["prevention"];
const params = z.strictObject({ id: z.uuid() });

export function registerLeadershipRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/leadership",
    {
      schema: {
        tags,
        summary:
          "The mission leaders' yearly commitments on SEA with their items, and the mission's figures beside them",
        querystring: leadershipQuery,
        response: { 200: leadershipSchema },
      },
    },
    async (request) =>
      leadership(services, staffOf(request), { missionCode: request.query.mission, year: request.query.year }),
  );

  typed.post(
    "/api/leadership/plans",
    {
      schema: {
        tags,
        summary: "Draft a leader's yearly plan (head of mission, force commander, police commissioner)",
        body: leadershipPlanBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/leadership/plans/:id/commitments",
    {
      schema: {
        tags,
        summary: "Add an item to a plan not yet certified: what, who owns it, by when",
        params,
        body: commitmentBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCommitment(services, staffOf(request), request.params.id, request.body)),
  );

  typed.put(
    "/api/leadership/commitments/:id/status",
    {
      schema: {
        tags,
        summary: "Track an item: planned, in progress, done (with the day) or dropped",
        params,
        body: commitmentStatusBody,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await setCommitmentStatus(services, staffOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    "/api/leadership/plans/:id/certify",
    {
      schema: {
        tags,
        summary: "The head of mission certifies the plan as read (its version)",
        params,
        body: certifyBody,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await certifyPlan(services, staffOf(request), request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  );
}
