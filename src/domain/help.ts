// Help for people who report: each mission (and headquarters, for everywhere) keeps its emergency
// numbers, victim-assistance contacts and hotlines, and says what happens next and how long it
// usually takes, in the reporter's language. Shown on the report form, the receipt and the
// follow-up page; edited by the mission's team, every version kept.
import { z } from "zod";
import { reportLanguageSchema } from "./contracts/reports.js";

export const helpContactKinds = [
  "emergency",
  "medical",
  "victim_assistance",
  "hotline",
  "sms",
  "messaging",
  "email",
  "office",
] as const;
export type HelpContactKind = (typeof helpContactKinds)[number];

/** "HQ" stands for headquarters: its help shows wherever a mission has none of its own. */
export const HEADQUARTERS = "HQ";
export const helpScopeSchema = z.string().regex(/^(HQ|[A-Z0-9-]{2,20})$/);

export const helpContactSchema = z.strictObject({
  kind: z.enum(helpContactKinds),
  /** A number, an address or a place: shown as written, left to right. */
  value: z.string().trim().min(3).max(200),
  /** Who answers and when, in the words of whoever keeps the page ("24/7", "Mon–Fri 8–17"). */
  hours: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((value) => value || null),
});

export const helpTextsSchema = z.strictObject({
  /** What happens to a report once sent. */
  nextSteps: z.string().trim().max(2_000).default(""),
  /** How long each step usually takes. */
  timeline: z.string().trim().max(1_000).default(""),
});

export const helpInformationBody = z.strictObject({
  contacts: z.array(helpContactSchema).max(20),
  /** By language: a language left out shows English, then the platform's own words. */
  texts: z.record(reportLanguageSchema, helpTextsSchema),
  /** The version this edit starts from (0 when there is none yet): an edit over a newer one is refused. */
  version: z.number().int().min(0),
});
export type HelpInformationInput = z.infer<typeof helpInformationBody>;

export const helpInformationSchema = z.object({
  scope: z.string(),
  version: z.number(),
  contacts: z.array(z.object({ kind: z.enum(helpContactKinds), value: z.string(), hours: z.string().nullable() })),
  texts: z.record(z.string(), z.object({ nextSteps: z.string(), timeline: z.string() })),
  editedAt: z.string(),
  canEdit: z.boolean(),
});
export type HelpInformation = z.infer<typeof helpInformationSchema>;
export const listHelpInformationSchema = z.object({
  items: z.array(helpInformationSchema),
  /** The missions whose help the reader may write and that have none yet. */
  missing: z.array(z.string()),
});
export type ListHelpInformation = z.infer<typeof listHelpInformationSchema>;
export const helpHistorySchema = z.object({ items: z.array(helpInformationSchema) });
export type HelpHistory = z.infer<typeof helpHistorySchema>;
