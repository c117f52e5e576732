// Contracts of training (courses, contingents and their coverage, sessions, certification,
// attendance lists), shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { courseKinds } from "../training.js";
import { countryCodeField, missionCodeField } from "./fields.js";

const missionCode = missionCodeField;
const countryCode = countryCodeField;
const share = z.record(z.string(), z.number());

/** What every answer says of a contingent (one unit: a rotation). */
export const contingentFields = {
  id: z.string(),
  missionCode: z.string(),
  countryCode: z.string(),
  name: z.string(),
  categoryCode: z.string(),
  strength: z.number(),
  deployedOn: z.string(),
};

export const trainingOverviewSchema = z.object({
  contingents: z.array(
    z.object({
      ...contingentFields,
      coverage: z.object({
        shares: share,
        trained: share,
        certifiedOn: z.string().nullable(),
        gaps: z.array(z.string()),
      }),
    }),
  ),
  sessions: z.array(
    z.object({
      id: z.string(),
      courseCode: z.string(),
      courseTitle: z.string(),
      kind: z.string(),
      missionCode: z.string().nullable(),
      countryCode: z.string().nullable(),
      contingentId: z.string().nullable(),
      contingentName: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string(),
      trainer: z.string(),
      audienceCategoryCode: z.string().nullable(),
      participants: z.number(),
      completions: z.number(),
      attendanceImported: z.boolean(),
      certifiedOn: z.string().nullable(),
      can: z.object({ certify: z.boolean(), importAttendance: z.boolean() }),
    }),
  ),
  can: z.object({ addContingent: z.boolean(), recordSession: z.boolean() }),
});
export type TrainingOverview = z.infer<typeof trainingOverviewSchema>;

export const trainingOverviewQuery = z.strictObject({ mission: missionCode.optional() });

export const listCoursesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      kind: z.string(),
      validityMonths: z.number(),
    }),
  ),
  can: z.object({ add: z.boolean() }),
});
export type ListCourses = z.infer<typeof listCoursesSchema>;

export const addCourseBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/),
  title: z.string().trim().min(3).max(300),
  kind: z.enum(courseKinds),
  validityMonths: z.number().int().min(1).max(120),
});

export const addContingentBody = z.strictObject({
  missionCode,
  countryCode,
  name: z.string().trim().min(2).max(100),
  categoryCode: z.enum(["MIL_MC", "MIL_MO", "POL_UNPOL", "POL_FPU"]),
  strength: z.number().int().min(1).max(20_000),
  deployedOn: z.iso.date(),
  /** Each rotation is its own unit, with its own commanders. */
  rotation: z.string().trim().min(1).max(40).nullable().default(null),
  rotatedOutOn: z.iso.date().nullable().default(null),
  location: z.string().trim().min(2).max(200).nullable().default(null),
});

export const recordSessionBody = z.strictObject({
  courseId: z.uuid(),
  missionCode: missionCode.nullable(),
  countryCode: countryCode.nullable(),
  contingentId: z.uuid().nullable().default(null),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  trainer: z.string().trim().min(2).max(200),
  audienceCategoryCode: z
    .string()
    .regex(/^[A-Z_]{2,20}$/)
    .nullable()
    .default(null),
  participants: z.number().int().min(0).max(20_000),
  completions: z.number().int().min(0).max(20_000),
});

export const certifySessionSchema = z.object({ certifiedOn: z.string() });
export type CertifySession = z.infer<typeof certifySessionSchema>;

export const certifySessionBody = z.strictObject({ statement: z.string().trim().min(10).max(2000) });

export const importAttendanceSchema = z.object({
  participants: z.number(),
  completions: z.number(),
  rejected: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type ImportAttendance = z.infer<typeof importAttendanceSchema>;

export const importAttendanceBody = z.strictObject({
  fileName: z.string().max(255),
  contentBase64: z.base64().min(4).max(4_000_000),
  skipInvalid: z.boolean().default(false),
});
