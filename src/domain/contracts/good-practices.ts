// Contracts of good practices shared by Member States (drafts, review, files, the public
// repository), shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { practiceAreas, practiceStatuses, practiceSteps } from "../good-practices.js";

const filters = {
  area: z.enum(practiceAreas).optional(),
  theme: z.string().trim().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  q: z.string().trim().min(1).max(200).optional(),
};
export const publicPracticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  area: z.string(),
  theme: z.string(),
  countryCodes: z.array(z.string()),
  contributor: z.string().nullable(),
  event: z.object({ title: z.string(), date: z.string().nullable() }).nullable(),
  links: z.array(z.string()),
  files: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() })),
  publishedAt: z.string().nullable(),
});
export const practiceSchema = publicPracticeSchema.extend({
  status: z.string(),
  reviewComment: z.string().nullable(),
  version: z.number(),
  can: z.record(z.string(), z.boolean()),
});

export type Practice = z.infer<typeof practiceSchema>;

export const listPublishedPracticesSchema = z.object({ items: z.array(publicPracticeSchema) });
export type ListPublishedPractices = z.infer<typeof listPublishedPracticesSchema>;

export const listPublishedPracticesQuery = z.strictObject(filters);

export const listPracticesForStaffSchema = z.object({ items: z.array(practiceSchema) });
export type ListPracticesForStaff = z.infer<typeof listPracticesForStaffSchema>;

export const listPracticesForStaffQuery = z.strictObject({ ...filters, status: z.enum(practiceStatuses).optional() });

export const movePracticeBody = z.strictObject({
  step: z.enum(Object.keys(practiceSteps) as [keyof typeof practiceSteps]),
  comment: z.string().trim().max(2_000).nullable().default(null),
});

export const attachPracticeFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
});
export type AttachPracticeFile = z.infer<typeof attachPracticeFileSchema>;

export const attachPracticeFileBody = z.strictObject({
  fileName: z.string().trim().min(1).max(300),
  contentBase64: z.base64().max(14 * 1024 * 1024),
});
