// Prepared queries, built once per database and reused: for the queries every request runs, the
// SQL building in Drizzle costs more CPU than the query itself.
import { createHash } from "node:crypto";
import { fillPlaceholders, type Query } from "drizzle-orm";
import type { PgSession, SelectedFieldsOrdered } from "drizzle-orm/pg-core";
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

/** What Drizzle built once: the SQL with its placeholders, and how to read a row back. */
export interface Statement<Row> {
  name: string | undefined;
  query: Query;
  fields: SelectedFieldsOrdered;
  /** The row type, for the compiler only. */
  row?: Row;
}

/** The database or a transaction: it builds a select, and holds the session of its connection. */
type Builder = Pick<Database, "select">;

interface Template {
  prepare(name: string): { getQuery(): Query };
}

/** Each connection keeps the statements it has parsed; past this many shapes a query is built and parsed each time. */
export const MAX_NAMED_SHAPES = 200;

/**
 * A select whose filters vary, run as a named prepared statement per shape (which filters are set,
 * which order): Drizzle builds each shape once per process and PostgreSQL parses and plans it once
 * per connection, while the values travel as parameters. Unlike `prepared`, the statement runs on
 * the connection it is given — a transaction's — so row-level security sees the actor's context.
 * The number of shapes is capped, so that a caller trying every combination of filters cannot make
 * each connection keep thousands of statements.
 */
export function shapedStatements<Shape, Q extends Template & PromiseLike<unknown[]>>(
  prefix: string,
  build: (db: Builder, shape: Shape) => Q,
) {
  type Row = Awaited<Q>[number];
  const built = new Map<string, Statement<Row>>();
  // The SQL and the fields depend on the schema only, so any database may build them.
  const make = (db: Builder, shape: Shape, name: string | undefined): Statement<Row> => {
    const template = build(db, shape).prepare(name ?? "");
    // Drizzle keeps the ordered fields on its prepared query; they are what maps a row back.
    return {
      name,
      query: template.getQuery(),
      fields: (template as unknown as { fields: SelectedFieldsOrdered }).fields,
    };
  };
  return function statementFor(db: Builder, shape: Shape): Statement<Row> {
    const key = JSON.stringify(shape);
    const known = built.get(key);
    if (known) return known;
    if (built.size >= MAX_NAMED_SHAPES) return make(db, shape, undefined);
    // PostgreSQL cuts names at 63 bytes; a digest keeps every shape's name distinct and short.
    const statement = make(db, shape, `${prefix}_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`);
    built.set(key, statement);
    return statement;
  };
}

/** Runs a built statement on the given connection with the values of its placeholders. */
export function runStatement<Row>(
  runner: Builder,
  statement: Statement<Row>,
  values: Record<string, unknown>,
): Promise<Row[]> {
  // Drizzle keeps the session out of its public types; every database and transaction has one.
  const { session } = runner as unknown as { session: PgSession };
  return session.prepareQuery(statement.query, statement.fields, statement.name, true).execute(values) as Promise<
    Row[]
  >;
}

/** The SQL and parameters a statement sends, for a baseline that runs it raw. */
export const statementSql = (statement: Statement<unknown>, values: Record<string, unknown>) => ({
  sql: statement.query.sql,
  params: fillPlaceholders(statement.query.params, values),
});
