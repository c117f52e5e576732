// HTTP for the overdue dashboard and each person's reminders.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { staffOf } from "../../auth/actor.js";
import { listNotifications, markNotificationsRead, overdueDashboard } from "./service.js";

import {
  listNotificationsSchema,
  markNotificationsReadBody,
  markNotificationsReadSchema,
  overdueDashboardSchema,
} from "../../../domain/contracts/deadlines.js";

export function registerDeadlineRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/overdue",
    {
      schema: {
        tags: ["deadlines"],
        summary:
          "Late State replies and late investigations in the caller's scope, with counts per mission and per Member State",
        response: {
          200: overdueDashboardSchema,
        },
      },
    },
    async (request) => overdueDashboard(services, staffOf(request)),
  );

  typed.get(
    "/api/notifications",
    {
      schema: {
        tags: ["deadlines"],
        summary: "The caller's reminders, newest first, and how many are unread",
        response: {
          200: listNotificationsSchema,
        },
      },
    },
    async (request) => listNotifications(services, staffOf(request)),
  );

  typed.post(
    "/api/notifications/read",
    {
      schema: {
        tags: ["deadlines"],
        summary: "Mark one reminder read (with its id), or all of them",
        body: markNotificationsReadBody,
        response: { 200: markNotificationsReadSchema },
      },
    },
    async (request) => markNotificationsRead(services, staffOf(request), request.body.id),
  );
}
