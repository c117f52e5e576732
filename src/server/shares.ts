// Records shared with a unit of another entity for a stated reason (one UN): a case, a unit's risk
// register. Each kind keeps its shares in a table of the same shape; these read and end them alike.
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { type caseShares, missions, type preventionShares, user } from "../db/schema.js";
import type { ReasonedShares } from "../domain/contracts/fields.js";
import type { Actor } from "./auth/actor.js";
import { sharePolicy } from "./auth/policies/index.js";
import { Conflict, Forbidden, NotFound } from "./errors.js";
import type { Transaction } from "./transaction.js";

type ShareTable = typeof caseShares | typeof preventionShares;

/**
 * The shares of one record (`ofRecord` names it), oldest first, as the reader may see them; `keeps`
 * says whether the reader keeps the record (and so may end any of its shares).
 */
export async function reasonedSharesOf(
  tx: Transaction,
  actor: Actor,
  table: ShareTable,
  ofRecord: SQL,
  keeps: boolean,
): Promise<ReasonedShares> {
  const shares = table as typeof caseShares;
  const rows = await tx
    .select({
      id: shares.id,
      unitCode: shares.unitCode,
      entityCode: missions.entityCode,
      reason: shares.reason,
      sharedAt: shares.sharedAt,
      sharedByName: user.name,
      endedAt: shares.endedAt,
    })
    .from(shares)
    .innerJoin(missions, eq(missions.code, shares.unitCode))
    .leftJoin(user, eq(user.id, shares.sharedBy))
    .where(ofRecord)
    .orderBy(asc(shares.sharedAt));
  return {
    items: rows.map((row) => ({
      ...row,
      sharedAt: row.sharedAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
      canEnd: row.endedAt === null && sharePolicy.endReasoned(actor, row.unitCode, keeps),
    })),
  };
}

/**
 * Ends one of a record's shares: those who keep the record (`keeps`) take it back, or the conduct
 * team of the unit shared with hands it back. Answers the unit it was shared with.
 */
export async function endReasonedShare(
  tx: Transaction,
  actor: Actor,
  table: ShareTable,
  shareId: string,
  ofRecord: SQL,
  keeps: boolean,
): Promise<string> {
  const shares = table as typeof caseShares;
  const [share] = await tx
    .select({ unitCode: shares.unitCode })
    .from(shares)
    .where(and(eq(shares.id, shareId), ofRecord));
  if (!share) throw new NotFound("share");
  if (!sharePolicy.endReasoned(actor, share.unitCode, keeps))
    throw new Forbidden("Only those who keep the record, or the unit it is shared with, end a share.");
  const [ended] = await tx
    .update(shares)
    .set({ endedAt: new Date(), endedBy: actor.userId })
    .where(and(eq(shares.id, shareId), isNull(shares.endedAt)))
    .returning({ id: shares.id });
  if (!ended) throw new Conflict("This share has ended already.", {}, "share_ended");
  return share.unitCode;
}
