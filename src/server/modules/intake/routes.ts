// HTTP for intake: the public JSON intake and follow-up (no sign-in), and the staff intake queue.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendDownload } from "../../uploads/download.js";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { receiptBody, reportBody, reporterMessageBody } from "../../../domain/contracts/reports.js";
import { staffOf } from "../../auth/actor.js";
import { publicActor } from "../../auth/actor.js";
import { reportPolicy } from "../../auth/policies/index.js";
import { Forbidden } from "../../errors.js";
import { idempotencyKeyOf } from "../../idempotency.js";
import { publicRoute } from "../../rate-limits.js";
import {
  followUpReport,
  handReportToMission,
  linkReportToCase,
  listIntakeQueue,
  readCaseReports,
  postOfficerMessage,
  postReporterMessage,
  readEvidence,
  readReport,
  routeReport,
  submitReport,
} from "./service.js";

import {
  EVIDENCE_BODY_LIMIT,
  decoded,
  evidenceUpload,
  followUpReportSchema,
  handToMissionBody,
  handToMissionSchema,
  linkReportToCaseBody,
  linkReportToCaseSchema,
  listIntakeQueueQuery,
  listIntakeQueueSchema,
  listCaseReportsSchema,
  postOfficerMessageBody,
  postOfficerMessageSchema,
  postReporterMessageSchema,
  routeReportBody,
  routeReportSchema,
  readReportSchema,
  receiptSchema,
  SEALED_BODY_LIMIT,
  sealedReportBody,
  sealingKeySchema,
  type StaffReportBody,
  submitReportBody,
} from "../../../domain/contracts/reports.js";
import { openSealedReport } from "./sealed.js";

