// A case's documents: files attached to the case, a referral or an investigation (encrypted, every
// version kept), notes verbales written here from templates and numbered, and each referral's
// correspondence. Every download and every write is audited on the case.
import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  caseDocuments,
  countries,
  documentNumbers,
  investigations,
  missions,
  referrals,
  user,
} from "../../../db/schema.js";
import {
  type AttachCaseDocument,
  type CorrespondenceEntry,
  type DocumentKind,
  directionOf,
  type IssueNoteVerbale,
} from "../../../domain/contracts/documents.js";
import {
  NOTE_VERBALE_SERIES,
  type NoteVerbaleLetter,
  type NoteVerbaleTemplate,
  noteVerbaleNumber,
  writeNoteVerbale,
} from "../../../domain/notes-verbales.js";
import { isStateReferral, type ReferralEntity } from "../../../domain/referrals.js";
import { allegationLabel, label } from "../../../domain/vocabulary/index.js";
import type { Actor } from "../../auth/actor.js";
import { type CaseScopeFacts, casePolicy, documentPolicy, referralPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture } from "../../dates.js";
import { Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { acceptDocument } from "../../uploads/documents.js";
import { recordAuditEvent } from "../audit/index.js";
import { authorizeCase, caseTimeline, findCaseWithFacts, readCase } from "../cases/index.js";
import { listCaseReferrals } from "../referrals/index.js";
import { caseSummaryPdf } from "./case-summary-pdf.js";
import type { UnLanguage } from "../../../domain/un-languages.js";
import { noteVerbaleDocx, noteVerbalePdf } from "./note-verbale-files.js";

type DocumentRow = typeof caseDocuments.$inferSelect;
type Format = "file" | "pdf" | "docx";

const formatsOf = (row: Pick<DocumentRow, "letterEncrypted">): Format[] =>
  row.letterEncrypted ? ["pdf", "docx"] : ["file"];

const fileNameContext = (id: string) => fieldContext("case_documents", "file_name_encrypted", id);

/** The case's documents the actor may see, each with its versions (newest first). */
export async function listCaseDocuments(services: Services, actor: Actor, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    if (!documentPolicy.view(actor, found.facts)) throw new Forbidden("Your role does not read a case's documents.");
    const rows = await tx
      .select({ document: caseDocuments, byName: user.name })
      .from(caseDocuments)
      .leftJoin(user, eq(user.id, caseDocuments.uploadedBy))
      .where(eq(caseDocuments.caseId, caseId))
      .orderBy(asc(caseDocuments.createdAt), desc(caseDocuments.version));
    const seesNames = casePolicy.seesStaffNames(actor);
    const series = new Map<string, { first: DocumentRow; versions: Awaited<ReturnType<typeof presentVersion>>[] }>();
    for (const { document, byName } of rows) {
      const entry = series.get(document.seriesId) ?? { first: document, versions: [] };
      entry.versions.push(await presentVersion(services, tx, document, seesNames ? byName : null));
      series.set(document.seriesId, entry);
    }
    await recordAuditEvent(tx, actor, {
      action: "case.documents.read",
      subjectType: "case",
      subjectId: caseId,
      details: { shown: rows.length },
    });
    return {
      items: [...series.values()].map(({ first, versions }) => ({
        seriesId: first.seriesId,
        kind: first.kind as DocumentKind,
        direction: directionOf(first.kind as DocumentKind),
        referralId: first.referralId,
        investigationId: first.investigationId,
        number: first.number,
        template: first.template as NoteVerbaleTemplate | null,
        language: first.language,
        versions: versions.sort((a, b) => b.version - a.version),
      })),
      can: {
        attach: documentPolicy.attach(actor, found.facts, "other", null),
        writeNoteVerbale: documentPolicy.writeNoteVerbale(actor, found.facts),
      },
    };
  });
}

