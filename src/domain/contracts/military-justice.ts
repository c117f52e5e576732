// Contracts of military justice: a State's proceedings against one of its personnel, as it records them.
import { z } from "zod";
import { appeals, proceedingKinds, proceedingVenues, verdicts } from "../military-justice.js";

export const proceedingBody = z.strictObject({
  kind: z.enum(proceedingKinds),
  venue: z.enum(proceedingVenues),
  openedOn: z.iso.date(),
  charges: z.string().trim().min(1).max(2000),
  verdict: z.enum(verdicts).default("pending"),
  verdictOn: z.iso.date().nullable().default(null),
  sentence: z.string().trim().min(1).max(1000).nullable().default(null),
  appeal: z.enum(appeals).default("none"),
});
export type ProceedingBody = z.infer<typeof proceedingBody>;

/** The whole record again, with the version it was read at: a change made meanwhile is not overwritten. */
export const proceedingUpdateBody = proceedingBody.extend({ version: z.number().int().positive() });
export type ProceedingUpdateBody = z.infer<typeof proceedingUpdateBody>;

export const proceedingSchema = z.object({
  id: z.string(),
  perpetratorId: z.string(),
  perpetratorCode: z.string(),
  countryCode: z.string(),
  kind: z.enum(proceedingKinds),
  venue: z.enum(proceedingVenues),
  openedOn: z.string(),
  charges: z.string(),
  verdict: z.enum(verdicts),
  verdictOn: z.string().nullable(),
  sentence: z.string().nullable(),
  appeal: z.enum(appeals),
  version: z.number(),
});
export type Proceeding = z.infer<typeof proceedingSchema>;

export const caseProceedingsSchema = z.object({
  items: z.array(proceedingSchema),
  /** The alleged perpetrators the caller may record a proceeding for (a State: its own nationals). */
  canRecordFor: z.array(z.object({ perpetratorId: z.string(), code: z.string() })),
});
export type CaseProceedings = z.infer<typeof caseProceedingsSchema>;
