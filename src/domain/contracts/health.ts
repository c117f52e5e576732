// Contracts of the health checks, shared by the routes and the OpenAPI document.
import { z } from "zod";

/** Liveness: the process serves; whether its database answers is said, not failed on. */
export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["pglite", "postgres"]),
  databaseReachable: z.boolean(),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** Readiness: send this instance requests. */
export const readySchema = z.object({ status: z.literal("ready") });

/** When the database does not answer: a problem+json document with Retry-After. */
export const unhealthySchema = z.unknown();
