// HTTP for after-action reviews: the lessons searchable across missions, a review with (for its own
// mission) what happened, the cases and the follow-up actions.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { reviewBody, reviewListQuery, reviewListSchema, reviewSchema } from "../../../domain/contracts/after-action.js";
import { createdSchema } from "../../../domain/contracts/fields.js";
import { completionBody, followUpBody, followUpSchema } from "../../../domain/contracts/follow-ups.js";
import { staffOf } from "../../auth/actor.js";
import { addFollowUp, completeFollowUp, listReviews, recordReview, reviewDetail } from "./service.js";

const tags = ["prevention"];

export function registerAfterActionRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/after-action-reviews",
    {
      schema: {
        tags,
        summary: "Reviews' lessons across missions, newest first, or matching the words searched",
        querystring: reviewListQuery,
        response: { 200: reviewListSchema },
      },
    },
    async (request) => listReviews(services, staffOf(request), request.query),
  );

  typed.post(
    "/api/after-action-reviews",
    {
      schema: {
        tags,
        summary: "Record an after-action review of one or more of the mission's cases, with its follow-up actions",
        body: reviewBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordReview(services, staffOf(request), request.body)),
  );

  typed.get(
    "/api/after-action-reviews/:id",
    {
      schema: {
        tags,
        summary:
          "A review: its lessons, and for its own mission what happened (audited), the cases and the follow-up actions",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: reviewSchema },
      },
    },
    async (request) => reviewDetail(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/after-action-reviews/:id/actions",
    {
      schema: {
        tags,
        summary: "Add a follow-up action to a review",
        params: z.strictObject({ id: z.uuid() }),
        body: followUpBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addFollowUp(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/after-action-actions/:id/completion",
    {
      schema: {
        tags,
        summary: "Record a follow-up action as done; 409 with the current one when the version is stale",
        params: z.strictObject({ id: z.uuid() }),
        body: completionBody,
        response: { 200: followUpSchema },
      },
    },
    async (request) => completeFollowUp(services, staffOf(request), request.params.id, request.body),
  );
}
