// The imports of history made here, newest first, and the withdrawal of one: a wrong file's
// allegations, their rows and their counts leave the public figures in one transaction, with a reason
// kept and audited. Its references may then be imported again.
import { desc, eq, sql } from "drizzle-orm";
import { allegationImports, user } from "../../../db/schema.js";
import type { AllegationImport } from "../../../domain/contracts/publication.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { publicationPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound } from "../../errors.js";
import { inTransaction, rowsWritten, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { forgetPublicStatistics } from "./stats.js";

const LISTED = 200;

/** Records an import that wrote its allegations at the transaction's time (now()). */
export async function recordImport(
  tx: Transaction,
  actor: Actor,
  made: { sourceFile: string | null; rows: number; created: number; unchanged: number; rejected: number },
) {
  const [row] = await tx
    .insert(allegationImports)
    .values({ ...made, importedAt: sql`now()`, importedBy: actor.userId })
    .returning({ id: allegationImports.id });
  return row.id;
}

export async function listImports(services: Services, actor: Actor): Promise<AllegationImport[]> {
  if (!publicationPolicy.importAllegations(actor)) throw new Forbidden("Headquarters imports historical allegations.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select({
        id: allegationImports.id,
        importedAt: allegationImports.importedAt,
        sourceFile: allegationImports.sourceFile,
        importedBy: user.name,
        rows: allegationImports.rows,
        created: allegationImports.created,
        unchanged: allegationImports.unchanged,
        rejected: allegationImports.rejected,
        withdrawnAt: allegationImports.withdrawnAt,
        withdrawalReason: allegationImports.withdrawalReason,
      })
      .from(allegationImports)
      .leftJoin(user, eq(user.id, allegationImports.importedBy))
      .orderBy(desc(allegationImports.importedAt))
      .limit(LISTED);
    return rows.map((row) => ({
      ...row,
      importedAt: row.importedAt.toISOString(),
      withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    }));
  });
}

/** Withdraws one import: its allegations leave the counts, then the tables; the import stays listed as withdrawn. */
export async function withdrawImport(services: Services, actor: Actor, id: string, reason: string) {
  if (!publicationPolicy.importAllegations(actor)) throw new Forbidden("Headquarters withdraws imports of history.");
  const outcome = await inTransaction(services.db, actor, async (tx) => {
    // Locked, so that two withdrawals of one import never take its counts out twice.
    const [made] = await tx.select().from(allegationImports).where(eq(allegationImports.id, id)).for("update");
    if (!made) throw new NotFound("import");
    if (made.withdrawnAt) throw new Conflict("This import was already withdrawn.", {}, "already_withdrawn");
    // Matched in SQL: the database keeps microseconds, which a JavaScript date would lose.
    const at = sql`(select imported_at from allegation_imports where id = ${id})`;
    await tx.execute(sql`select conduct_count_imported_allegations(${at}, -1)`);
    await tx.execute(sql`delete from imported_allegation_rows r using imported_allegations a
      where a.reference = r.reference and a.imported_at = ${at}`);
    const allegations = await rowsWritten(tx, sql`delete from imported_allegations where imported_at = ${at}`);
    await tx
      .update(allegationImports)
      .set({ withdrawnAt: sql`now()`, withdrawnBy: actor.userId, withdrawalReason: reason })
      .where(eq(allegationImports.id, id));
    await recordAuditEvent(tx, actor, {
      action: "publication.import_withdraw",
      subjectType: "publication",
      subjectId: id,
      details: { importedAt: made.importedAt.toISOString(), allegations, reason },
    });
    return { allegations };
  });
  forgetPublicStatistics(services);
  return outcome;
}
