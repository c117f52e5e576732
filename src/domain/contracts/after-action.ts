// Contracts of after-action reviews (lessons across missions, a review with its confidential part
// and follow-up actions), shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { contributingFactorKinds } from "../after-action.js";
import { missionCodeField } from "./fields.js";
import { followUpBody, followUpSchema } from "./follow-ups.js";

export const reviewListQuery = z.strictObject({
  q: z.string().trim().min(2).max(200).optional(),
  mission: missionCodeField.optional(),
  factor: z.enum(contributingFactorKinds).optional(),
});

const lessonFields = {
  id: z.string(),
  missionCode: z.string(),
  title: z.string(),
  heldOn: z.string(),
  contributingFactors: z.array(z.string()),
  lessons: z.string(),
};
const lessonSchema = z.object({ ...lessonFields, ownMission: z.boolean() });
export type Lesson = z.infer<typeof lessonSchema>;

export const reviewListSchema = z.object({
  items: z.array(lessonSchema),
  can: z.object({ record: z.boolean() }),
});
export type ReviewList = z.infer<typeof reviewListSchema>;

export const reviewBody = z.strictObject({
  missionCode: missionCodeField,
  title: z.string().trim().min(3).max(300),
  heldOn: z.iso.date(),
  caseIds: z
    .array(z.uuid())
    .max(20)
    .default([])
    .transform((ids) => [...new Set(ids)]),
  whatHappened: z.string().trim().min(10).max(20_000),
  contributingFactors: z
    .array(z.enum(contributingFactorKinds))
    .min(1)
    .max(contributingFactorKinds.length)
    .transform((kinds) => [...new Set(kinds)]),
  whatWorked: z.string().trim().max(10_000).nullable().default(null),
  lessons: z.string().trim().min(10).max(10_000),
  actions: z.array(followUpBody).max(30).default([]),
});

export const reviewSchema = z.object({
  ...lessonFields,
  whatWorked: z.string().nullable(),
  confidential: z
    .object({
      whatHappened: z.string(),
      cases: z.array(z.object({ id: z.string(), reference: z.string() })),
      actions: z.array(followUpSchema),
    })
    .nullable(),
});
export type Review = z.infer<typeof reviewSchema>;
