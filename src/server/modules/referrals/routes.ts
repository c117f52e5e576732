// HTTP for referrals and the Member State's replies.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../auth/actor.js";
import { listCaseReferrals, listOverdueReferrals, recordMemberStateReply, referCase } from "./service.js";

import {
  listCaseReferralsSchema,
  listOverdueReferralsSchema,
  recordMemberStateReplyBody,
  referCaseBody,
  referralSchema,
} from "../../../domain/contracts/referrals.js";

export function registerReferralRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/api/cases/:id/referrals",
    {
      schema: {
        tags: ["referrals"],
        summary: "Refer a case for investigation; a State's reply falls due under the deadline policy",
        params: z.strictObject({ id: z.uuid() }),
        body: referCaseBody,
        response: { 201: referralSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await referCase(services, staffOf(request), request.params.id, request.body)),
  );

  typed.get(
    "/api/cases/:id/referrals",
    {
      schema: {
        tags: ["referrals"],
        summary: "A case's referrals the caller may see",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: listCaseReferralsSchema },
      },
    },
    async (request) => listCaseReferrals(services, staffOf(request), request.params.id),
  );

  typed.patch(
    "/api/referrals/:id/reply",
    {
      schema: {
        tags: ["referrals"],
        summary: "The State's reply: whether it investigates, and its National Investigation Officer",
        params: z.strictObject({ id: z.uuid() }),
        body: recordMemberStateReplyBody,
        response: { 200: referralSchema },
      },
    },
    async (request) => recordMemberStateReply(services, staffOf(request), request.params.id, request.body),
  );

  typed.get(
    "/api/referrals/overdue",
    {
      schema: {
        tags: ["referrals"],
        summary: "Referrals awaiting a State's reply past the due date, in the caller's scope",
        response: {
          200: listOverdueReferralsSchema,
        },
      },
    },
    async (request) => listOverdueReferrals(services, staffOf(request)),
  );
}
