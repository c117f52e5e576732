// Contracts of the enforcement record (alleged perpetrators, investigations and their clock,
// findings, actions), shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { actionKinds, actionStages, actionTakers, findingOutcomes, investigatingEntities } from "../enforcement.js";

/** An alleged perpetrator under a pseudonymous code; the identity itself is revealed on its own. */
export const perpetratorSchema = z.object({
  id: z.string(),
  code: z.string(),
  categoryCode: z.string(),
  nationalityCode: z.string().nullable(),
  unit: z.string().nullable(),
  identityRecorded: z.boolean(),
  can: z.object({ revealIdentity: z.boolean() }),
});

export const investigationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  entity: z.string(),
  countryCode: z.string().nullable(),
  investigators: z.string().nullable(),
  startedOn: z.string(),
  dueOn: z.string(),
  deadlineKind: z.string(),
  policyVersion: z.string(),
  completedOn: z.string().nullable(),
  reportReceivedOn: z.string().nullable(),
  durationDays: z.number(),
  daysOverdue: z.number(),
  version: z.number(),
  can: z.object({ work: z.boolean(), extend: z.boolean() }),
});
export type Investigation = z.infer<typeof investigationSchema>;

/** An investigation as the case's enforcement record shows it: with progress, extensions and findings. */
export const investigationRecordSchema = investigationSchema.extend({
  updates: z.array(z.object({ note: z.string(), at: z.string(), authorName: z.string().nullable() })),
  extensions: z.array(
    z.object({ previousDueOn: z.string(), newDueOn: z.string(), days: z.number(), reason: z.string() }),
  ),
  findings: z.array(z.object({ perpetratorId: z.string(), finding: z.string(), recordedOn: z.string() })),
});

export const extensionBody = z.strictObject({
  days: z.number().int().min(1).max(365),
  reason: z.string().trim().min(5).max(1_000),
});
export const extendedSchema = z.object({ previousDueOn: z.string(), dueOn: z.string() });

export const openInvestigationBody = z.strictObject({
  entity: z.enum(investigatingEntities),
  countryCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  investigators: z.string().trim().max(500).nullable().default(null),
  startedOn: z.iso.date(),
});

export const updateInvestigationBody = z.strictObject({
  investigators: z.string().trim().max(500).nullable().optional(),
  completedOn: z.iso.date().nullable().optional(),
  reportReceivedOn: z.iso.date().nullable().optional(),
  version: z.number().int().positive(),
});

export const addInvestigationUpdateBody = z.strictObject({ note: z.string().trim().min(1).max(5_000) });

export const recordFindingSchema = z.object({
  investigationId: z.string(),
  perpetratorId: z.string(),
  finding: z.string(),
  recordedOn: z.string(),
});
export type RecordFinding = z.infer<typeof recordFindingSchema>;

export const recordFindingBody = z.strictObject({ finding: z.enum(findingOutcomes), recordedOn: z.iso.date() });

export const actionSchema = z.object({
  id: z.string(),
  perpetratorId: z.string(),
  stage: z.string(),
  takenBy: z.string(),
  kind: z.string(),
  decidedOn: z.string(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  months: z.number().nullable(),
  details: z.string().nullable(),
});

export const recordActionBody = z.strictObject({
  perpetratorId: z.uuid(),
  stage: z.enum(actionStages),
  takenBy: z.enum(actionTakers),
  kind: z.enum(actionKinds),
  decidedOn: z.iso.date(),
  amount: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  months: z.number().int().min(1).max(1_200).nullable().default(null),
  details: z.string().trim().max(2_000).nullable().default(null),
});

export const enforcementRecordSchema = z.object({
  perpetrators: z.array(perpetratorSchema),
  investigations: z.array(investigationRecordSchema),
  actions: z.array(actionSchema),
  can: z.object({ addPerpetrator: z.boolean(), openInvestigation: z.boolean(), recordAction: z.boolean() }),
});
export type EnforcementRecord = z.infer<typeof enforcementRecordSchema>;
