// HTTP for after-action reviews: the lessons searchable across missions, a review with (for its own
// mission) what happened, the cases and the follow-up actions.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { contributingFactorKinds } from "../../../domain/after-action.js";
import { staffOf } from "../../auth/actor.js";
import { completionBody, followUpBody, followUpResponse } from "../../follow-ups.js";
import { addFollowUp, completeFollowUp, listReviews, recordReview, reviewDetail } from "./service.js";

const tags = ["prevention"];
const followUpInput = z.strictObject(followUpBody);
const lessons = {
  id: z.string(),
  missionCode: z.string(),
  title: z.string(),
  heldOn: z.string(),
  contributingFactors: z.array(z.string()),
  lessons: z.string(),
};

export function registerAfterActionRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/after-action-reviews",
    {
      schema: {
        tags,
        summary: "Reviews' lessons across missions, newest first, or matching the words searched",
        querystring: z.strictObject({
          q: z.string().trim().min(2).max(200).optional(),
          mission: z
            .string()
            .regex(/^[A-Z0-9-]{2,20}$/)
            .optional(),
          factor: z.enum(contributingFactorKinds).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(z.object({ ...lessons, ownMission: z.boolean() })),
            can: z.object({ record: z.boolean() }),
          }),
        },
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
        body: z.strictObject({
          missionCode: z.string().regex(/^[A-Z0-9-]{2,20}$/),
          title: z.string().trim().min(3).max(300),
          heldOn: z.iso.date(),
          caseIds: z
            .array(z.uuid())
            .max(20)
            .default([])
            .transform((ids) => [...new Set(ids)]),
          whatHappened: z.string().trim().min(10).max(20_000),
          contributingFactors: z
            .array(z.enum(contributingFactorKinds))
            .min(1)
            .max(contributingFactorKinds.length)
            .transform((kinds) => [...new Set(kinds)]),
          whatWorked: z.string().trim().max(10_000).nullable().default(null),
          lessons: z.string().trim().min(10).max(10_000),
          actions: z.array(followUpInput).max(30).default([]),
        }),
        response: { 201: z.object({ id: z.string() }) },
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
        response: {
          200: z.object({
            ...lessons,
            whatWorked: z.string().nullable(),
            confidential: z
              .object({
                whatHappened: z.string(),
                cases: z.array(z.object({ id: z.string(), reference: z.string() })),
                actions: z.array(followUpResponse),
              })
              .nullable(),
          }),
        },
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
        body: followUpInput,
        response: { 201: z.object({ id: z.string() }) },
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
        response: { 200: followUpResponse },
      },
    },
    async (request) => completeFollowUp(services, staffOf(request), request.params.id, request.body),
  );
}
