// Contracts of victim assistance (pseudonymous records, consent, needs, referrals to services,
// children, the advocate's caseload), shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { immediateNeeds, urgencies } from "../triage.js";
import { unitShareFields } from "./fields.js";
import {
  ageGroups,
  consentGivers,
  consentRecipients,
  referralStatuses,
  revealPurposes,
  serviceTypes,
  updateMeans,
  updateTopics,
  victimSexes,
} from "../victims.js";

const missionCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9-]{2,20}$/);
const shortText = (max: number) => z.string().trim().min(1).max(max);
export const identityBody = z.strictObject({
  name: shortText(200),
  otherNames: shortText(200).nullable().default(null),
  dateOfBirth: z.iso.date().nullable().default(null),
});
const privateFields = {
  identity: identityBody.nullable(),
  contact: shortText(500).nullable(),
  location: shortText(500).nullable(),
  caregiver: shortText(500).nullable(),
};
export const victimSummarySchema = z.object({
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
export type VictimSummary = z.infer<typeof victimSummarySchema>;
export const consentSchema = z.object({
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
export const serviceReferralSchema = z.object({
  id: z.string(),
  victimId: z.string(),
  childId: z.string().nullable(),
  providerId: z.string(),
  serviceType: z.string(),
  status: z.enum(referralStatuses),
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
export const childSchema = z.object({
  id: z.string(),
  code: z.string(),
  sex: z.string(),
  birthYear: z.number().nullable(),
  identityRecorded: z.boolean(),
});
export const providerSchema = z.object({
  id: z.string(),
  missionCode: z.string(),
  name: z.string(),
  serviceTypes: z.array(z.string()),
  location: z.string().nullable(),
  contact: z.string().nullable(),
  active: z.boolean(),
});
export const needsAssessmentSchema = z.object({
  id: z.string(),
  assessedOn: z.string(),
  needs: z.array(z.string()),
  plan: z.string().nullable(),
  reviewOn: z.string().nullable(),
});
export const idParams = z.strictObject({ id: z.uuid() });

export const caseloadSchema = z.object({
  items: z.array(
    victimSummarySchema.extend({
      cases: z.number(),
      openReferrals: z.number(),
      children: z.number(),
      due: z.boolean(),
    }),
  ),
  limit: z.number(),
  offset: z.number(),
  hasMore: z.boolean(),
});
export type Caseload = z.infer<typeof caseloadSchema>;

export const caseloadQuery = z.strictObject({
  mission: missionCode.optional(),
  code: z.string().trim().max(40).optional(),
  dueOnly: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const registerVictimBody = z.strictObject({
  missionCode,
  sex: z.enum(victimSexes),
  ageGroup: z.enum(ageGroups).default("unknown"),
  ageAtIncident: z.number().int().min(0).max(120).nullable().default(null),
  caseId: z.uuid().nullable().default(null),
  identity: privateFields.identity.default(null),
  contact: privateFields.contact.default(null),
  location: privateFields.location.default(null),
  caregiver: privateFields.caregiver.default(null),
});

/** One time the victim was told how things stand. */
export const victimUpdateSchema = z.object({
  id: z.string(),
  informedOn: z.string(),
  means: z.enum(updateMeans),
  topics: z.array(z.enum(updateTopics)),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  note: z.string().nullable(),
  byName: z.string().nullable(),
});
export type VictimUpdate = z.infer<typeof victimUpdateSchema>;

export const recordVictimUpdateBody = z.strictObject({
  informedOn: z.iso.date(),
  means: z.enum(updateMeans),
  topics: z.array(z.enum(updateTopics)).min(1).max(updateTopics.length),
  caseId: z.uuid().nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});

/** The record shared with a unit of another entity, and the consent that allows it. */
export const victimShareSchema = z.object({
  ...unitShareFields,
  consentBy: z.enum(consentGivers),
  consentOn: z.string(),
});
export type VictimShare = z.infer<typeof victimShareSchema>;
/** Every share of a record, oldest first: what sharing and ending a share answer. */
export const victimSharesSchema = z.array(victimShareSchema);

export const shareVictimBody = z.strictObject({
  unitCode: missionCode,
  consentBy: z.enum(consentGivers),
  consentOn: z.iso.date(),
});
export type ShareVictimBody = z.infer<typeof shareVictimBody>;

export const readVictimSchema = victimSummarySchema.extend({
  cases: z.array(z.object({ id: z.string(), reference: z.string(), status: z.string() })),
  consent: consentSchema,
  assessments: z.array(needsAssessmentSchema),
  referrals: z.array(
    serviceReferralSchema.extend({
      providerName: z.string(),
      followUps: z.array(z.object({ id: z.string(), recordedOn: z.string(), note: z.string() })),
    }),
  ),
  children: z.array(childSchema),
  /** Each time the victim was informed, newest first. */
  updates: z.array(victimUpdateSchema),
  /** Units of other entities the record is or was shared with; `own` when the reader's unit keeps it. */
  shares: z.array(victimShareSchema),
  can: z.object({ share: z.boolean() }),
});
export type ReadVictim = z.infer<typeof readVictimSchema>;

export const updateVictimBody = z.strictObject({
  sex: z.enum(victimSexes).optional(),
  ageGroup: z.enum(ageGroups).optional(),
  ageAtIncident: z.number().int().min(0).max(120).nullable().optional(),
  identity: privateFields.identity.optional(),
  contact: privateFields.contact.optional(),
  location: privateFields.location.optional(),
  caregiver: privateFields.caregiver.optional(),
  version: z.number().int().positive(),
});

export const revealVictimSchema = z.object({
  identity: z
    .object({ name: z.string(), otherNames: z.string().nullable(), dateOfBirth: z.string().nullable() })
    .nullable(),
  contact: z.string().nullable(),
  location: z.string().nullable(),
  caregiver: z.string().nullable(),
});
export type RevealVictim = z.infer<typeof revealVictimSchema>;

export const revealVictimBody = z.strictObject({
  reason: z.string().trim().min(10).max(500),
  purpose: z.enum(revealPurposes).default("assistance"),
});

export const recordConsentBody = z.strictObject({
  recipient: z.enum(consentRecipients),
  granted: z.boolean(),
  givenOn: z.iso.date(),
});

export const linkVictimToCaseSchema = z.object({
  cases: z.array(z.object({ id: z.string(), reference: z.string(), status: z.string() })),
});
export type LinkVictimToCase = z.infer<typeof linkVictimToCaseSchema>;

export const linkVictimToCaseBody = z.strictObject({ caseId: z.uuid() });

export const recordAssessmentBody = z.strictObject({
  assessedOn: z.iso.date(),
  needs: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
  plan: z.string().trim().min(1).max(5_000).nullable().default(null),
  reviewOn: z.iso.date().nullable().default(null),
});

export const referToServiceSchema = serviceReferralSchema.extend({ providerName: z.string() });
export type ReferToService = z.infer<typeof referToServiceSchema>;

export const referToServiceBody = z.strictObject({
  providerId: z.uuid(),
  serviceType: z.enum(serviceTypes),
  childId: z.uuid().nullable().default(null),
  proposedOn: z.iso.date(),
  followUpOn: z.iso.date().nullable().default(null),
  shareIdentity: z.boolean().default(false),
});

export const updateReferralBody = z.strictObject({
  status: z.enum(referralStatuses).optional(),
  on: z.iso.date().optional(),
  followUpOn: z.iso.date().nullable().optional(),
  outcome: z.string().trim().min(1).max(2_000).nullable().optional(),
  version: z.number().int().positive(),
});

export const addFollowUpSchema = z.object({
  id: z.string(),
  recordedOn: z.string(),
  note: z.string(),
  nextFollowUpOn: z.string().nullable(),
});
export type AddFollowUp = z.infer<typeof addFollowUpSchema>;

export const addFollowUpBody = z.strictObject({
  note: z.string().trim().min(1).max(5_000),
  recordedOn: z.iso.date(),
  nextFollowUpOn: z.iso.date().nullable().default(null),
});

export const recordChildBody = z.strictObject({
  sex: z.enum(victimSexes),
  birthYear: z.number().int().min(1990).nullable().default(null),
  identity: z
    .strictObject({ name: shortText(200), dateOfBirth: z.iso.date().nullable().default(null) })
    .nullable()
    .default(null),
});

export const caseVictimsSchema = z.object({
  items: z.array(z.object({ code: z.string(), sex: z.string(), ageGroup: z.string() })),
});
export type CaseVictims = z.infer<typeof caseVictimsSchema>;

export const listProvidersSchema = z.object({ items: z.array(providerSchema) });
export type ListProviders = z.infer<typeof listProvidersSchema>;

export const listProvidersQuery = z.strictObject({
  mission: missionCode.optional(),
  serviceType: z.enum(serviceTypes).optional(),
  all: z.enum(["true", "false"]).optional(),
});

export const addProviderBody = z.strictObject({
  missionCode,
  name: shortText(200),
  serviceTypes: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
  location: shortText(200).nullable().default(null),
  contact: shortText(300).nullable().default(null),
});

export const updateProviderBody = z.strictObject({
  name: shortText(200).optional(),
  serviceTypes: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length).optional(),
  location: shortText(200).nullable().optional(),
  contact: shortText(300).nullable().optional(),
  active: z.boolean().optional(),
});

/** A request that victim assistance see a victim now, from a case or a report. */
export const assistanceRequestBody = z.strictObject({
  urgency: z.enum(urgencies),
  needs: z
    .array(z.enum(immediateNeeds))
    .max(immediateNeeds.length)
    .default([])
    .transform((needs) => [...new Set(needs)]),
  note: z.string().trim().max(2_000).nullable().default(null),
});
export type AssistanceRequestBody = z.output<typeof assistanceRequestBody>;
export const assistanceRequestCreatedSchema = z.object({ id: z.string(), notified: z.number() });
export type AssistanceRequestCreated = z.infer<typeof assistanceRequestCreatedSchema>;

export const assistanceRequestSchema = z.object({
  id: z.string(),
  missionCode: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  reportId: z.string().nullable(),
  reportCode: z.string().nullable(),
  urgency: z.enum(urgencies),
  needs: z.array(z.string()),
  note: z.string().nullable(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  takenAt: z.string().nullable(),
  can: z.object({ take: z.boolean() }),
});
export const listAssistanceRequestsSchema = z.object({ items: z.array(assistanceRequestSchema) });
export type ListAssistanceRequests = z.infer<typeof listAssistanceRequestsSchema>;
export const listAssistanceRequestsQuery = z.strictObject({ state: z.enum(["open", "taken"]).default("open") });
export const takeAssistanceRequestSchema = z.object({ taken: z.boolean() });
