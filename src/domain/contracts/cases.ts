// What the API takes for cases: the case's data fields, the case-list filters (also the shape of a
// saved filter), shared by the server and the web app.
import { z } from "zod";
import { caseStatuses } from "../workflow.js";

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
