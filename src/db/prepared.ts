// Prepared queries, built once per database and reused: for the queries every request runs, the
// SQL building in Drizzle costs more CPU than the query itself.
import type { Database } from "./connection.js";

const cache = new WeakMap<Database, Map<string, unknown>>();

export function prepared<T>(db: Database, name: string, build: (db: Database) => T): T {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  if (!statements.has(name)) statements.set(name, build(db));
  return statements.get(name) as T;
}
