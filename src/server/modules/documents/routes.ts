// HTTP for a case's documents, notes verbales and a referral's correspondence.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  attachCaseDocumentBody,
  caseSummaryQuery,
  documentFormatQuery,
  issueNoteVerbaleBody,
  listCaseDocumentsSchema,
  documentCreatedSchema,
  referralCorrespondenceSchema,
} from "../../../domain/contracts/documents.js";
import { staffOf } from "../../auth/actor.js";
import { sendDownload } from "../../uploads/download.js";
import {
  attachCaseDocument,
  printCaseSummary,
  issueNoteVerbale,
  listCaseDocuments,
  readCaseDocument,
  referralCorrespondence,
} from "./service.js";

export function registerDocumentRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/cases/:id/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "A case's documents the caller may see, each with its versions (audited)",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: listCaseDocumentsSchema },
      },
    },
    async (request) => listCaseDocuments(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/cases/:id/documents",
    {
      // Base64 of a 10 MB file, and the JSON around it.
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ["documents"],
        summary:
          "Attach a document (PDF, picture, DOCX, PPTX, XLSX; 10 MB) to a case, its referral or investigation, or a new version of one (encrypted, audited)",
        params: z.strictObject({ id: z.uuid() }),
        body: attachCaseDocumentBody,
        response: { 201: documentCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await attachCaseDocument(services, staffOf(request), request.params.id, request.body)),
  );

  typed.get(
    "/api/case-documents/:id/content",
    {
      schema: {
        tags: ["documents"],
        summary: "Download a document: a file as attached, a note verbale as PDF or DOCX (audited)",
        params: z.strictObject({ id: z.uuid() }),
        querystring: documentFormatQuery,
      },
    },
    async (request, reply) =>
      sendDownload(reply, await readCaseDocument(services, staffOf(request), request.params.id, request.query.format)),
  );

  typed.get(
    "/api/cases/:id/summary",
    {
      schema: {
        tags: ["documents"],
        summary:
          "A printable summary (PDF) of the case as the caller may see it, in English, French or Arabic (audited)",
        params: z.strictObject({ id: z.uuid() }),
        querystring: caseSummaryQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await printCaseSummary(services, staffOf(request), request.params.id, request.query.language),
      ),
  );

  typed.post(
    "/api/referrals/:id/notes-verbales",
    {
      schema: {
        tags: ["documents"],
        summary:
          "Write a note verbale to the referral's State from a template (notification, NIO request, reminder, outcome), numbered and kept on the referral",
        params: z.strictObject({ id: z.uuid() }),
        body: issueNoteVerbaleBody,
        response: { 201: documentCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueNoteVerbale(services, staffOf(request), request.params.id, request.body)),
  );

  typed.get(
    "/api/referrals/:id/correspondence",
    {
      schema: {
        tags: ["documents"],
        summary: "A referral's correspondence, oldest first: notes sent, replies received and recorded (audited)",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: referralCorrespondenceSchema },
      },
    },
    async (request) => referralCorrespondence(services, staffOf(request), request.params.id),
  );
}
