// Good practices: Member State focal points write and submit their State's practices, headquarters
// reviews and publishes them (or returns them with comments), and the public browses what is published.
import { acceptDocument } from "../../uploads/documents.js";
import { and, arrayContains, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { goodPracticeFiles, goodPractices } from "../../../db/schema.js";
import {
  MAX_PRACTICE_FILES,
  type PracticeInput,
  type PracticeStatus,
  type PracticeStep,
  practiceStep,
  practiceSteps,
} from "../../../domain/good-practices.js";
import type { Services } from "../../services.js";
import { type Actor, publicActor } from "../../auth/actor.js";
import { goodPracticePolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

import { presentPublic, presentForStaff } from "./presenters.js";

import type { PracticeFileSummary } from "./presenters.js";
/** A published practice as the public sees it. */
export type PublicPractice = ReturnType<typeof presentPublic>;

export interface PracticeFilter {
  area?: string;
  theme?: string;
  country?: string;
  q?: string;
}

function conditions(filter: PracticeFilter): SQL[] {
  const list: SQL[] = [];
  if (filter.area) list.push(eq(goodPractices.area, filter.area));
  if (filter.theme) list.push(eq(goodPractices.theme, filter.theme));
  if (filter.country) list.push(arrayContains(goodPractices.countryCodes, [filter.country]));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    list.push(
      or(
        ilike(goodPractices.title, pattern),
        ilike(goodPractices.summary, pattern),
        ilike(goodPractices.theme, pattern),
      ) as SQL,
    );
  }
  return list;
}

/** What the public sees: published practices only, filtered by area, theme, country and words. */
export async function listPublishedPractices(services: Services, filter: PracticeFilter) {
  return inTransaction(services.db, publicActor, async (tx) => {
    const rows = await tx
      .select()
      .from(goodPractices)
      .where(and(eq(goodPractices.status, "published"), ...conditions(filter)))
      .orderBy(asc(goodPractices.area), asc(goodPractices.title));
    const files = await filesOf(
      tx,
      rows.map((row) => row.id),
    );
    return { items: rows.map((row) => presentPublic(row, files.get(row.id))) };
  });
}

/** Staff see published practices plus, within their scope, drafts and those under review. */
export async function listPracticesForStaff(
  services: Services,
  actor: Actor,
  filter: PracticeFilter & { status?: string },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const extra = filter.status ? [eq(goodPractices.status, filter.status)] : [];
    const rows = await tx
      .select()
      .from(goodPractices)
      .where(and(...conditions(filter), ...extra))
      .orderBy(asc(goodPractices.status), asc(goodPractices.title));
    const visible = rows.filter((row) => goodPracticePolicy.view(actor, row));
    const files = await filesOf(
      tx,
      visible.map((row) => row.id),
    );
    return { items: visible.map((row) => presentForStaff(row, actor, files.get(row.id))) };
  });
}

export async function createPractice(services: Services, actor: Actor, input: PracticeInput) {
  if (!goodPracticePolicy.create(actor, input.countryCodes))
    throw new Forbidden("A Member State shares practices of its own; headquarters may record any.");
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx
      .insert(goodPractices)
      .values({ ...input, status: "draft", submittedBy: actor.userId })
      .onConflictDoNothing({ target: goodPractices.title })
      .returning();
    if (!row) throw new Conflict("A practice with this title already exists.", {}, "practice_title_taken");
    await recordAuditEvent(tx, actor, {
      action: "good_practice.create",
      subjectType: "good_practice",
      subjectId: row.id,
    });
    return presentForStaff(row, actor);
  });
}

async function practiceInScope(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx.select().from(goodPractices).where(eq(goodPractices.id, id));
  if (!row || !goodPracticePolicy.view(actor, row)) throw new NotFound("good practice");
  return row;
}

export async function updatePractice(
  services: Services,
  actor: Actor,
  id: string,
  input: PracticeInput & { version: number },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await practiceInScope(tx, actor, id);
    if (!goodPracticePolicy.edit(actor, row) || !goodPracticePolicy.create(actor, input.countryCodes))
      throw new Forbidden(
        "This practice can be edited only by its State while it is a draft or returned, or by headquarters.",
      );
    if (row.version !== input.version)
      throw new Conflict(
        "Someone else changed this practice. Reload, then try again.",
        { current: presentForStaff(row, actor) },
        "stale_version",
      );
    const { version, ...values } = input;
    const [updated] = await tx
      .update(goodPractices)
      .set({ ...values, version: sql`${goodPractices.version} + 1`, updatedAt: new Date() })
      .where(and(eq(goodPractices.id, id), eq(goodPractices.version, version)))
      .returning();
    await recordAuditEvent(tx, actor, { action: "good_practice.update", subjectType: "good_practice", subjectId: id });
    return presentForStaff(updated, actor, (await filesOf(tx, [id])).get(id));
  });
}

