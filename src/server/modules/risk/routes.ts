// HTTP for misconduct risk management: a mission's register, assessments, mitigations and the
// quarterly report to headquarters (JSON, XLSX or PDF).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createdSchema,
  missionCodeField,
  reasonedSharesSchema,
  shareWithReasonBody,
} from "../../../domain/contracts/fields.js";
import { completionBody } from "../../../domain/contracts/follow-ups.js";
import {
  assessmentBody,
  assessmentSchema,
  mitigationBody,
  mitigationSchema,
  riskRegisterSchema,
  riskReportParams,
  riskReportQuery,
  sharedRegistersSchema,
} from "../../../domain/contracts/risk.js";
import { staffOf } from "../../auth/actor.js";
import { reportLanguage, reportPdf, reportSpreadsheet } from "./report-files.js";
import {
  addMitigation,
  assessmentDetail,
  completeMitigation,
  recordAssessment,
  riskRegister,
  riskReport,
} from "./service.js";
import { endRegisterShare, listRegisterShares, registersSharedWithActor, shareRegister } from "./shares.js";

const tags = ["prevention"];

export function registerRiskRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/risk/:missionCode",
    {
      schema: {
        tags,
        summary:
          "A mission's risk register today: the latest assessment of each location, worst first, with the heat map",
        params: z.strictObject({ missionCode: missionCodeField }),
        response: { 200: riskRegisterSchema },
      },
    },
    async (request) => riskRegister(services, staffOf(request), request.params.missionCode),
  );

  typed.get(
    "/api/risk/shared",
    {
      schema: {
        tags,
        summary: "The units of other entities whose risk registers the reader's unit reads through a share",
        response: { 200: sharedRegistersSchema },
      },
    },
    async (request) => registersSharedWithActor(services, staffOf(request)),
  );

  typed.get(
    "/api/risk/:missionCode/shares",
    {
      schema: {
        tags,
        summary: "The units of other entities the mission's risk register is or was shared with, and why",
        params: z.strictObject({ missionCode: missionCodeField }),
        response: { 200: reasonedSharesSchema },
      },
    },
    async (request) => listRegisterShares(services, staffOf(request), request.params.missionCode),
  );

  typed.post(
    "/api/risk/:missionCode/shares",
    {
      schema: {
        tags,
        summary: "Share the mission's risk register with a unit of another entity, saying why; audited",
        params: z.strictObject({ missionCode: missionCodeField }),
        body: shareWithReasonBody,
        response: { 201: reasonedSharesSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await shareRegister(services, staffOf(request), request.params.missionCode, request.body)),
  );

  typed.post(
    "/api/risk/:missionCode/shares/:shareId/end",
    {
      schema: {
        tags,
        summary: "End a share of the mission's risk register; audited",
        params: z.strictObject({ missionCode: missionCodeField, shareId: z.uuid() }),
        response: { 200: reasonedSharesSchema },
      },
    },
    async (request) => endRegisterShare(services, staffOf(request), request.params.missionCode, request.params.shareId),
  );

  typed.get(
    "/api/risk/:missionCode/reports/:quarter",
    {
      schema: {
        tags,
        summary: "The quarterly report to headquarters (JSON, XLSX or PDF, in English or French); audited",
        params: riskReportParams,
        querystring: riskReportQuery,
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { format } = request.query;
      const data = await riskReport(services, actor, request.params.missionCode, request.params.quarter, format);
      if (format === "json") return data;
      const language = reportLanguage(request.query.lang ?? actor.language ?? "en");
      const name = `risk-report-${data.missionCode}-${data.quarter}.${format}`;
      const body = format === "pdf" ? await reportPdf(data, language) : await reportSpreadsheet(data, language);
      const type =
        format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      return reply
        .header("content-type", type)
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(body);
    },
  );

  typed.post(
    "/api/risk-assessments",
    {
      schema: {
        tags,
        summary:
          "Assess a location: factors rated likelihood × impact, mitigations with owners and due dates, the review date",
        body: assessmentBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordAssessment(services, staffOf(request), request.body)),
  );

  typed.get(
    "/api/risk-assessments/:id",
    {
      schema: {
        tags,
        summary: "One assessment: its factors, mitigations and the location's earlier assessments",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: assessmentSchema },
      },
    },
    async (request) => assessmentDetail(services, staffOf(request), request.params.id),
  );

  typed.post(
    "/api/risk-assessments/:id/mitigations",
    {
      schema: {
        tags,
        summary: "Add a mitigation to an assessment",
        params: z.strictObject({ id: z.uuid() }),
        body: mitigationBody,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMitigation(services, staffOf(request), request.params.id, request.body)),
  );

  typed.post(
    "/api/risk-mitigations/:id/completion",
    {
      schema: {
        tags,
        summary: "Record a mitigation as done; 409 with the current one when the version is stale",
        params: z.strictObject({ id: z.uuid() }),
        body: completionBody,
        response: { 200: mitigationSchema },
      },
    },
    async (request) => completeMitigation(services, staffOf(request), request.params.id, request.body),
  );
}
