// Statements built once per shape run on the connection they are given — a transaction's, so that
// row-level security sees the actor — and past a cap of shapes they are no longer kept by name.
import { asc, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { systemActor } from "../server/auth/actor.js";
import { inTransaction } from "../server/transaction.js";
import { MAX_NAMED_SHAPES, runStatement, shapedStatements } from "./prepared.js";
import { countries } from "./schema.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A shape here is how many countries to skip, written into the SQL (so each shape is its own statement).
const countriesAfter = shapedStatements("test_countries", (db, skip: number) =>
  db
    .select({ code: countries.code, role: sql<string>`current_setting('app.actor_role', true)`.as("role") })
    .from(countries)
    .where(gt(countries.code, sql.placeholder("after")))
    .orderBy(asc(countries.code))
    .limit(sql.placeholder("limit"))
    .offset(skip),
);

describe("statements by shape", () => {
  it("run in the transaction they are given, with their values, and map rows back", async () => {
    const statement = countriesAfter(t.app.services.db, 0);
    const actor = { ...systemActor, role: "cds_officer" as const, userId: "00000000-0000-4000-8000-000000000001" };
    for (const after of ["A", "M"]) {
      const rows = await inTransaction(t.app.services.db, actor, (tx) =>
        runStatement(tx, statement, { after, limit: 2 }),
      );
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.code > after && row.role === "cds_officer")).toBe(true);
    }
    // On a PostgreSQL server the connection keeps the statement by name, parsed once.
    if (process.env.DATABASE_URL) {
      const kept = await inTransaction(t.app.services.db, actor, async (tx) => {
        await runStatement(tx, statement, { after: "A", limit: 1 });
        return tx.execute(sql`select count(*)::int as n from pg_prepared_statements where name = ${statement.name}`);
      });
      expect((kept as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
    }
  });

  it("keeps the same statement for the same shape, and stops naming new shapes past the cap", async () => {
    const db = t.app.services.db;
    expect(countriesAfter(db, 1)).toBe(countriesAfter(db, 1));
    expect(countriesAfter(db, 1).name).toMatch(/^test_countries_[0-9a-f]{16}$/);
    expect(countriesAfter(db, 2).name).not.toBe(countriesAfter(db, 1).name);
    for (let skip = 0; skip < MAX_NAMED_SHAPES; skip++) countriesAfter(db, skip);
    const beyond = countriesAfter(db, MAX_NAMED_SHAPES + 1);
    expect(beyond.name).toBeUndefined();
    const [first] = await runStatement(db, countriesAfter(db, 0), { after: "", limit: 5 });
    const rows = await runStatement(db, beyond, { after: "", limit: 5 });
    // Past the cap the statement is still right: it skips what its shape says.
    const all = await runStatement(db, countriesAfter(db, 0), { after: "", limit: MAX_NAMED_SHAPES + 10 });
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.code)).toEqual(
      all.slice(MAX_NAMED_SHAPES + 1, MAX_NAMED_SHAPES + 6).map((row) => row.code),
    );
    expect(first.code).toBe(all[0].code);
  });
});
