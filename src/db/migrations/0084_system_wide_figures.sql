-- Why: the UN publishes system-wide SEA figures every quarter for every entity (docs/domain.md,
-- "System-wide figures"). They are kept like the peacekeeping counts: each published SEA case's
-- allegations (the counting rule's units) counted once, as cases change, under the quarter reported,
-- the unit's entity, the category's system-wide group and where the case stands. Where it stands
-- needs its finding: kept on the case from its findings, as its allegation pairs are from its
-- alleged perpetrators. The groups, statuses and the findings' order are written out (immutable,
-- inlined in every count); tests hold them to src/domain/system-wide.ts. The counts are rolled up
-- by year too, so figures over years read a quarter of the rows.
CREATE TABLE "system_wide_allegation_counts" (
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"entity_code" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "system_wide_allegation_counts_year_quarter_entity_code_category_status_pk" PRIMARY KEY("year","quarter","entity_code","category","status")
);
--> statement-breakpoint
CREATE TABLE "system_wide_allegation_year_counts" (
	"year" integer NOT NULL,
	"entity_code" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "system_wide_allegation_year_counts_year_entity_code_category_status_pk" PRIMARY KEY("year","entity_code","category","status")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "finding_outcome" text;--> statement-breakpoint
CREATE INDEX "system_wide_allegation_counts_entity_idx" ON "system_wide_allegation_counts" USING btree ("entity_code","year","quarter");--> statement-breakpoint
CREATE INDEX "system_wide_allegation_year_counts_entity_idx" ON "system_wide_allegation_year_counts" USING btree ("entity_code","year");
--> statement-breakpoint
CREATE FUNCTION conduct_system_wide_category(category text) RETURNS text
LANGUAGE sql IMMUTABLE AS
$$
  SELECT CASE category
    WHEN 'CIV_INT' THEN 'un_staff' WHEN 'CIV_NS' THEN 'un_staff' WHEN 'CIV_UNV' THEN 'un_volunteer'
    WHEN 'MIL_MC' THEN 'military' WHEN 'MIL_MO' THEN 'military'
    WHEN 'POL_UNPOL' THEN 'police' WHEN 'POL_FPU' THEN 'police'
    WHEN 'CIV_NONSTAFF' THEN 'non_staff' WHEN 'GPP' THEN 'government_provided'
    WHEN 'IP_STAFF' THEN 'implementing_partner' WHEN 'NON_UN_FORCE' THEN 'non_un_forces'
    ELSE 'unknown' END
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_system_wide_status(status text, finding text) RETURNS text
LANGUAGE sql IMMUTABLE AS
$$
  SELECT CASE WHEN finding IS NOT NULL THEN finding
    WHEN status IN ('under_investigation', 'findings', 'actions') THEN 'under_investigation'
    WHEN status = 'closed' THEN 'closed_other'
    ELSE 'pending_assessment' END
$$;
--> statement-breakpoint
-- The finding that speaks for a case: the first of the precedence its findings hold.
CREATE FUNCTION conduct_case_finding_outcome(p_case uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT f.finding FROM findings f WHERE f.case_id = p_case
  ORDER BY array_position(ARRAY['substantiated', 'not_substantiated', 'closed_limited_information', 'closed_other'], f.finding)
  LIMIT 1
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_keep_finding_outcome() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  UPDATE cases c SET finding_outcome = conduct_case_finding_outcome(c.id)
    WHERE c.id IN (SELECT case_id FROM changed_findings)
      AND c.finding_outcome IS DISTINCT FROM conduct_case_finding_outcome(c.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER findings_outcome_insert AFTER INSERT ON findings REFERENCING NEW TABLE AS changed_findings
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_finding_outcome();
--> statement-breakpoint
CREATE TRIGGER findings_outcome_delete AFTER DELETE ON findings REFERENCING OLD TABLE AS changed_findings
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_finding_outcome();
--> statement-breakpoint
CREATE TRIGGER findings_outcome_update AFTER UPDATE ON findings REFERENCING NEW TABLE AS changed_findings
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_finding_outcome();
--> statement-breakpoint
-- A case's system-wide units: one per allegation of the counting rule, SEA cases only.
CREATE FUNCTION conduct_case_system_wide_units(c cases)
RETURNS TABLE (year int, quarter int, category text, status text)
LANGUAGE sql IMMUTABLE AS
$$
  SELECT u.year, extract(quarter FROM c.date_reported)::int, conduct_system_wide_category(u.category_code),
    conduct_system_wide_status(c.status, c.finding_outcome)
  FROM conduct_case_allegation_units(c) u
$$;
--> statement-breakpoint
-- Netted per statement and written in a fixed order, as the peacekeeping counts are.
CREATE FUNCTION conduct_apply_system_wide_units(p_removed cases[], p_added cases[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  INSERT INTO system_wide_allegation_counts AS p (year, quarter, entity_code, category, status, count)
    SELECT d.year, d.quarter, m.entity_code, d.category, d.status, sum(d.delta)::int
    FROM (
      SELECT o.mission_code, u.*, -1 AS delta FROM unnest(p_removed) o CROSS JOIN LATERAL conduct_case_system_wide_units(o) u
      UNION ALL
      SELECT n.mission_code, u.*, 1 FROM unnest(p_added) n CROSS JOIN LATERAL conduct_case_system_wide_units(n) u
    ) d
    JOIN missions m ON m.code = d.mission_code
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.delta) <> 0
    ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (year, quarter, entity_code, category, status) DO UPDATE SET count = p.count + excluded.count
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_track_public_allegation_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  -- Each branch names only the transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    PERFORM conduct_apply_allegation_units('{}'::cases[], ARRAY(SELECT n::cases FROM new_cases n WHERE n.published_at IS NOT NULL));
    PERFORM conduct_apply_system_wide_units('{}'::cases[], ARRAY(SELECT n::cases FROM new_cases n WHERE n.published_at IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM conduct_apply_allegation_units(ARRAY(SELECT o::cases FROM old_cases o WHERE o.published_at IS NOT NULL), '{}'::cases[]);
    PERFORM conduct_apply_system_wide_units(ARRAY(SELECT o::cases FROM old_cases o WHERE o.published_at IS NOT NULL), '{}'::cases[]);
  ELSE
    PERFORM conduct_apply_allegation_units(
      ARRAY(SELECT o::cases FROM old_cases o JOIN new_cases n ON n.id = o.id
        WHERE o.published_at IS NOT NULL AND (n.published_at IS NULL
          OR (o.date_reported, o.mission_code, o.category_codes, o.nationality_codes, o.allegation_codes, o.allegation_pairs)
            IS DISTINCT FROM (n.date_reported, n.mission_code, n.category_codes, n.nationality_codes, n.allegation_codes, n.allegation_pairs))),
      ARRAY(SELECT n::cases FROM old_cases o JOIN new_cases n ON n.id = o.id
        WHERE n.published_at IS NOT NULL AND (o.published_at IS NULL
          OR (o.date_reported, o.mission_code, o.category_codes, o.nationality_codes, o.allegation_codes, o.allegation_pairs)
            IS DISTINCT FROM (n.date_reported, n.mission_code, n.category_codes, n.nationality_codes, n.allegation_codes, n.allegation_pairs))));
    -- The system-wide units also move with where the case stands.
    PERFORM conduct_apply_system_wide_units(
      ARRAY(SELECT o::cases FROM old_cases o JOIN new_cases n ON n.id = o.id
        WHERE o.published_at IS NOT NULL AND (n.published_at IS NULL
          OR (o.date_reported, o.mission_code, o.category_codes, o.nationality_codes, o.allegation_codes, o.allegation_pairs, o.status, o.finding_outcome)
            IS DISTINCT FROM (n.date_reported, n.mission_code, n.category_codes, n.nationality_codes, n.allegation_codes, n.allegation_pairs, n.status, n.finding_outcome))),
      ARRAY(SELECT n::cases FROM old_cases o JOIN new_cases n ON n.id = o.id
        WHERE n.published_at IS NOT NULL AND (o.published_at IS NULL
          OR (o.date_reported, o.mission_code, o.category_codes, o.nationality_codes, o.allegation_codes, o.allegation_pairs, o.status, o.finding_outcome)
            IS DISTINCT FROM (n.date_reported, n.mission_code, n.category_codes, n.nationality_codes, n.allegation_codes, n.allegation_pairs, n.status, n.finding_outcome))));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A unit moved to another entity takes its published allegations with it.
CREATE FUNCTION conduct_move_unit_system_wide_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  INSERT INTO system_wide_allegation_counts AS p (year, quarter, entity_code, category, status, count)
    SELECT u.year, u.quarter, e.entity_code, u.category, u.status, sum(e.delta)::int
    FROM cases c CROSS JOIN LATERAL conduct_case_system_wide_units(c) u
    CROSS JOIN (VALUES (OLD.entity_code, -1), (NEW.entity_code, 1)) AS e(entity_code, delta)
    WHERE c.mission_code = NEW.code AND c.published_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (year, quarter, entity_code, category, status) DO UPDATE SET count = p.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER missions_entity_system_wide_counts AFTER UPDATE OF entity_code ON missions
  FOR EACH ROW WHEN (OLD.entity_code IS DISTINCT FROM NEW.entity_code)
  EXECUTE FUNCTION conduct_move_unit_system_wide_counts();
--> statement-breakpoint
-- Every change to a quarter's count, whoever makes it (cases, findings, a unit moved), reaches its year.
CREATE FUNCTION conduct_roll_up_system_wide_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO system_wide_allegation_year_counts AS y (year, entity_code, category, status, count)
      SELECT n.year, n.entity_code, n.category, n.status, sum(n.count)::int FROM new_counts n
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (year, entity_code, category, status) DO UPDATE SET count = y.count + excluded.count;
  ELSE
    INSERT INTO system_wide_allegation_year_counts AS y (year, entity_code, category, status, count)
      -- Netted without a join: transition tables have no index, and a plan guessed for few rows
      -- would loop over every pair.
      SELECT d.year, d.entity_code, d.category, d.status, sum(d.delta)::int
      FROM (SELECT year, entity_code, category, status, count AS delta FROM new_counts
        UNION ALL SELECT year, entity_code, category, status, -count FROM old_counts) d
      GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (year, entity_code, category, status) DO UPDATE SET count = y.count + excluded.count;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER system_wide_counts_roll_up_insert AFTER INSERT ON system_wide_allegation_counts
  REFERENCING NEW TABLE AS new_counts FOR EACH STATEMENT EXECUTE FUNCTION conduct_roll_up_system_wide_counts();
--> statement-breakpoint
CREATE TRIGGER system_wide_counts_roll_up_update AFTER UPDATE ON system_wide_allegation_counts
  REFERENCING OLD TABLE AS old_counts NEW TABLE AS new_counts FOR EACH STATEMENT EXECUTE FUNCTION conduct_roll_up_system_wide_counts();
--> statement-breakpoint
UPDATE cases c SET finding_outcome = conduct_case_finding_outcome(c.id)
  WHERE EXISTS (SELECT 1 FROM findings f WHERE f.case_id = c.id);
--> statement-breakpoint
-- Imported history has no findings here: where its file said it stands speaks for it (folded as the
-- statistics fold imported words; the order is src/domain/system-wide.ts, statusPrecedence).
WITH said AS (
  SELECT x.case_id, array_agg(DISTINCT CASE folded.term WHEN 'unsubstantiated' THEN 'not_substantiated'
      WHEN 'pending_preliminary_assessment' THEN 'pending_assessment' ELSE folded.term END) AS statuses
  FROM imported_allegation_facts x
  CROSS JOIN LATERAL unnest(string_to_array(x.findings, ';')) AS f(text)
  CROSS JOIN LATERAL (SELECT trim(both '_' FROM regexp_replace(lower(f.text), '[^a-z0-9]+', '_', 'g')) AS term) folded
  GROUP BY x.case_id
)
UPDATE cases c SET finding_outcome = (
    SELECT p.status FROM unnest(ARRAY['substantiated', 'not_substantiated', 'closed_limited_information', 'closed_other',
      'under_investigation', 'pending_assessment']) WITH ORDINALITY AS p(status, n)
    WHERE p.status = ANY (said.statuses) ORDER BY p.n LIMIT 1)
  FROM said WHERE c.id = said.case_id AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.case_id = c.id);
--> statement-breakpoint
INSERT INTO system_wide_allegation_counts (year, quarter, entity_code, category, status, count)
  SELECT u.year, u.quarter, m.entity_code, u.category, u.status, count(*)
  FROM cases c CROSS JOIN LATERAL conduct_case_system_wide_units(c) u JOIN missions m ON m.code = c.mission_code
  WHERE c.published_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
ALTER TABLE system_wide_allegation_counts SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500);
--> statement-breakpoint
-- Counts of published allegations only: anyone may read them.
GRANT SELECT ON "system_wide_allegation_counts" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "system_wide_allegation_counts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY system_wide_allegation_counts_read ON "system_wide_allegation_counts" FOR SELECT USING (true);
--> statement-breakpoint
ALTER TABLE system_wide_allegation_year_counts SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500);
--> statement-breakpoint
GRANT SELECT ON "system_wide_allegation_year_counts" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "system_wide_allegation_year_counts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY system_wide_allegation_year_counts_read ON "system_wide_allegation_year_counts" FOR SELECT USING (true);
