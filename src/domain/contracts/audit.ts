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
