// HTTP for the overdue dashboard and each person's reminders.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffOf } from "../../auth/actor.js";
import { listNotifications, markNotificationsRead, overdueDashboard } from "./service.js";

const group = z.object({ key: z.string(), referrals: z.number(), investigations: z.number() });

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
          200: z.object({
            referrals: z.array(z.record(z.string(), z.unknown())),
            investigations: z.array(
              z.object({
                id: z.string(),
                caseId: z.string(),
                reference: z.string(),
                missionCode: z.string(),
                countryCode: z.string().nullable(),
                entity: z.string(),
                startedOn: z.string(),
                dueOn: z.string(),
                daysOverdue: z.number(),
              }),
            ),
            byMission: z.array(group),
            byCountry: z.array(group),
          }),
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
          200: z.object({
            unread: z.number(),
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                caseId: z.string().nullable(),
                caseReference: z.string().nullable(),
                subjectPath: z.string().nullable(),
                dueOn: z.string().nullable(),
                createdAt: z.string(),
                read: z.boolean(),
              }),
            ),
          }),
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
        body: z.strictObject({ id: z.uuid().optional() }),
        response: { 200: z.object({ marked: z.number() }) },
      },
    },
    async (request) => markNotificationsRead(services, staffOf(request), request.body.id),
  );
}
