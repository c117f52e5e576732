// Runs a use-case in one transaction under the actor's context, which row-level security reads.
import { type SQL, sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import pg from "pg";
import { type Database, isDatabaseUnavailable } from "../db/connection.js";
import { type Actor, narrowedToEntities } from "./auth/actor.js";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const contextValues = (actor: Actor) => [
  actor.userId ?? "",
  actor.role,
  actor.missionCodes.join(","),
  actor.countryCode ?? "",
  narrowedToEntities(actor) ? "1" : "",
];

export interface TransactionOptions {
  /**
   * The work only reads: PostgreSQL refuses any write in it, and on a server the answer goes back
   * without waiting for the commit (nothing to make durable), the connection returning to the pool
   * once it is done.
   */
  readOnly?: boolean;
}

/** Pauses before a read caught by a cut connection is tried again on a new one. */
const readRetryDelays = [200, 1_000];

export async function inTransaction<T>(
  db: Database,
  actor: Actor,
  work: (tx: Transaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  // A read changes nothing, so it is safe to run again when a failover or restart cut its
  // connection; a write is answered 503 and retried by its client under its idempotency key.
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransactionOnce(db, actor, work, options);
    } catch (error) {
      if (!options.readOnly || attempt >= readRetryDelays.length || !isDatabaseUnavailable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, readRetryDelays[attempt]));
    }
  }
}

async function inTransactionOnce<T>(
  db: Database,
  actor: Actor,
  work: (tx: Transaction) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  const session = (db as unknown as { session: { client: unknown } }).session;
  if (session.client instanceof pg.Pool)
    return inServerTransaction(session as unknown as ServerSession, actor, work, options);
  return db.transaction(
    async (tx) => {
      const [id, role, missions, country, narrowed] = contextValues(actor);
      await tx.execute(sql`select set_config('app.actor_id', ${id}, true), set_config('app.actor_role', ${role}, true),
      set_config('app.actor_missions', ${missions}, true), set_config('app.actor_country', ${country}, true),
      set_config('app.actor_narrowed', ${narrowed}, true)`);
      return work(tx);
    },
    options.readOnly ? { accessMode: "read only" } : undefined,
  );
}

interface ServerSession {
  client: pg.Pool;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  schema: ConstructorParameters<typeof NodePgSession>[2];
  options: ConstructorParameters<typeof NodePgSession>[3];
}

/**
 * On a PostgreSQL server, BEGIN and the actor's context travel in one statement (the simple query
 * protocol takes both; the values are escaped as literals by the driver), and the pool's clients
 * pipeline: the work's first query goes out behind it without waiting for its answer. Every request
 * pays for its round trips, so this is worth the few lines that mirror drizzle's own transaction.
 */
async function inServerTransaction<T>(
  outer: ServerSession,
  actor: Actor,
  work: (tx: Transaction) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  const client = await outer.client.connect();
  const literal = (value: string) => client.escapeLiteral(value);
  const [id, role, missions, country, narrowed] = contextValues(actor).map(literal);
  let broken = false;
  let released = false;
  const context = client.query(
    `begin${options.readOnly ? " read only" : ""}; select set_config('app.actor_id', ${id}, true), set_config('app.actor_role', ${role}, true), set_config('app.actor_missions', ${missions}, true), set_config('app.actor_country', ${country}, true), set_config('app.actor_narrowed', ${narrowed}, true)`,
  );
  // Its failure is read below, once the work is done; until then it must not count as unhandled.
  context.catch(() => undefined);
  try {
    const session = new NodePgSession(client, outer.dialect, outer.schema, outer.options);
    const tx = new NodePgTransaction(outer.dialect, session, outer.schema) as unknown as Transaction;
    // The work ends before the client is let go (no query of it left in flight on a released
    // connection); had the context failed, the work failed too, since PostgreSQL refuses every
    // statement of an aborted transaction, and the context's own error is still checked.
    const result = await work(tx);
    await context;
    if (options.readOnly) {
      // A failed commit of a read cannot change its answer; the connection is dropped rather than reused.
      released = true;
      client.query("commit").then(
        () => client.release(),
        () => client.release(true),
      );
      return result;
    }
    await client.query("commit");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dropped from the pool, not handed to the next request.
    await client.query("rollback").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    if (!released) client.release(broken);
  }
}

/** Runs an insert or a delete and counts the rows it wrote (in SQL: both drivers answer a count the same way). */
export async function rowsWritten(tx: Transaction, statement: SQL) {
  const result = (await tx.execute(
    sql`with w as (${statement} returning 1) select count(*)::int as n from w`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0].n;
}
