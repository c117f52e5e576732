// Good practices Member States share: their areas, and the review a practice goes through before
// the public sees it (draft → submitted → published, or returned with comments and resubmitted).
import { z } from "zod";

export const practiceAreas = ["prevention", "enforcement", "victim_support"] as const;
export const practiceStatuses = ["draft", "submitted", "published", "returned"] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

export const practiceSteps = {
  submit: { from: ["draft", "returned"], to: "submitted" },
  publish: { from: ["submitted"], to: "published" },
  return: { from: ["submitted"], to: "returned" },
  withdraw: { from: ["published"], to: "draft" },
} as const satisfies Record<string, { from: readonly PracticeStatus[]; to: PracticeStatus }>;
export type PracticeStep = keyof typeof practiceSteps;

/** Where a step leads, or null when it is not open from this status. */
export function practiceStep(status: PracticeStatus, step: PracticeStep): PracticeStatus | null {
  const rule = practiceSteps[step];
  return (rule.from as readonly PracticeStatus[]).includes(status) ? rule.to : null;
}

export const practiceBody = z.strictObject({
  title: z.string().trim().min(5).max(300),
  summary: z.string().trim().max(10_000).nullable().default(null),
  area: z.enum(practiceAreas),
  theme: z.string().trim().min(2).max(100),
  countryCodes: z
    .array(z.string().regex(/^[A-Z]{3}$/))
    .min(1)
    .max(20),
  links: z
    .array(z.url({ protocol: /^https?$/ }).max(500))
    .max(10)
    .default([]),
});
export type PracticeInput = z.infer<typeof practiceBody>;

/** Files shared with a practice: documents and pictures (src/server/uploads/documents.ts). */
export const MAX_PRACTICE_FILES = 5;
