// Contracts of the two-person rule for revealing an identity: a request, the custodian's decision,
// and what a reveal answers while it waits for one.
import { z } from "zod";

export const revealSubjects = ["victim", "perpetrator"] as const;
export const revealDecisions = ["approve", "refuse"] as const;

/** What a reveal answers (202) while an identity custodian has not approved it. */
export const revealPendingSchema = z.object({
  approval: z.object({
    id: z.string(),
    status: z.enum(["pending", "refused"]),
    requestedAt: z.string(),
    note: z.string().nullable(),
  }),
});
export type RevealPending = z.infer<typeof revealPendingSchema>;

export const revealRequestSchema = z.object({
  id: z.string(),
  subjectType: z.enum(revealSubjects),
  subjectLabel: z.string(),
  requester: z.object({ name: z.string(), role: z.string() }),
  reason: z.string(),
  purpose: z.string().nullable(),
  requestedAt: z.string(),
  decision: z.enum(["approved", "refused"]).nullable(),
  decidedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  note: z.string().nullable(),
  can: z.object({ decide: z.boolean() }),
});
export type RevealRequest = z.infer<typeof revealRequestSchema>;

export const listRevealRequestsSchema = z.object({ items: z.array(revealRequestSchema) });
export type ListRevealRequests = z.infer<typeof listRevealRequestsSchema>;

export const listRevealRequestsQuery = z.strictObject({ status: z.enum(["pending", "decided"]).default("pending") });

export const decideRevealBody = z.strictObject({
  decision: z.enum(revealDecisions),
  note: z.string().trim().max(500).optional(),
});
