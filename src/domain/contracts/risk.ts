// Contracts of misconduct risk management (register, assessments, mitigations, quarterly report),
// shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { locationKinds, riskFactorKinds, riskLevels } from "../risk.js";
import { missionCodeField, optionalTextField } from "./fields.js";
import { followUpFields, followUpSchema } from "./follow-ups.js";

const rating = z.number().int().min(1).max(5);
const level = z.enum(riskLevels);

export const mitigationBody = z.strictObject({
  factorKind: z.enum(riskFactorKinds).nullable().default(null),
  ...followUpFields,
});
export const mitigationSchema = followUpSchema.extend({ factorKind: z.string().nullable() });
export type Mitigation = z.infer<typeof mitigationSchema>;

const ratedFactor = z.object({
  kind: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  score: z.number(),
  level,
});

export const riskReportSchema = z.object({
  missionCode: z.string(),
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  locations: z.array(
    z.object({
      assessmentId: z.string(),
      location: z.string(),
      locationKind: z.string(),
      assessedOn: z.string(),
      reviewOn: z.string(),
      reviewOverdue: z.boolean(),
      level: level.nullable(),
      factors: z.array(ratedFactor),
      mitigations: z.object({ due: z.number(), completed: z.number(), overdue: z.number() }),
      overdueMitigations: z.array(z.object({ action: z.string(), owner: z.string(), dueOn: z.string() })),
    }),
  ),
  levels: z.record(z.string(), z.number()),
  heat: z.array(z.array(z.number())),
  totals: z.object({
    locations: z.number(),
    assessedInQuarter: z.number(),
    reviewsOverdue: z.number(),
    mitigationsDue: z.number(),
    mitigationsCompleted: z.number(),
    mitigationsOverdue: z.number(),
  }),
});

export const riskRegisterSchema = riskReportSchema.extend({ can: z.object({ assess: z.boolean() }) });
export type RiskRegister = z.infer<typeof riskRegisterSchema>;

export const riskReportParams = z.strictObject({
  missionCode: missionCodeField,
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "a quarter such as 2026-Q3"),
});
export const riskReportQuery = z.strictObject({
  format: z.enum(["json", "xlsx", "pdf"]).default("json"),
  lang: z.enum(["en", "fr"]).optional(),
});

export const assessmentBody = z.strictObject({
  missionCode: missionCodeField,
  location: z.string().trim().min(2).max(200),
  locationKind: z.enum(locationKinds),
  assessedOn: z.iso.date(),
  reviewOn: z.iso.date(),
  notes: optionalTextField(4000),
  factors: z
    .array(
      z.strictObject({
        kind: z.enum(riskFactorKinds),
        likelihood: rating,
        impact: rating,
        notes: optionalTextField(1000),
      }),
    )
    .min(1)
    .max(riskFactorKinds.length),
  mitigations: z.array(mitigationBody).max(50).default([]),
});

export const assessmentSchema = z.object({
  id: z.string(),
  missionCode: z.string(),
  location: z.string(),
  locationKind: z.string(),
  assessedOn: z.string(),
  reviewOn: z.string(),
  reviewOverdue: z.boolean(),
  notes: z.string().nullable(),
  level: level.nullable(),
  factors: z.array(ratedFactor.extend({ notes: z.string().nullable() })),
  mitigations: z.array(mitigationSchema),
  history: z.array(z.object({ id: z.string(), assessedOn: z.string(), current: z.boolean() })),
  can: z.object({ addMitigation: z.boolean(), completeMitigation: z.boolean(), reassess: z.boolean() }),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** The units of other entities whose risk registers the reader's unit reads through a share. */
export const sharedRegistersSchema = z.object({ missionCodes: z.array(z.string()) });
export type SharedRegisters = z.infer<typeof sharedRegistersSchema>;