/** Submit (a State), publish or return with comments (headquarters), or withdraw a published one. */
export async function movePractice(
  services: Services,
  actor: Actor,
  id: string,
  step: PracticeStep,
  comment: string | null,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await practiceInScope(tx, actor, id);
    if (!goodPracticePolicy.step(actor, row, step))
      throw new Forbidden(
        step === "submit"
          ? "Only the State's focal point or headquarters submits a practice."
          : "Only headquarters reviews practices.",
      );
    const to = practiceStep(row.status as PracticeStatus, step);
    if (!to)
      throw new InvalidTransition(
        row.status,
        step,
        (Object.keys(practiceSteps) as PracticeStep[]).filter((s) => practiceStep(row.status as PracticeStatus, s)),
      );
    if (step === "return" && !comment)
      throw new ValidationFailed(
        "Say what the State should change.",
        [{ path: "body.comment", message: "required" }],
        "comment_required",
      );
    const [updated] = await tx
      .update(goodPractices)
      .set({
        status: to,
        reviewComment: step === "return" ? comment : step === "submit" ? row.reviewComment : null,
        reviewedBy: step === "publish" || step === "return" ? actor.userId : row.reviewedBy,
        publishedAt: to === "published" ? new Date() : null,
        version: sql`${goodPractices.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(goodPractices.id, id))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: `good_practice.${step}`,
      subjectType: "good_practice",
      subjectId: id,
      details: { from: row.status, to },
    });
    return presentForStaff(updated, actor, (await filesOf(tx, [id])).get(id));
  });
}

/** The files of these practices (those the reader may see), in one query. */
export async function filesOf(tx: Transaction, practiceIds: string[]): Promise<Map<string, PracticeFileSummary[]>> {
  const byPractice = new Map<string, PracticeFileSummary[]>();
  if (practiceIds.length === 0) return byPractice;
  const rows = await tx
    .select({
      id: goodPracticeFiles.id,
      practiceId: goodPracticeFiles.practiceId,
      fileName: goodPracticeFiles.fileName,
      contentType: goodPracticeFiles.contentType,
      sizeBytes: goodPracticeFiles.sizeBytes,
    })
    .from(goodPracticeFiles)
    .where(inArray(goodPracticeFiles.practiceId, practiceIds))
    .orderBy(asc(goodPracticeFiles.createdAt));
  for (const { practiceId, ...file } of rows) byPractice.set(practiceId, [...(byPractice.get(practiceId) ?? []), file]);
  return byPractice;
}

/** Attaches a document or picture to a practice its sharer (or headquarters) may edit; audited. */
export async function attachPracticeFile(
  services: Services,
  actor: Actor,
  practiceId: string,
  file: { fileName: string; content: Buffer },
) {
  const { fileName, contentType, sha256 } = await acceptDocument(file);
  return inTransaction(services.db, actor, async (tx) => {
    const practice = await practiceInScope(tx, actor, practiceId);
    if (!goodPracticePolicy.edit(actor, practice))
      throw new Forbidden(
        "Files are added by the sharing State while the practice is a draft or returned, or by headquarters.",
      );
    const existing = (await filesOf(tx, [practiceId])).get(practiceId) ?? [];
    if (existing.length >= MAX_PRACTICE_FILES)
      throw new ValidationFailed(
        `A practice carries at most ${MAX_PRACTICE_FILES} files.`,
        [{ path: "body", message: "too_many_files" }],
        "too_many_files",
      );
    const [row] = await tx
      .insert(goodPracticeFiles)
      .values({
        practiceId,
        fileName,
        contentType,
        sizeBytes: file.content.length,
        sha256,
        content: file.content,
        uploadedBy: actor.userId,
      })
      .returning({ id: goodPracticeFiles.id });
    await recordAuditEvent(tx, actor, {
      action: "good_practice.file_add",
      subjectType: "good_practice",
      subjectId: practiceId,
      details: { fileId: row.id, contentType, sizeBytes: file.content.length, sha256 },
    });
    return { id: row.id, fileName, contentType, sizeBytes: file.content.length };
  });
}

export async function removePracticeFile(services: Services, actor: Actor, practiceId: string, fileId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const practice = await practiceInScope(tx, actor, practiceId);
    if (!goodPracticePolicy.edit(actor, practice))
      throw new Forbidden(
        "Files are removed by the sharing State while the practice is a draft or returned, or by headquarters.",
      );
    const [row] = await tx
      .delete(goodPracticeFiles)
      .where(and(eq(goodPracticeFiles.id, fileId), eq(goodPracticeFiles.practiceId, practiceId)))
      .returning({ id: goodPracticeFiles.id });
    if (!row) throw new NotFound("file");
    await recordAuditEvent(tx, actor, {
      action: "good_practice.file_remove",
      subjectType: "good_practice",
      subjectId: practiceId,
      details: { fileId },
    });
  });
}

/** A file's content, for whoever may see its practice (the public: published practices only). */
export async function practiceFile(services: Services, actor: Actor, fileId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx
      .select({ file: goodPracticeFiles, status: goodPractices.status, countryCodes: goodPractices.countryCodes })
      .from(goodPracticeFiles)
      .innerJoin(goodPractices, eq(goodPractices.id, goodPracticeFiles.practiceId))
      .where(eq(goodPracticeFiles.id, fileId));
    if (!row || !goodPracticePolicy.view(actor, row)) throw new NotFound("file");
    return row.file;
  });
}