async function presentVersion(services: Services, tx: Transaction, row: DocumentRow, byName: string | null) {
  return {
    id: row.id,
    version: row.version,
    fileName: await services.encryption.decrypt(tx, row.fileNameEncrypted, fileNameContext(row.id)),
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    datedOn: row.datedOn,
    byName,
    createdAt: row.createdAt.toISOString(),
    formats: formatsOf(row),
  };
}

/** A referral of the case the actor may see (row-level security hides other States'), or refused. */
async function referralOnCase(tx: Transaction, actor: Actor, facts: CaseScopeFacts, caseId: string, id: string) {
  const [row] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.caseId, caseId)));
  if (!row || !referralPolicy.view(actor, facts, row.countryCode))
    throw new ValidationFailed(
      "That referral is not one of this case's.",
      [{ path: "body.referralId", message: "not_on_case" }],
      "referral_not_on_case",
    );
  return row;
}

/**
 * Attaches a file (a new document, or a new version of one), checked before anything is written:
 * a document on a referral is part of its correspondence; a State attaches its reply there.
 */
export async function attachCaseDocument(services: Services, actor: Actor, caseId: string, input: AttachCaseDocument) {
  assertNotInFuture(input.datedOn, "body.datedOn", "A document cannot be dated in the future.");
  const file = await acceptDocument({ fileName: input.fileName, content: Buffer.from(input.contentBase64, "base64") });
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    const referral = input.referralId ? await referralOnCase(tx, actor, found.facts, caseId, input.referralId) : null;
    if (!documentPolicy.attach(actor, found.facts, input.kind, referral?.countryCode ?? null))
      throw new Forbidden("Only the case's officers and investigators attach documents; a State attaches its reply.");
    if (input.investigationId) {
      const [investigation] = await tx
        .select({ id: investigations.id })
        .from(investigations)
        .where(and(eq(investigations.id, input.investigationId), eq(investigations.caseId, caseId)));
      if (!investigation)
        throw new ValidationFailed(
          "That investigation is not one of this case's.",
          [{ path: "body.investigationId", message: "not_on_case" }],
          "investigation_not_on_case",
        );
    }
    const previous = input.seriesId ? await latestOfSeries(tx, caseId, input.seriesId) : null;
    if (previous && (previous.kind !== input.kind || previous.referralId !== input.referralId))
      throw new ValidationFailed(
        "A new version keeps the document's kind and referral.",
        [{ path: "body.seriesId", message: "different_document" }],
        "version_mismatch",
      );
    const id = randomUUID();
    const version = (previous?.version ?? 0) + 1;
    await tx.insert(caseDocuments).values({
      id,
      caseId,
      referralId: input.referralId,
      investigationId: input.investigationId,
      seriesId: input.seriesId ?? id,
      version,
      kind: input.kind,
      fileNameEncrypted: await services.encryption.encrypt(tx, file.fileName, fileNameContext(id)),
      contentType: file.contentType,
      sizeBytes: file.content.length,
      sha256: file.sha256,
      contentEncrypted: await services.encryption.encryptBytes(
        tx,
        file.content,
        fieldContext("case_documents", "content_encrypted", id),
      ),
      datedOn: input.datedOn,
      uploadedBy: actorId(actor),
    });
    await recordAuditEvent(tx, actor, {
      action: "case.document.attach",
      subjectType: "case",
      subjectId: caseId,
      details: {
        documentId: id,
        kind: input.kind,
        version,
        ...(input.referralId ? { referralId: input.referralId } : {}),
        ...(input.investigationId ? { investigationId: input.investigationId } : {}),
        contentType: file.contentType,
        sizeBytes: file.content.length,
        sha256: file.sha256,
      },
    });
    return { id, seriesId: input.seriesId ?? id, version };
  });
}

const actorId = (actor: Actor) => {
  if (!actor.userId) throw new Forbidden("Documents are attached by a signed-in person.");
  return actor.userId;
};

