// Federation between installations: an entity that keeps its own Conduct Ledger sends a hub its
// published figures and its screening hashes in a signed bundle — never case content. A bundle is
// gzipped JSON lines: a header, one line per kept count and per screening key, and a last line
// holding the Ed25519 signature of the SHA-256 of every line before it. The hub merges a bundle
// only from a member it knows by its key, signed by that key, newer than the last it merged, about
// the entities the member was registered for; otherwise it refuses it and says why.
import { z } from "zod";
import { systemWideCategories } from "./reference/personnel.js";
import { screeningReasons } from "./screening.js";
import { systemWideStatuses } from "./system-wide.js";

export const BUNDLE_FORMAT = "conduct-ledger-federation/1";

export const bundleHeaderSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  /** The sending installation's public key (base64 DER, SubjectPublicKeyInfo): how the hub knows it. */
  publicKey: z.string().min(1),
  madeAt: z.iso.datetime(),
  /** Which key the screening hashes were made with (its fingerprint, never the key). */
  screeningKey: z.string().min(1),
});
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

/** Published allegations of one quarter, entity, system-wide category and status (as the kept counts). */
export const figureLineSchema = z.tuple([
  z.literal("f"),
  z.number().int().min(1990).max(2200),
  z.number().int().min(1).max(4),
  z.string().min(1).max(40),
  z.enum([...systemWideCategories, "unknown"]),
  z.enum(systemWideStatuses),
  z.number().int().min(1),
]);

/** One keyed hash of one listed person: the entry it belongs to, how strong, why listed, by which entity. */
export const hashLineSchema = z.tuple([
  z.literal("s"),
  z.guid(),
  z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  z.enum(["strong", "medium", "weak"]),
  z.enum(screeningReasons),
  z.string().min(1).max(40).nullable(),
]);

export const signatureLineSchema = z.strictObject({ signature: z.string().min(1) });

/** Why a hub refuses a bundle: each a code the problem answer carries, with the line it concerns. */
export const bundleRefusals = [
  "not_a_bundle",
  "unknown_installation",
  "not_signed",
  "bad_signature",
  "replayed",
  "entity_not_registered",
  "screening_key_differs",
  "bad_line",
] as const;
export type BundleRefusal = (typeof bundleRefusals)[number];
