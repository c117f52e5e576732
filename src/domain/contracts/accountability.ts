// Contracts of Member State accountability (the published record, the scorecard, the comparison
// across States), shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { unLanguages } from "../un-languages.js";
import { severities } from "../accountability.js";
import { countryCodeField } from "./fields.js";

export const countryParams = z.strictObject({ country: countryCodeField });

const statCount = z.object({
  key: z.string(),
  count: z.number().nullable(),
  range: z.string().optional(),
  medianDays: z.number().nullable().optional(),
});
const share = z.object({ count: z.number(), of: z.number(), share: z.number().nullable() });

const proceedingMeasuresSchema = z.object({
  total: z.number(),
  onSiteCourtsMartial: z.number(),
  convictions: z.number(),
});
const commandMeasuresSchema = z.object({
  units: z.number(),
  signalled: z.number(),
  decisions: z.record(z.string(), z.number()),
  failedDuties: z.number(),
  leaderAllegations: z.number(),
});

export const accountabilityMeasuresSchema = z.object({
  repliesOnTime: share,
  nioAppointment: z.object({ appointed: z.number(), notAppointed: z.number(), medianDays: z.number().nullable() }),
  investigations: z.object({
    completed: z.number(),
    open: z.number(),
    medianDays: z.number().nullable(),
    p90Days: z.number().nullable(),
    withinDeadline: share,
    openPastDeadline: z.number(),
  }),
  substantiatedWithFinalAction: share,
  proceedings: proceedingMeasuresSchema,
  command: commandMeasuresSchema,
  penalties: z.array(
    z.object({
      severity: z.enum(severities),
      substantiated: z.number(),
      actions: z.record(z.string(), z.number()),
      noAction: z.number(),
    }),
  ),
});

export const publicScorecardSchema = z.object({
  countryCode: z.string(),
  allegationsByYear: z.array(statCount),
  investigations: z.array(statCount),
  finalActions: z.array(statCount),
  /** Military justice and command as published (publicCommandMeasures in src/domain/accountability.ts). */
  command: z.array(statCount),
});

/** Military justice and command per mission, as published. */
export const publicMissionCommandSchema = z.array(z.object({ missionCode: z.string(), measures: z.array(statCount) }));

/** Each mission's command record (headquarters). */
export const missionComparisonSchema = z.array(
  z.object({
    missionCode: z.string(),
    measures: z.object({
      command: commandMeasuresSchema,
      proceedings: proceedingMeasuresSchema,
      commitments: z.object({
        plans: z.number(),
        certified: z.number(),
        items: z.number(),
        done: z.number(),
        late: z.number(),
      }),
    }),
  }),
);
export type MissionComparison = z.infer<typeof missionComparisonSchema>;

/** The whole scorecard, for headquarters and the State's own focal point (JSON or PDF). */
export const scorecardSchema = publicScorecardSchema.extend({
  allRecordedByYear: z.array(statCount),
  measures: accountabilityMeasuresSchema,
});
export type Scorecard = z.infer<typeof scorecardSchema>;
export const scorecardQuery = z.strictObject({
  format: z.enum(["json", "pdf"]).default("json"),
  lang: z.enum(unLanguages).default("en"),
});

export const publicComparisonSchema = z.array(
  z.object({
    countryCode: z.string(),
    allegations: z.number(),
    substantiated: z.number(),
    substantiatedWithFinalAction: z.number(),
    medianInvestigationDays: z.number().nullable(),
  }),
);

export const comparisonSchema = z.array(
  z.object({ countryCode: z.string(), allegations: z.number(), measures: accountabilityMeasuresSchema }),
);
export type Comparison = z.infer<typeof comparisonSchema>;
