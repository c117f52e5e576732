// HTTP for good practices: the public repository, and the Member State → headquarters review.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { practiceBody } from "../../../domain/good-practices.js";
import { staffOf } from "../../auth/actor.js";
import { publicRoute } from "../../rate-limits.js";
import type { FastifyReply } from "fastify";
import { type Download, sendDownload } from "../../uploads/download.js";
import { publicActor } from "../../auth/actor.js";
import {
  attachPracticeFile,
  createPractice,
  listPracticesForStaff,
  listPublishedPractices,
  movePractice,
  practiceFile,
  removePracticeFile,
  updatePractice,
} from "./service.js";

import {
  attachPracticeFileBody,
  attachPracticeFileSchema,
  listPracticesForStaffQuery,
  listPracticesForStaffSchema,
  listPublishedPracticesQuery,
  listPublishedPracticesSchema,
  movePracticeBody,
  practiceSchema,
} from "../../../domain/contracts/good-practices.js";
import { noContentSchema } from "../../../domain/contracts/fields.js";

export function registerGoodPracticeRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/public/good-practices",
    {
      config: publicRoute(services.config, 120),
      schema: {
        tags: ["public"],
        summary: "Published good practices, by area, theme, country and words",
        querystring: listPublishedPracticesQuery,
        response: { 200: listPublishedPracticesSchema },
      },
    },
    async (request) => listPublishedPractices(services, request.query),
  );

  typed.get(
    "/api/good-practices",
    {
      schema: {
        tags: ["good-practices"],
        summary: "Practices the caller may see: published ones, and drafts and reviews in scope",
        querystring: listPracticesForStaffQuery,
        response: { 200: listPracticesForStaffSchema },
      },
    },
    async (request) => listPracticesForStaff(services, staffOf(request), request.query),
  );

  typed.post(
    "/api/good-practices",
    {
      schema: {
        tags: ["good-practices"],
        summary: "Write a practice (a draft until submitted)",
        body: practiceBody,
        response: { 201: practiceSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPractice(services, staffOf(request), request.body)),
  );

  typed.patch(
    "/api/good-practices/:id",
    {
      schema: {
        tags: ["good-practices"],
        summary: "Edit a draft or returned practice; 409 on a stale version",
        params: z.strictObject({ id: z.uuid() }),
        body: practiceBody.extend({ version: z.number().int().positive() }),
        response: { 200: practiceSchema },
      },
    },
    async (request) => updatePractice(services, staffOf(request), request.params.id, request.body),
  );

  typed.post(
    "/api/good-practices/:id/steps",
    {
      schema: {
        tags: ["good-practices"],
        summary: "Submit a practice for review, publish it or return it with comments, or withdraw it",
        params: z.strictObject({ id: z.uuid() }),
        body: movePracticeBody,
        response: { 200: practiceSchema },
      },
    },
    async (request) =>
      movePractice(services, staffOf(request), request.params.id, request.body.step, request.body.comment),
  );

  const sendFile = (reply: FastifyReply, file: Download) => sendDownload(reply, file, "private, max-age=300");

  typed.post(
    "/api/good-practices/:id/files",
    {
      // Base64 of a 10 MB file, and the JSON around it.
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ["good-practices"],
        summary:
          "Attach a document or picture (PDF, JPEG, PNG, WebP, DOCX, PPTX, XLSX; 10 MB; 5 per practice) to a practice the caller may edit (audited)",
        params: z.strictObject({ id: z.uuid() }),
        body: attachPracticeFileBody,
        response: {
          201: attachPracticeFileSchema,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await attachPracticeFile(services, staffOf(request), request.params.id, {
          fileName: request.body.fileName,
          content: Buffer.from(request.body.contentBase64, "base64"),
        }),
      ),
  );

  typed.delete(
    "/api/good-practices/:id/files/:fileId",
    {
      schema: {
        tags: ["good-practices"],
        summary: "Remove a file from a practice the caller may edit (audited)",
        params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }),
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await removePracticeFile(services, staffOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );

  typed.get(
    "/api/good-practices/files/:fileId",
    {
      schema: {
        tags: ["good-practices"],
        summary: "A practice's file, for staff who may see the practice (drafts included)",
        params: z.strictObject({ fileId: z.uuid() }),
      },
    },
    async (request, reply) => sendFile(reply, await practiceFile(services, staffOf(request), request.params.fileId)),
  );

  typed.get(
    "/api/public/good-practices/files/:fileId",
    {
      config: publicRoute(services.config, 60),
      schema: {
        tags: ["public"],
        summary: "A published practice's file",
        params: z.strictObject({ fileId: z.uuid() }),
      },
    },
    async (request, reply) => sendFile(reply, await practiceFile(services, publicActor, request.params.fileId)),
  );
}
