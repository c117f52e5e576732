// Contracts of leadership commitments: the yearly plans of a mission's leaders on SEA, their items,
// the head of mission's certification, and the mission's published figures beside them.
import { z } from "zod";
import { commitmentStatuses, leaderPosts } from "../leadership.js";
import { missionCodeField } from "./fields.js";

const year = z.coerce.number().int().min(2000).max(2100);

export const leadershipQuery = z.strictObject({ mission: missionCodeField.optional(), year: year.optional() });

export const leadershipSchema = z.object({
  year: z.number(),
  plans: z.array(
    z.object({
      id: z.string(),
      missionCode: z.string(),
      year: z.number(),
      post: z.enum(leaderPosts),
      leaderName: z.string(),
      certifiedOn: z.string().nullable(),
      version: z.number(),
      commitments: z.array(
        z.object({
          id: z.string(),
          commitment: z.string(),
          owner: z.string(),
          dueOn: z.string(),
          status: z.enum(commitmentStatuses),
          doneOn: z.string().nullable(),
          late: z.boolean(),
        }),
      ),
      can: z.object({ draft: z.boolean(), certify: z.boolean() }),
    }),
  ),
  /** Each mission's published SEA allegations in the year and the year before, beside its plans. */
  figures: z.array(z.object({ missionCode: z.string(), allegations: z.number(), previousYear: z.number() })),
  /** Whether the caller drafts plans (headquarters for any mission, a team for its own). */
  canDraft: z.boolean(),
});
export type Leadership = z.infer<typeof leadershipSchema>;

export const leadershipPlanBody = z.strictObject({
  missionCode: missionCodeField,
  year,
  post: z.enum(leaderPosts),
  leaderName: z.string().trim().min(1).max(200),
});
export type LeadershipPlanBody = z.infer<typeof leadershipPlanBody>;

export const commitmentBody = z.strictObject({
  commitment: z.string().trim().min(1).max(1000),
  owner: z.string().trim().min(1).max(200),
  dueOn: z.iso.date(),
});
export type CommitmentBody = z.infer<typeof commitmentBody>;

export const commitmentStatusBody = z
  .strictObject({ status: z.enum(commitmentStatuses), doneOn: z.iso.date().nullable().default(null) })
  .refine((change) => (change.status === "done") === (change.doneOn !== null), {
    message: "A done item has the day it was done, and only a done item.",
    path: ["doneOn"],
  });
export type CommitmentStatusBody = z.infer<typeof commitmentStatusBody>;

export const certifyBody = z.strictObject({ version: z.number().int().positive() });
