// Intake: reports from the public (anonymous or not) and from staff, receipts and the follow-up
// thread, and the intake queue officers work from. Every step is audited; nothing stores who the
// reporter's device is.
import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { cases, evidenceFiles, missions, reportMessages, reports, unEntities } from "../../../db/schema.js";
import { proveFile } from "../../uploads/prove.js";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, safeFileName, sniffEvidenceType } from "../../../domain/evidence.js";
import { publicStatusOf, type Report, type reportChannels, reportCode } from "../../../domain/contracts/reports.js";
import { looksLikeCaseReference } from "../../../domain/contracts/cases.js";
import { combineChildrenInvolved, type ReportKind, reportUrgency, type Urgency } from "../../../domain/triage.js";
import { todayIso } from "../../dates.js";
import { announceReporterMessage, markReportRead, threadOf, unreadFor } from "./threads.js";
import type { Services } from "../../services.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { casePolicy, heldCaseFacts, reportPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { once } from "../../idempotency.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { allocateCaseReference, authorizeCase, findCaseWithFacts, refreshSearchDocument } from "../cases/index.js";
import { receivingUnit } from "../reference/index.js";
import { hashReceipt, issueReceipt, receiptHashCandidates } from "./receipts.js";

import { presentQueueItem } from "./presenters.js";
import type { ReportRow } from "./presenters.js";
export type Channel = (typeof reportChannels)[number];

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

/**
 * Whether a report from the public names an organisation that the unit it names is not part of
 * (UNHCR's staff, reported to a peacekeeping mission): headquarters routes it, the unit's team does
 * not see it. An implementing partner belongs with the entity it works for.
 */
async function namesAnotherOrganisation(tx: Transaction, report: Report): Promise<boolean> {
  if (!report.organisationCode) return false;
  const [organisation] = await tx
    .select({ code: unEntities.code, partnerOf: unEntities.partnerOf })
    .from(unEntities)
    .where(eq(unEntities.code, report.organisationCode));
  if (!organisation)
    throw new ValidationFailed(
      `Unknown organisation: ${report.organisationCode}.`,
      [{ path: "body.organisationCode", message: "unknown organisation" }],
      "unknown_organisation",
    );
  if (!report.missionCode) return false;
  const [unit] = await tx
    .select({ entityCode: missions.entityCode })
    .from(missions)
    .where(eq(missions.code, report.missionCode));
  return unit !== undefined && unit.entityCode !== organisation.code && unit.entityCode !== organisation.partnerOf;
}

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
): Promise<{ receipt: string; replayed: boolean; reportId: string }> {
  const headquartersOnly = report.route === "headquarters";
  // A mission's officer cannot file what the mission's team may not read: the reporter goes to headquarters.
  if (
    actor.userId !== null &&
    !reportPolicy.view(actor, { missionCode: report.missionCode, submittedBy: actor.userId, headquartersOnly })
  )
    throw new Forbidden(
      "A report for headquarters only is recorded by headquarters or a complaint network's focal point.",
    );
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
        // Every organisation named must be known; a staff member files what they may read, while the
        // public's report about another organisation waits for headquarters.
        const crossesOrganisations = (await namesAnotherOrganisation(tx, report)) && actor.userId === null;
        const values = {
          id,
          missionCode: report.missionCode,
          organisationCode: report.organisationCode,
          channel,
          language: report.language,
          incidentDate: report.incidentDate,
          personnelCategoryCodes: report.personnelCategoryCodes,
          nationalityCodes: report.nationalityCodes,
          childrenInvolved: report.childrenInvolved,
          kind: report.kind,
          immediateDanger: report.immediateDanger,
          needs: report.needs,
          urgency: reportUrgency({ ...report, receivedOn: todayIso() }),
          reporterIsVictim: report.reporterIsVictim,
          route: report.route,
          headquartersOnly: headquartersOnly || crossesOrganisations,
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
            organisationCode: report.organisationCode,
            route: report.route,
            anonymous: report.anonymous,
            evidenceFiles: files.length,
            urgency: reportUrgency({ ...report, receivedOn: todayIso() }),
          },
        });
        // Only a submission that may be retried keeps its receipt (encrypted), to answer the retry with it.
        return {
          reportId: id,
          receiptEncrypted: idempotencyKey ? await services.encryption.encrypt(tx, receipt, RECEIPT_CONTEXT) : null,
        };
      },
    );
    return {
      receipt: body.receiptEncrypted
        ? await services.encryption.decrypt(tx, body.receiptEncrypted, RECEIPT_CONTEXT)
        : receipt,
      replayed,
      reportId: body.reportId,
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
      missionCode: report.missionCode,
      messages: await threadOf(services, tx, report.id),
    };
  });
}

