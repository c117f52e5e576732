// Headquarters sends a case to the unit that should work on it: a case opened at MONUSCO about a
// UNICEF partner's worker goes to UNICEF's office, and counts for UNICEF from then on.
import { and, eq, inArray, sql } from "drizzle-orm";
import { caseAssignments, cases, reports, staffProfiles } from "../../../db/schema.js";
import { type Actor, unitsInScope } from "../../auth/actor.js";
import type { Services } from "../../services.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { receivingUnit } from "../reference/index.js";
import { assertCaseVersion, authorizeCase, staleCase } from "./authorize.js";

/**
 * Moves the case and the reports it was built from to another unit: the receiving team works on it
 * at once and the unit it came from no longer sees it. Its number, its people's records (victims
 * stay with the advocates who assist them; they share a record on consent) and its history stay.
 */
export async function transferCase(
  services: Services,
  actor: Actor,
  caseId: string,
  body: { missionCode: string; version: number },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId, {
      can: "transfer",
      refusal: "Only headquarters sends a case to another unit.",
    });
    assertCaseVersion(found.row, body.version);
    const from = found.row.missionCode;
    const { code: unit } = await receivingUnit(tx, body.missionCode, from);
    const [updated] = await tx
      .update(cases)
      .set({ missionCode: unit, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, caseId), eq(cases.version, body.version)))
      .returning({ id: cases.id });
    // Changed by someone else since it was read: nothing moves, the reports included.
    if (!updated) throw staleCase();
    const moved = await tx
      .update(reports)
      .set({ missionCode: unit, version: sql`${reports.version} + 1` })
      .where(eq(reports.caseId, caseId))
      .returning({ id: reports.id });
    // The old unit's officers leave the case with it; headquarters and investigators stay assigned.
    const released = await tx
      .delete(caseAssignments)
      .where(
        and(
          eq(caseAssignments.caseId, caseId),
          inArray(
            caseAssignments.userId,
            tx
              .select({ userId: staffProfiles.userId })
              .from(staffProfiles)
              .where(and(eq(staffProfiles.role, "cdt_officer"), sql`not (${unit} = any(${unitsInScope}))`)),
          ),
        ),
      )
      .returning({ userId: caseAssignments.userId });
    await recordAuditEvent(tx, actor, {
      action: "case.transfer",
      subjectType: "case",
      subjectId: caseId,
      details: {
        fromMissionCode: from,
        toMissionCode: unit,
        reportsMoved: moved.length,
        assignmentsEnded: released.length,
      },
    });
    return { missionCode: unit, reportsMoved: moved.length, version: body.version + 1 };
  });
}
