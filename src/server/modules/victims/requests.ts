// Requests to victim assistance: an officer sends a victim to the mission's advocates from a case or
// from a report not yet in one, in one step, with its urgency and needs; an advocate takes it up.
// The advocates hear of it at once (a notification, emailed when SMTP is set).
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { assistanceRequests, cases, reports, user } from "../../../db/schema.js";
import type { AssistanceRequestBody } from "../../../domain/contracts/victims.js";
import { reportCode } from "../../../domain/contracts/reports.js";
import type { Urgency } from "../../../domain/triage.js";
import type { Actor } from "../../auth/actor.js";
import { assistancePolicy, casePolicy, reportPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { findCaseWithFacts } from "../cases/index.js";

type Source = { caseId: string } | { reportId: string };

/** Where the request comes from, checked: the officer must handle that case or report. */
async function sourceOf(tx: Transaction, actor: Actor, source: Source) {
  if ("caseId" in source) {
    const found = await findCaseWithFacts(tx, source.caseId);
    if (!found || !casePolicy.abilities(actor, found.facts).view) throw new NotFound("case");
    return { missionCode: found.row.missionCode, caseId: found.row.id, reportId: null, label: found.row.reference };
  }
  const [report] = await tx.select().from(reports).where(eq(reports.id, source.reportId));
  if (!report || !reportPolicy.view(actor, report)) throw new NotFound("report");
  if (!report.missionCode)
    throw new ValidationFailed(
      "This report names no mission: add it to a case of the right mission first, then send the request from the case.",
      [{ path: "params.id", message: "mission_required" }],
      "mission_required",
    );
  return { missionCode: report.missionCode, caseId: report.caseId, reportId: report.id, label: reportCode(report.id) };
}

export async function requestAssistance(services: Services, actor: Actor, source: Source, body: AssistanceRequestBody) {
  return inTransaction(services.db, actor, async (tx) => {
    const from = await sourceOf(tx, actor, source);
    if (!assistancePolicy.request(actor, from.missionCode))
      throw new Forbidden("The mission's Conduct and Discipline officers send victims to victim assistance.");
    const [created] = await tx
      .insert(assistanceRequests)
      .values({
        missionCode: from.missionCode,
        caseId: from.caseId,
        reportId: from.reportId,
        urgency: body.urgency,
        needs: body.needs,
        requestedBy: actor.userId as string,
      })
      .returning();
    if (body.note) {
      const noteEncrypted = await services.encryption.encrypt(
        tx,
        body.note,
        fieldContext("assistance_requests", "note_encrypted", created.id),
      );
      await tx.update(assistanceRequests).set({ noteEncrypted }).where(eq(assistanceRequests.id, created.id));
    }
    // Notifications belong to their readers: a definer function writes the advocates' (migration 0063).
    const notified = (await tx.execute(
      sql`select conduct_notify_assistance_request(${created.id}, ${from.label}, ${services.config.smtpUrl ? "pending" : "in_app_only"}) as count`,
    )) as unknown as { rows: { count: number }[] };
    await recordAuditEvent(tx, actor, {
      action: "assistance.request",
      subjectType: "assistance_request",
      subjectId: created.id,
      details: { caseId: from.caseId, reportId: from.reportId, urgency: body.urgency, needs: body.needs },
    });
    return { id: created.id, notified: notified.rows[0]?.count ?? 0 };
  });
}

/** Open requests first, most urgent first; those taken up, most recent first. */
export async function listAssistanceRequests(services: Services, actor: Actor, state: "open" | "taken") {
  if (!assistancePolicy.list(actor))
    throw new Forbidden("Requests to victim assistance are for its advocates and the officers who send them.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select({ request: assistanceRequests, caseReference: cases.reference, requesterName: user.name })
      .from(assistanceRequests)
      .leftJoin(cases, eq(cases.id, assistanceRequests.caseId))
      .leftJoin(user, eq(user.id, assistanceRequests.requestedBy))
      .where(state === "open" ? isNull(assistanceRequests.takenAt) : isNotNull(assistanceRequests.takenAt))
      .orderBy(
        ...(state === "open"
          ? [sql`case ${assistanceRequests.urgency} when 'urgent' then 0 when 'priority' then 1 else 2 end`]
          : []),
        desc(state === "open" ? assistanceRequests.requestedAt : assistanceRequests.takenAt),
      )
      .limit(200);
    const items = [];
    for (const { request, caseReference, requesterName } of rows) {
      items.push({
        id: request.id,
        missionCode: request.missionCode,
        caseId: request.caseId,
        caseReference,
        reportId: request.reportId,
        reportCode: request.reportId ? reportCode(request.reportId) : null,
        urgency: request.urgency as Urgency,
        needs: request.needs,
        note: request.noteEncrypted
          ? await services.encryption.decrypt(
              tx,
              request.noteEncrypted,
              fieldContext("assistance_requests", "note_encrypted", request.id),
            )
          : null,
        requestedBy: requesterName,
        requestedAt: request.requestedAt.toISOString(),
        takenAt: request.takenAt?.toISOString() ?? null,
        can: { take: request.takenAt === null && assistancePolicy.take(actor, request.missionCode) },
      });
    }
    if (items.length > 0)
      await recordAuditEvent(tx, actor, {
        action: "assistance.list",
        subjectType: "assistance_request",
        details: { shown: items.length },
      });
    return { items };
  });
}

/** An advocate takes a request up; a request already taken answers 409 naming when. */
export async function takeAssistanceRequest(services: Services, actor: Actor, id: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const [request] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.id, id));
    if (!request) throw new NotFound("assistance request");
    if (!assistancePolicy.take(actor, request.missionCode))
      throw new Forbidden("The mission's victim assistance advocates take requests up.");
    if (request.takenAt)
      throw new Conflict(
        "Another advocate already took this request up.",
        { takenAt: request.takenAt.toISOString() },
        "already_taken",
      );
    await tx
      .update(assistanceRequests)
      .set({ takenBy: actor.userId, takenAt: new Date() })
      .where(and(eq(assistanceRequests.id, id), isNull(assistanceRequests.takenAt)));
    await recordAuditEvent(tx, actor, { action: "assistance.take", subjectType: "assistance_request", subjectId: id });
    return { taken: true };
  });
}