async function addMessage(services: Services, tx: Transaction, actor: Actor, reportId: string, message: string) {
  const id = randomUUID();
  const fromReporter = actor.userId === null;
  const bodyEncrypted = await services.encryption.encrypt(
    tx,
    message,
    fieldContext("report_messages", "body_encrypted", id),
  );
  await tx.insert(reportMessages).values({ id, reportId, fromReporter, authorId: actor.userId, bodyEncrypted });
  // The reporter's words reach the people handling the report; an officer who writes has read the thread.
  if (fromReporter) await announceReporterMessage(services, tx, reportId, id);
  else await markReportRead(tx, actor, reportId);
  await recordAuditEvent(tx, actor, {
    action: "report.message",
    subjectType: "report",
    subjectId: reportId,
    details: { fromReporter },
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

/** A reporter's message reaching a report's thread by another way than the receipt (a text message). */
export async function addReporterMessage(services: Services, tx: Transaction, reportId: string, message: string) {
  await addMessage(services, tx, systemActor, reportId, message);
}

/** The report, if the actor may see it; otherwise NotFound, so that its existence does not leak. */
/** A change made on the report as its officer last read it: another change since is a conflict. */
function assertSameVersion(report: ReportRow, version: number) {
  if (report.version !== version)
    throw new Conflict(
      "Someone else changed this report since you opened it. Reload, then try again.",
      {},
      "stale_version",
    );
}

async function visibleReport(tx: Transaction, actor: Actor, id: string): Promise<ReportRow> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id));
  if (!row || !reportPolicy.view(actor, row)) throw new NotFound("report");
  return row;
}

