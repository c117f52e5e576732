// Intake: reports from the public (anonymous or not) and from staff, receipts and the follow-up
// thread, and the intake queue officers work from. Every step is audited; nothing stores who the
// reporter's device is.
import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { cases, evidenceFiles, missions, reportMessages, reports } from "../../../db/schema.js";
import { proveFile } from "../../uploads/prove.js";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, safeFileName, sniffEvidenceType } from "../../../domain/evidence.js";
import { publicStatusOf, type Report } from "../../../domain/contracts/reports.js";
import type { Services } from "../../services.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { casePolicy, reportPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { once } from "../../idempotency.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { allocateCaseReference, findCaseWithFacts, refreshSearchDocument } from "../cases/index.js";
import { hashReceipt, issueReceipt, receiptHashCandidates } from "./receipts.js";

import { presentQueueItem } from "./presenters.js";
import type { ReportRow } from "./presenters.js";
export type Channel = "web_form" | "api" | "hotline" | "in_person" | "letter" | "cbcm" | "un_entity";

const RECEIPT_CONTEXT = "idempotency.receipt";

async function sealReport(services: Services, tx: Transaction, id: string, report: Report) {
  const seal = (column: string, value: string | null) =>
    value ? services.encryption.encrypt(tx, value, fieldContext("reports", column, id)) : Promise.resolve(null);
  return {
    whatHappenedEncrypted: (await seal("what_happened_encrypted", report.whatHappened)) as string,
    placeEncrypted: await seal("place_encrypted", report.place),
    involvedEncrypted: await seal("involved_encrypted", report.involved),
    reporterContactEncrypted: report.anonymous ? null : await seal("reporter_contact_encrypted", report.contact),
  };
}

const unknownMission = (code: string | null) =>
  new ValidationFailed(
    `Unknown mission code: ${code}.`,
    [{ path: "body.missionCode", message: "unknown mission" }],
    "unknown_mission",
  );

async function assertMissionExists(tx: Transaction, code: string | null) {
  if (!code) return;
  const [found] = await tx.select({ code: missions.code }).from(missions).where(eq(missions.code, code));
  if (!found) throw unknownMission(code);
}

/**
 * Files a report and answers its receipt, shown once. A retry with the same idempotency key answers
 * the same receipt (kept encrypted with the key's record) and files nothing new.
 */
export interface EvidenceUpload {
  fileName: string;
  content: Buffer;
}

/**
 * Refuses a file that is not a photo, PDF or recording, or is too large, naming it: its first bytes
 * say which it claims to be, and its structure must prove it (src/server/uploads/prove.ts).
 */
export async function checkEvidence(files: EvidenceUpload[]) {
  if (files.length > MAX_EVIDENCE_FILES)
    throw new ValidationFailed(
      `Send at most ${MAX_EVIDENCE_FILES} files.`,
      [{ path: "evidence", message: "too_many_files" }],
      "too_many_files",
    );
  const checked = files.map((file) => {
    const fileName = safeFileName(file.fileName);
    const contentType = sniffEvidenceType(file.content);
    if (file.content.length > MAX_EVIDENCE_BYTES)
      throw new ValidationFailed(
        `${fileName} is larger than 10 MB.`,
        [{ path: "evidence", message: "file_too_large" }],
        "file_too_large",
      );
    if (!contentType)
      throw new ValidationFailed(
        `${fileName} is not a photo (JPEG, PNG, WebP), a PDF or an audio recording.`,
        [{ path: "evidence", message: "file_type_not_accepted" }],
        "file_type_not_accepted",
      );
    return { fileName, contentType, content: file.content };
  });
  for (const file of checked) await proveFile(file.fileName, file.content, file.contentType);
  return checked;
}

async function storeEvidence(
  services: Services,
  tx: Transaction,
  reportId: string,
  files: Awaited<ReturnType<typeof checkEvidence>>,
) {
  for (const file of files) {
    const id = randomUUID();
    await tx.insert(evidenceFiles).values({
      id,
      reportId,
      fileNameEncrypted: await services.encryption.encrypt(
        tx,
        file.fileName,
        fieldContext("evidence_files", "file_name_encrypted", id),
      ),
      contentType: file.contentType,
      sizeBytes: file.content.length,
      sha256: createHash("sha256").update(file.content).digest("hex"),
      contentEncrypted: await services.encryption.encryptBytes(
        tx,
        file.content,
        fieldContext("evidence_files", "content_encrypted", id),
      ),
    });
  }
}

