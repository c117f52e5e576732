// Working on a case together: who is assigned, the officers' notes, and each user's saved filters.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { caseAssignments, caseNotes, cases, savedFilters, staffProfiles, user } from "../../../db/schema.js";
import type { CaseFilter } from "../../../domain/contracts/cases.js";
import type { Services } from "../../services.js";
import { type Actor, unitsInScope } from "../../auth/actor.js";
import { casePolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertCaseVersion, authorizeCase } from "./authorize.js";
import { refreshSearchDocument } from "./queries.js";

/** Staff who may be assigned to a case: its mission's officers, headquarters, and investigators. */
export async function listAssignees(services: Services, actor: Actor, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId, {
      can: "edit",
      refusal: "Only the case's Conduct and Discipline officers assign it.",
    });
    const rows = await tx
      .select({ id: user.id, name: user.name, role: staffProfiles.role, missionCodes: unitsInScope })
      .from(staffProfiles)
      .innerJoin(user, eq(user.id, staffProfiles.userId))
      .where(
        and(
          inArray(staffProfiles.role, ["cds_officer", "cdt_officer", "investigator"]),
          isNull(staffProfiles.disabledAt),
        ),
      )
      .orderBy(asc(user.name));
    const eligible = rows.filter(
      (row) => row.role !== "cdt_officer" || row.missionCodes.includes(found.row.missionCode),
    );
    return {
      items: eligible.map(({ id, name, role }) => ({
        id,
        name,
        role,
        assigned: found.facts.assignedUserIds.includes(id),
      })),
    };
  });
}

/** Sets who is assigned (an assigned investigator gains access to the case); versioned with the case. */
export async function setAssignments(
  services: Services,
  actor: Actor,
  caseId: string,
  userIds: string[],
  version: number,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId, {
      can: "edit",
      refusal: "Only the case's Conduct and Discipline officers assign it.",
    });
    assertCaseVersion(found.row, version);
    const wanted = [...new Set(userIds)];
    const staff = wanted.length
      ? await tx
          .select({ userId: staffProfiles.userId, role: staffProfiles.role })
          .from(staffProfiles)
          .where(inArray(staffProfiles.userId, wanted))
      : [];
    const invalid = wanted.filter(
      (id) =>
        !staff.some((row) => row.userId === id && ["cds_officer", "cdt_officer", "investigator"].includes(row.role)),
    );
    if (invalid.length)
      throw new ValidationFailed(
        "Only Conduct and Discipline officers and investigators can be assigned to a case.",
        [{ path: "body.userIds", message: "not assignable" }],
        "not_assignable",
      );
    await tx.delete(caseAssignments).where(eq(caseAssignments.caseId, caseId));
    if (wanted.length) await tx.insert(caseAssignments).values(wanted.map((userId) => ({ caseId, userId })));
    await tx
      .update(cases)
      .set({ version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(eq(cases.id, caseId));
    await recordAuditEvent(tx, actor, {
      action: "case.assign",
      subjectType: "case",
      subjectId: caseId,
      details: { userIds: wanted },
    });
    return { assignedUserIds: wanted, version: version + 1 };
  });
}

export async function listNotes(services: Services, actor: Actor, caseId: string) {
  return inTransaction(services.db, actor, async (tx) => {
    await authorizeCase(tx, actor, caseId, {
      can: "readNotes",
      refusal: "Officers' notes are not shared with your role.",
    });
    const rows = await tx
      .select({ id: caseNotes.id, body: caseNotes.body, createdAt: caseNotes.createdAt, authorName: user.name })
      .from(caseNotes)
      .leftJoin(user, eq(user.id, caseNotes.authorId))
      .where(eq(caseNotes.caseId, caseId))
      .orderBy(asc(caseNotes.createdAt));
    await recordAuditEvent(tx, actor, { action: "case.notes.read", subjectType: "case", subjectId: caseId });
    return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
  });
}

/** A working note; it joins the case's search document (unless nothing is searchable on the case). */
export async function addNote(services: Services, actor: Actor, caseId: string, body: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId, {
      can: "addNote",
      refusal: "Only the case's officers and investigators add notes.",
    });
    const [note] = await tx
      .insert(caseNotes)
      .values({ caseId, body, authorId: actor.userId })
      .returning({ id: caseNotes.id });
    const narrative =
      found.row.narrativeConfidential || !found.row.narrativeEncrypted
        ? null
        : await services.encryption.decrypt(
            tx,
            found.row.narrativeEncrypted,
            fieldContext("cases", "narrative_encrypted", caseId),
          );
    await refreshSearchDocument(tx, caseId, narrative);
    await recordAuditEvent(tx, actor, {
      action: "case.note",
      subjectType: "case",
      subjectId: caseId,
      details: { noteId: note.id },
    });
    return { id: note.id };
  });
}

export async function listSavedFilters(services: Services, actor: Actor) {
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select()
      .from(savedFilters)
      .where(eq(savedFilters.userId, actor.userId ?? ""))
      .orderBy(asc(savedFilters.name));
    return { items: rows.map((row) => ({ id: row.id, name: row.name, query: row.query })) };
  });
}

export async function saveFilter(services: Services, actor: Actor, name: string, query: CaseFilter) {
  if (!casePolicy.list(actor)) throw new Forbidden("Your role does not work with cases.");
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx
      .insert(savedFilters)
      .values({ userId: actor.userId as string, name, query: query as Record<string, string> })
      .onConflictDoUpdate({
        target: [savedFilters.userId, savedFilters.name],
        set: { query: query as Record<string, string> },
      })
      .returning();
    await recordAuditEvent(tx, actor, { action: "saved_filter.save", subjectType: "saved_filter", subjectId: row.id });
    return { id: row.id, name: row.name, query: row.query };
  });
}

export async function deleteSavedFilter(services: Services, actor: Actor, id: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const deleted = await tx
      .delete(savedFilters)
      .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, actor.userId ?? "")))
      .returning({ id: savedFilters.id });
    if (!deleted.length) throw new NotFound("saved filter");
    await recordAuditEvent(tx, actor, { action: "saved_filter.delete", subjectType: "saved_filter", subjectId: id });
    return { deleted: true };
  });
}
