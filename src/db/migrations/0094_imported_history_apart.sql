-- Why: imported history was a row of `cases` per allegation, each paying for the indexes, triggers
-- and row-level rules that case work needs: a million rows took minutes. It now has tables of its
-- own (an allegation, and what each published row said of its category and nationality), written
-- by the import and counted once at its end; the published table, the victims and the counts read
-- both. Published imported cases move over; one another record points to (a report, a victim, a
-- screening entry: none is expected) stays a case, and keeps its case-level figures.
CREATE TABLE "imported_allegation_rows" (
	"reference" text NOT NULL,
	"category_code" text NOT NULL,
	"nationality_code" text DEFAULT '' NOT NULL,
	"victims" integer NOT NULL,
	"child_victims" integer NOT NULL,
	"alleged_perpetrators" integer,
	"incident_period" text,
	"paternity_status" text,
	"investigating_entity" text,
	"investigation_days" integer,
	"findings" text,
	"interim_action" text,
	"final_action" text,
	"un_action" text,
	"member_state_action" text,
	"criminal_referral" boolean,
	CONSTRAINT "imported_allegation_rows_reference_category_code_nationality_code_pk" PRIMARY KEY("reference","category_code","nationality_code")
);
--> statement-breakpoint
CREATE TABLE "imported_allegations" (
	"reference" text PRIMARY KEY NOT NULL,
	"mission_code" text NOT NULL,
	"date_reported" date NOT NULL,
	"category_codes" text[] NOT NULL,
	"nationality_codes" text[] NOT NULL,
	"allegation_codes" text[] NOT NULL,
	"victims_women" integer DEFAULT 0 NOT NULL,
	"victims_girls" integer DEFAULT 0 NOT NULL,
	"victims_boys" integer DEFAULT 0 NOT NULL,
	"victims_men" integer DEFAULT 0 NOT NULL,
	"victims_unknown" integer DEFAULT 0 NOT NULL,
	"paternity_claim" boolean DEFAULT false NOT NULL,
	"finding_outcome" text,
	"source_file" text,
	"imported_by" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "imported_allegations_imported_at_idx" ON "imported_allegations" USING btree ("imported_at");
--> statement-breakpoint
-- Written by headquarters' import and read by it; the public reads them through the published functions.
GRANT SELECT, INSERT, UPDATE ON "imported_allegations", "imported_allegation_rows" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "imported_allegations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY imported_allegations_hq ON "imported_allegations"
  USING (conduct_actor_role() IN ('system', 'cds_officer'))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
ALTER TABLE "imported_allegation_rows" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY imported_allegation_rows_hq ON "imported_allegation_rows"
  USING (conduct_actor_role() IN ('system', 'cds_officer'))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
-- The published words of a list written "a;b" in a file.
CREATE FUNCTION conduct_listed(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(array_remove(string_to_array(value, ';'), ''), '{}') $$;
--> statement-breakpoint
-- The published allegation ("SE", "SA" or "SE;SA") and its subtypes, of a case's or an import's codes.
CREATE FUNCTION conduct_published_allegation(codes text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS
$$
  SELECT nullif(concat_ws(';',
    CASE WHEN EXISTS (SELECT 1 FROM unnest(codes) a WHERE a LIKE 'SE\_%') THEN 'SE' END,
    CASE WHEN EXISTS (SELECT 1 FROM unnest(codes) a WHERE a LIKE 'SA\_%') THEN 'SA' END), '')
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_published_subtypes(codes text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE AS
$$
  SELECT ARRAY(SELECT a FROM unnest(codes) a WHERE (a LIKE 'SE\_%' OR a LIKE 'SA\_%') AND a NOT LIKE '%\_UNSPECIFIED' ORDER BY 1)
$$;
--> statement-breakpoint
-- The counting rule's units of imported history: one per published row (its pairs are told apart
-- on import), SEA only, with what the system-wide figures count it under.
CREATE VIEW imported_allegation_units AS
  SELECT a.reference, a.mission_code, a.imported_at, extract(year FROM a.date_reported)::int AS year,
    extract(quarter FROM a.date_reported)::int AS quarter, r.category_code, r.nationality_code,
    conduct_system_wide_category(r.category_code) AS system_wide_category,
    conduct_system_wide_status('closed', a.finding_outcome) AS system_wide_status
  FROM imported_allegations a JOIN imported_allegation_rows r ON r.reference = a.reference
  WHERE conduct_is_sea(a.allegation_codes);
--> statement-breakpoint
-- An import counts what it wrote once, at its end (rows of one allegation may come far apart in its file).
CREATE FUNCTION conduct_count_imported_allegations(p_imported_at timestamptz) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  INSERT INTO public_allegation_counts AS p (year, mission_code, category_code, nationality_code, count)
    SELECT u.year, u.mission_code, u.category_code, u.nationality_code, count(*)::int
    FROM imported_allegation_units u WHERE u.imported_at = p_imported_at
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (year, mission_code, category_code, nationality_code) DO UPDATE SET count = p.count + excluded.count;
  INSERT INTO system_wide_allegation_counts AS p (year, quarter, entity_code, category, status, count)
    SELECT u.year, u.quarter, m.entity_code, u.system_wide_category, u.system_wide_status, count(*)::int
    FROM imported_allegation_units u JOIN missions m ON m.code = u.mission_code WHERE u.imported_at = p_imported_at
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (year, quarter, entity_code, category, status) DO UPDATE SET count = p.count + excluded.count;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_count_imported_allegations(timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_count_imported_allegations(timestamptz) TO conduct_app;
--> statement-breakpoint
-- A unit moved to another entity takes its published allegations with it, imported ones too.
CREATE OR REPLACE FUNCTION conduct_move_unit_system_wide_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  INSERT INTO system_wide_allegation_counts AS p (year, quarter, entity_code, category, status, count)
    SELECT u.year, u.quarter, e.entity_code, u.category, u.status, sum(e.delta)::int
    FROM (
      SELECT w.year, w.quarter, w.category, w.status
      FROM cases c CROSS JOIN LATERAL conduct_case_system_wide_units(c) w
      WHERE c.mission_code = NEW.code AND c.published_at IS NOT NULL
      UNION ALL
      SELECT i.year, i.quarter, i.system_wide_category, i.system_wide_status
      FROM imported_allegation_units i WHERE i.mission_code = NEW.code
    ) u
    CROSS JOIN (VALUES (OLD.entity_code, -1), (NEW.entity_code, 1)) AS e(entity_code, delta)
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (year, quarter, entity_code, category, status) DO UPDATE SET count = p.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A case number is taken by an imported allegation's reference too.
CREATE OR REPLACE FUNCTION conduct_case_reference_taken(p_reference text)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT EXISTS (SELECT 1 FROM cases WHERE reference = p_reference)
    OR EXISTS (SELECT 1 FROM imported_allegations WHERE reference = p_reference)
$$;
--> statement-breakpoint
-- The move: the published rows as they read today become the imported rows, so nothing published changes.
CREATE TEMP TABLE moving_cases ON COMMIT DROP AS
  SELECT c.* FROM cases c
  WHERE c.published_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM imported_allegation_facts x WHERE x.case_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.case_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM assistance_requests r WHERE r.case_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM victim_cases r WHERE r.case_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM victim_updates r WHERE r.case_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM paternity_claims r WHERE r.case_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM screening_entries r WHERE r.case_id = c.id);
--> statement-breakpoint
INSERT INTO imported_allegations (reference, mission_code, date_reported, category_codes, nationality_codes,
    allegation_codes, victims_women, victims_girls, victims_boys, victims_men, victims_unknown, paternity_claim,
    finding_outcome, source_file, imported_by, imported_at)
  SELECT c.reference, c.mission_code, c.date_reported, c.category_codes, c.nationality_codes, c.allegation_codes,
    c.victims_women, c.victims_girls, c.victims_boys, c.victims_men, c.victims_unknown, c.paternity_claim,
    c.finding_outcome, x.source_file, x.imported_by, c.published_at
  FROM moving_cases c
  CROSS JOIN LATERAL (SELECT f.source_file, f.imported_by FROM imported_allegation_facts f WHERE f.case_id = c.id
    ORDER BY f.created_at LIMIT 1) x;
--> statement-breakpoint
INSERT INTO imported_allegation_rows (reference, category_code, nationality_code, victims, child_victims,
    alleged_perpetrators, incident_period, paternity_status, investigating_entity, investigation_days, findings,
    interim_action, final_action, un_action, member_state_action, criminal_referral)
  SELECT p.reference, p.category_code, coalesce(p.nationality_code, ''), p.victims, p.child_victims,
    p.alleged_perpetrators, p.incident_period, array_to_string(p.paternity_status, ';'),
    nullif(array_to_string(p.investigating_entities, ';'), ''), p.investigation_days,
    nullif(array_to_string(p.findings, ';'), ''), nullif(array_to_string(p.interim_actions, ';'), ''),
    nullif(array_to_string(p.final_actions, ';'), ''), nullif(array_to_string(p.un_actions, ';'), ''),
    nullif(array_to_string(p.member_state_actions, ';'), ''), p.criminal_referral
  FROM conduct_published_allegations() p JOIN moving_cases c ON c.reference = p.reference
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Deleting the cases takes their units off the counts; counting the imported rows puts them back.
DELETE FROM cases c USING moving_cases m WHERE c.id = m.id;
--> statement-breakpoint
SELECT conduct_count_imported_allegations(t.imported_at) FROM (SELECT DISTINCT imported_at FROM imported_allegations) t;
--> statement-breakpoint
-- The published table: the cases recorded here, by their people's records; imported history, as its file said.
CREATE OR REPLACE FUNCTION conduct_published_allegations()
RETURNS TABLE (
  reference text, month_reported text, mission_code text, category_code text, nationality_code text,
  allegation text, allegation_subtypes text[], incident_period text, alleged_perpetrators int,
  victims int, victims_women int, victims_girls int, victims_boys int, victims_men int, child_victims int,
  paternity_claim boolean, paternity_status text[], investigating_entities text[], investigation_days int,
  findings text[], interim_actions text[], final_actions text[], un_actions text[], member_state_actions text[],
  criminal_referral boolean, published_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT c.reference, to_char(c.date_reported, 'YYYY-MM'), u.mission_code, u.category_code, u.nationality_code,
    conduct_published_allegation(c.allegation_codes), conduct_published_subtypes(c.allegation_codes),
    to_char(c.date_of_incident, 'YYYY-MM'), nullif(cardinality(m.ids), 0),
    c.victims_women + c.victims_girls + c.victims_boys + c.victims_men + c.victims_unknown,
    c.victims_women, c.victims_girls, c.victims_boys, c.victims_men, c.victims_girls + c.victims_boys,
    cardinality(pc.statuses) > 0,
    pc.statuses,
    ARRAY(SELECT DISTINCT i.entity FROM investigations i WHERE i.case_id = c.id
      AND conduct_investigation_concerns(i, u.nationality_code, m.ids) ORDER BY 1),
    (SELECT max(coalesce(i.completed_on, current_date) - i.started_on) FROM investigations i WHERE i.case_id = c.id
      AND conduct_investigation_concerns(i, u.nationality_code, m.ids)),
    ARRAY(SELECT DISTINCT f.finding FROM findings f WHERE f.perpetrator_id = ANY (m.ids) ORDER BY 1),
    ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'interim' ORDER BY 1),
    ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'final' ORDER BY 1),
    ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'final' AND a.taken_by = 'un' ORDER BY 1),
    ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'final' AND a.taken_by = 'member_state' ORDER BY 1),
    EXISTS (SELECT 1 FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.kind = 'criminal_referral'),
    c.published_at
  FROM conduct_published_allegation_units() u
  JOIN cases c ON c.id = u.case_id
  CROSS JOIN LATERAL (SELECT ARRAY(SELECT p.id FROM perpetrators p WHERE p.case_id = c.id
    AND conduct_allegation_pair(p.category_code, p.nationality_code) = u.category_code || ':' || coalesce(u.nationality_code, '')) AS ids) m
  -- A claim said on the case before any was recorded is pending for every row.
  CROSS JOIN LATERAL (SELECT CASE WHEN c.paternity_claim AND NOT EXISTS (SELECT 1 FROM paternity_claims k WHERE k.case_id = c.id)
      THEN ARRAY['pending']
      ELSE ARRAY(SELECT DISTINCT CASE WHEN k.support_ordered_on IS NOT NULL THEN 'support_ordered'
          WHEN k.paternity IS NOT NULL THEN k.paternity ELSE 'pending' END
        FROM paternity_claims k WHERE k.perpetrator_id = ANY (m.ids) ORDER BY 1) END AS statuses) pc
  UNION ALL
  SELECT a.reference, to_char(a.date_reported, 'YYYY-MM'), a.mission_code, r.category_code, nullif(r.nationality_code, ''),
    conduct_published_allegation(a.allegation_codes), conduct_published_subtypes(a.allegation_codes),
    r.incident_period, r.alleged_perpetrators, r.victims,
    a.victims_women, a.victims_girls, a.victims_boys, a.victims_men, r.child_victims,
    cardinality(ps.statuses) > 0,
    ps.statuses,
    conduct_listed(r.investigating_entity), r.investigation_days, conduct_listed(r.findings),
    conduct_listed(r.interim_action), conduct_listed(r.final_action), conduct_listed(r.un_action),
    conduct_listed(r.member_state_action), r.criminal_referral, a.imported_at
  FROM imported_allegations a JOIN imported_allegation_rows r ON r.reference = a.reference
  -- A row says where its claim stands ("" for none); a claim it does not describe is pending.
  CROSS JOIN LATERAL (SELECT CASE WHEN r.paternity_status IS NOT NULL THEN conduct_listed(r.paternity_status)
    WHEN a.paternity_claim THEN ARRAY['pending'] ELSE '{}'::text[] END AS statuses) ps
  WHERE conduct_is_sea(a.allegation_codes)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_published_victims()
