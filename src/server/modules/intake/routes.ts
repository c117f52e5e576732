// HTTP for intake: the public JSON intake and follow-up (no sign-in), and the staff intake queue.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from "../../../domain/evidence.js";
import {
  publicReportStatuses,
  receiptBody,
  reportBody,
  reportChannels,
  reporterMessageBody,
} from "../../../domain/contracts/reports.js";
import { staffOf } from "../../auth/actor.js";
import { publicActor } from "../../auth/actor.js";
import { reportPolicy } from "../../auth/policies/index.js";
import { Forbidden } from "../../errors.js";
import { idempotencyKeyOf } from "../../idempotency.js";
import { publicRoute } from "../../rate-limits.js";
import {
  followUpReport,
  linkReportToCase,
  listIntakeQueue,
  postOfficerMessage,
  postReporterMessage,
  readEvidence,
  readReport,
  submitReport,
} from "./service.js";

const thread = z.array(
  z.object({ id: z.string(), fromReporter: z.boolean(), message: z.string(), createdAt: z.string() }),
);
const queueItem = z.object({
  id: z.string(),
  /** Not yet part of a case, while a case or another report of its mission may describe the same allegation. */
  possibleDuplicate: z.boolean(),
  missionCode: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  language: z.string(),
  incidentDate: z.string().nullable(),
  personnelCategoryCodes: z.array(z.string()),
  nationalityCodes: z.array(z.string()),
  childrenInvolved: z.string(),
  anonymous: z.boolean(),
  caseId: z.string().nullable(),
  version: z.number(),
  can: z.record(z.string(), z.boolean()),
});

/** Photos, PDF or audio, base64-encoded: at most 3 files of 10 MB, recognised by their content. */
const evidenceUpload = z
  .array(
    z.strictObject({
      fileName: z.string().max(255),
      contentBase64: z.base64().max(Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 4),
    }),
  )
  .max(MAX_EVIDENCE_FILES)
  .default([]);
const decoded = (evidence: z.output<typeof evidenceUpload>) =>
  evidence.map((file) => ({ fileName: file.fileName, content: Buffer.from(file.contentBase64, "base64") }));
/** Room for three 10 MB files in base64; every other JSON route keeps the 1 MB limit. */
const EVIDENCE_BODY_LIMIT = 45 * 1024 * 1024;

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
        response: { 201: z.object({ receipt: z.string() }), 200: z.object({ receipt: z.string() }) },
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
        response: { 200: z.object({ status: z.enum(publicReportStatuses), receivedAt: z.string(), messages: thread }) },
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
        response: { 201: z.object({ sent: z.boolean() }) },
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
        body: z.strictObject({
          channel: z.enum(reportChannels).exclude(["web_form", "api"]),
          report: reportBody,
          evidence: evidenceUpload,
        }),
        response: { 201: z.object({ receipt: z.string() }), 200: z.object({ receipt: z.string() }) },
      },
      bodyLimit: EVIDENCE_BODY_LIMIT,
    },
    async (request, reply) => {
      const actor = staffOf(request);
      if (!reportPolicy.submit(actor, request.body.report.missionCode))
        throw new Forbidden("You record reports only for your own missions.");
      const channel = actor.role === "cbcm_focal_point" ? "cbcm" : request.body.channel;
      const { receipt, replayed } = await submitReport(
        services,
        actor,
        request.body.report,
        channel,
        idempotencyKeyOf(request),
        decoded(request.body.evidence),
      );
      return reply.status(replayed ? 200 : 201).send({ receipt });
    },
  );

  typed.get(
    "/api/reports",
    {
      schema: {
        tags: ["intake"],
        summary: "The intake queue: reports within the caller's scope, newest first",
        querystring: z.strictObject({
          mission: z.string().max(20).optional(),
          unlinked: z
            .enum(["true", "false"])
            .transform((value) => value === "true")
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: z.object({ items: z.array(queueItem), limit: z.number(), offset: z.number() }) },
      },
    },
    async (request) => {
      const { mission, unlinked, limit, offset } = request.query;
      return listIntakeQueue(services, staffOf(request), { missionCode: mission, unlinked, limit, offset });
    },
  );

  typed.get(
    "/api/reports/:id",
    {
      schema: {
        tags: ["intake"],
        summary: "One report with its content and thread; an audited read",
        params: z.strictObject({ id: z.uuid() }),
        response: {
          200: queueItem.extend({
            whatHappened: z.string(),
            place: z.string().nullable(),
            involved: z.string().nullable(),
            reporterIsVictim: z.string(),
            contact: z.string().nullable(),
            messages: thread,
            evidence: z.array(
              z.object({
                id: z.string(),
                fileName: z.string(),
                contentType: z.string(),
                sizeBytes: z.number(),
                sha256: z.string(),
              }),
            ),
            /** Cases of the same mission sharing a nationality or category of personnel, within 30 days. */
            possibleDuplicates: z.array(
              z.object({
                caseId: z.string(),
                reference: z.string(),
                dateReported: z.string(),
                sameNationality: z.boolean(),
                sameCategory: z.boolean(),
              }),
            ),
            /** Other reports still in the queue, of the same mission, by the same rule. */
            similarReports: z.array(
              z.object({
                reportId: z.string(),
                receivedAt: z.string(),
                sameNationality: z.boolean(),
                sameCategory: z.boolean(),
              }),
            ),
          }),
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
      // Always a download, never rendered in the app's origin; the name is encoded, whatever it holds.
      return reply
        .header("content-type", file.contentType)
        .header(
          "content-disposition",
          `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("x-content-sha256", file.sha256)
        .header("cache-control", "no-store")
        .send(file.content);
    },
  );

  typed.post(
    "/api/reports/:id/case",
    {
      schema: {
        tags: ["intake"],
        summary: "Make the report part of a case: a new one built from it, or an existing case it also describes",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          caseId: z.uuid().optional(),
          missionCode: z
            .string()
            .regex(/^[A-Z0-9-]{2,20}$/)
            .optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: z.object({ caseId: z.string(), reference: z.string() }) },
      },
    },
    async (request) => linkReportToCase(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/reports/:id/messages",
    {
      schema: {
        tags: ["intake"],
        summary: "Write to the reporter, who reads it with their receipt",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ message: z.string().trim().min(1).max(5_000) }),
        response: { 201: z.object({ sent: z.boolean() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await postOfficerMessage(services, staffOf(request), request.params.id, request.body.message)),
  );
}
