// Migration 0094 moves imported history out of `cases` into its own tables: on a database migrated
// to just before it, with history imported as it used to be (a case per allegation, its rows'
// facts beside it), everything the public reads is the same after the move as before.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { patience } from "../../test/helpers/patience.js";

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const FIRST_AFTER = 94;
const before = mkdtempSync(path.join(tmpdir(), "conduct-migrations-"));
afterAll(() => rmSync(before, { recursive: true, force: true }));

/** The migrations folder as it was before the move: its journal cut there. */
function migrationsBefore() {
  cpSync(migrations, before, { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(migrations, "meta/_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((entry: { idx: number }) => entry.idx < FIRST_AFTER);
  writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify(journal));
  return before;
}

/** What the public reads: the table, the victims, and every kept count. */
async function published(client: PGlite) {
  const read = async (query: string) => (await client.query(query)).rows;
  return {
    table: await read(
      "SELECT * FROM conduct_published_allegations() ORDER BY reference, category_code, nationality_code",
    ),
    victims: await read("SELECT * FROM conduct_published_victims() ORDER BY 1, 2, 5, 6, 3::text, 4::text"),
    counts: await read("SELECT * FROM public_allegation_counts WHERE count <> 0 ORDER BY 1, 2, 3, 4"),
    systemWide: await read("SELECT * FROM system_wide_allegation_counts WHERE count <> 0 ORDER BY 1, 2, 3, 4, 5"),
    years: await read("SELECT * FROM system_wide_allegation_year_counts WHERE count <> 0 ORDER BY 1, 2, 3, 4"),
  };
}

describe("moving imported history to its own tables (migration 0094)", () => {
  it("keeps every published row, victim and count as it was, and takes the cases out of case work", {
    timeout: patience(120_000),
  }, async () => {
    const client = await PGlite.create();
    try {
      await migrate(drizzle({ client }), { migrationsFolder: migrationsBefore() });
      await client.exec(`
        INSERT INTO missions (code, entity_code, name, kind, start_year) VALUES ('MINUSCA', 'DPO', 'MINUSCA', 'peacekeeping', 2014);
        -- A Ghanaian contingent member and a civilian, each row with its own facts.
        INSERT INTO cases (id, reference, mission_code, status, date_reported, category_codes, nationality_codes,
            allegation_codes, allegation_pairs, victims_girls, victims_unknown, paternity_claim, finding_outcome, published_at)
          VALUES ('00000000-0000-0000-0000-000000000001', 'HIST-1', 'MINUSCA', 'closed', '2018-03-01', '{MIL_MC,CIV_INT}',
            '{GHA}', '{SA_RAPE}', '{CIV_INT:,MIL_MC:GHA}', 1, 1, true, 'substantiated', '2024-05-01T10:00:00Z');
        INSERT INTO imported_allegation_facts (case_id, category_code, nationality_code, victims, child_victims,
            alleged_perpetrators, incident_period, paternity_status, investigating_entity, investigation_days, findings,
            interim_action, final_action, un_action, member_state_action, criminal_referral, source_file, imported_by)
          VALUES ('00000000-0000-0000-0000-000000000001', 'MIL_MC', 'GHA', 2, 1, 1, '2018-01/2018-02', 'Pending', 'NIO', 120,
            'Substantiated', 'Repatriation', 'Imprisonment', NULL, 'Imprisonment', true, 'history.csv', 'hq'),
            ('00000000-0000-0000-0000-000000000001', 'CIV_INT', '', 1, 0, NULL, NULL, '', 'OIOS', 90,
            'Unsubstantiated', NULL, NULL, NULL, NULL, false, 'history.csv', 'hq');
        -- Imported before rows were told apart: one set of facts for the whole case.
        INSERT INTO cases (id, reference, mission_code, status, date_reported, category_codes, nationality_codes,
            allegation_codes, victims_women, paternity_claim, finding_outcome, published_at)
          VALUES ('00000000-0000-0000-0000-000000000002', 'HIST-2', 'MINUSCA', 'closed', '2016-07-01', '{POL_FPU}',
            '{SEN,RWA}', '{SE_UNSPECIFIED}', 1, true, 'under_investigation', '2023-01-01T00:00:00Z');
        INSERT INTO imported_allegation_facts (case_id, victims, child_victims, findings, source_file)
          VALUES ('00000000-0000-0000-0000-000000000002', 1, 0, 'Under Investigation', 'old.csv');
        -- A case recorded here, published: it stays where it is.
        INSERT INTO cases (id, reference, mission_code, status, date_reported, category_codes, nationality_codes,
            allegation_codes, victims_men, published_at)
          VALUES ('00000000-0000-0000-0000-000000000003', 'MINUSCA-2025-0001', 'MINUSCA', 'closed', '2025-02-01',
            '{CIV_NS}', '{}', '{SE_TRANSACTIONAL}', 1, '2025-06-01T00:00:00Z');
      `);
      const was = await published(client);
      expect(was.table.map((row) => (row as { reference: string }).reference)).toEqual([
        "HIST-1",
        "HIST-1",
        "HIST-2",
        "HIST-2",
        "MINUSCA-2025-0001",
      ]);
      expect(was.systemWide.length).toBeGreaterThan(0);

      await migrate(drizzle({ client }), { migrationsFolder: migrations });
      expect(await published(client)).toEqual(was);
      const left = await client.query<{ reference: string }>("SELECT reference FROM cases ORDER BY 1");
      expect(left.rows).toEqual([{ reference: "MINUSCA-2025-0001" }]);
      const moved = await client.query<{ reference: string; rows: number; source_file: string }>(
        `SELECT a.reference, count(*)::int AS rows, a.source_file FROM imported_allegations a
          JOIN imported_allegation_rows r USING (reference) GROUP BY 1, 3 ORDER BY 1`,
      );
      expect(moved.rows).toEqual([
        { reference: "HIST-1", rows: 2, source_file: "history.csv" },
        { reference: "HIST-2", rows: 2, source_file: "old.csv" },
      ]);
      // A new case number skips an imported allegation's reference.
      const taken = await client.query<{ taken: boolean }>("SELECT conduct_case_reference_taken('HIST-2') AS taken");
      expect(taken.rows).toEqual([{ taken: true }]);
    } finally {
      await client.close();
    }
  });
});
