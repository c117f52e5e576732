// Liveness and database reachability, for load balancers and operators.
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

import { healthSchema, unhealthySchema } from "../../../domain/contracts/health.js";

export function registerHealthRoutes(app: FastifyInstance) {
  const { services } = app;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Health of the server and its database",
        response: {
          200: healthSchema,
          503: unhealthySchema,
        },
      },
    },
    async () => {
      await services.db.execute(sql`select 1`);
      return { status: "ok" as const, database: services.handle.kind, version: "0.1.0" };
    },
  );
}
