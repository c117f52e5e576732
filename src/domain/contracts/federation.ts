// Contracts of federation between installations (src/domain/federation.ts): this installation's
// signing key, the members a hub merges, and what merging a bundle did.
import { z } from "zod";

export const federationMemberSchema = z.object({
  code: z.string(),
  name: z.string(),
  entityCodes: z.array(z.string()),
  /** Short fingerprint of the member's public key, to read out over the phone when registering it. */
  keyFingerprint: z.string(),
  lastMadeAt: z.string().nullable(),
  lastMergedAt: z.string().nullable(),
  figures: z.number().int(),
  hashes: z.number().int(),
});
export type FederationMember = z.infer<typeof federationMemberSchema>;

export const federationSchema = z.object({
  /** What a hub's administrator registers this installation with (base64 DER). */
  publicKey: z.string(),
  keyFingerprint: z.string(),
  /** Which key this installation's screening hashes are made with (its fingerprint). */
  screeningKey: z.string(),
  members: z.array(federationMemberSchema),
});
export type Federation = z.infer<typeof federationSchema>;

/** A member installation's code: capital letters, digits and hyphens. */
export const federationMemberCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, "capital letters, digits and hyphens");

export const addFederationMemberBody = z.strictObject({
  code: federationMemberCode,
  name: z.string().trim().min(1).max(200),
  publicKey: z.string().trim().min(1).max(1000),
  entityCodes: z.array(z.string().trim().min(1).max(40)).min(1).max(100),
});
export type AddFederationMemberBody = z.infer<typeof addFederationMemberBody>;

export const mergedBundleSchema = z.object({
  member: z.string(),
  madeAt: z.string(),
  figures: z.number().int(),
  hashes: z.number().int(),
});
export type MergedBundle = z.infer<typeof mergedBundleSchema>;

/** What removing a member took out of the hub's figures and screening list. */
export const removedFederationMemberSchema = z.object({
  member: z.string(),
  figures: z.number().int(),
  hashes: z.number().int(),
});
export type RemovedFederationMember = z.infer<typeof removedFederationMemberSchema>;