async function latestOfSeries(tx: Transaction, caseId: string, seriesId: string) {
  const [row] = await tx
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.seriesId, seriesId)))
    .orderBy(desc(caseDocuments.version))
    .limit(1);
  if (!row) throw new NotFound("document");
  return row;
}

/** The next number of a series this year; the row lock makes concurrent notes take different numbers. */
async function nextNumber(tx: Transaction, series: string, year: number) {
  const [row] = await tx
    .insert(documentNumbers)
    .values({ series, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentNumbers.series, documentNumbers.year],
      set: { last: sql`${documentNumbers.last} + 1` },
    })
    .returning({ last: documentNumbers.last });
  return row.last;
}

/**
 * Writes a note verbale on a referral to a State from a template, gives it the next number and
 * keeps it (encrypted) dated the day it is sent. The first notification's number becomes the
 * referral's reference when it has none.
 */
export async function issueNoteVerbale(services: Services, actor: Actor, referralId: string, input: IssueNoteVerbale) {
  assertNotInFuture(input.datedOn, "body.datedOn", "A note verbale cannot be dated in the future.");
  return inTransaction(services.db, actor, async (tx) => {
    const [referral] = await tx.select().from(referrals).where(eq(referrals.id, referralId));
    const found = referral ? await findCaseWithFacts(tx, referral.caseId) : null;
    if (!referral || !found || !referralPolicy.view(actor, found.facts, referral.countryCode))
      throw new NotFound("referral");
    if (!documentPolicy.writeNoteVerbale(actor, found.facts))
      throw new Forbidden("Only the case's Conduct and Discipline officers write its notes verbales.");
    if (!isStateReferral(referral.entity as ReferralEntity) || !referral.countryCode)
      throw new ValidationFailed(
        "Notes verbales go to a State: this referral is not to a Member State.",
        [{ path: "params.id", message: "not_a_state" }],
        "not_a_state_referral",
      );
    if (input.datedOn < referral.sentOn)
      throw new ValidationFailed(
        "A note on this referral cannot be dated before the referral was made.",
        [{ path: "body.datedOn", message: "before_referral" }],
        "dated_before_referral",
      );
    const previous = await lastNoteOf(tx, referralId);
    const facts = await noteFacts(tx, found.row, referral, input.language, previous);
    const number = noteVerbaleNumber(
      Number(input.datedOn.slice(0, 4)),
      await nextNumber(tx, NOTE_VERBALE_SERIES, Number(input.datedOn.slice(0, 4))),
    );
    const letter = writeNoteVerbale(input.template, input.language, facts, { number, datedOn: input.datedOn });
    const id = randomUUID();
    const kept = JSON.stringify(letter);
    const sha256 = createHash("sha256").update(kept).digest("hex");
    await tx.insert(caseDocuments).values({
      id,
      caseId: referral.caseId,
      referralId,
      seriesId: id,
      kind: "note_verbale",
      fileNameEncrypted: await services.encryption.encrypt(tx, number.replaceAll("/", "-"), fileNameContext(id)),
      contentType: "application/json",
      sizeBytes: Buffer.byteLength(kept),
      sha256,
      letterEncrypted: await services.encryption.encrypt(
        tx,
        kept,
        fieldContext("case_documents", "letter_encrypted", id),
      ),
      number,
      template: input.template,
      language: input.language,
      datedOn: input.datedOn,
      uploadedBy: actorId(actor),
    });
    if (input.template === "notification" && !referral.noteVerbaleReference)
      await tx
        .update(referrals)
        .set({ noteVerbaleReference: number, version: sql`${referrals.version} + 1`, updatedAt: new Date() })
        .where(eq(referrals.id, referralId));
    await recordAuditEvent(tx, actor, {
      action: "case.note_verbale.issue",
      subjectType: "case",
      subjectId: referral.caseId,
      details: { documentId: id, referralId, number, template: input.template, language: input.language, sha256 },
    });
    return { id, seriesId: id, version: 1, number };
  });
}

