// HTTP for the audit trail: read-only, for auditors.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { auditVerificationSchema } from "../../../domain/contracts/audit.js";
import { staffOf } from "../../auth/actor.js";
import { browseAuditEvents, verifyAuditTrail } from "./service.js";

import { browseAuditEventsQuery, browseAuditEventsSchema } from "../../../domain/contracts/audit.js";

export function registerAuditRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/audit-events",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit events, newest first, filtered; page with `before`",
        querystring: browseAuditEventsQuery,
        response: { 200: browseAuditEventsSchema },
      },
    },
    async (request) => browseAuditEvents(services, staffOf(request), request.query),
  );

  typed.get(
    "/api/audit-events/verification",
    {
      schema: {
        tags: ["audit"],
        summary: "Recompute the hash chain and name the first broken event, if any",
        response: { 200: auditVerificationSchema },
      },
    },
    async (request) => verifyAuditTrail(services, staffOf(request)),
  );
}
