// HTTP for the audit trail: read-only, for auditors.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  auditEventSchema as auditEvent,
  auditOutcomeSchema,
  auditVerificationSchema,
} from "../../../domain/contracts/audit.js";
import { staffOf } from "../../auth/actor.js";
import { browseAuditEvents, verifyAuditTrail } from "./service.js";

export function registerAuditRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/audit-events",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit events, newest first, filtered; page with `before`",
        querystring: z.strictObject({
          action: z.string().max(100).optional(),
          actorId: z.string().max(64).optional(),
          subjectType: z.string().max(64).optional(),
          subjectId: z.string().max(64).optional(),
          outcome: auditOutcomeSchema.optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(auditEvent), nextBefore: z.number().nullable() }) },
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
