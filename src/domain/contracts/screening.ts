// Contracts of screening candidates against the people with substantiated findings, shared by the
// routes, the OpenAPI document and the web app.
import { z } from "zod";
import { screeningReasons } from "../screening.js";

const identifiers = {
  name: z.string().trim().max(300).default(""),
  dateOfBirth: z.iso.date().nullable().default(null),
  nationalityCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  documentNumbers: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
};

export const addScreeningEntrySchema = z.object({ id: z.string().nullable(), keys: z.number() });
export type AddScreeningEntry = z.infer<typeof addScreeningEntrySchema>;

export const addScreeningEntryBody = z.strictObject({
  ...identifiers,
  reason: z.enum(screeningReasons),
  caseId: z.uuid().nullable().default(null),
});

export const screenCandidateSchema = z.object({
  result: z.string(),
  matches: z.array(
    z.object({
      result: z.string(),
      reason: z.string(),
      /** The entity whose case listed the person (whom to ask); null for an entry added by hand. */
      listedBy: z.string().nullable(),
      /** The case, only to those who may see it. */
      caseReference: z.string().nullable(),
    }),
  ),
});
export type ScreenCandidate = z.infer<typeof screenCandidateSchema>;

export const screenCandidateBody = z.strictObject(identifiers);

export const screenBatchSchema = z.object({
  candidates: z.number(),
  matches: z.number(),
  possibleMatches: z.number(),
  resultCsv: z.string(),
});
export type ScreenBatch = z.infer<typeof screenBatchSchema>;

export const screenBatchBody = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(10 * 1024 * 1024),
});
