// Runs a use-case in one transaction under the actor's context, which row-level security reads.
import { sql } from "drizzle-orm";
import type { Database } from "../db/connection.js";
import type { Actor } from "./auth/actor.js";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export async function inTransaction<T>(db: Database, actor: Actor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('app.actor_id', ${actor.userId ?? ""}, true),
      set_config('app.actor_role', ${actor.role}, true),
      set_config('app.actor_missions', ${actor.missionCodes.join(",")}, true),
      set_config('app.actor_country', ${actor.countryCode ?? ""}, true)`);
    return work(tx);
  });
}
