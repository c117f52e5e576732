// Facts about this installation that its pages state, such as holding invented demo data.
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/connection.js";
import { installationFacts } from "../db/schema.js";
import type { Actor } from "./auth/actor.js";
import { recordAuditEvent } from "./modules/audit/index.js";
import type { Transaction } from "./transaction.js";

export type InstallationFact = "demo_data";

export async function readInstallationFact(db: Database, name: InstallationFact): Promise<unknown> {
  const [row] = await db
    .select({ value: installationFacts.value })
    .from(installationFacts)
    .where(eq(installationFacts.name, name));
  return row?.value ?? null;
}

/** Records a fact about this installation, with its audit event, in the caller's transaction. */
export async function recordInstallationFact(
  tx: Transaction,
  actor: Actor,
  name: InstallationFact,
  value: unknown,
): Promise<void> {
  await tx
    .insert(installationFacts)
    .values({ name, value })
    .onConflictDoUpdate({ target: installationFacts.name, set: { value, updatedAt: sql`now()` } });
  await recordAuditEvent(tx, actor, { action: "installation.fact", details: { name } });
}

/** Whether this database holds the demo data, so that public pages can say their figures are invented. */
export async function holdsDemoData(db: Database): Promise<boolean> {
  return (await readInstallationFact(db, "demo_data")) === true;
}
