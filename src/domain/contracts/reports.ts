// The report a person submits (public form, JSON intake, staff intake), shared by the API, the
// server-rendered form and the web app.
import { z } from "zod";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from "../evidence.js";
import { immediateNeeds, reportKinds, reportRoutes, urgencies } from "../triage.js";

export const reportChannels = [
  "web_form",
  "api",
  "sms",
  "hotline",
  "in_person",
  "letter",
  "cbcm",
  "un_entity",
] as const;
export const childrenInvolvedSchema = z.enum(["yes", "no", "unknown"]);
export const reporterIsVictimSchema = z.enum(["yes", "no", "prefer_not_to_say"]);
export const publicLanguageSchema = z.enum(["en", "fr", "ar", "zh", "ru", "es"]);
/** The language a reporter wrote in: one of the UN's six or a community language (ISO 639 code). */
export const reportLanguageSchema = z.string().regex(/^[a-z]{2,3}$/);

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
    /** The organisation the people work for (a UN system entity or a partner's code); null: not known. */
    organisationCode: z
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
    /** What it is about, as the reporter understands it. */
    kind: z.enum(reportKinds).default("unknown"),
    /** Is someone in danger now? */
    immediateDanger: childrenInvolvedSchema.default("unknown"),
    /** What the person it happened to needs now (care, safety, shelter…). */
    needs: z
      .array(z.enum(immediateNeeds))
      .max(immediateNeeds.length)
      .default([])
      .transform((needs) => [...new Set(needs)]),
    reporterIsVictim: reporterIsVictimSchema.default("prefer_not_to_say"),
    /** Who receives it: "headquarters" keeps it from the mission's team (the mission may be the problem). */
    route: z.enum(reportRoutes).default("unknown"),
    anonymous: z.boolean(),
    contact: optionalText(500),
    language: reportLanguageSchema.default("en"),
  })
  .superRefine((report, context) => {
    if (!report.anonymous && !report.contact)
      context.addIssue({ code: "custom", path: ["contact"], message: "contact_required" });
    if (report.anonymous && report.contact)
      context.addIssue({ code: "custom", path: ["contact"], message: "contact_with_anonymous" });
    if (report.route === "mission" && !report.missionCode)
      context.addIssue({ code: "custom", path: ["route"], message: "route_mission_without_mission" });
    if (report.incidentDate && report.incidentDate > new Date().toISOString().slice(0, 10))
      context.addIssue({ code: "custom", path: ["incidentDate"], message: "date_in_future" });
  });
export type ReportBody = z.input<typeof reportBody>;
export type Report = z.output<typeof reportBody>;

/** How people name a report before it is part of a case: "R-3F9A21C0", from its identifier. */
export const reportCode = (id: string) => `R-${id.slice(0, 8).toUpperCase()}`;

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

export const threadSchema = z.array(
  z.object({ id: z.string(), fromReporter: z.boolean(), message: z.string(), createdAt: z.string() }),
);
export const queueItemSchema = z.object({
  id: z.string(),
  /** "R-3F9A21C0": how people name the report before it is part of a case. */
  code: z.string(),
  /** Not yet part of a case, while a case or another report of its mission may describe the same allegation. */
  possibleDuplicate: z.boolean(),
  missionCode: z.string().nullable(),
  /** The organisation the reporter named; null when they did not know. */
  organisationCode: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  language: z.string(),
  incidentDate: z.string().nullable(),
  personnelCategoryCodes: z.array(z.string()),
  nationalityCodes: z.array(z.string()),
  childrenInvolved: z.string(),
  kind: z.enum(reportKinds),
  immediateDanger: z.string(),
  needs: z.array(z.string()),
  urgency: z.enum(urgencies),
  anonymous: z.boolean(),
  /** Who the reporter chose to receive it. */
  route: z.enum(reportRoutes),
  /** Kept from the mission's team (the reporter sent it to headquarters) until headquarters hands it over. */
  headquartersOnly: z.boolean(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  /** The reporter wrote since this reader last opened the report. */
  unread: z.boolean(),
  version: z.number(),
  can: z.record(z.string(), z.boolean()),
});

/** A queue row: the item with the start of what happened, the place, and the cases it may duplicate. */
export const queueRowSchema = queueItemSchema.extend({
  excerpt: z.string(),
  place: z.string().nullable(),
  duplicateReferences: z.array(z.string()),
});

/** Photos, PDF or audio, base64-encoded: at most 3 files of 10 MB, recognised by their content. */
export const evidenceUpload = z
  .array(
    z.strictObject({
      fileName: z.string().max(255),
      contentBase64: z.base64().max(Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 4),
    }),
  )
  .max(MAX_EVIDENCE_FILES)
  .default([]);
export const decoded = (evidence: z.output<typeof evidenceUpload>) =>
  evidence.map((file) => ({ fileName: file.fileName, content: Buffer.from(file.contentBase64, "base64") }));
/** Room for three 10 MB files in base64; every other JSON route keeps the 1 MB limit. */
export const EVIDENCE_BODY_LIMIT = 45 * 1024 * 1024;

export const receiptSchema = z.object({ receipt: z.string() });
export type Receipt = z.infer<typeof receiptSchema>;

export const followUpReportSchema = z.object({
  status: z.enum(publicReportStatuses),
  receivedAt: z.string(),
  /** The mission the reporter named, whose help the follow-up page shows. */
  missionCode: z.string().nullable(),
  messages: threadSchema,
});
export type FollowUpReport = z.infer<typeof followUpReportSchema>;

export const postReporterMessageSchema = z.object({ sent: z.boolean() });
export type PostReporterMessage = z.infer<typeof postReporterMessageSchema>;

export const submitReportBody = z.strictObject({
  channel: z.enum(reportChannels).exclude(["web_form", "api", "sms"]),
  report: reportBody,
  evidence: evidenceUpload,
});

/**
 * A report written while offline, sealed in the browser (domain/sealing.ts): one envelope holds
 * `{ channel, report }`, one per file holds `{ fileName, contentBase64 }`. Base64 of base64 makes a
 * file about 1.8 times its size, hence the larger limit.
 */
export type StaffReportBody = z.output<typeof submitReportBody>;

export const envelopeSchema = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  ephemeralKey: z.base64().max(200),
  iv: z.base64().max(40),
  ciphertext: z.base64(),
});
export const sealingKeySchema = z.object({ keyId: z.string(), publicKey: z.string() });

