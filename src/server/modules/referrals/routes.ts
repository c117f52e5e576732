// HTTP for referrals and the Member State's replies.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { memberStateReplies, referralEntities } from "../../../domain/referrals.js";
import { staffOf } from "../../auth/actor.js";
import { listCaseReferrals, listOverdueReferrals, recordMemberStateReply, referCase } from "./service.js";

const referral = z.object({
  id: z.string(),
  caseId: z.string(),
  entity: z.string(),
  countryCode: z.string().nullable(),
  noteVerbaleReference: z.string().nullable(),
  sentOn: z.string(),
  replyDueOn: z.string().nullable(),
  policyVersion: z.string().nullable(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  nioName: z.string().nullable(),
  nioAppointedOn: z.string().nullable(),
  daysOverdue: z.number(),
  version: z.number(),
  can: z.record(z.string(), z.boolean()),
});

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
        body: z.strictObject({
          entity: z.enum(referralEntities),
          countryCode: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .nullable()
            .default(null),
          noteVerbaleReference: z.string().trim().max(100).nullable().default(null),
          sentOn: z.iso.date(),
          caseVersion: z.number().int().positive(),
        }),
        response: { 201: referral },
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
        response: { 200: z.object({ items: z.array(referral) }) },
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
        body: z.strictObject({
          reply: z.enum(memberStateReplies),
          repliedOn: z.iso.date(),
          nioName: z.string().trim().max(200).nullable().default(null),
          nioAppointedOn: z.iso.date().nullable().default(null),
          version: z.number().int().positive(),
        }),
        response: { 200: referral },
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
          200: z.object({ items: z.array(referral.extend({ reference: z.string(), missionCode: z.string() })) }),
        },
      },
    },
    async (request) => listOverdueReferrals(services, staffOf(request)),
  );
}