export interface QueueFilter {
  missionCode?: string;
  unlinked?: boolean;
  unread?: boolean;
  kind?: ReportKind;
  urgency?: Urgency;
  channel?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Words of what happened are searched in the newest reports of the filter, decrypted: at most this many. */
export const QUEUE_SEARCH_SCAN = 2_000;

/**
 * The intake queue, newest first (the most urgent first among reports not yet in a case): each row
 * with the start of what happened, the place, its urgency, a mark when the reporter wrote since the
 * reader last opened it, and the cases it may duplicate by number. Showing excerpts is an audited read.
 */
export async function listIntakeQueue(services: Services, actor: Actor, filter: QueueFilter) {
  if (!reportPolicy.queue(actor)) throw new Forbidden("Your role does not receive reports.");
  return inTransaction(services.db, actor, async (tx) => {
    const conditions: SQL[] = [];
    if (filter.missionCode) conditions.push(eq(reports.missionCode, filter.missionCode));
    if (filter.unlinked) conditions.push(isNull(reports.caseId));
    if (filter.unread) conditions.push(unreadFor(actor.userId));
    if (filter.kind) conditions.push(eq(reports.kind, filter.kind));
    if (filter.urgency) conditions.push(eq(reports.urgency, filter.urgency));
    if (filter.channel) conditions.push(eq(reports.channel, filter.channel));
    const words = filter.q ? searchWords(filter.q, conditions) : null;
    const rows = await tx
      .select({ report: reports, caseReference: cases.reference, unread: unreadFor(actor.userId) })
      .from(reports)
      .leftJoin(cases, eq(cases.id, reports.caseId))
      .where(and(...conditions))
      .orderBy(
        ...(filter.unlinked
          ? [sql`case ${reports.urgency} when 'urgent' then 0 when 'priority' then 1 else 2 end`]
          : []),
        desc(reports.receivedAt),
      )
      .limit(words ? QUEUE_SEARCH_SCAN : filter.limit)
      .offset(words ? 0 : filter.offset);
    const visible = rows.filter((row) => reportPolicy.view(actor, row.report));
    const opened = await Promise.all(
      visible.map(async (row) => ({ ...row, ...(await openForQueue(services, tx, row.report)) })),
    );
    const page = words
      ? opened
          .filter((row) => matchesWords(`${row.whatHappened} ${row.place ?? ""}`, words))
          .slice(filter.offset, filter.offset + filter.limit)
      : opened;
    const duplicates = await duplicateReferencesOf(
      tx,
      page.filter((row) => row.report.caseId === null).map((row) => row.report.id),
    );
    await recordAuditEvent(tx, actor, {
      action: "report.queue.read",
      subjectType: "report",
      details: { shown: page.length, searched: words !== null },
    });
    return {
      items: page.map((row) => {
        const matches = duplicates.get(row.report.id);
        return {
          ...presentQueueItem(
            row.report,
            {
              possibleDuplicate: matches !== undefined,
              unread: row.unread,
              caseReference: row.caseReference,
            },
            actor,
          ),
          excerpt: excerptOf(row.whatHappened),
          place: row.place,
          duplicateReferences: matches?.cases ?? [],
        };
      }),
      limit: filter.limit,
      offset: filter.offset,
    };
  });
}

/** A report code or case number narrows the query itself; other words are matched in the decrypted text. */
function searchWords(q: string, conditions: SQL[]): string[] | null {
  const code = /^R-([0-9A-F]{1,8})$/i.exec(q);
  if (code) {
    conditions.push(sql`${reports.id}::text like ${`${code[1].toLowerCase()}%`}`);
    return null;
  }
  if (looksLikeCaseReference(q)) {
    conditions.push(sql`upper(${cases.reference}) like ${`${q.toUpperCase()}%`}`);
    return null;
  }
  return normalise(q).split(/\s+/).filter(Boolean);
}

/** Case and accents aside ("Katindo" finds "KATINDO", "reunion" finds "réunion"). */
const normalise = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

const matchesWords = (text: string, words: string[]) => {
  const haystack = normalise(text);
  return words.every((word) => haystack.includes(word));
};

const EXCERPT_LENGTH = 160;
const excerptOf = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

async function openForQueue(services: Services, tx: Transaction, row: ReportRow) {
  const open = (column: string, value: string | null) =>
    value ? services.encryption.decrypt(tx, value, fieldContext("reports", column, row.id)) : Promise.resolve(null);
  return {
    whatHappened: (await open("what_happened_encrypted", row.whatHappenedEncrypted)) as string,
    place: await open("place_encrypted", row.placeEncrypted),
  };
}

/** For reports not yet in a case: the case numbers and other reports they may duplicate (migrations 0047, 0048). */
async function duplicateReferencesOf(tx: Transaction, reportIds: string[]) {
  const found = new Map<string, { cases: string[] }>();
  if (reportIds.length === 0) return found;
  const result = (await tx.execute(sql`
    select r.id as report_id,
      array(select d.reference from conduct_possible_duplicate_cases(r.id) d order by d.reference) as cases,
      exists (select 1 from conduct_possible_duplicate_reports(r.id)) as similar
    from reports r where r.id in (${sql.join(
      reportIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`)) as unknown as { rows: { report_id: string; cases: string[]; similar: boolean }[] };
  for (const row of result.rows)
    if (row.cases.length > 0 || row.similar) found.set(row.report_id, { cases: row.cases });
  return found;
}

/** The full report for an intake officer: an audited read of sensitive content. */
export async function readReport(services: Services, actor: Actor, id: string) {
  if (!reportPolicy.queue(actor)) throw new Forbidden("Your role does not receive reports.");
  return inTransaction(services.db, actor, async (tx) => {
    const row = await visibleReport(tx, actor, id);
    const open = (column: string, value: string | null) =>
      value ? services.encryption.decrypt(tx, value, fieldContext("reports", column, id)) : Promise.resolve(null);
    await recordAuditEvent(tx, actor, { action: "report.read", subjectType: "report", subjectId: id });
    await markReportRead(tx, actor, id);
    const [linked] = row.caseId
      ? await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, row.caseId))
      : [];
    // Once part of a case, a report is no longer anyone's duplicate; both lists travel in one round trip.
    const [matchingCases, matchingReports] = row.caseId
      ? [[], []]
      : await Promise.all([possibleDuplicates(tx, id), similarReports(tx, id)]);
    return {
      ...presentQueueItem(
        row,
        {
          possibleDuplicate: matchingCases.length + matchingReports.length > 0,
          unread: false,
          caseReference: linked?.reference ?? null,
        },
        actor,
      ),
      whatHappened: (await open("what_happened_encrypted", row.whatHappenedEncrypted)) as string,
      place: await open("place_encrypted", row.placeEncrypted),
      involved: await open("involved_encrypted", row.involvedEncrypted),
      reporterIsVictim: row.reporterIsVictim,
      contact: await open("reporter_contact_encrypted", row.reporterContactEncrypted),
      messages: await threadOf(services, tx, id),
      evidence: await evidenceOf(services, tx, id),
      possibleDuplicates: matchingCases,
      similarReports: matchingReports,
    };
  });
}

