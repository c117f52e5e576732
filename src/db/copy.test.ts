// Bulk rows by COPY come back exactly as given, whatever they hold, on either database.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { systemActor } from "../server/auth/actor.js";
import { inTransaction } from "../server/transaction.js";
import { CopyLines, copyLines } from "./copy.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("copies tabs, line breaks, backslashes, quotes, commas, braces, NULL as a word, and empty lists", async () => {
  const rows = [
    [1, "tab\there", ["a,b", 'say "hi"', "{x}", "NULL", "back\\slash"], true, null],
    [2, "two\nlines\r\nand \\N", [], false, "Côte d'Ivoire ساحل العاج 英国"],
  ] as const;
  const read = await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.execute(
      sql`create temp table copied (n int, text text, list text[], flag boolean, other text) on commit drop`,
    );
    const lines = new CopyLines();
    for (const row of rows) lines.add(row);
    await copyLines(tx, "copied", [lines.bytes()]);
    // The transaction goes on after the copy, as the application's role.
    const after = (await tx.execute(sql`select current_user as who`)) as unknown as { rows: { who: string }[] };
    expect(after.rows[0].who).toBe("conduct_app");
    return ((await tx.execute(sql`select * from copied order by n`)) as unknown as { rows: unknown[] }).rows;
  });
  expect(read).toEqual(rows.map(([n, text, list, flag, other]) => ({ n, text, list, flag, other })));
});

it("copies the rows written between the lengths given, from a buffer grown well past its first size", async () => {
  // Mostly three-byte characters, near two megabytes of rows: the buffer doubles several times.
  const text = (n: number) => `${n} ساحل العاج ${"英国".repeat(n % 300)}`;
  const lines = new CopyLines();
  const ends: number[] = [];
  for (let n = 0; n < 4_000; n++) {
    lines.add([n, text(n)]);
    ends.push(lines.length);
  }
  expect(lines.length).toBeGreaterThan(1 << 20);
  // Rows 0–999 and 3,000–3,999 only: two pieces, as an import leaves out what was imported before.
  const pieces = [lines.bytes(0, ends[999]), lines.bytes(ends[2_999], ends[3_999])];
  const read = await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.execute(sql`create temp table pieces (n int, text text) on commit drop`);
    await copyLines(tx, "pieces", pieces);
    return (
      (await tx.execute(sql`select n, text from pieces order by n`)) as unknown as {
        rows: { n: number; text: string }[];
      }
    ).rows;
  });
  const expected = [
    ...Array.from({ length: 1_000 }, (_, n) => n),
    ...Array.from({ length: 1_000 }, (_, n) => 3_000 + n),
  ];
  expect(read).toEqual(expected.map((n) => ({ n, text: text(n) })));
});
