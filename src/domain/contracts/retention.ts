// Contracts of redaction: the fields that may be struck out, the request and its record.
import { z } from "zod";

export const redactableFields = [
  "case.narrative",
  "case_note.body",
  "report.what_happened",
  "report_message.body",
] as const;
export type RedactableField = (typeof redactableFields)[number];

/** What a struck-out field reads afterwards. */
export const REDACTED = "[Redacted]";

export const redactBody = z.strictObject({
  field: z.enum(redactableFields),
  recordId: z.uuid(),
  reason: z.string().trim().min(10).max(500),
});

export const redactionSchema = z.object({
  id: z.string(),
  field: z.string(),
  recordId: z.string(),
  redactedAt: z.string(),
});

export const listRedactionsQuery = z.strictObject({ recordId: z.uuid() });

export const listRedactionsSchema = z.object({
  items: z.array(redactionSchema.extend({ reason: z.string(), redactedBy: z.string() })),
});
