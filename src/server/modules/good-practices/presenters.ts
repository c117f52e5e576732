// How the good practices area's records are answered: the fields each reader gets and their abilities.
import type { goodPractices } from "../../../db/schema.js";
import { type PracticeStatus, type PracticeStep, practiceStep, practiceSteps } from "../../../domain/good-practices.js";
import type { Actor } from "../../auth/actor.js";
import { goodPracticePolicy } from "../../auth/policies/index.js";

export interface PracticeFileSummary {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export type PracticeRow = typeof goodPractices.$inferSelect;

export const presentPublic = (row: PracticeRow, files: PracticeFileSummary[] = []) => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  area: row.area,
  theme: row.theme,
  countryCodes: row.countryCodes,
  contributor: row.contributor,
  event: row.eventTitle ? { title: row.eventTitle, date: row.eventDate } : null,
  links: row.links,
  files,
  publishedAt: row.publishedAt?.toISOString() ?? null,
});

export const presentForStaff = (row: PracticeRow, actor: Actor, files: PracticeFileSummary[] = []) => ({
  ...presentPublic(row, files),
  status: row.status,
  reviewComment: row.reviewComment,
  version: row.version,
  can: {
    edit: goodPracticePolicy.edit(actor, row),
    ...Object.fromEntries(
      (Object.keys(practiceSteps) as PracticeStep[]).map((step) => [
        step,
        goodPracticePolicy.step(actor, row, step) && practiceStep(row.status as PracticeStatus, step) !== null,
      ]),
    ),
  },
});
