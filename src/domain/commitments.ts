// Commitments Member States make in public on conduct and discipline.
import { z } from "zod";

export const commitmentKinds = ["voluntary_compact", "circle_of_leadership", "a4p"] as const;
export type CommitmentKind = (typeof commitmentKinds)[number];

export const commitmentBody = z.strictObject({
  kind: z.enum(commitmentKinds),
  countryCode: z.string().regex(/^[A-Z]{3}$/),
  /** The head of state or government for the Circle of Leadership; what was committed for A4P; empty for the Compact. */
  member: z.string().trim().max(300).default(""),
  joinedOn: z.iso.date(),
});
export type CommitmentInput = z.infer<typeof commitmentBody>;
