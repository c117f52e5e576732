// Liveness and database reachability, for load balancers and operators.
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

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
          200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() }),
          503: z.unknown(),
        },
      },
    },
    async () => {
      await services.db.execute(sql`select 1`);
      return { status: "ok" as const, database: services.handle.kind, version: "0.1.0" };
    },
  );
}
