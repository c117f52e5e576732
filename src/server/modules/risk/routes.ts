// HTTP for misconduct risk management: a mission's register, assessments, mitigations and the
// quarterly report to headquarters (JSON, XLSX or PDF).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { locationKinds, riskFactorKinds, riskLevels } from "../../../domain/risk.js";
import { staffOf } from "../../auth/actor.js";
import { completionBody, followUpBody, followUpResponse } from "../../follow-ups.js";
import { reportLanguage, reportPdf, reportSpreadsheet } from "./report-files.js";
import {
  addMitigation,
  assessmentDetail,
  completeMitigation,
  recordAssessment,
  riskRegister,
  riskReport,
} from "./service.js";

const tags = ["prevention"];
const missionCode = z.string().regex(/^[A-Z0-9-]{2,20}$/);
const rating = z.number().int().min(1).max(5);
const level = z.enum(riskLevels);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((value) => (value === "" ? null : value));
const mitigationBody = z.strictObject({
  factorKind: z.enum(riskFactorKinds).nullable().default(null),
  ...followUpBody,
});
const mitigation = followUpResponse.extend({ factorKind: z.string().nullable() });
const ratedFactor = z.object({
  kind: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  score: z.number(),
  level,
});
const report = z.object({
  missionCode: z.string(),
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  locations: z.array(
    z.object({
      assessmentId: z.string(),
      location: z.string(),
      locationKind: z.string(),
      assessedOn: z.string(),
      reviewOn: z.string(),
      reviewOverdue: z.boolean(),
      level: level.nullable(),
      factors: z.array(ratedFactor),
      mitigations: z.object({ due: z.number(), completed: z.number(), overdue: z.number() }),
      overdueMitigations: z.array(z.object({ action: z.string(), owner: z.string(), dueOn: z.string() })),
    }),
  ),
  levels: z.record(z.string(), z.number()),
  heat: z.array(z.array(z.number())),
  totals: z.object({
    locations: z.number(),
    assessedInQuarter: z.number(),
    reviewsOverdue: z.number(),
    mitigationsDue: z.number(),
    mitigationsCompleted: z.number(),
    mitigationsOverdue: z.number(),
  }),
});

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
        params: z.strictObject({ missionCode }),
        response: { 200: report.extend({ can: z.object({ assess: z.boolean() }) }) },
      },
    },
    async (request) => riskRegister(services, staffOf(request), request.params.missionCode),
  );

  typed.get(
    "/api/risk/:missionCode/reports/:quarter",
    {
      schema: {
        tags,
        summary: "The quarterly report to headquarters (JSON, XLSX or PDF, in English or French); audited",
        params: z.strictObject({
          missionCode,
          quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "a quarter such as 2026-Q3"),
        }),
        querystring: z.strictObject({
          format: z.enum(["json", "xlsx", "pdf"]).default("json"),
          lang: z.enum(["en", "fr"]).optional(),
        }),
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
        body: z.strictObject({
          missionCode,
          location: z.string().trim().min(2).max(200),
          locationKind: z.enum(locationKinds),
          assessedOn: z.iso.date(),
          reviewOn: z.iso.date(),
          notes: optionalText(4000),
          factors: z
            .array(
              z.strictObject({
                kind: z.enum(riskFactorKinds),
                likelihood: rating,
                impact: rating,
                notes: optionalText(1000),
              }),
            )
            .min(1)
            .max(riskFactorKinds.length),
          mitigations: z.array(mitigationBody).max(50).default([]),
        }),
        response: { 201: z.object({ id: z.string() }) },
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
        response: {
          200: z.object({
            id: z.string(),
            missionCode: z.string(),
            location: z.string(),
            locationKind: z.string(),
            assessedOn: z.string(),
            reviewOn: z.string(),
            reviewOverdue: z.boolean(),
            notes: z.string().nullable(),
            level: level.nullable(),
            factors: z.array(ratedFactor.extend({ notes: z.string().nullable() })),
            mitigations: z.array(mitigation),
            history: z.array(z.object({ id: z.string(), assessedOn: z.string(), current: z.boolean() })),
            can: z.object({ addMitigation: z.boolean(), completeMitigation: z.boolean(), reassess: z.boolean() }),
          }),
        },
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
        response: { 201: z.object({ id: z.string() }) },
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
        response: { 200: mitigation },
      },
    },
    async (request) => completeMitigation(services, staffOf(request), request.params.id, request.body),
  );
}
