// Contracts of the health check, shared by the route and the OpenAPI document.
import { z } from "zod";

export const healthSchema = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** When the database does not answer: a problem+json document. */
export const unhealthySchema = z.unknown();