/**
 * The reports a case was built from, each with what it said and its thread with the reporter, for
 * those who may read reports (the case's intake officers); reading them clears their new-message marks.
 */
export async function readCaseReports(services: Services, actor: Actor, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    await authorizeCase(tx, actor, caseId, {
      can: "readReports",
      refusal: "The reports and the threads with their reporters are for the case's intake officers.",
    });
    const rows = await tx
      .select({ report: reports, caseReference: cases.reference, unread: unreadFor(actor.userId) })
      .from(reports)
      .innerJoin(cases, eq(cases.id, reports.caseId))
      .where(eq(reports.caseId, caseId))
      .orderBy(asc(reports.receivedAt));
    const items = [];
    for (const row of rows.filter((row) => reportPolicy.view(actor, row.report))) {
      const { whatHappened, place } = await openForQueue(services, tx, row.report);
      items.push({
        ...presentQueueItem(
          row.report,
          { possibleDuplicate: false, unread: row.unread, caseReference: row.caseReference },
          actor,
        ),
        whatHappened,
        place,
        messages: await threadOf(services, tx, row.report.id),
      });
      await recordAuditEvent(tx, actor, { action: "report.read", subjectType: "report", subjectId: row.report.id });
      await markReportRead(tx, actor, row.report.id);
    }
    return { items };
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
    code: reportCode(row.report_id),
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
    assertSameVersion(report, target.version);
    if (report.caseId)
      throw new Conflict("This report is already part of a case.", { caseId: report.caseId }, "report_already_linked");

    let caseId = target.caseId;
    const place = report.placeEncrypted
      ? await services.encryption.decrypt(
          tx,
          report.placeEncrypted,
          fieldContext("reports", "place_encrypted", report.id),
        )
      : null;
    if (caseId) {
      const existing = await findCaseWithFacts(tx, caseId);
      if (!existing || !casePolicy.abilities(actor, existing.facts).edit) throw new NotFound("case");
      // A further report adds what the case did not know yet; it never erases what the case says.
      const added = {
        childrenInvolved: combineChildrenInvolved(existing.row.childrenInvolved, report.childrenInvolved),
        urgent: existing.row.urgent || report.urgency === "urgent",
        placeEncrypted:
          existing.row.placeEncrypted ??
          (place
            ? await services.encryption.encrypt(tx, place, fieldContext("cases", "place_encrypted", caseId))
            : null),
      };
      const changes =
        added.childrenInvolved !== existing.row.childrenInvolved ||
        added.urgent !== existing.row.urgent ||
        added.placeEncrypted !== existing.row.placeEncrypted;
      if (changes)
        await tx
          .update(cases)
          .set({ ...added, version: sql`${cases.version} + 1`, updatedAt: new Date() })
          .where(eq(cases.id, caseId));
    } else {
      const missionCode = target.missionCode ?? report.missionCode;
      if (!missionCode)
        throw new ValidationFailed(
          "This report names no mission: choose the mission the case belongs to.",
          [{ path: "body.missionCode", message: "required" }],
          "mission_required",
        );
      await assertMissionExists(tx, missionCode);
      if (!casePolicy.abilities(actor, heldCaseFacts({ missionCode, nationalityCodes: report.nationalityCodes })).edit)
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
        // A case built from a report sent past the mission stays with headquarters, as the report does.
        headquartersOnly: report.headquartersOnly,
        categoryCodes: report.personnelCategoryCodes,
        nationalityCodes: report.nationalityCodes,
        childrenInvolved: report.childrenInvolved,
        urgent: report.urgency === "urgent",
        placeEncrypted: place
          ? await services.encryption.encrypt(tx, place, fieldContext("cases", "place_encrypted", caseId))
          : null,
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

/**
 * Headquarters sends a report to the unit that should work on it: another mission, or the office of
 * the entity the reporter named (a report about UNHCR's staff given at MINUSCA goes to UNHCR). The
 * receiving unit's team sees it at once; a report already in a case stays with its case.
 */
export async function routeReport(
  services: Services,
  actor: Actor,
  reportId: string,
  body: { missionCode: string; version: number },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const report = await visibleReport(tx, actor, reportId);
    if (!reportPolicy.abilities(actor, report).route) throw new Forbidden("Only headquarters routes a report.");
    assertSameVersion(report, body.version);
    if (report.caseId)
      throw new Conflict("This report is part of a case: it stays with its case.", {}, "report_in_case");
    // A report kept for headquarters is with no unit yet, even the one it names.
    const { code: unit } = await receivingUnit(
      tx,
      body.missionCode,
      report.headquartersOnly ? null : report.missionCode,
    );
    await tx
      .update(reports)
      .set({ missionCode: unit, headquartersOnly: false, version: sql`${reports.version} + 1` })
      .where(eq(reports.id, reportId));
    await recordAuditEvent(tx, actor, {
      action: "report.route",
      subjectType: "report",
      subjectId: reportId,
      details: { fromMissionCode: report.missionCode, toMissionCode: unit },
    });
    return { missionCode: unit };
  });
}

