// Contracts of the Trust Fund in Support of Victims of Sexual Exploitation and Abuse
// (contributions, projects, people reached), shared by the routes, the OpenAPI document and the web
// app.
import { z } from "zod";
import { beneficiaryCategories } from "../trust-fund.js";
import { serviceTypes } from "../victims.js";

const money = z.number().int().positive().max(1_000_000_000);
const currency = z.string().regex(/^[A-Z]{3}$/);
const totals = z.array(z.object({ currency: z.string(), amount: z.number() }));

/** What a project is, as headquarters and the public both see it. */
export const projectFields = {
  missionCode: z.string(),
  title: z.string(),
  implementingPartner: z.string(),
  budget: z.number(),
  currency: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  services: z.array(z.string()),
};

export const trustFundSchema = z.object({
  overview: z.object({
    received: totals,
    fromWithheldPayments: totals,
    committed: totals,
    projects: z.number(),
    activeProjects: z.number(),
    reached: z.record(z.string(), z.number()),
  }),
  contributions: z.array(
    z.object({
      id: z.string(),
      countryCode: z.string(),
      receivedOn: z.string(),
      amount: z.number(),
      currency: z.string(),
      fromWithheldPayments: z.boolean(),
      caseActionId: z.string().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.string(),
      ...projectFields,
      reached: z.number(),
      can: z.record(z.string(), z.boolean()),
    }),
  ),
  can: z.record(z.string(), z.boolean()),
});
export type TrustFund = z.infer<typeof trustFundSchema>;

export const recordContributionBody = z.strictObject({
  countryCode: z.string().regex(/^[A-Z]{3}$/),
  receivedOn: z.iso.date(),
  amount: money,
  currency,
  caseActionId: z.uuid().nullable().default(null),
});

export const addProjectBody = z.strictObject({
  missionCode: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  title: z.string().trim().min(3).max(300),
  implementingPartner: z.string().trim().min(2).max(300),
  budget: money,
  currency,
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  services: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
});

export const reportBeneficiariesSchema = z.object({ id: z.string(), reached: z.number() });
export type ReportBeneficiaries = z.infer<typeof reportBeneficiariesSchema>;

export const reportBeneficiariesBody = z.strictObject({
  reportedOn: z.iso.date(),
  category: z.enum(beneficiaryCategories),
  people: z.number().int().min(0).max(1_000_000),
});
