// Contracts of paternity and child-support claims (the claim, DNA samples and their chain of
// custody, payments), shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { custodyKinds, paternityOutcomes, sampleDonors, supportFrequencies } from "../paternity.js";

const text = (max: number) => z.string().trim().min(1).max(max);
const currency = z.string().regex(/^[A-Z]{3}$/);
export const claimSchema = z.object({
  id: z.string(),
  victimId: z.string().nullable(),
  victimCode: z.string(),
  childCode: z.string().nullable(),
  perpetratorCode: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  missionCode: z.string(),
  countryCode: z.string(),
  notifiedOn: z.string(),
  responseDueOn: z.string(),
  responseOverdue: z.boolean(),
  focalPointName: z.string().nullable(),
  focalPointAppointedOn: z.string().nullable(),
  paternity: z.string().nullable(),
  paternityDecidedOn: z.string().nullable(),
  support: z
    .object({
      amount: z.number().nullable(),
      currency: z.string().nullable(),
      frequency: z.string().nullable(),
      authority: z.string().nullable(),
      orderedOn: z.string(),
    })
    .nullable(),
  nextPaymentDue: z.string().nullable(),
  paymentsStopped: z.boolean(),
  closedOn: z.string().nullable(),
  samples: z.array(
    z.object({
      id: z.string(),
      donor: z.string(),
      sampleCode: z.string(),
      /** Where, by whom and through whose hands: kept from a State for the mother's and the child's samples. */
      detailWithheld: z.boolean(),
      can: z.object({ recordStep: z.boolean() }),
      events: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          occurredAt: z.string(),
          byWhom: z.string().nullable(),
          place: z.string().nullable(),
          kitNumber: z.string().nullable(),
          fromParty: z.string().nullable(),
          toParty: z.string().nullable(),
          result: z.string().nullable(),
        }),
      ),
      flags: z.array(z.object({ eventId: z.string().nullable(), problem: z.string(), kind: z.string() })),
    }),
  ),
  /** The donors whose sample this reader may take: a State, the alleged father's only. */
  canTakeSamplesOf: z.array(z.enum(sampleDonors)),
  payments: z.array(z.object({ id: z.string(), paidOn: z.string(), amount: z.number(), currency: z.string() })),
  version: z.number(),
});
export type Claim = z.infer<typeof claimSchema>;

export const idParams = z.strictObject({ id: z.uuid() });

export const openClaimBody = z.strictObject({ childId: z.uuid(), perpetratorId: z.uuid(), notifiedOn: z.iso.date() });

export const listClaimsSchema = z.object({ items: z.array(claimSchema) });
export type ListClaims = z.infer<typeof listClaimsSchema>;

export const listClaimsQuery = z.strictObject({ victimId: z.uuid().optional() });

export const updateClaimBody = z.strictObject({
  focalPointName: text(200).nullable().optional(),
  focalPointAppointedOn: z.iso.date().nullable().optional(),
  paternity: z.enum(paternityOutcomes).nullable().optional(),
  paternityDecidedOn: z.iso.date().nullable().optional(),
  support: z
    .strictObject({
      amount: z.number().int().positive().max(100_000_000),
      currency,
      frequency: z.enum(supportFrequencies),
      authority: text(300),
      orderedOn: z.iso.date(),
    })
    .nullable()
    .optional(),
  closedOn: z.iso.date().nullable().optional(),
  version: z.number().int().positive(),
});

export const addSampleBody = z.strictObject({ donor: z.enum(sampleDonors), sampleCode: text(60) });

export const addCustodyEventBody = z.strictObject({
  kind: z.enum(custodyKinds),
  occurredAt: z.iso.datetime({ offset: true }),
  byWhom: text(200),
  place: text(200).nullable().default(null),
  kitNumber: text(60).nullable().default(null),
  fromParty: text(200).nullable().default(null),
  toParty: text(200).nullable().default(null),
  result: text(500).nullable().default(null),
});

export const recordPaymentBody = z.strictObject({
  paidOn: z.iso.date(),
  amount: z.number().int().positive().max(100_000_000),
  currency,
});
