// What the API takes for cases: the case's data fields, the case-list filters (also the shape of a
// saved filter), shared by the server and the web app.
import { z } from "zod";
import { type CaseTransition, caseStatuses, caseTransitions, recordedSteps, type StepRecord } from "../workflow.js";

const count = z.number().int().min(0).max(10_000);
const code = (pattern: RegExp) => z.array(z.string().regex(pattern)).max(20);

export const victimCountsSchema = z.strictObject({
  women: count,
  girls: count,
  boys: count,
  men: count,
  unknown: count,
});

export const caseUpdateBody = z.strictObject({
  dateOfIncident: z.iso.date().nullable().optional(),
  categoryCodes: code(/^[A-Z_]{2,20}$/).optional(),
  nationalityCodes: code(/^[A-Z]{3}$/).optional(),
  allegationCodes: code(/^[A-Z_]{2,40}$/).optional(),
  victims: victimCountsSchema.optional(),
  paternityClaim: z.boolean().optional(),
  urgent: z.boolean().optional(),
  childrenInvolved: z.enum(["yes", "no", "unknown"]).optional(),
  place: z.string().trim().max(500).nullable().optional(),
  riskLocation: z.string().trim().max(200).nullable().optional(),
  narrative: z.string().trim().max(50_000).nullable().optional(),
  narrativeConfidential: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type CaseUpdate = z.infer<typeof caseUpdateBody>;

export const caseSortFields = ["dateReported", "reference", "status"] as const;

/** Case-list filters: the query string of the list, of its export, and what a saved filter keeps. */
export const caseFilterSchema = z.strictObject({
  mission: z
    .string()
    .regex(/^[A-Z0-9-]{2,20}$/)
    .optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(caseStatuses).optional(),
  category: z
    .string()
    .regex(/^[A-Z_]{2,20}$/)
    .optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  type: z
    .string()
    .regex(/^[A-Z_]{2,40}$/)
    .optional(),
  overdue: z.enum(["true", "false"]).optional(),
  assignedToMe: z.enum(["true", "false"]).optional(),
  published: z.enum(["true", "false"]).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(caseSortFields).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

/** Folds text for search the same way on both sides: lower case, accents removed (é → e). */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A search that is a case number (MONUSCO-2026-0042, or its start) looks the number up instead. */
export const looksLikeCaseReference = (text: string) => /^[A-Z0-9]{2,20}-\d{4}(-\d{1,6})?$/i.test(text.trim());

export const caseSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  missionCode: z.string(),
  status: z.string(),
  dateReported: z.string(),
  dateOfIncident: z.string().nullable(),
  categoryCodes: z.array(z.string()),
  nationalityCodes: z.array(z.string()),
  allegationCodes: z.array(z.string()),
  victims: z.object({ women: z.number(), girls: z.number(), boys: z.number(), men: z.number(), unknown: z.number() }),
  paternityClaim: z.boolean(),
  childrenInvolved: z.enum(["yes", "no", "unknown"]),
  riskLocation: z.string().nullable(),
  urgent: z.boolean(),
  /** Built from a report sent past the mission: the mission's team does not see it until headquarters hands it over. */
  headquartersOnly: z.boolean(),
  /** Units of other entities the case is shared with now (their staff read it and add notes). */
  sharedUnitCodes: z.array(z.string()),
  unreadMessages: z.boolean(),
  narrativeConfidential: z.boolean(),
  publishedAt: z.string().nullable(),
  assignedUserIds: z.array(z.string()),
  version: z.number(),
  can: z.record(z.string(), z.boolean()),
  /** Steps taken by hand (assess, close, reopen). */
  next: z.array(z.string()),
  /** Records that would take the case further (a referral refers it): the page offers those forms. */
  awaiting: z.array(z.enum(Object.values(recordedSteps) as [StepRecord, ...StepRecord[]])),
});

export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const listCasesSchema = z.object({
  items: z.array(caseSummarySchema),
  limit: z.number(),
  offset: z.number(),
  hasMore: z.boolean(),
});
export type ListCases = z.infer<typeof listCasesSchema>;

export const caseSchema = caseSummarySchema.extend({
  narrative: z.string().nullable(),
  /** Where it happened, as reported; shown to those who read the narrative. */
  place: z.string().nullable(),
});
export type Case = z.infer<typeof caseSchema>;

export const listAssigneesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), assigned: z.boolean() })),
});
export type ListAssignees = z.infer<typeof listAssigneesSchema>;

export const setAssignmentsSchema = z.object({ assignedUserIds: z.array(z.string()), version: z.number() });
export type SetAssignments = z.infer<typeof setAssignmentsSchema>;

export const setAssignmentsBody = z.strictObject({
  userIds: z.array(z.string().min(1).max(100)).max(20),
  version: z.number().int().positive(),
});

export const listNotesSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), body: z.string(), createdAt: z.string(), authorName: z.string().nullable() }),
  ),
});
export type ListNotes = z.infer<typeof listNotesSchema>;

export const addNoteBody = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

export const addPerpetratorBody = z.strictObject({
  categoryCode: z.string().regex(/^[A-Z_]{2,20}$/),
  nationalityCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  unit: z.string().trim().max(200).nullable().default(null),
  identity: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      rank: z.string().trim().max(100).nullable().default(null),
      serviceNumber: z.string().trim().max(100).nullable().default(null),
    })
    .nullable()
    .default(null),
});

export const revealPerpetratorIdentitySchema = z.object({
  name: z.string(),
  rank: z.string().nullable(),
  serviceNumber: z.string().nullable(),
});
export type RevealPerpetratorIdentity = z.infer<typeof revealPerpetratorIdentitySchema>;

export const revealPerpetratorIdentityBody = z.strictObject({ reason: z.string().trim().min(10).max(500) });

export const listSavedFiltersSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), query: z.record(z.string(), z.unknown()) })),
});
export type ListSavedFilters = z.infer<typeof listSavedFiltersSchema>;

export const saveFilterSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
});
export type SaveFilter = z.infer<typeof saveFilterSchema>;

export const saveFilterBody = z.strictObject({ name: z.string().trim().min(1).max(100), query: caseFilterSchema });

export const deleteSavedFilterSchema = z.object({ deleted: z.boolean() });
export type DeleteSavedFilter = z.infer<typeof deleteSavedFilterSchema>;

export const transitionCaseBody = z.strictObject({
  transition: z.enum(Object.keys(caseTransitions) as [CaseTransition, ...CaseTransition[]]),
  version: z.number().int().positive(),
});

export const caseTimelineSchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actorRole: z.string().nullable(),
      /** The person who acted, for readers who may know (null for the reporter and the system). */
      actorName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type CaseTimeline = z.infer<typeof caseTimelineSchema>;

/** Headquarters sends a case to the unit that should work on it (another entity's office, say). */
export const transferCaseBody = z.strictObject({
  missionCode: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  version: z.number().int().positive(),
});
export const transferCaseSchema = z.object({
  missionCode: z.string(),
  reportsMoved: z.number().int(),
  version: z.number().int(),
});
export type TransferCase = z.infer<typeof transferCaseSchema>;
