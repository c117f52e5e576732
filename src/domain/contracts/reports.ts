// The report a person submits (public form, JSON intake, staff intake), shared by the API, the
// server-rendered form and the web app.
import { z } from "zod";

export const reportChannels = ["web_form", "api", "hotline", "in_person", "letter", "cbcm", "un_entity"] as const;
export const childrenInvolvedSchema = z.enum(["yes", "no", "unknown"]);
export const reporterIsVictimSchema = z.enum(["yes", "no", "prefer_not_to_say"]);
export const publicLanguageSchema = z.enum(["en", "fr", "ar", "zh", "ru", "es"]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const reportBody = z
  .strictObject({
    whatHappened: z.string().trim().min(10).max(20_000),
    missionCode: z
      .string()
      .regex(/^[A-Z0-9-]{2,20}$/)
      .nullish()
      .transform((value) => value ?? null),
    place: optionalText(500),
    /** Null when the reporter does not know the date. */
    incidentDate: z.iso
      .date()
      .nullish()
      .transform((value) => value ?? null),
    personnelCategoryCodes: z
      .array(z.string().regex(/^[A-Z_]{2,20}$/))
      .max(7)
      .default([]),
    nationalityCodes: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .max(10)
      .default([]),
    involved: optionalText(2_000),
    childrenInvolved: childrenInvolvedSchema.default("unknown"),
    reporterIsVictim: reporterIsVictimSchema.default("prefer_not_to_say"),
    anonymous: z.boolean(),
    contact: optionalText(500),
    language: publicLanguageSchema.default("en"),
  })
  .superRefine((report, context) => {
    if (!report.anonymous && !report.contact)
      context.addIssue({ code: "custom", path: ["contact"], message: "contact_required" });
    if (report.anonymous && report.contact)
      context.addIssue({ code: "custom", path: ["contact"], message: "contact_with_anonymous" });
    if (report.incidentDate && report.incidentDate > new Date().toISOString().slice(0, 10))
      context.addIssue({ code: "custom", path: ["incidentDate"], message: "date_in_future" });
  });
export type ReportBody = z.input<typeof reportBody>;
export type Report = z.output<typeof reportBody>;

export const receiptBody = z.strictObject({ receipt: z.string().trim().min(16).max(40) });
export const reporterMessageBody = z.strictObject({
  receipt: z.string().trim().min(16).max(40),
  message: z.string().trim().min(1).max(5_000),
});

/** What a reporter sees of progress: enough to know the report is handled, nothing about anyone. */
export const publicReportStatuses = [
  "received",
  "under_review",
  "under_investigation",
  "action_taken",
  "closed",
] as const;
export type PublicReportStatus = (typeof publicReportStatuses)[number];

export function publicStatusOf(caseStatus: string | null): PublicReportStatus {
  switch (caseStatus) {
    case null:
    case "received":
      return "received";
    case "preliminary_assessment":
      return "under_review";
    case "referred":
    case "under_investigation":
      return "under_investigation";
    case "findings":
    case "actions":
      return "action_taken";
    default:
      return "closed";
  }
}