export async function submitReport(
  services: Services,
  actor: Actor,
  report: Report,
  channel: Channel,
  idempotencyKey?: string,
  evidence: EvidenceUpload[] = [],
): Promise<{ receipt: string; replayed: boolean }> {
  const files = await checkEvidence(evidence);
  const receipt = issueReceipt();
  const receiptHash = (await hashReceipt(receipt, services.receiptPepper)) as string;
  return inTransaction(services.db, actor, async (tx) => {
    const { body, replayed } = await once(
      tx,
      services.encryption,
      `report.submit:${actor.userId ?? "public"}`,
      idempotencyKey,
      async () => {
        const id = randomUUID();
        const values = {
          id,
          missionCode: report.missionCode,
          channel,
          language: report.language,
          incidentDate: report.incidentDate,
          personnelCategoryCodes: report.personnelCategoryCodes,
          nationalityCodes: report.nationalityCodes,
          childrenInvolved: report.childrenInvolved,
          reporterIsVictim: report.reporterIsVictim,
          anonymous: report.anonymous,
          receiptHash,
          submittedBy: actor.userId,
          ...(await sealReport(services, tx, id, report)),
        };
        // The mission's foreign key checks the code: one round trip less on the busiest public route.
        await tx
          .insert(reports)
          .values(values)
          .catch((error: unknown) => {
            throw isForeignKeyViolation(error) ? unknownMission(report.missionCode) : error;
          });
        await storeEvidence(services, tx, id, files);
        await recordAuditEvent(tx, actor, {
          action: "report.submit",
          subjectType: "report",
          subjectId: id,
          details: {
            channel,
            missionCode: report.missionCode,
            anonymous: report.anonymous,
            evidenceFiles: files.length,
          },
        });
        // Only a submission that may be retried keeps its receipt (encrypted), to answer the retry with it.
        return {
          receiptEncrypted: idempotencyKey ? await services.encryption.encrypt(tx, receipt, RECEIPT_CONTEXT) : null,
        };
      },
    );
    return {
      receipt: body.receiptEncrypted
        ? await services.encryption.decrypt(tx, body.receiptEncrypted, RECEIPT_CONTEXT)
        : receipt,
      replayed,
    };
  });
}

const isForeignKeyViolation = (error: unknown) =>
  [error, (error as { cause?: unknown })?.cause].some((e) => (e as { code?: string } | undefined)?.code === "23503");

async function reportByReceipt(services: Services, tx: Transaction, receipt: string) {
  const hashes = await receiptHashCandidates(receipt, services.receiptPepper);
  const [row] = hashes.length
    ? await tx
        .select({ report: reports, caseStatus: cases.status })
        .from(reports)
        .leftJoin(cases, eq(cases.id, reports.caseId))
        .where(inArray(reports.receiptHash, hashes))
    : [];
  if (!row) throw new NotFound("report with this receipt (check the code as written on your receipt)");
  return row;
}

async function thread(services: Services, tx: Transaction, reportId: string) {
  const rows = await tx
    .select()
    .from(reportMessages)
    .where(eq(reportMessages.reportId, reportId))
    .orderBy(asc(reportMessages.createdAt));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      fromReporter: row.fromReporter,
      message: await services.encryption.decrypt(
        tx,
        row.bodyEncrypted,
        fieldContext("report_messages", "body_encrypted", row.id),
      ),
      createdAt: row.createdAt.toISOString(),
    })),
  );
}

/** What the holder of a receipt may see: the public status and the thread, nothing about anyone. */
export async function followUpReport(services: Services, receipt: string) {
  return inTransaction(services.db, systemActor, async (tx) => {
    const { report, caseStatus } = await reportByReceipt(services, tx, receipt);
    await recordAuditEvent(tx, systemActor, {
      action: "report.follow_up",
      subjectType: "report",
      subjectId: report.id,
    });
    return {
      status: publicStatusOf(caseStatus),
      receivedAt: report.receivedAt.toISOString(),
      messages: await thread(services, tx, report.id),
    };
  });
}

async function addMessage(services: Services, tx: Transaction, actor: Actor, reportId: string, message: string) {
  const id = randomUUID();
  const bodyEncrypted = await services.encryption.encrypt(
    tx,
    message,
    fieldContext("report_messages", "body_encrypted", id),
  );
  await tx
    .insert(reportMessages)
    .values({ id, reportId, fromReporter: actor.userId === null, authorId: actor.userId, bodyEncrypted });
  await recordAuditEvent(tx, actor, {
    action: "report.message",
    subjectType: "report",
    subjectId: reportId,
    details: { fromReporter: actor.userId === null },
  });
}

export async function postReporterMessage(
  services: Services,
  receipt: string,
  message: string,
  idempotencyKey?: string,
) {
  return inTransaction(services.db, systemActor, async (tx) => {
    const { report } = await reportByReceipt(services, tx, receipt);
    const { body } = await once(tx, services.encryption, `report.message:${report.id}`, idempotencyKey, async () => {
      await addMessage(services, tx, systemActor, report.id, message);
      return { sent: true };
    });
    return body;
  });
}

