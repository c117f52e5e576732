// Contracts of deadlines and reminders (the overdue dashboard, a person's reminders), shared by the
// routes, the OpenAPI document and the web app.
import { z } from "zod";
import { overdueReferralSchema } from "./referrals.js";

const group = z.object({ key: z.string(), referrals: z.number(), investigations: z.number() });

export const overdueDashboardSchema = z.object({
  referrals: z.array(overdueReferralSchema),
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
});
export type OverdueDashboard = z.infer<typeof overdueDashboardSchema>;

export const listNotificationsSchema = z.object({
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
});
export type ListNotifications = z.infer<typeof listNotificationsSchema>;

export const markNotificationsReadSchema = z.object({ marked: z.number() });
export type MarkNotificationsRead = z.infer<typeof markNotificationsReadSchema>;

export const markNotificationsReadBody = z.strictObject({ id: z.uuid().optional() });
