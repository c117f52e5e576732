// Contracts of referrals of a case (to OIOS, a contributing State, a unit) and the State's reply,
// shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { memberStateReplies, referralEntities } from "../referrals.js";

export const referralSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  entity: z.string(),
  countryCode: z.string().nullable(),
  noteVerbaleReference: z.string().nullable(),
  sentOn: z.string(),
  replyDueOn: z.string().nullable(),
  policyVersion: z.string().nullable(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  nioName: z.string().nullable(),
  nioAppointedOn: z.string().nullable(),
  daysOverdue: z.number(),
  version: z.number(),
  can: z.object({ recordReply: z.boolean(), extend: z.boolean() }),
});

export type Referral = z.infer<typeof referralSchema>;

export const referCaseBody = z.strictObject({
  entity: z.enum(referralEntities),
  countryCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  noteVerbaleReference: z.string().trim().max(100).nullable().default(null),
  sentOn: z.iso.date(),
  caseVersion: z.number().int().positive(),
  /** A second referral to the same entity (and State) on the case is made only when confirmed. */
  confirmDuplicate: z.boolean().default(false),
});

export const listCaseReferralsSchema = z.object({ items: z.array(referralSchema) });
export type ListCaseReferrals = z.infer<typeof listCaseReferralsSchema>;

export const recordMemberStateReplyBody = z.strictObject({
  reply: z.enum(memberStateReplies),
  repliedOn: z.iso.date(),
  nioName: z.string().trim().max(200).nullable().default(null),
  nioAppointedOn: z.iso.date().nullable().default(null),
  version: z.number().int().positive(),
});

/** A late referral, with its case's number and mission (the overdue list and dashboard). */
export const overdueReferralSchema = referralSchema.extend({ reference: z.string(), missionCode: z.string() });

export const listOverdueReferralsSchema = z.object({ items: z.array(overdueReferralSchema) });
export type ListOverdueReferrals = z.infer<typeof listOverdueReferralsSchema>;
