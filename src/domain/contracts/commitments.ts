// Contracts of Member States' commitments (Voluntary Compact, Circle of Leadership, A4P), shared by
// the routes, the OpenAPI document and the web app.
import { z } from "zod";

export const commitmentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  countryCode: z.string(),
  member: z.string(),
  joinedOn: z.string(),
});

export type Commitment = z.infer<typeof commitmentSchema>;

export const listCommitmentsSchema = z.object({
  items: z.array(commitmentSchema),
  trustFund: z.array(z.object({ countryCode: z.string(), year: z.number(), currency: z.string(), amount: z.number() })),
});
export type ListCommitments = z.infer<typeof listCommitmentsSchema>;
