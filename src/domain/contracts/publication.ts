// Contracts of publication (releasing cases, importing history) and the public figures built on it,
// shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { type StatGrouping, type StatView, viewGroupings } from "../public-stats.js";
import { systemWideCategories } from "../reference/personnel.js";
import { systemWideGroupings, systemWideStatuses } from "../system-wide.js";
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
  importId: z.uuid(),
  rows: z.number(),
  created: z.number(),
  unchanged: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
  rejectCsv: z.string().nullable(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** An import of history made here, as headquarters lists them (newest first). */
export const allegationImportSchema = z.object({
  id: z.uuid(),
  importedAt: z.string(),
  sourceFile: z.string().nullable(),
  importedBy: z.string().nullable(),
  rows: z.number(),
  created: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
});
export type AllegationImport = z.infer<typeof allegationImportSchema>;
export const allegationImportsSchema = z.array(allegationImportSchema);
export const importIdParams = z.strictObject({ id: z.uuid() });
export const withdrawImportBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export const importWithdrawnSchema = z.object({ allegations: z.number() });

export const publicationBody = z.strictObject({
  caseIds: z.array(z.uuid()).min(1).max(1000),
  action: z.enum(["publish", "withdraw"]),
});
export const publicationOutcomeSchema = z.object({ changed: z.number() });
export type PublicationOutcome = z.infer<typeof publicationOutcomeSchema>;

/** One row of the public table of allegations, as the public reads it. */
export const publicAllegationSchema = z.object({
  reference: z.string(),
  monthReported: z.string(),
  missionCode: z.string(),
  categoryCode: z.string(),
  nationalityCode: z.string().nullable(),
  allegation: z.string().nullable(),
  allegationSubtypes: z.array(z.string()),
  incidentPeriod: z.string().nullable(),
  allegedPerpetrators: z.number().nullable(),
  victims: z.number(),
  victimsByGroup: z.object({ women: z.number(), girls: z.number(), boys: z.number(), men: z.number() }),
  childVictims: z.number(),
  paternityClaim: z.boolean(),
  paternityStatus: z.array(z.string()),
  investigatingEntities: z.array(z.string()),
  investigationDays: z.number().nullable(),
  findings: z.array(z.string()),
  interimActions: z.array(z.string()),
  finalActions: z.array(z.string()),
  unActions: z.array(z.string()),
  memberStateActions: z.array(z.string()),
  criminalReferral: z.boolean().nullable(),
});

/** The publisher's review queue: cases ready to publish (or published, to withdraw), newest first. */
export const publicationReviewQuery = z.strictObject({ state: z.enum(["ready", "published"]).default("ready") });
export const publicationReviewSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      missionCode: z.string(),
      status: z.string(),
      dateReported: z.string(),
      categoryCodes: z.array(z.string()),
      allegationCodes: z.array(z.string()),
      publishedAt: z.string().nullable(),
    }),
  ),
});
export type PublicationReview = z.infer<typeof publicationReviewSchema>;

export const publicationPreviewBody = z.strictObject({ caseIds: z.array(z.uuid()).min(1).max(200) });
/** The rows the public table would show for these cases once published: computed, then not kept. */
export const publicationPreviewSchema = z.object({ items: z.array(publicAllegationSchema) });
export type PublicationPreview = z.infer<typeof publicationPreviewSchema>;

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
/** The system-wide figures' filters: every entity's published allegations, or one entity's own. */
export const systemWideFilters = {
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  entity: z
    .string()
    .regex(/^[A-Z0-9-]{2,20}$/)
    .optional(),
  category: z.enum([...systemWideCategories, "unknown"]).optional(),
  status: z.enum(systemWideStatuses).optional(),
};
export const systemWideQuery = z.strictObject({ groupBy: z.enum(systemWideGroupings), ...systemWideFilters });
export type SystemWideFilter = Omit<z.infer<typeof systemWideQuery>, "groupBy">;

/** The quarterly report for headquarters: one quarter's figures of every entity. */
export const systemWideReportQuery = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  format: z.enum(["xlsx", "pdf"]),
  lang: publicLanguageSchema.default("en"),
});

export const misconductQuery = z.strictObject({
  groupBy: z.enum(misconductGroupings),
  ...publicFilters,
  /** The category of misconduct (thematic area). */
  kind: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
});