export function registerIntakeRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const publicLimit = (perMinute: number) => publicRoute(services.config, perMinute);

  typed.post(
    "/api/public/reports",
    {
      // The key is kept in the use-case's own transaction, with the report it creates.
      config: { ...publicLimit(10), idempotency: "in-transaction" },
      schema: {
        tags: ["public"],
        summary: "Report misconduct, anonymously or not; answers a receipt code, shown once, to follow the report up",
        body: reportBody.safeExtend({ evidence: evidenceUpload }),
        response: { 201: receiptSchema, 200: receiptSchema },
      },
      bodyLimit: EVIDENCE_BODY_LIMIT,
    },
    async (request, reply) => {
      const { evidence, ...report } = request.body;
      const { receipt, replayed } = await submitReport(
        services,
        publicActor,
        report,
        "api",
        idempotencyKeyOf(request),
        decoded(evidence),
      );
      return reply.status(replayed ? 200 : 201).send({ receipt });
    },
  );

  typed.post(
    "/api/public/reports/follow-up",
    {
      config: publicLimit(30),
      schema: {
        tags: ["public"],
        summary: "With a receipt: the report's public status and the message thread with the case officer",
        body: receiptBody,
        response: { 200: followUpReportSchema },
      },
    },
    async (request) => followUpReport(services, request.body.receipt),
  );

  typed.post(
    "/api/public/reports/messages",
    {
      config: publicLimit(10),
      schema: {
        tags: ["public"],
        summary: "With a receipt: write to the case officer",
        body: reporterMessageBody,
        response: { 201: postReporterMessageSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postReporterMessage(services, request.body.receipt, request.body.message)),
  );

  typed.post(
    "/api/reports",
    {
      // The key is kept in the use-case's own transaction, with what it creates.
      config: { idempotency: "in-transaction" },
      schema: {
        tags: ["intake"],
        summary:
          "Record a report received by hotline, in person, by letter, from a CBCM or another UN entity, with its photos, documents or recordings",
        body: submitReportBody,
        response: { 201: receiptSchema, 200: receiptSchema },
      },
      bodyLimit: EVIDENCE_BODY_LIMIT,
    },
    async (request, reply) => recordStaffReport(request, reply, request.body),
  );

  typed.get(
    "/api/reports/sealing-key",
    {
      schema: {
        tags: ["intake"],
        summary:
          "The server's public key, to seal reports written without a connection until they can be sent (P-256, raw point in base64)",
        response: { 200: sealingKeySchema },
      },
    },
    async (request) => {
      if (!reportPolicy.queue(staffOf(request)))
        throw new Forbidden("Intake officers seal reports; you do not record them.");
      return (await services.sealingKey()).published;
    },
  );

  typed.post(
    "/api/reports/sealed",
    {
      config: { idempotency: "in-transaction" },
      schema: {
        tags: ["intake"],
        summary:
          "Record a report written without a connection and sealed in the browser to the server's key; opened and checked as POST /api/reports",
        body: sealedReportBody,
        response: { 201: receiptSchema, 200: receiptSchema },
      },
      bodyLimit: SEALED_BODY_LIMIT,
    },
    async (request, reply) => recordStaffReport(request, reply, await openSealedReport(services, request.body)),
  );

  /** A report staff write down, sent in the clear or sealed: the caller's scope, then the one use-case. */
  async function recordStaffReport(request: FastifyRequest, reply: FastifyReply, body: StaffReportBody) {
    const actor = staffOf(request);
    if (!reportPolicy.submit(actor, body.report.missionCode))
      throw new Forbidden("You record reports only for your own missions.");
    const channel = actor.role === "cbcm_focal_point" ? "cbcm" : body.channel;
    const { receipt, replayed } = await submitReport(
      services,
      actor,
      body.report,
      channel,
      idempotencyKeyOf(request),
      decoded(body.evidence),
    );
    return reply.status(replayed ? 200 : 201).send({ receipt });
  }

  typed.get(
    "/api/reports",
    {
      schema: {
        tags: ["intake"],
        summary:
          "The intake queue within the caller's scope: newest first (most urgent first among reports not yet in a case), with excerpts, urgency and new-message marks; an audited read",
        querystring: listIntakeQueueQuery,
        response: { 200: listIntakeQueueSchema },
      },
    },
    async (request) => {
      const { mission, ...filter } = request.query;
      return listIntakeQueue(services, staffOf(request), { missionCode: mission, ...filter });
    },
  );

  typed.get(
    "/api/cases/:id/reports",
    {
      schema: {
        tags: ["intake"],
        summary:
          "The reports a case was built from, with their threads, for its intake officers; reading clears their new-message marks",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: listCaseReportsSchema },
      },
    },
    async (request) => readCaseReports(services, staffOf(request), request.params.id),
  );

  typed.get(
    "/api/reports/:id",
    {
      schema: {
        tags: ["intake"],
        summary: "One report with its content and thread; an audited read",
        params: z.strictObject({ id: z.uuid() }),
        response: {
          200: readReportSchema,
        },
      },
    },
    async (request) => readReport(services, staffOf(request), request.params.id),
  );

  typed.get(
    "/api/reports/:id/evidence/:fileId",
    {
      schema: {
        tags: ["intake"],
        summary: "Download one evidence file of a report (decrypted for the officer); every download is audited",
        params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await readEvidence(services, staffOf(request), request.params.id, request.params.fileId);
      return sendDownload(reply, file);
    },
  );

  typed.post(
    "/api/reports/:id/case",
    {
      schema: {
        tags: ["intake"],
        summary: "Make the report part of a case: a new one built from it, or an existing case it also describes",
        params: z.strictObject({ id: z.uuid() }),
        body: linkReportToCaseBody,
        response: { 200: linkReportToCaseSchema },
      },
    },
    async (request) => linkReportToCase(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/reports/:id/hand-to-mission",
    {
      schema: {
        tags: ["intake"],
        summary:
          "Hand a report its reporter sent to headquarters over to the mission's team (headquarters only), with its case",
        params: z.strictObject({ id: z.uuid() }),
        body: handToMissionBody,
        response: { 200: handToMissionSchema },
      },
    },
    async (request) => handReportToMission(services, staffOf(request), request.params.id, request.body.version),
  );

  typed.post(
    "/api/reports/:id/route",
    {
      schema: {
        tags: ["intake"],
        summary:
          "Send a report not yet in a case to the unit that should work on it: another mission or an entity's office (headquarters only)",
        params: z.strictObject({ id: z.uuid() }),
        body: routeReportBody,
        response: { 200: routeReportSchema },
      },
    },
    async (request) => routeReport(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/reports/:id/messages",
    {
      schema: {
        tags: ["intake"],
        summary: "Write to the reporter, who reads it with their receipt",
        params: z.strictObject({ id: z.uuid() }),
        body: postOfficerMessageBody,
        response: { 201: postOfficerMessageSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await postOfficerMessage(services, staffOf(request), request.params.id, request.body.message)),
  );
}
