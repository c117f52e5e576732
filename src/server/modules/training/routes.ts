// HTTP for training: the course catalogue, contingents with their coverage, sessions, a State's
// certification of its pre-deployment training, and attendance lists (CSV or XLSX).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { courseKinds } from "../../../domain/training.js";
import { staffOf } from "../../auth/actor.js";
import {
  addContingent,
  addCourse,
  certifySession,
  importAttendance,
  listCourses,
  recordSession,
  trainingOverview,
} from "./service.js";

const tags = ["prevention"];
const missionCode = z.string().regex(/^[A-Z0-9-]{2,20}$/);
const countryCode = z.string().regex(/^[A-Z]{3}$/);
const share = z.record(z.string(), z.number());

export function registerTrainingRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/training",
    {
      schema: {
        tags,
        summary: "Contingents in scope with their training coverage and gaps, and the sessions recorded",
        querystring: z.strictObject({ mission: missionCode.optional() }),
        response: {
          200: z.object({
            contingents: z.array(
              z.object({
                id: z.string(),
                missionCode: z.string(),
                countryCode: z.string(),
                name: z.string(),
                categoryCode: z.string(),
                strength: z.number(),
                deployedOn: z.string(),
                coverage: z.object({
                  shares: share,
                  trained: share,
                  certifiedOn: z.string().nullable(),
                  gaps: z.array(z.string()),
                }),
              }),
            ),
            sessions: z.array(
              z.object({
                id: z.string(),
                courseCode: z.string(),
                courseTitle: z.string(),
                kind: z.string(),
                missionCode: z.string().nullable(),
                countryCode: z.string().nullable(),
                contingentId: z.string().nullable(),
                contingentName: z.string().nullable(),
                startsOn: z.string(),
                endsOn: z.string(),
                trainer: z.string(),
                audienceCategoryCode: z.string().nullable(),
                participants: z.number(),
                completions: z.number(),
                attendanceImported: z.boolean(),
                certifiedOn: z.string().nullable(),
                can: z.object({ certify: z.boolean(), importAttendance: z.boolean() }),
              }),
            ),
            can: z.object({ addContingent: z.boolean(), recordSession: z.boolean() }),
          }),
        },
      },
    },
    async (request) => trainingOverview(services, staffOf(request), { missionCode: request.query.mission }),
  );

  typed.get(
    "/api/training/courses",
    {
      schema: {
        tags,
        summary: "The course catalogue",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                code: z.string(),
                title: z.string(),
                kind: z.string(),
                validityMonths: z.number(),
              }),
            ),
            can: z.object({ add: z.boolean() }),
          }),
        },
      },
    },
    async (request) => listCourses(services, staffOf(request)),
  );

  typed.post(
    "/api/training/courses",
    {
      schema: {
        tags,
        summary: "Add a course to the catalogue (headquarters)",
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^[A-Z0-9-]{2,20}$/),
          title: z.string().trim().min(3).max(300),
          kind: z.enum(courseKinds),
          validityMonths: z.number().int().min(1).max(120),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await addCourse(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/training/contingents",
    {
      schema: {
        tags,
        summary: "Record a contingent deployed to a mission, with its strength",
        body: z.strictObject({
          missionCode,
          countryCode,
          name: z.string().trim().min(2).max(100),
          categoryCode: z.enum(["MIL_MC", "MIL_MO", "POL_UNPOL", "POL_FPU"]),
          strength: z.number().int().min(1).max(20_000),
          deployedOn: z.iso.date(),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await addContingent(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/training/sessions",
    {
      schema: {
        tags,
        summary:
          "Record a training session: a mission's (induction, refresher) or a State's national pre-deployment training",
        body: z.strictObject({
          courseId: z.uuid(),
          missionCode: missionCode.nullable(),
          countryCode: countryCode.nullable(),
          contingentId: z.uuid().nullable().default(null),
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
          trainer: z.string().trim().min(2).max(200),
          audienceCategoryCode: z
            .string()
            .regex(/^[A-Z_]{2,20}$/)
            .nullable()
            .default(null),
          participants: z.number().int().min(0).max(20_000),
          completions: z.number().int().min(0).max(20_000),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await recordSession(services, staffOf(request), request.body)),
  );

  typed.post(
    "/api/training/sessions/:id/certification",
    {
      schema: {
        tags,
        summary: "The State's focal point certifies its national pre-deployment training for the contingent it trained",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ statement: z.string().trim().min(10).max(2000) }),
        response: { 200: z.object({ certifiedOn: z.string() }) },
      },
    },
    async (request) => certifySession(services, staffOf(request), request.params.id, request.body.statement),
  );

  typed.post(
    "/api/training/sessions/:id/attendance",
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import a session's attendance list (CSV or XLSX, columns service_number,completed); bad rows are reported by line and nothing is stored unless skipInvalid",
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          fileName: z.string().max(255),
          contentBase64: z.base64().min(4).max(4_000_000),
          skipInvalid: z.boolean().default(false),
        }),
        response: {
          200: z.object({
            participants: z.number(),
            completions: z.number(),
            rejected: z.array(z.object({ line: z.number(), message: z.string() })),
          }),
        },
      },
    },
    async (request) =>
      importAttendance(services, staffOf(request), request.params.id, {
        content: Buffer.from(request.body.contentBase64, "base64"),
        skipInvalid: request.body.skipInvalid,
      }),
  );
}
