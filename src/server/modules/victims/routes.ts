// HTTP for victim assistance: the caseload, the victim record, consentSchema, identityBody reveal, needs and
// plans, referrals to service providers and their follow-up, children, and the providers' directory.
import { revealPendingSchema } from "../../../domain/contracts/reveals.js";
import { unitShareParams } from "../../../domain/contracts/fields.js";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { staffOf } from "../../auth/actor.js";
import { z } from "zod";
import {
  assistanceRequestBody,
  assistanceRequestCreatedSchema,
  listAssistanceRequestsQuery,
  listAssistanceRequestsSchema,
  takeAssistanceRequestSchema,
} from "../../../domain/contracts/victims.js";
import { listAssistanceRequests, requestAssistance, takeAssistanceRequest } from "./requests.js";
import { endVictimShare, shareVictim } from "./shares.js";
import {
  addFollowUp,
  addProvider,
  listProviders,
  recordAssessment,
  recordVictimUpdate,
  recordChild,
  referToService,
  updateProvider,
  updateReferral,
} from "./assistance.js";
import {
  caseload,
  caseVictims,
  linkVictimToCase,
  readVictim,
  recordConsent,
  registerVictim,
  revealVictim,
  updateVictim,
} from "./records.js";

import {
  shareVictimBody,
  victimSharesSchema,
  addFollowUpBody,
  addFollowUpSchema,
  addProviderBody,
  needsAssessmentSchema,
  victimUpdateSchema,
  caseVictimsSchema,
  caseloadQuery,
  caseloadSchema,
  childSchema,
  consentSchema,
  idParams,
  linkVictimToCaseBody,
  linkVictimToCaseSchema,
  listProvidersQuery,
  listProvidersSchema,
  providerSchema,
  readVictimSchema,
  recordAssessmentBody,
  recordVictimUpdateBody,
  recordChildBody,
  recordConsentBody,
  referToServiceBody,
  referToServiceSchema,
  serviceReferralSchema,
  registerVictimBody,
  revealVictimBody,
  revealVictimSchema,
  victimSummarySchema,
  updateProviderBody,
  updateReferralBody,
  updateVictimBody,
} from "../../../domain/contracts/victims.js";

const tags = ["victim assistance"];