async function lastNoteOf(tx: Transaction, referralId: string) {
  const [row] = await tx
    .select({ number: caseDocuments.number, datedOn: caseDocuments.datedOn })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.referralId, referralId), eq(caseDocuments.kind, "note_verbale")))
    .orderBy(desc(caseDocuments.datedOn), desc(caseDocuments.createdAt))
    .limit(1);
  return row?.number ? { number: row.number, datedOn: row.datedOn } : null;
}

/** What a note names, in its language: the mission, the State, the allegation and the personnel. */
async function noteFacts(
  tx: Transaction,
  theCase: {
    reference: string;
    missionCode: string;
    allegationCodes: string[];
    categoryCodes: string[];
    dateReported: string;
  },
  referral: typeof referrals.$inferSelect,
  language: "en" | "fr",
  previous: { number: string; datedOn: string } | null,
) {
  const [mission] = await tx.select().from(missions).where(eq(missions.code, theCase.missionCode));
  const [country] = await tx
    .select()
    .from(countries)
    .where(eq(countries.code, referral.countryCode ?? ""));
  return {
    reference: theCase.reference,
    missionCode: theCase.missionCode,
    missionName: (language === "fr" ? mission?.nameFr : null) ?? mission?.name ?? theCase.missionCode,
    stateName: country?.names[language] ?? country?.names.en ?? referral.countryCode ?? "",
    allegations: theCase.allegationCodes.map((code) => allegationLabel(language, code)),
    personnel: theCase.categoryCodes.map((code) => label(language, "personnelCategories", code)),
    dateReported: theCase.dateReported,
    replyDueOn: referral.replyDueOn,
    previous,
  };
}

/** One document's content in a format it has, for a reader who may see it; every read is audited. */
export async function readCaseDocument(services: Services, actor: Actor, documentId: string, format: Format) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(caseDocuments).where(eq(caseDocuments.id, documentId));
    const found = row ? await findCaseWithFacts(tx, row.caseId) : null;
    if (!row || !found || !documentPolicy.view(actor, found.facts)) throw new NotFound("document");
    if (!formatsOf(row).includes(format))
      throw new ValidationFailed(
        `This document is downloaded as ${formatsOf(row).join(" or ")}.`,
        [{ path: "querystring.format", message: "not_available" }],
        "format_not_available",
      );
    const fileName = await services.encryption.decrypt(tx, row.fileNameEncrypted, fileNameContext(row.id));
    await recordAuditEvent(tx, actor, {
      action: "case.document.read",
      subjectType: "case",
      subjectId: row.caseId,
      details: { documentId, format, ...(row.referralId ? { referralId: row.referralId } : {}) },
    });
    if (row.letterEncrypted) {
      const letter = await services.encryption.decryptJson<NoteVerbaleLetter>(
        tx,
        row.letterEncrypted,
        fieldContext("case_documents", "letter_encrypted", row.id),
      );
      return format === "docx"
        ? {
            fileName: `${fileName}.docx`,
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            content: await noteVerbaleDocx(letter),
          }
        : { fileName: `${fileName}.pdf`, contentType: "application/pdf", content: await noteVerbalePdf(letter) };
    }
    const content = await services.encryption.decryptBytes(
      tx,
      row.contentEncrypted ?? "",
      fieldContext("case_documents", "content_encrypted", row.id),
    );
    return { fileName, contentType: row.contentType, content };
  });
}

