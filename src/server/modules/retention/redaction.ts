// Striking out a field's content with a reason: the field keeps a marker, the redaction is a record
// of its own (who, when, why) and an audit event names it. Nothing of the audit trail is rewritten,
// so its hash chain holds; the trail never held the content in the first place.
import { eq } from "drizzle-orm";
import { caseNotes, cases, redactions, reportMessages, reports } from "../../../db/schema.js";
import { REDACTED, type RedactableField } from "../../../domain/contracts/retention.js";
import type { Actor } from "../../auth/actor.js";
import { redactionPolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { refreshSearchDocument } from "../cases/index.js";

/** Each field that may be struck out: finds its record (under row-level security) and replaces its content. */
const redactors: Record<
  RedactableField,
  (
    tx: Transaction,
    id: string,
    seal: (table: string, column: string, id: string) => Promise<string>,
  ) => Promise<boolean>
> = {
  "case.narrative": async (tx, id, seal) => {
    const [row] = await tx
      .update(cases)
      .set({ narrativeEncrypted: await seal("cases", "narrative_encrypted", id) })
      .where(eq(cases.id, id))
      .returning({ id: cases.id });
    if (row) await refreshSearchDocument(tx, id, null);
    return Boolean(row);
  },
  "case_note.body": async (tx, id) => {
    const [row] = await tx
      .update(caseNotes)
      .set({ body: REDACTED })
      .where(eq(caseNotes.id, id))
      .returning({ caseId: caseNotes.caseId });
    if (row) await refreshSearchDocument(tx, row.caseId, null);
    return Boolean(row);
  },
  "report.what_happened": async (tx, id, seal) =>
    (
      await tx
        .update(reports)
        .set({ whatHappenedEncrypted: await seal("reports", "what_happened_encrypted", id) })
        .where(eq(reports.id, id))
        .returning({ id: reports.id })
    ).length > 0,
  "report_message.body": async (tx, id, seal) =>
    (
      await tx
        .update(reportMessages)
        .set({ bodyEncrypted: await seal("report_messages", "body_encrypted", id) })
        .where(eq(reportMessages.id, id))
        .returning({ id: reportMessages.id })
    ).length > 0,
};

export async function redactField(
  services: Services,
  actor: Actor,
  input: { field: RedactableField; recordId: string; reason: string },
) {
  if (!redactionPolicy.redact(actor))
    throw new Forbidden("Headquarters' Conduct and Discipline officers redact records.");
  return inTransaction(services.db, actor, async (tx) => {
    const seal = (table: string, column: string, id: string) =>
      services.encryption.encrypt(tx, REDACTED, fieldContext(table, column, id));
    if (!(await redactors[input.field](tx, input.recordId, seal))) throw new NotFound("record");
    const [row] = await tx
      .insert(redactions)
      .values({ field: input.field, recordId: input.recordId, reason: input.reason, redactedBy: actor.userId ?? "" })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "record.redact",
      details: { field: input.field, recordId: input.recordId, redactionId: row.id },
    });
    return { id: row.id, field: row.field, recordId: row.recordId, redactedAt: row.redactedAt.toISOString() };
  });
}

/** The redactions of a record: what was struck out, when, by whom and why. */
export async function listRedactions(services: Services, actor: Actor, recordId: string) {
  if (!redactionPolicy.read(actor)) throw new Forbidden("Your role does not read redactions.");
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      const rows = await tx.select().from(redactions).where(eq(redactions.recordId, recordId));
      return {
        items: rows.map((row) => ({
          id: row.id,
          field: row.field,
          recordId: row.recordId,
          reason: row.reason,
          redactedBy: row.redactedBy,
          redactedAt: row.redactedAt.toISOString(),
        })),
      };
    },
    { readOnly: true },
  );
}
