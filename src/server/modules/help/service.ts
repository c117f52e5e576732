// Help for people who report: read by anyone, each mission's kept by its team and headquarters,
// every edit a new version (src/domain/help.ts).
import { asc, desc, eq, isNull } from "drizzle-orm";
import { helpInformation, missions } from "../../../db/schema.js";
import { HEADQUARTERS, type HelpInformation, type HelpInformationInput } from "../../../domain/help.js";
import { type Actor, publicActor } from "../../auth/actor.js";
import { helpPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound } from "../../errors.js";
import type { Services } from "../../services.js";
import { type Transaction, inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

type HelpRow = typeof helpInformation.$inferSelect;

const present = (row: HelpRow, actor: Actor): HelpInformation => ({
  scope: row.scope,
  version: row.version,
  contacts: row.contacts as HelpInformation["contacts"],
  texts: row.texts,
  editedAt: row.createdAt.toISOString(),
  canEdit: helpPolicy.edit(actor, row.scope),
});

/** The latest version of each scope's help. */
async function latestRows(tx: Transaction): Promise<HelpRow[]> {
  return tx
    .selectDistinctOn([helpInformation.scope])
    .from(helpInformation)
    .orderBy(asc(helpInformation.scope), desc(helpInformation.version));
}

/** Current help for every scope, as the public pages show it: headquarters' and each mission's. */
export async function currentHelp(services: Services): Promise<Map<string, HelpInformation>> {
  return inTransaction(services.db, publicActor, async (tx) => {
    const rows = await latestRows(tx);
    return new Map(rows.map((row) => [row.scope, present(row, publicActor)]));
  });
}

export async function listHelp(services: Services, actor: Actor) {
  if (!helpPolicy.read(actor)) throw new Forbidden("Sign in to read the help kept for reporters.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await latestRows(tx);
    const open = await tx
      .select({ code: missions.code })
      .from(missions)
      .where(isNull(missions.endYear))
      .orderBy(asc(missions.code));
    const kept = new Set(rows.map((row) => row.scope));
    return {
      items: rows.map((row) => present(row, actor)),
      missing: [HEADQUARTERS, ...open.map((m) => m.code)].filter(
        (scope) => !kept.has(scope) && helpPolicy.edit(actor, scope),
      ),
    };
  });
}

export async function helpHistory(services: Services, actor: Actor, scope: string) {
  if (!helpPolicy.read(actor)) throw new Forbidden("Sign in to read the help kept for reporters.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select()
      .from(helpInformation)
      .where(eq(helpInformation.scope, scope))
      .orderBy(desc(helpInformation.version));
    if (rows.length === 0) throw new NotFound("help for this mission");
    return { items: rows.map((row) => present(row, actor)) };
  });
}

/** A new version of a scope's help; refused over a version newer than the one the editor started from. */
export async function saveHelp(services: Services, actor: Actor, scope: string, input: HelpInformationInput) {
  if (!helpPolicy.edit(actor, scope))
    throw new Forbidden("A mission's team keeps its own help for reporters; headquarters keeps any.");
  return inTransaction(services.db, actor, async (tx) => {
    if (scope !== HEADQUARTERS) {
      const [mission] = await tx.select({ code: missions.code }).from(missions).where(eq(missions.code, scope));
      if (!mission) throw new NotFound("mission");
    }
    const [latest] = await tx
      .select({ version: helpInformation.version })
      .from(helpInformation)
      .where(eq(helpInformation.scope, scope))
      .orderBy(desc(helpInformation.version))
      .limit(1);
    const stale = () =>
      new Conflict(
        "Someone else changed this help since you opened it. Reload, then make your change again.",
        {},
        "stale_version",
      );
    if ((latest?.version ?? 0) !== input.version) throw stale();
    const [row] = await tx
      .insert(helpInformation)
      .values({
        scope,
        version: input.version + 1,
        contacts: input.contacts,
        // Only the languages with words in them: an empty language shows English instead.
        texts: Object.fromEntries(
          Object.entries(input.texts).filter(([, words]) => words && (words.nextSteps || words.timeline)),
        ),
        editedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw stale();
    await recordAuditEvent(tx, actor, {
      action: "help.update",
      subjectType: "help_information",
      subjectId: row.id,
      details: { scope, version: row.version, contacts: row.contacts.length, languages: Object.keys(row.texts) },
    });
    return present(row, actor);
  });
}
