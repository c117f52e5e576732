// Request and response contracts for reference data, shared by the API and the web app.
import { z } from "zod";
import { countryStandings } from "../reference/countries.js";
import { systemWideCategories } from "../reference/personnel.js";
import { unEntityKinds } from "../reference/entities.js";

export const missionKindSchema = z.enum([
  "peacekeeping_operation",
  "special_political_mission",
  "other_entity",
  "entity_office",
]);

const missionFields = {
  name: z.string().trim().min(3).max(200),
  nameFr: z.string().trim().max(200).nullable(),
  kind: missionKindSchema,
  hostCountryCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  location: z.string().trim().max(200).nullable(),
  startYear: z.number().int().min(1945).max(2100),
  endYear: z.number().int().min(1945).max(2100).nullable(),
};

const unitCode = z.string().regex(/^[A-Z0-9-]{2,20}$/, "use capital letters, digits and dashes");

export const createMissionBody = z.strictObject({
  code: unitCode,
  /** The UN system entity the unit belongs to; unset, its kind's (DPO, DPPA, the Secretariat). */
  entityCode: unitCode.optional(),
  ...missionFields,
});
export type CreateMissionBody = z.input<typeof createMissionBody>;

export const updateMissionBody = z.strictObject({
  entityCode: unitCode.optional(),
  name: missionFields.name.optional(),
  nameFr: missionFields.nameFr.optional(),
  kind: missionFields.kind.optional(),
  hostCountryCode: missionFields.hostCountryCode.optional(),
  location: missionFields.location.optional(),
  startYear: missionFields.startYear.optional(),
  endYear: missionFields.endYear.optional(),
  version: z.number().int().positive(),
});

export const missionSchema = z.object({
  code: z.string(),
  entityCode: z.string(),
  name: z.string(),
  nameFr: z.string().nullable(),
  kind: z.string(),
  hostCountryCode: z.string().nullable(),
  location: z.string().nullable(),
  startYear: z.number(),
  endYear: z.number().nullable(),
  current: z.boolean(),
  version: z.number(),
  can: z.object({ edit: z.boolean() }),
});
export type Mission = z.infer<typeof missionSchema>;

export const countrySchema = z.object({
  code: z.string(),
  alpha2: z.string(),
  m49: z.string().nullable(),
  standing: z.enum(countryStandings),
  names: z.record(z.string(), z.string()),
});
export type Country = z.infer<typeof countrySchema>;
export const personnelCategorySchema = z.object({
  code: z.string(),
  label: z.string(),
  uniformed: z.boolean(),
  sortOrder: z.number(),
  /** One of the seven categories peace operations publish; the others come from system-wide reporting. */
  peacekeeping: z.boolean(),
  /** Where the UN's system-wide figures count this category. */
  systemWide: z.enum(systemWideCategories),
});
export const allegationTypeSchema = z.object({
  code: z.string(),
  kind: z.string(),
  label: z.string(),
  sortOrder: z.number(),
});
export const misconductTypeSchema = z.object({
  code: z.string(),
  level: z.string(),
  thematicArea: z.string(),
  label: z.string(),
  sortOrder: z.number(),
});

/** A reference list as the API answers it. */
const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const missionListSchema = listOf(missionSchema);
export const countryListSchema = listOf(countrySchema);
export const personnelCategoryListSchema = listOf(personnelCategorySchema);
export const allegationTypeListSchema = listOf(allegationTypeSchema);
export const misconductTypeListSchema = listOf(misconductTypeSchema);
export type MissionList = z.infer<typeof missionListSchema>;
export type CountryList = z.infer<typeof countryListSchema>;
export type PersonnelCategoryList = z.infer<typeof personnelCategoryListSchema>;
export type AllegationTypeList = z.infer<typeof allegationTypeListSchema>;
export type MisconductTypeList = z.infer<typeof misconductTypeListSchema>;

export const unEntityKindSchema = z.enum(unEntityKinds);

export const unEntitySchema = z.object({
  code: z.string(),
  kind: unEntityKindSchema,
  /** Its English name; the six languages' are the vocabulary's for the seeded entities. */
  name: z.string(),
  partnerOf: z.string().nullable(),
  /** The units (missions, offices) that belong to it. */
  units: z.array(z.string()),
  version: z.number(),
});
export type UnEntity = z.infer<typeof unEntitySchema>;
export const listUnEntitiesSchema = z.object({ items: z.array(unEntitySchema) });

export const createUnEntityBody = z.strictObject({
  code: unitCode,
  kind: unEntityKindSchema,
  name: z.string().trim().min(2).max(200),
  partnerOf: unitCode.nullable().default(null),
});
export type CreateUnEntityBody = z.input<typeof createUnEntityBody>;
