// HTTP for paternity and child-support claims: opening one, the State's answer, DNA samples and
// their chain of custody, the outcome, the support order and payments.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { custodyKinds, paternityOutcomes, sampleDonors, supportFrequencies } from "../../../domain/paternity.js";
import { staffOf } from "../../auth/actor.js";
import { addCustodyEvent, addSample, listClaims, openClaim, readClaim, recordPayment, updateClaim } from "./service.js";

const text = (max: number) => z.string().trim().min(1).max(max);
const currency = z.string().regex(/^[A-Z]{3}$/);
const claim = z.object({
  id: z.string(),
  victimId: z.string().nullable(),
  victimCode: z.string(),
  childCode: z.string().nullable(),
  perpetratorCode: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  missionCode: z.string(),
  countryCode: z.string(),
  notifiedOn: z.string(),
  responseDueOn: z.string(),
  responseOverdue: z.boolean(),
  focalPointName: z.string().nullable(),
  focalPointAppointedOn: z.string().nullable(),
  paternity: z.string().nullable(),
  paternityDecidedOn: z.string().nullable(),
  support: z
    .object({
      amount: z.number().nullable(),
      currency: z.string().nullable(),
      frequency: z.string().nullable(),
      authority: z.string().nullable(),
      orderedOn: z.string(),
    })
    .nullable(),
  nextPaymentDue: z.string().nullable(),
  paymentsStopped: z.boolean(),
  closedOn: z.string().nullable(),
  samples: z.array(
    z.object({
      id: z.string(),
      donor: z.string(),
      sampleCode: z.string(),
      events: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          occurredAt: z.string(),
          byWhom: z.string(),
          place: z.string().nullable(),
          kitNumber: z.string().nullable(),
          fromParty: z.string().nullable(),
          toParty: z.string().nullable(),
          result: z.string().nullable(),
        }),
      ),
      flags: z.array(z.object({ eventId: z.string().nullable(), problem: z.string(), kind: z.string() })),
    }),
  ),
  payments: z.array(z.object({ id: z.string(), paidOn: z.string(), amount: z.number(), currency: z.string() })),
  version: z.number(),
});
const idParams = z.strictObject({ id: z.uuid() });
const tags = ["paternity"];

export function registerPaternityRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/api/victims/:id/paternity-claims",
    {
      schema: {
        tags,
        summary:
          "Open a paternity claim for the victim's child against a perpetrator code on her case; needs her consent to share with the State, which is notified",
        params: idParams,
        body: z.strictObject({ childId: z.uuid(), perpetratorId: z.uuid(), notifiedOn: z.iso.date() }),
        response: { 201: claim },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openClaim(services, staffOf(request), request.params.id, request.body)),
  );

  typed.get(
    "/api/paternity-claims",
    {
      schema: {
        tags,
        summary:
          "The claims in the advocate's missions, or those concerning the State's nationals (with the mother's consent)",
        querystring: z.strictObject({ victimId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(claim) }) },
      },
    },
    async (request) => listClaims(services, staffOf(request), request.query.victimId),
  );

  typed.get(
    "/api/paternity-claims/:id",
    {
      schema: {
        tags,
        summary: "A claim with its DNA chain of custody (gaps and disorder flagged), outcome and payments; audited",
        params: idParams,
        response: { 200: claim },
      },
    },
    async (request) => readClaim(services, staffOf(request), request.params.id),
  );

  typed.patch(
    "/api/paternity-claims/:id",
    {
      schema: {
        tags,
        summary:
          "Record the State's paternity focal point, the outcome, the child-support order or the closure; 409 on a stale version",
        params: idParams,
        body: z.strictObject({
          focalPointName: text(200).nullable().optional(),
          focalPointAppointedOn: z.iso.date().nullable().optional(),
          paternity: z.enum(paternityOutcomes).nullable().optional(),
          paternityDecidedOn: z.iso.date().nullable().optional(),
          support: z
            .strictObject({
              amount: z.number().int().positive().max(100_000_000),
              currency,
              frequency: z.enum(supportFrequencies),
              authority: text(300),
              orderedOn: z.iso.date(),
            })
            .nullable()
            .optional(),
          closedOn: z.iso.date().nullable().optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: claim },
      },
    },
    async (request) => updateClaim(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/paternity-claims/:id/samples",
    {
      schema: {
        tags,
        summary: "Register a DNA sample (mother, child or alleged father) by its identifier",
        params: idParams,
        body: z.strictObject({ donor: z.enum(sampleDonors), sampleCode: text(60) }),
        response: { 201: claim },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addSample(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/dna-samples/:id/events",
    {
      schema: {
        tags,
        summary:
          "Add a step to a sample's chain of custody: collected, sealed, transferred, received by laboratory, analysed, result",
        params: idParams,
        body: z.strictObject({
          kind: z.enum(custodyKinds),
          occurredAt: z.iso.datetime({ offset: true }),
          byWhom: text(200),
          place: text(200).nullable().default(null),
          kitNumber: text(60).nullable().default(null),
          fromParty: text(200).nullable().default(null),
          toParty: text(200).nullable().default(null),
          result: text(500).nullable().default(null),
        }),
        response: { 201: claim },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCustodyEvent(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/paternity-claims/:id/payments",
    {
      schema: {
        tags,
        summary: "Record a child-support payment",
        params: idParams,
        body: z.strictObject({ paidOn: z.iso.date(), amount: z.number().int().positive().max(100_000_000), currency }),
        response: { 201: claim },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordPayment(services, staffOf(request), request.params.id, request.body)),
  );
}