export const sealedReportBody = z.strictObject({
  report: envelopeSchema,
  evidence: z.array(envelopeSchema).max(MAX_EVIDENCE_FILES).default([]),
});
export const sealedReportContent = submitReportBody.omit({ evidence: true });
export const sealedEvidenceContent = evidenceUpload.unwrap().element;
export const SEALED_BODY_LIMIT = 64 * 1024 * 1024;

export const listIntakeQueueSchema = z.object({
  items: z.array(queueRowSchema),
  limit: z.number(),
  offset: z.number(),
});
export type ListIntakeQueue = z.infer<typeof listIntakeQueueSchema>;

const flag = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional();

export const listIntakeQueueQuery = z.strictObject({
  mission: z.string().max(20).optional(),
  /** Only reports not yet part of a case ("new"). */
  unlinked: flag,
  /** Only reports whose reporter wrote since the reader last opened them. */
  unread: flag,
  kind: z.enum(reportKinds).optional(),
  urgency: z.enum(urgencies).optional(),
  channel: z.enum(reportChannels).optional(),
  /** A report code (R-…), a case number, or words of what happened or of the place. */
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const readReportSchema = queueItemSchema.extend({
  whatHappened: z.string(),
  place: z.string().nullable(),
  involved: z.string().nullable(),
  reporterIsVictim: z.string(),
  contact: z.string().nullable(),
  messages: threadSchema,
  evidence: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
    }),
  ),
  /** Cases of the same mission sharing a nationality or category of personnel, within 30 days. */
  possibleDuplicates: z.array(
    z.object({
      caseId: z.string(),
      reference: z.string(),
      dateReported: z.string(),
      sameNationality: z.boolean(),
      sameCategory: z.boolean(),
    }),
  ),
  /** Other reports still in the queue, of the same mission, by the same rule. */
  similarReports: z.array(
    z.object({
      reportId: z.string(),
      code: z.string(),
      receivedAt: z.string(),
      sameNationality: z.boolean(),
      sameCategory: z.boolean(),
    }),
  ),
});
export type ReadReport = z.infer<typeof readReportSchema>;

export const linkReportToCaseSchema = z.object({ caseId: z.string(), reference: z.string() });
export type LinkReportToCase = z.infer<typeof linkReportToCaseSchema>;

export const linkReportToCaseBody = z.strictObject({
  caseId: z.uuid().optional(),
  missionCode: z
    .string()
    .regex(/^[A-Z0-9-]{2,20}$/)
    .optional(),
  version: z.number().int().positive(),
});

export const handToMissionBody = z.strictObject({ version: z.number().int().positive() });
export const handToMissionSchema = z.object({
  /** The case built from the report was handed over too (no other report of it is kept from the mission). */
  caseHandedOver: z.boolean(),
});

/** Headquarters sends the report to a unit: another mission, or an office of the entity the reporter named. */
export const routeReportBody = z.strictObject({
  missionCode: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  version: z.number().int().positive(),
});
export const routeReportSchema = z.object({ missionCode: z.string() });
export type RouteReport = z.infer<typeof routeReportSchema>;

export const postOfficerMessageSchema = z.object({ sent: z.boolean() });
export type PostOfficerMessage = z.infer<typeof postOfficerMessageSchema>;

export const postOfficerMessageBody = z.strictObject({ message: z.string().trim().min(1).max(5_000) });

/** The reports a case was built from, with what each said and its thread (for intake officers only). */
export const listCaseReportsSchema = z.object({
  items: z.array(
    queueItemSchema.extend({ whatHappened: z.string(), place: z.string().nullable(), messages: threadSchema }),
  ),
});
export type ListCaseReports = z.infer<typeof listCaseReportsSchema>;
