// Liveness for operators (the process serves; is its database reachable?) and readiness for load
// balancers (send this instance requests only while its database answers).
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { healthSchema, readySchema, unhealthySchema } from "../../../domain/contracts/health.js";

export function registerHealthRoutes(app: FastifyInstance) {
  const { services } = app;
  const databaseAnswers = () =>
    services.db.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
  app.withTypeProvider<ZodTypeProvider>().get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Liveness: the server runs, and whether its database answers",
        response: { 200: healthSchema },
      },
    },
    async () => {
      const databaseReachable = await databaseAnswers();
      return {
        status: databaseReachable ? ("ok" as const) : ("degraded" as const),
        database: services.handle.kind,
        databaseReachable,
        version: "0.1.0",
      };
    },
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    "/readyz",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Readiness: 503 with Retry-After while the database does not answer",
        response: { 200: readySchema, 503: unhealthySchema },
      },
    },
    async () => {
      await services.db.execute(sql`select 1`);
      return { status: "ready" as const };
    },
  );
}