/** The report, if the actor may see it; otherwise NotFound, so that its existence does not leak. */
async function visibleReport(tx: Transaction, actor: Actor, id: string): Promise<ReportRow> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id));
  if (!row || !reportPolicy.view(actor, row)) throw new NotFound("report");
  return row;
}

export async function listIntakeQueue(
  services: Services,
  actor: Actor,
  filter: { missionCode?: string; unlinked?: boolean; limit: number; offset: number },
) {
  if (!reportPolicy.queue(actor)) throw new Forbidden("Your role does not receive reports.");
  return inTransaction(services.db, actor, async (tx) => {
    const conditions: SQL[] = [];
    if (filter.missionCode) conditions.push(eq(reports.missionCode, filter.missionCode));
    if (filter.unlinked) conditions.push(isNull(reports.caseId));
    const rows = await tx
      .select({
        report: reports,
        possibleDuplicate: sql<boolean>`${reports.caseId} is null and (exists (select 1 from conduct_possible_duplicate_cases(${reports.id})) or exists (select 1 from conduct_possible_duplicate_reports(${reports.id})))`,
      })
      .from(reports)
      .where(and(...conditions))
      .orderBy(desc(reports.receivedAt))
      .limit(filter.limit)
      .offset(filter.offset);
    return {
      items: rows
        .map((row) => presentQueueItem(row.report, row.possibleDuplicate, actor))
        .filter((item) => item.can.view),
      limit: filter.limit,
      offset: filter.offset,
    };
  });
}

/** The full report for an intake officer: an audited read of sensitive content. */
export async function readReport(services: Services, actor: Actor, id: string) {
  if (!reportPolicy.queue(actor)) throw new Forbidden("Your role does not receive reports.");
  return inTransaction(services.db, actor, async (tx) => {
    const row = await visibleReport(tx, actor, id);
    const open = (column: string, value: string | null) =>
      value ? services.encryption.decrypt(tx, value, fieldContext("reports", column, id)) : Promise.resolve(null);
    await recordAuditEvent(tx, actor, { action: "report.read", subjectType: "report", subjectId: id });
    // Once part of a case, a report is no longer anyone's duplicate; both lists travel in one round trip.
    const [matchingCases, matchingReports] = row.caseId
      ? [[], []]
      : await Promise.all([possibleDuplicates(tx, id), similarReports(tx, id)]);
    return {
      ...presentQueueItem(row, matchingCases.length + matchingReports.length > 0, actor),
      whatHappened: (await open("what_happened_encrypted", row.whatHappenedEncrypted)) as string,
      place: await open("place_encrypted", row.placeEncrypted),
      involved: await open("involved_encrypted", row.involvedEncrypted),
      reporterIsVictim: row.reporterIsVictim,
      contact: await open("reporter_contact_encrypted", row.reporterContactEncrypted),
      messages: await thread(services, tx, id),
      evidence: await evidenceOf(services, tx, id),
      possibleDuplicates: matchingCases,
      similarReports: matchingReports,
    };
  });
}

/** Cases this report may also describe (the rule is conduct_possible_duplicate_cases, migration 0047). */
async function possibleDuplicates(tx: Transaction, reportId: string) {
  const result = (await tx.execute(
    sql`select case_id, reference, date_reported::text, same_nationality, same_category from conduct_possible_duplicate_cases(${reportId})`,
  )) as unknown as {
    rows: {
      case_id: string;
      reference: string;
      date_reported: string;
      same_nationality: boolean;
      same_category: boolean;
    }[];
  };
  return result.rows.map((row) => ({
    caseId: row.case_id,
    reference: row.reference,
    dateReported: row.date_reported,
    sameNationality: row.same_nationality,
    sameCategory: row.same_category,
  }));
}

/** Other reports still in the queue that may describe the same events (migration 0048). */
async function similarReports(tx: Transaction, reportId: string) {
  const result = (await tx.execute(
    sql`select report_id, received_at, same_nationality, same_category from conduct_possible_duplicate_reports(${reportId})`,
  )) as unknown as {
    rows: { report_id: string; received_at: string | Date; same_nationality: boolean; same_category: boolean }[];
  };
  return result.rows.map((row) => ({
    reportId: row.report_id,
    receivedAt: new Date(row.received_at).toISOString(),
    sameNationality: row.same_nationality,
    sameCategory: row.same_category,
  }));
}

