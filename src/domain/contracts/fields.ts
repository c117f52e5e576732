// Field schemas several areas' contracts share.
import { z } from "zod";

export const missionCodeField = z.string().regex(/^[A-Z0-9-]{2,20}$/);
export const countryCodeField = z.string().regex(/^[A-Z]{3}$/);

/** Free text that may be left out or empty, stored as null. */
export const optionalTextField = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((value) => (value === "" ? null : value));

/** What a route that creates a record answers: its id. */
export const createdSchema = z.object({ id: z.string() });
export type Created = z.infer<typeof createdSchema>;

/** What a route answers with 204: nothing. */
export const noContentSchema = z.null();

/** A record shared with a unit of another entity (one UN): with whom, since when, by whom, until when. */
export const unitShareFields = {
  id: z.string(),
  unitCode: z.string(),
  entityCode: z.string(),
  sharedAt: z.string(),
  sharedByName: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Whether the reader may end this share now (the server's rule; the page never re-derives it). */
  canEnd: z.boolean(),
};
/** A shared record and one of its shares, as ending a share names them. */
export const unitShareParams = z.object({ id: z.uuid(), shareId: z.uuid() });

/** A record shared with a unit of another entity for a stated reason (a case, a unit's risk register). */
export const reasonedShareSchema = z.object({ ...unitShareFields, reason: z.string() });
export type ReasonedShare = z.infer<typeof reasonedShareSchema>;
/** Every share of a record, oldest first: what reading, sharing and ending a share answer. */
export const reasonedSharesSchema = z.object({ items: z.array(reasonedShareSchema) });
export type ReasonedShares = z.infer<typeof reasonedSharesSchema>;
export const shareWithReasonBody = z.strictObject({
  unitCode: missionCodeField,
  reason: z.string().trim().min(1).max(2000),
});
export type ShareWithReasonBody = z.infer<typeof shareWithReasonBody>;
