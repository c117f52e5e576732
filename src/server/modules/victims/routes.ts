// HTTP for victim assistance: the caseload, the victim record, consent, identity reveal, needs and
// plans, referrals to service providers and their follow-up, children, and the providers' directory.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ageGroups,
  consentRecipients,
  referralStatuses,
  revealPurposes,
  serviceTypes,
  victimSexes,
} from "../../../domain/victims.js";
import { staffOf } from "../../auth/actor.js";
import {
  addFollowUp,
  addProvider,
  listProviders,
  recordAssessment,
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

const missionCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9-]{2,20}$/);
const shortText = (max: number) => z.string().trim().min(1).max(max);
const identity = z.strictObject({
  name: shortText(200),
  otherNames: shortText(200).nullable().default(null),
  dateOfBirth: z.iso.date().nullable().default(null),
});
const privateFields = {
  identity: identity.nullable(),
  contact: shortText(500).nullable(),
  location: shortText(500).nullable(),
  caregiver: shortText(500).nullable(),
};
const summary = z.object({
  id: z.string(),
  code: z.string(),
  missionCode: z.string(),
  sex: z.string(),
  ageGroup: z.string(),
  ageAtIncident: z.number().nullable(),
  recorded: z.object({ identity: z.boolean(), contact: z.boolean(), location: z.boolean(), caregiver: z.boolean() }),
  nextActionOn: z.string().nullable(),
  version: z.number(),
});
const consent = z.object({
  inForce: z.record(z.string(), z.boolean()),
  history: z.array(
    z.object({
      recipient: z.string(),
      granted: z.boolean(),
      givenOn: z.string(),
      recordedAt: z.string(),
      recordedByName: z.string().nullable(),
    }),
  ),
});
const referral = z.object({
  id: z.string(),
  victimId: z.string(),
  childId: z.string().nullable(),
  providerId: z.string(),
  serviceType: z.string(),
  status: z.string(),
  proposedOn: z.string(),
  acceptedOn: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  declinedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  followUpOn: z.string().nullable(),
  outcome: z.string().nullable(),
  identityShared: z.boolean(),
  needsAction: z.boolean(),
  version: z.number(),
});
const child = z.object({
  id: z.string(),
  code: z.string(),
  sex: z.string(),
  birthYear: z.number().nullable(),
  identityRecorded: z.boolean(),
});
const provider = z.object({
  id: z.string(),
  missionCode: z.string(),
  name: z.string(),
  serviceTypes: z.array(z.string()),
  location: z.string().nullable(),
  contact: z.string().nullable(),
  active: z.boolean(),
});
const assessment = z.object({
  id: z.string(),
  assessedOn: z.string(),
  needs: z.array(z.string()),
  plan: z.string().nullable(),
  reviewOn: z.string().nullable(),
});
const idParams = z.strictObject({ id: z.uuid() });
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
        querystring: z.strictObject({
          mission: missionCode.optional(),
          code: z.string().trim().max(40).optional(),
          dueOnly: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(
              summary.extend({ cases: z.number(), openReferrals: z.number(), children: z.number(), due: z.boolean() }),
            ),
            limit: z.number(),
            offset: z.number(),
            hasMore: z.boolean(),
          }),
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
        body: z.strictObject({
          missionCode,
          sex: z.enum(victimSexes),
          ageGroup: z.enum(ageGroups).default("unknown"),
          ageAtIncident: z.number().int().min(0).max(120).nullable().default(null),
          caseId: z.uuid().nullable().default(null),
          identity: privateFields.identity.default(null),
          contact: privateFields.contact.default(null),
          location: privateFields.location.default(null),
          caregiver: privateFields.caregiver.default(null),
        }),
        response: { 201: summary },
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
          200: summary.extend({
            cases: z.array(z.object({ id: z.string(), reference: z.string(), status: z.string() })),
            consent,
            assessments: z.array(assessment),
            referrals: z.array(
              referral.extend({
                providerName: z.string(),
                followUps: z.array(z.object({ id: z.string(), recordedOn: z.string(), note: z.string() })),
              }),
            ),
            children: z.array(child),
          }),
        },
      },
    },
    async (request) => readVictim(services, staffOf(request), request.params.id),
  );

  typed.patch(
    "/api/victims/:id",
    {
      schema: {
        tags,
        summary: "Correct the record (sex, age, identity, contact, location, caregiver); 409 on a stale version",
        params: idParams,
        body: z.strictObject({
          sex: z.enum(victimSexes).optional(),
          ageGroup: z.enum(ageGroups).optional(),
          ageAtIncident: z.number().int().min(0).max(120).nullable().optional(),
          identity: privateFields.identity.optional(),
          contact: privateFields.contact.optional(),
          location: privateFields.location.optional(),
          caregiver: privateFields.caregiver.optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: summary },
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
        body: z.strictObject({
          reason: z.string().trim().min(10).max(500),
          purpose: z.enum(revealPurposes).default("assistance"),
        }),
        response: {
          200: z.object({
            identity: z
              .object({ name: z.string(), otherNames: z.string().nullable(), dateOfBirth: z.string().nullable() })
              .nullable(),
            contact: z.string().nullable(),
            location: z.string().nullable(),
            caregiver: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => revealVictim(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/victims/:id/consents",
    {
      schema: {
        tags,
        summary:
          "Record what the victim agreed may be shared, and with whom (the latest entry per recipient is in force)",
        params: idParams,
        body: z.strictObject({ recipient: z.enum(consentRecipients), granted: z.boolean(), givenOn: z.iso.date() }),
        response: { 201: consent },
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
        body: z.strictObject({ caseId: z.uuid() }),
        response: {
          200: z.object({ cases: z.array(z.object({ id: z.string(), reference: z.string(), status: z.string() })) }),
        },
      },
    },
    async (request) => linkVictimToCase(services, staffOf(request), request.params.id, request.body.caseId),
  );

  typed.post(
    "/api/victims/:id/assessments",
    {
      schema: {
        tags,
        summary: "Record a needs assessment and the assistance plan drawn from it",
        params: idParams,
        body: z.strictObject({
          assessedOn: z.iso.date(),
          needs: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
          plan: z.string().trim().min(1).max(5_000).nullable().default(null),
          reviewOn: z.iso.date().nullable().default(null),
        }),
        response: { 201: assessment },
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
        body: z.strictObject({
          providerId: z.uuid(),
          serviceType: z.enum(serviceTypes),
          childId: z.uuid().nullable().default(null),
          proposedOn: z.iso.date(),
          followUpOn: z.iso.date().nullable().default(null),
          shareIdentity: z.boolean().default(false),
        }),
        response: { 201: referral.extend({ providerName: z.string() }) },
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
        body: z.strictObject({
          status: z.enum(referralStatuses).optional(),
          on: z.iso.date().optional(),
          followUpOn: z.iso.date().nullable().optional(),
          outcome: z.string().trim().min(1).max(2_000).nullable().optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: referral },
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
        body: z.strictObject({
          note: z.string().trim().min(1).max(5_000),
          recordedOn: z.iso.date(),
          nextFollowUpOn: z.iso.date().nullable().default(null),
        }),
        response: {
          201: z.object({
            id: z.string(),
            recordedOn: z.string(),
            note: z.string(),
            nextFollowUpOn: z.string().nullable(),
          }),
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
        body: z.strictObject({
          sex: z.enum(victimSexes),
          birthYear: z.number().int().min(1990).nullable().default(null),
          identity: z
            .strictObject({ name: shortText(200), dateOfBirth: z.iso.date().nullable().default(null) })
            .nullable()
            .default(null),
        }),
        response: { 201: child },
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
          200: z.object({ items: z.array(z.object({ code: z.string(), sex: z.string(), ageGroup: z.string() })) }),
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
        querystring: z.strictObject({
          mission: missionCode.optional(),
          serviceType: z.enum(serviceTypes).optional(),
          all: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.object({ items: z.array(provider) }) },
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
        body: z.strictObject({
          missionCode,
          name: shortText(200),
          serviceTypes: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
          location: shortText(200).nullable().default(null),
          contact: shortText(300).nullable().default(null),
        }),
        response: { 201: provider },
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
        body: z.strictObject({
          name: shortText(200).optional(),
          serviceTypes: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length).optional(),
          location: shortText(200).nullable().optional(),
          contact: shortText(300).nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: provider },
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
}
