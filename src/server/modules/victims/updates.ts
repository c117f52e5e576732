// Each time a victim was told how their case or assistance stands, read back with their record.
import { and, desc, eq } from "drizzle-orm";
import { cases, user, victimUpdates } from "../../../db/schema.js";
import type { UpdateMeans, UpdateTopic } from "../../../domain/victims.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import type { Transaction } from "../../transaction.js";

export const noteContext = (id: string) => fieldContext("victim_updates", "note_encrypted", id);

/** The victim's updates (or the one asked for), newest first, their notes opened (the caller has shown it may read the record). */
export async function updatesOf(services: Services, tx: Transaction, victimId: string, onlyId?: string) {
  const rows = await tx
    .select({ update: victimUpdates, caseReference: cases.reference, byName: user.name })
    .from(victimUpdates)
    .leftJoin(cases, eq(cases.id, victimUpdates.caseId))
    .leftJoin(user, eq(user.id, victimUpdates.recordedBy))
    .where(and(eq(victimUpdates.victimId, victimId), onlyId ? eq(victimUpdates.id, onlyId) : undefined))
    .orderBy(desc(victimUpdates.informedOn), desc(victimUpdates.createdAt));
  return Promise.all(
    rows.map(async ({ update, caseReference, byName }) => ({
      id: update.id,
      informedOn: update.informedOn,
      means: update.means as UpdateMeans,
      topics: update.topics as UpdateTopic[],
      caseId: update.caseId,
      caseReference,
      note: update.noteEncrypted
        ? await services.encryption.decrypt(tx, update.noteEncrypted, noteContext(update.id))
        : null,
      byName,
    })),
  );
}
