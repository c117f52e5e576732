// Contract of "My work": each person's first page, listing what needs their action now.
import { z } from "zod";
import { urgencies } from "../triage.js";

/** The sections, in the order the page shows them; a person gets those their role works on. */
export const workSections = [
  "newMessages",
  "assistanceRequests",
  "reportsToHandle",
  "overdue",
  "dueThisWeek",
  "awaitingReply",
  "claimsWaiting",
  "revealRequests",
  "toPublish",
] as const;
export type WorkSection = (typeof workSections)[number];

export const workItemSchema = z.object({
  id: z.string(),
  /** How people name it: a case number, a report code, a victim code. */
  label: z.string(),
  /** Where it is worked on in the staff app. */
  path: z.string(),
  dueOn: z.string().nullable(),
  urgency: z.enum(urgencies).nullable(),
  /** What it is waiting for, as a code the page translates (for example "investigation", "member_state"). */
  detail: z.string().nullable(),
  countryCode: z.string().nullable(),
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const myWorkSchema = z.object({
  sections: z.array(z.object({ section: z.enum(workSections), total: z.number(), items: z.array(workItemSchema) })),
});
export type MyWork = z.infer<typeof myWorkSchema>;