/**
 * Headquarters hands a report its reporter sent past the mission to the mission's team, and with it
 * the case built from it once no other report of that case is kept from the mission.
 */
export async function handReportToMission(services: Services, actor: Actor, reportId: string, version: number) {
  return inTransaction(services.db, actor, async (tx) => {
    const report = await visibleReport(tx, actor, reportId);
    if (!reportPolicy.abilities(actor, report).handToMission)
      throw new Forbidden("Only headquarters hands a report sent to it over to the mission.");
    assertSameVersion(report, version);
    await tx
      .update(reports)
      .set({ headquartersOnly: false, version: sql`${reports.version} + 1` })
      .where(eq(reports.id, reportId));
    await recordAuditEvent(tx, actor, {
      action: "report.hand_to_mission",
      subjectType: "report",
      subjectId: reportId,
      details: { missionCode: report.missionCode },
    });
    if (!report.caseId) return { caseHandedOver: false };
    const [stillKept] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.caseId, report.caseId), eq(reports.headquartersOnly, true)))
      .limit(1);
    if (stillKept) return { caseHandedOver: false };
    const handed = await tx
      .update(cases)
      .set({ headquartersOnly: false, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, report.caseId), eq(cases.headquartersOnly, true)))
      .returning({ id: cases.id });
    if (handed.length)
      await recordAuditEvent(tx, actor, {
        action: "case.hand_to_mission",
        subjectType: "case",
        subjectId: report.caseId,
        details: { fromReport: reportId },
      });
    return { caseHandedOver: handed.length > 0 };
  });
}
