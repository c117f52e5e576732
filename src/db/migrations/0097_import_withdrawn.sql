-- Why: an import of history could not be taken back: a wrong file left wrong public figures (naming
-- the wrong country) until someone edited the database by hand. Each import is now a row of its own,
-- and headquarters withdraws one (with a reason) in one transaction: its allegations, their rows and
-- their counts go.
CREATE TABLE "allegation_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"source_file" text,
	"imported_by" text,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"withdrawal_reason" text,
	CONSTRAINT "allegation_imports_imported_at_unique" UNIQUE("imported_at")
);
--> statement-breakpoint
-- Imports made before this one are known by the timestamp their allegations share.
INSERT INTO "allegation_imports" (imported_at, source_file, imported_by, rows, created, unchanged, rejected)
  SELECT imported_at, min(source_file), min(imported_by), count(*)::int, count(*)::int, 0, 0
  FROM imported_allegations GROUP BY imported_at;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "allegation_imports" TO conduct_app;
--> statement-breakpoint
GRANT DELETE ON "imported_allegations", "imported_allegation_rows" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "allegation_imports" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY allegation_imports_hq ON "allegation_imports"
  USING (conduct_actor_role() IN ('system', 'cds_officer'))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
DROP FUNCTION conduct_count_imported_allegations(timestamptz);
--> statement-breakpoint
-- Counts what one import wrote (p_sign 1), or takes it back out before it is withdrawn (p_sign -1).
CREATE FUNCTION conduct_count_imported_allegations(p_imported_at timestamptz, p_sign int) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public SET work_mem = '64MB' AS
$$
  WITH units AS MATERIALIZED (
    SELECT u.year, u.quarter, u.mission_code, u.category_code, u.nationality_code, u.system_wide_category,
      u.system_wide_status, count(*)::int * p_sign AS n
    FROM imported_allegation_units u WHERE u.imported_at = p_imported_at
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), peacekeeping AS (
    INSERT INTO public_allegation_counts AS p (year, mission_code, category_code, nationality_code, count)
      SELECT year, mission_code, category_code, nationality_code, sum(n)::int FROM units
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (year, mission_code, category_code, nationality_code) DO UPDATE SET count = p.count + excluded.count
  )
  INSERT INTO system_wide_allegation_counts AS p (year, quarter, entity_code, category, status, count)
    SELECT u.year, u.quarter, m.entity_code, u.system_wide_category, u.system_wide_status, sum(u.n)::int
    FROM units u JOIN missions m ON m.code = u.mission_code
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (year, quarter, entity_code, category, status) DO UPDATE SET count = p.count + excluded.count;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_count_imported_allegations(timestamptz, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_count_imported_allegations(timestamptz, int) TO conduct_app;
