// Contracts for the audit trail, shared by the API and the web app.
import { z } from "zod";

export const auditOutcomeSchema = z.enum(["success", "denied", "failure"]);

export const auditEventSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  /** The person behind the event, by name; null for the system and the public. */
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** What the organisation calls the subject: a case's number, a victim's or perpetrator's code. */
  subjectName: z.string().nullable(),
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  eventsChecked: z.number(),
  firstBrokenEventId: z.number().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const browseAuditEventsSchema = z.object({
  items: z.array(auditEventSchema),
  nextBefore: z.number().nullable(),
});
export type BrowseAuditEvents = z.infer<typeof browseAuditEventsSchema>;

export const browseAuditEventsQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actorId: z.string().max(64).optional(),
  subjectType: z.string().max(64).optional(),
  subjectId: z.string().max(64).optional(),
  /** A case number (MONUSCO-2026-0042): every event of the case and of its records. */
  caseReference: z.string().trim().min(3).max(40).optional(),
  /** Part of the name of the person who acted. */
  person: z.string().trim().min(2).max(100).optional(),
  outcome: auditOutcomeSchema.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
