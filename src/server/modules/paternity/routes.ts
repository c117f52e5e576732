// HTTP for paternity and child-support claims: opening one, the State's answer, DNA samples and
// their chain of custody, the outcome, the support order and payments.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { staffOf } from "../../auth/actor.js";
import { addCustodyEvent, addSample, listClaims, openClaim, readClaim, recordPayment, updateClaim } from "./service.js";

import {
  addCustodyEventBody,
  addSampleBody,
  claimSchema,
  idParams,
  listClaimsQuery,
  listClaimsSchema,
  openClaimBody,
  recordPaymentBody,
  updateClaimBody,
} from "../../../domain/contracts/paternity.js";

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
        body: openClaimBody,
        response: { 201: claimSchema },
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
        querystring: listClaimsQuery,
        response: { 200: listClaimsSchema },
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
        response: { 200: claimSchema },
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
        body: updateClaimBody,
        response: { 200: claimSchema },
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
        body: addSampleBody,
        response: { 201: claimSchema },
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
        body: addCustodyEventBody,
        response: { 201: claimSchema },
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
        body: recordPaymentBody,
        response: { 201: claimSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordPayment(services, staffOf(request), request.params.id, request.body)),
  );
}