/** A referral's correspondence, oldest first: the referral, the notes sent, the replies received and recorded. */
export async function referralCorrespondence(services: Services, actor: Actor, referralId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const [referral] = await tx.select().from(referrals).where(eq(referrals.id, referralId));
    const found = referral ? await findCaseWithFacts(tx, referral.caseId) : null;
    if (!referral || !found || !referralPolicy.view(actor, found.facts, referral.countryCode))
      throw new NotFound("referral");
    if (!documentPolicy.view(actor, found.facts)) throw new Forbidden("Your role does not read a case's documents.");
    const documents = await tx
      .select()
      .from(caseDocuments)
      .where(eq(caseDocuments.referralId, referralId))
      .orderBy(asc(caseDocuments.datedOn), asc(caseDocuments.createdAt));
    await recordAuditEvent(tx, actor, {
      action: "case.documents.read",
      subjectType: "case",
      subjectId: referral.caseId,
      details: { shown: documents.length, referralId },
    });
    const entry = (fields: Partial<CorrespondenceEntry> & Pick<CorrespondenceEntry, "on" | "direction" | "kind">) => ({
      number: null,
      template: null,
      reply: null,
      nioName: null,
      documentId: null,
      fileName: null,
      formats: [],
      ...fields,
    });
    const items: CorrespondenceEntry[] = [
      entry({ on: referral.sentOn, direction: "sent", kind: "referral", number: referral.noteVerbaleReference }),
    ];
    for (const document of documents)
      items.push(
        entry({
          on: document.datedOn,
          direction: directionOf(document.kind as DocumentKind) === "sent" ? "sent" : "received",
          kind: document.kind as CorrespondenceEntry["kind"],
          number: document.number,
          template: document.template as NoteVerbaleTemplate | null,
          documentId: document.id,
          fileName: await services.encryption.decrypt(tx, document.fileNameEncrypted, fileNameContext(document.id)),
          formats: formatsOf(document),
        }),
      );
    if (referral.repliedOn)
      items.push(
        entry({ on: referral.repliedOn, direction: "received", kind: "reply_recorded", reply: referral.reply }),
      );
    if (referral.nioAppointedOn)
      items.push(
        entry({ on: referral.nioAppointedOn, direction: "received", kind: "nio_appointed", nioName: referral.nioName }),
      );
    const can = {
      attachReply: documentPolicy.attach(actor, found.facts, "reply", referral.countryCode),
      writeNoteVerbale:
        documentPolicy.writeNoteVerbale(actor, found.facts) && isStateReferral(referral.entity as ReferralEntity),
    };
    // The referral comes first on its day; the rest by date, each kept in the order it was recorded.
    return {
      can,
      items: items
        .map((item, order) => ({ item, order }))
        .sort((a, b) => a.item.on.localeCompare(b.item.on) || a.order - b.order)
        .map(({ item }) => item),
    };
  });
}

/**
 * A printable summary of the case as the reader may see it, built from what the case page answers
 * them (each read audited as usual), and its printing audited on the case.
 */
export async function printCaseSummary(services: Services, actor: Actor, caseId: string, language: UnLanguage) {
  const item = await readCase(services, actor, caseId);
  const { items: caseReferrals } = await listCaseReferrals(services, actor, caseId);
  const { items: history } = await caseTimeline(services, actor, caseId);
  return inTransaction(services.db, actor, async (tx) => {
    // Only the States the summary names: the case's nationalities and its referrals' States.
    const codes = [...item.nationalityCodes, ...caseReferrals.flatMap((r) => (r.countryCode ? [r.countryCode] : []))];
    const rows = codes.length
      ? await tx
          .select({ code: countries.code, names: countries.names })
          .from(countries)
          .where(inArray(countries.code, codes))
      : [];
    const countryNames = new Map(rows.map((row) => [row.code, row.names[language] ?? row.names.en ?? row.code]));
    await recordAuditEvent(tx, actor, {
      action: "case.summary.print",
      subjectType: "case",
      subjectId: caseId,
      details: { language, narrative: item.narrative !== null },
    });
    const content = await caseSummaryPdf(
      { item, referrals: caseReferrals, history, countryNames, printedBy: actor.name ?? actor.email ?? actor.role },
      language,
    );
    return { fileName: `${item.reference}-summary.pdf`, contentType: "application/pdf", content };
  });
}