async function evidenceOf(services: Services, tx: Transaction, reportId: string) {
  const rows = await tx
    .select({
      id: evidenceFiles.id,
      fileNameEncrypted: evidenceFiles.fileNameEncrypted,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
    })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.reportId, reportId))
    .orderBy(asc(evidenceFiles.createdAt));
  return Promise.all(
    rows.map(async ({ fileNameEncrypted, ...row }) => ({
      ...row,
      fileName: await services.encryption.decrypt(
        tx,
        fileNameEncrypted,
        fieldContext("evidence_files", "file_name_encrypted", row.id),
      ),
    })),
  );
}

/** One evidence file for an officer who may read its report; every download is audited. */
export async function readEvidence(services: Services, actor: Actor, reportId: string, fileId: string) {
  if (!reportPolicy.queue(actor)) throw new Forbidden("Your role does not receive reports.");
  return inTransaction(services.db, actor, async (tx) => {
    await visibleReport(tx, actor, reportId);
    const [row] = await tx
      .select()
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.reportId, reportId)));
    if (!row) throw new NotFound("evidence file");
    await recordAuditEvent(tx, actor, {
      action: "report.evidence.read",
      subjectType: "report",
      subjectId: reportId,
      details: { fileId },
    });
    return {
      fileName: await services.encryption.decrypt(
        tx,
        row.fileNameEncrypted,
        fieldContext("evidence_files", "file_name_encrypted", row.id),
      ),
      contentType: row.contentType,
      sha256: row.sha256,
      content: await services.encryption.decryptBytes(
        tx,
        row.contentEncrypted,
        fieldContext("evidence_files", "content_encrypted", row.id),
      ),
    };
  });
}

export async function postOfficerMessage(services: Services, actor: Actor, id: string, message: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await visibleReport(tx, actor, id);
    if (!reportPolicy.abilities(actor, row).reply)
      throw new Forbidden("Only the intake officers of this report reply to the reporter.");
    await addMessage(services, tx, actor, id, message);
    return { sent: true };
  });
}

/**
 * Makes a report part of a case: a new case built from it (numbered per mission and year), or an
 * existing case it also describes, so that duplicates are kept together, never lost.
 */
export async function linkReportToCase(
  services: Services,
  actor: Actor,
  reportId: string,
  target: { caseId?: string; missionCode?: string; version: number },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const report = await visibleReport(tx, actor, reportId);
    if (!reportPolicy.abilities(actor, report).reply)
      throw new Forbidden("Only the intake officers of this report link it to a case.");
    if (report.version !== target.version)
      throw new Conflict(
        "Someone else changed this report since you opened it. Reload, then try again.",
        {},
        "stale_version",
      );
    if (report.caseId)
      throw new Conflict("This report is already part of a case.", { caseId: report.caseId }, "report_already_linked");

    let caseId = target.caseId;
    if (caseId) {
      const existing = await findCaseWithFacts(tx, caseId);
      if (!existing || !casePolicy.abilities(actor, existing.facts).edit) throw new NotFound("case");
    } else {
      const missionCode = target.missionCode ?? report.missionCode;
      if (!missionCode)
        throw new ValidationFailed(
          "This report names no mission: choose the mission the case belongs to.",
          [{ path: "body.missionCode", message: "required" }],
          "mission_required",
        );
      await assertMissionExists(tx, missionCode);
      if (
        !casePolicy.abilities(actor, { missionCode, nationalityCodes: report.nationalityCodes, assignedUserIds: [] })
          .edit
      )
        throw new Forbidden("You open cases only for your own missions.");
      const dateReported = report.receivedAt.toISOString().slice(0, 10);
      caseId = randomUUID();
      const narrative = await services.encryption.decrypt(
        tx,
        report.whatHappenedEncrypted,
        fieldContext("reports", "what_happened_encrypted", report.id),
      );
      await tx.insert(cases).values({
        id: caseId,
        reference: await allocateCaseReference(tx, missionCode, Number(dateReported.slice(0, 4))),
        missionCode,
        dateReported,
        dateOfIncident: report.incidentDate,
        categoryCodes: report.personnelCategoryCodes,
        nationalityCodes: report.nationalityCodes,
        narrativeEncrypted: await services.encryption.encrypt(
          tx,
          narrative,
          fieldContext("cases", "narrative_encrypted", caseId),
        ),
      });
      await refreshSearchDocument(tx, caseId, narrative);
      await recordAuditEvent(tx, actor, {
        action: "case.create",
        subjectType: "case",
        subjectId: caseId,
        details: { fromReport: report.id },
      });
    }
    await tx
      .update(reports)
      .set({ caseId, version: sql`${reports.version} + 1` })
      .where(eq(reports.id, reportId));
    await recordAuditEvent(tx, actor, {
      action: "report.link",
      subjectType: "report",
      subjectId: reportId,
      details: { caseId },
    });
    const [linked] = await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, caseId));
    return { caseId, reference: linked.reference };
  });
}