export function registerVictimRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/victims",
    {
      schema: {
        tags,
        summary: "The advocate's caseload in their missions, what is due first",
        querystring: caseloadQuery,
        response: {
          200: caseloadSchema,
        },
      },
    },
    async (request) => caseload(services, staffOf(request), request.query),
  );

  typed.post(
    "/api/victims",
    {
      schema: {
        tags,
        summary:
          "Register a victim (pseudonymous code; identity, contact, location and caregiver encrypted), with or without a case",
        body: registerVictimBody,
        response: { 201: victimSummarySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await registerVictim(services, staffOf(request), request.body)),
  );

  typed.get(
    "/api/victims/:id",
    {
      schema: {
        tags,
        summary:
          "The victim record on one page: cases, consent, assessments, referrals and children (identity only by reveal); audited",
        params: idParams,
        response: {
          200: readVictimSchema,
        },
      },
    },
    async (request) => readVictim(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/victims/:id/shares",
    {
      schema: {
        tags,
        summary:
          "Share the record with a unit of another entity, on the victim's (or a child's caregiver's) consent; audited",
        params: idParams,
        body: shareVictimBody,
        response: { 201: victimSharesSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await shareVictim(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/victims/:id/shares/:shareId/end",
    {
      schema: {
        tags,
        summary: "End a share: the other entity's unit no longer works on the record; audited",
        params: unitShareParams,
        response: { 200: victimSharesSchema },
      },
    },
    async (request) => endVictimShare(services, staffOf(request), request.params.id, request.params.shareId),
  );

  typed.patch(
    "/api/victims/:id",
    {
      schema: {
        tags,
        summary: "Correct the record (sex, age, identity, contact, location, caregiver); 409 on a stale version",
        params: idParams,
        body: updateVictimBody,
        response: { 200: victimSummarySchema },
      },
    },
    async (request) => updateVictim(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/victims/:id/identity",
    {
      schema: {
        tags,
        summary:
          "Reveal identity, contact, location and caregiver, with a reason; passing them on needs the victim's consent; audited",
        params: idParams,
        body: revealVictimBody,
        response: {
          200: revealVictimSchema,
          202: revealPendingSchema,
        },
      },
    },
    async (request, reply) => {
      const answer = await revealVictim(services, staffOf(request), request.params.id, request.body);
      // Waiting for an identity custodian's approval: the request is filed, nothing is revealed.
      return "approval" in answer ? reply.status(202).send(answer) : answer;
    },
  );

  typed.post(
    "/api/victims/:id/consents",
    {
      schema: {
        tags,
        summary:
          "Record what the victim agreed may be shared, and with whom (the latest entry per recipient is in force)",
        params: idParams,
        body: recordConsentBody,
        response: { 201: consentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConsent(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/victims/:id/cases",
    {
      schema: {
        tags,
        summary: "Link the victim to a case of their mission",
        params: idParams,
        body: linkVictimToCaseBody,
        response: {
          200: linkVictimToCaseSchema,
        },
      },
    },
    async (request) => linkVictimToCase(services, staffOf(request), request.params.id, request.body.caseId),
  );

  typed.post(
    "/api/victims/:id/updates",
    {
      schema: {
        tags,
        summary: "Record a time the victim was informed of progress: when, how, about what, on which case",
        params: idParams,
        body: recordVictimUpdateBody,
        response: { 201: victimUpdateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordVictimUpdate(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/victims/:id/assessments",
    {
      schema: {
        tags,
        summary: "Record a needs assessment and the assistance plan drawn from it",
        params: idParams,
        body: recordAssessmentBody,
        response: { 201: needsAssessmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordAssessment(services, staffOf(request), request.params.id, {
          ...request.body,
          needs: [...new Set(request.body.needs)],
        }),
      ),
  );

  typed.post(
    "/api/victims/:id/referrals",
    {
      schema: {
        tags,
        summary:
          "Refer the victim (or their child) to a service provider; sharing their identity needs consent; with no follow-up date, it falls two weeks after the proposal",
        params: idParams,
        body: referToServiceBody,
        response: { 201: referToServiceSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await referToService(services, staffOf(request), request.params.id, request.body)),
  );

  typed.patch(
    "/api/assistance-referrals/:id",
    {
      schema: {
        tags,
        summary:
          "Move a referral on (accepted, delivered, declined, closed), set its follow-up date or outcome; 422 names the allowed steps",
        params: idParams,
        body: updateReferralBody,
        response: { 200: serviceReferralSchema },
      },
    },
    async (request) => updateReferral(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/assistance-referrals/:id/follow-ups",
    {
      schema: {
        tags,
        summary: "Record a follow-up on a referral (kept encrypted) and when to follow up next",
        params: idParams,
        body: addFollowUpBody,
        response: {
          201: addFollowUpSchema,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addFollowUp(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/victims/:id/children",
    {
      schema: {
        tags,
        summary: "Record a child born as a result of SEA with the mother's or caregiver's record",
        params: idParams,
        body: recordChildBody,
        response: { 201: childSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordChild(services, staffOf(request), request.params.id, request.body)),
  );

  typed.get(
    "/api/cases/:id/victims",
    {
      schema: {
        tags,
        summary:
          "That victims exist on a case (code, sex, age group), for its officers, investigators and advocates; never who they are",
        params: idParams,
        response: {
          200: caseVictimsSchema,
        },
      },
    },
    async (request) => caseVictims(services, staffOf(request), request.params.id),
  );

  typed.get(
    "/api/service-providers",
    {
      schema: {
        tags,
        summary: "The directory of service providers, by mission and service",
        querystring: listProvidersQuery,
        response: { 200: listProvidersSchema },
      },
    },
    async (request) => listProviders(services, staffOf(request), request.query),
  );

  typed.post(
    "/api/service-providers",
    {
      schema: {
        tags,
        summary: "Add a service provider to the mission's directory",
        body: addProviderBody,
        response: { 201: providerSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addProvider(services, staffOf(request), {
          ...request.body,
          serviceTypes: [...new Set(request.body.serviceTypes)],
        }),
      ),
  );

  typed.patch(
    "/api/service-providers/:id",
    {
      schema: {
        tags,
        summary: "Correct a provider's entry or take it out of use (its past referrals keep naming it)",
        params: idParams,
        body: updateProviderBody,
        response: { 200: providerSchema },
      },
    },
    async (request) =>
      updateProvider(
        services,
        staffOf(request),
        request.params.id,
        request.body.serviceTypes
          ? { ...request.body, serviceTypes: [...new Set(request.body.serviceTypes)] }
          : request.body,
      ),
  );

  const requestRoute = (source: "case" | "report") =>
    typed.post(
      `/api/${source}s/:id/assistance-requests`,
      {
        schema: {
          tags: ["victims"],
          summary: `Send the victim of this ${source} to the mission's victim assistance, with urgency and needs; the advocates are notified`,
          params: z.strictObject({ id: z.uuid() }),
          body: assistanceRequestBody,
          response: { 201: assistanceRequestCreatedSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await requestAssistance(
              services,
              staffOf(request),
              source === "case" ? { caseId: request.params.id } : { reportId: request.params.id },
              request.body,
            ),
          ),
    );
  requestRoute("case");
  requestRoute("report");

  typed.get(
    "/api/assistance-requests",
    {
      schema: {
        tags: ["victims"],
        summary:
          "Requests to victim assistance in the caller's missions: open ones most urgent first, or those taken up",
        querystring: listAssistanceRequestsQuery,
        response: { 200: listAssistanceRequestsSchema },
      },
    },
    async (request) => listAssistanceRequests(services, staffOf(request), request.query.state),
  );

  typed.post(
    "/api/assistance-requests/:id/take",
    {
      schema: {
        tags: ["victims"],
        summary: "An advocate takes a request up; 409 when another already has",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: takeAssistanceRequestSchema },
      },
    },
    async (request) => takeAssistanceRequest(services, staffOf(request), request.params.id),
  );
}
