// Contracts of publication (releasing cases, importing history) and the public figures built on it,
// shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { type StatGrouping, type StatView, viewGroupings } from "../public-stats.js";
import { countryCodeField, missionCodeField } from "./fields.js";
import { publicLanguageSchema } from "./reports.js";
import { projectFields } from "./trust-fund.js";

const publicFilters = {
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  mission: missionCodeField.optional(),
  category: z
    .string()
    .regex(/^[A-Z_]{2,20}$/)
    .optional(),
  nationality: countryCodeField.optional(),
};

export const importAllegationsBody = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(20 * 1024 * 1024),
  skipInvalid: z.boolean().default(false),
  fileName: z.string().trim().max(200).nullable().default(null),
});
export const importOutcomeSchema = z.object({
  rows: z.number(),
  created: z.number(),
  unchanged: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
  rejectCsv: z.string().nullable(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export const publicationBody = z.strictObject({
  caseIds: z.array(z.uuid()).min(1).max(1000),
  action: z.enum(["publish", "withdraw"]),
});
export const publicationOutcomeSchema = z.object({ changed: z.number() });

/** A view's query: how to group, and the filters every view takes (actions also by stage). */
export const statisticsQuery = (view: StatView) =>
  z.strictObject({
    groupBy: z.enum(viewGroupings[view] as [StatGrouping, ...StatGrouping[]]),
    ...publicFilters,
    ...(view === "actions" ? { stage: z.enum(["interim", "final"]).optional() } : {}),
  });
export const statisticsSchema = z.array(
  z.object({
    key: z.string(),
    count: z.number().nullable(),
    range: z.string().optional(),
    medianDays: z.number().nullable().optional(),
  }),
);

export const publicAllegationsQuery = z.strictObject({
  ...publicFilters,
  format: z.enum(["json", "csv", "xlsx", "pdf"]).default("json"),
  /** The PDF's language: any of the six. */
  lang: publicLanguageSchema.default("en"),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** The Trust Fund's projects and the people they reached (counts), and paternity claims by where they stand. */
export const victimSupportSchema = z.object({
  projects: z.array(
    z.object({
      ...projectFields,
      reached: z.object({ victims: z.number(), children_born_of_sea: z.number(), community_members: z.number() }),
    }),
  ),
  paternityClaims: z.array(
    z.object({
      year: z.number(),
      missionCode: z.string(),
      status: z.string(),
      claims: z.number().nullable(),
      range: z.string().optional(),
    }),
  ),
});
export type VictimSupport = z.infer<typeof victimSupportSchema>;

export const misconductGroupings = ["year", "mission", "category", "area", "level"] as const;
export const misconductQuery = z.strictObject({
  groupBy: z.enum(misconductGroupings),
  ...publicFilters,
  /** The category of misconduct (thematic area). */
  kind: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
});