RETURNS TABLE (year int, mission_code text, category_codes text[], nationality_codes text[], victim_group text, victims int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT extract(year FROM c.date_reported)::int, c.mission_code, c.category_codes, c.nationality_codes, g.victim_group, g.victims
  FROM cases c
  CROSS JOIN LATERAL (VALUES
    ('women', c.victims_women), ('girls', c.victims_girls), ('boys', c.victims_boys), ('men', c.victims_men),
    ('unknown', c.victims_unknown)) AS g(victim_group, victims)
  WHERE c.published_at IS NOT NULL AND conduct_is_sea(c.allegation_codes) AND g.victims > 0
  UNION ALL
  SELECT extract(year FROM a.date_reported)::int, a.mission_code, a.category_codes, a.nationality_codes, g.victim_group, g.victims
  FROM imported_allegations a
  CROSS JOIN LATERAL (SELECT greatest(max(r.child_victims) - a.victims_girls - a.victims_boys, 0) AS children
    FROM imported_allegation_rows r WHERE r.reference = a.reference) x
  CROSS JOIN LATERAL (VALUES
    ('women', a.victims_women), ('girls', a.victims_girls), ('boys', a.victims_boys), ('men', a.victims_men),
    -- The file may give a number of children without their sex; the rest are unknown.
    ('children', x.children), ('unknown', a.victims_unknown - x.children)) AS g(victim_group, victims)
  WHERE conduct_is_sea(a.allegation_codes) AND g.victims > 0
$$;
