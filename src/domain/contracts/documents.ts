// Contracts of a case's documents (attached files and notes verbales written here) and of a
// referral's correspondence, shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";
import { unLanguages } from "../un-languages.js";
import { noteVerbaleLanguages, noteVerbaleTemplates } from "../notes-verbales.js";

/** What a document is: a note verbale the UN sends, a reply it receives, an investigation's report. */
export const documentKinds = ["note_verbale", "reply", "investigation_report", "other"] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Sent by the UN, received from a State or investigator, or kept for the case. */
export const directionOf = (kind: DocumentKind): "sent" | "received" | "kept" =>
  kind === "note_verbale" ? "sent" : kind === "reply" || kind === "investigation_report" ? "received" : "kept";

export const caseDocumentVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  datedOn: z.string(),
  /** Who attached or wrote it; null for a reader who does not learn staff names (a Member State). */
  byName: z.string().nullable(),
  createdAt: z.string(),
  /** The formats it can be downloaded in: a file as attached, a note written here as PDF and DOCX. */
  formats: z.array(z.enum(["file", "pdf", "docx"])),
});

export const caseDocumentSchema = z.object({
  seriesId: z.string(),
  kind: z.enum(documentKinds),
  direction: z.enum(["sent", "received", "kept"]),
  referralId: z.string().nullable(),
  investigationId: z.string().nullable(),
  number: z.string().nullable(),
  template: z.enum(noteVerbaleTemplates).nullable(),
  language: z.string().nullable(),
  /** Newest first. */
  versions: z.array(caseDocumentVersionSchema),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const listCaseDocumentsSchema = z.object({
  items: z.array(caseDocumentSchema),
  can: z.object({ attach: z.boolean(), writeNoteVerbale: z.boolean() }),
});
export type ListCaseDocuments = z.infer<typeof listCaseDocumentsSchema>;

export const attachCaseDocumentBody = z.strictObject({
  kind: z.enum(documentKinds),
  referralId: z.uuid().nullable().default(null),
  investigationId: z.uuid().nullable().default(null),
  /** When it was sent or received. */
  datedOn: z.iso.date(),
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.base64().max(14 * 1024 * 1024),
  /** A new version of this document (its series); absent for a new document. */
  seriesId: z.uuid().nullable().default(null),
});
export type AttachCaseDocument = z.infer<typeof attachCaseDocumentBody>;

export const issueNoteVerbaleBody = z.strictObject({
  template: z.enum(noteVerbaleTemplates),
  language: z.enum(noteVerbaleLanguages),
  /** The date the note bears and is sent on. */
  datedOn: z.iso.date(),
});
export type IssueNoteVerbale = z.infer<typeof issueNoteVerbaleBody>;

export const caseSummaryQuery = z.strictObject({ language: z.enum(unLanguages).default("en") });

export const documentFormatQuery = z.strictObject({ format: z.enum(["file", "pdf", "docx"]).default("file") });

/** One exchange on a referral, oldest first: the referral itself, notes sent, replies received. */
export const correspondenceEntrySchema = z.object({
  on: z.string(),
  direction: z.enum(["sent", "received"]),
  kind: z.enum(["referral", ...documentKinds, "reply_recorded", "nio_appointed"]),
  /** The note's number or the referral's reference. */
  number: z.string().nullable(),
  template: z.enum(noteVerbaleTemplates).nullable(),
  reply: z.string().nullable(),
  nioName: z.string().nullable(),
  documentId: z.string().nullable(),
  fileName: z.string().nullable(),
  formats: z.array(z.enum(["file", "pdf", "docx"])),
});
export type CorrespondenceEntry = z.infer<typeof correspondenceEntrySchema>;

export const referralCorrespondenceSchema = z.object({
  items: z.array(correspondenceEntrySchema),
  can: z.object({ attachReply: z.boolean(), writeNoteVerbale: z.boolean() }),
});
export type ReferralCorrespondence = z.infer<typeof referralCorrespondenceSchema>;

export const documentCreatedSchema = z.object({
  id: z.string(),
  seriesId: z.string(),
  version: z.number(),
  number: z.string().optional(),
});
export type DocumentCreated = z.infer<typeof documentCreatedSchema>;
