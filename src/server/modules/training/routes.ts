// HTTP for training: the course catalogue, contingents with their coverage, sessions, a State's
// certification of its pre-deployment training, and attendance lists (CSV or XLSX).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
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

import {
  addContingentBody,
  addCourseBody,
  certifySessionBody,
  certifySessionSchema,
  importAttendanceBody,
  importAttendanceSchema,
  listCoursesSchema,
  recordSessionBody,
  trainingOverviewQuery,
  trainingOverviewSchema,
} from "../../../domain/contracts/training.js";
import { createdSchema } from "../../../domain/contracts/fields.js";

const tags = ["prevention"];

export function registerTrainingRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/training",
    {
      schema: {
        tags,
        summary: "Contingents in scope with their training coverage and gaps, and the sessions recorded",
        querystring: trainingOverviewQuery,
        response: {
          200: trainingOverviewSchema,
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
          200: listCoursesSchema,
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
        body: addCourseBody,
        response: { 201: createdSchema },
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
        body: addContingentBody,
        response: { 201: createdSchema },
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
        body: recordSessionBody,
        response: { 201: createdSchema },
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
        body: certifySessionBody,
        response: { 200: certifySessionSchema },
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
        body: importAttendanceBody,
        response: {
          200: importAttendanceSchema,
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
