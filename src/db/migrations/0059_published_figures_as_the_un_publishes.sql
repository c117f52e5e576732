-- Why: published figures count people, not lists. A case's allegations are the (category,
-- nationality) pairs of its alleged perpetrators, kept on the case by a trigger so the counts stay a
-- matter of the cases table; an imported allegation keeps the rows it was published in. Only SEA
-- cases enter SEA figures. Each published row carries its own State's findings and actions, UN and
-- Member State actions apart, and the columns of the UN's full table. Countries carry their M49
-- code and whether they are Member States, observer States or territories.
ALTER TABLE "cases" ADD COLUMN "allegation_pairs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "countries" ADD COLUMN "m49" text;--> statement-breakpoint
ALTER TABLE "countries" ADD COLUMN "standing" text DEFAULT 'territory' NOT NULL;--> statement-breakpoint
ALTER TABLE "countries" ADD COLUMN "variants" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD COLUMN "category_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD COLUMN "nationality_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD COLUMN "alleged_perpetrators" integer;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD COLUMN "incident_period" text;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD COLUMN "paternity_status" text;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD COLUMN "un_action" text;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD COLUMN "member_state_action" text;--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" DROP CONSTRAINT "imported_allegation_facts_pkey";--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD CONSTRAINT "imported_allegation_facts_case_id_category_code_nationality_code_pk" PRIMARY KEY("case_id","category_code","nationality_code");--> statement-breakpoint
CREATE FUNCTION conduct_is_uniformed(category text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT category IN ('MIL_MC', 'MIL_MO', 'POL_UNPOL', 'POL_FPU') $$;
--> statement-breakpoint
CREATE FUNCTION conduct_is_sea(allegation_codes text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT EXISTS (SELECT 1 FROM unnest(allegation_codes) a WHERE a LIKE 'SE\_%' OR a LIKE 'SA\_%') $$;
--> statement-breakpoint
-- The pair of one alleged perpetrator: nationality is published for uniformed personnel only.
CREATE FUNCTION conduct_allegation_pair(category text, nationality text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT category || ':' || CASE WHEN conduct_is_uniformed(category) THEN coalesce(nationality, '') ELSE '' END $$;
--> statement-breakpoint
CREATE FUNCTION conduct_keep_allegation_pairs() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  UPDATE cases c SET allegation_pairs = ARRAY(
      SELECT DISTINCT conduct_allegation_pair(p.category_code, p.nationality_code) FROM perpetrators p
      WHERE p.case_id = c.id ORDER BY 1)
    WHERE c.id IN (SELECT case_id FROM changed_perpetrators)
      AND c.allegation_pairs IS DISTINCT FROM ARRAY(
        SELECT DISTINCT conduct_allegation_pair(p.category_code, p.nationality_code) FROM perpetrators p
        WHERE p.case_id = c.id ORDER BY 1);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER perpetrators_pairs_insert AFTER INSERT ON perpetrators REFERENCING NEW TABLE AS changed_perpetrators
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_allegation_pairs();
--> statement-breakpoint
CREATE TRIGGER perpetrators_pairs_delete AFTER DELETE ON perpetrators REFERENCING OLD TABLE AS changed_perpetrators
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_allegation_pairs();
--> statement-breakpoint
CREATE TRIGGER perpetrators_pairs_update AFTER UPDATE ON perpetrators REFERENCING NEW TABLE AS changed_perpetrators
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_allegation_pairs();
--> statement-breakpoint
-- The counting rule (src/domain/counting.ts says the same): SEA cases only; the case's pairs when it
-- has them, else each category once and, for uniformed personnel, once for each nationality.
CREATE OR REPLACE FUNCTION conduct_case_allegation_units(c cases)
RETURNS TABLE (year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql IMMUTABLE AS
$$
  SELECT DISTINCT extract(year FROM c.date_reported)::int, c.mission_code, unit.category_code, unit.nationality_code
  FROM (
    SELECT split_part(pair, ':', 1) AS category_code, split_part(pair, ':', 2) AS nationality_code
    FROM unnest(c.allegation_pairs) AS pair
    UNION ALL
    SELECT category.code, coalesce(CASE WHEN conduct_is_uniformed(category.code) THEN nationality.code END, '')
    FROM unnest(CASE WHEN cardinality(c.category_codes) = 0 THEN ARRAY['UNKNOWN'] ELSE c.category_codes END) AS category(code)
    CROSS JOIN LATERAL unnest(
      CASE WHEN conduct_is_uniformed(category.code) AND cardinality(c.nationality_codes) > 0
        THEN c.nationality_codes ELSE ARRAY[NULL::text] END) AS nationality(code)
    WHERE cardinality(c.allegation_pairs) = 0
  ) unit
  WHERE conduct_is_sea(c.allegation_codes)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_track_public_allegation_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  -- Each branch names only the transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    PERFORM conduct_apply_allegation_units('{}'::cases[], ARRAY(SELECT n::cases FROM new_cases n WHERE n.published_at IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM conduct_apply_allegation_units(ARRAY(SELECT o::cases FROM old_cases o WHERE o.published_at IS NOT NULL), '{}'::cases[]);
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
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
UPDATE cases c SET allegation_pairs = ARRAY(
    SELECT DISTINCT conduct_allegation_pair(p.category_code, p.nationality_code) FROM perpetrators p
    WHERE p.case_id = c.id ORDER BY 1)
  WHERE EXISTS (SELECT 1 FROM perpetrators p WHERE p.case_id = c.id);
--> statement-breakpoint
TRUNCATE public_allegation_counts;
--> statement-breakpoint
INSERT INTO public_allegation_counts (year, mission_code, category_code, nationality_code, count)
  SELECT u.year, u.mission_code, u.category_code, u.nationality_code, count(*)
  FROM cases c CROSS JOIN LATERAL conduct_case_allegation_units(c) u WHERE c.published_at IS NOT NULL
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_published_perpetrators()
RETURNS TABLE (year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT extract(year FROM c.date_reported)::int, c.mission_code, p.category_code,
    CASE WHEN conduct_is_uniformed(p.category_code) THEN p.nationality_code END
  FROM cases c JOIN perpetrators p ON p.case_id = c.id
  WHERE c.published_at IS NOT NULL AND conduct_is_sea(c.allegation_codes)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_published_victims()
RETURNS TABLE (year int, mission_code text, category_codes text[], nationality_codes text[], victim_group text, victims int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT extract(year FROM c.date_reported)::int, c.mission_code, c.category_codes, c.nationality_codes, g.victim_group, g.victims
  FROM cases c
  LEFT JOIN LATERAL (SELECT max(x.child_victims) AS child_victims FROM imported_allegation_facts x WHERE x.case_id = c.id) x ON true
  CROSS JOIN LATERAL (VALUES
    ('women', c.victims_women), ('girls', c.victims_girls), ('boys', c.victims_boys), ('men', c.victims_men),
    -- Imported history may give a number of children without their sex; the rest are unknown.
    ('children', greatest(coalesce(x.child_victims, 0) - c.victims_girls - c.victims_boys, 0)),
    ('unknown', c.victims_unknown - greatest(coalesce(x.child_victims, 0) - c.victims_girls - c.victims_boys, 0))) AS g(victim_group, victims)
  WHERE c.published_at IS NOT NULL AND conduct_is_sea(c.allegation_codes) AND g.victims > 0
$$;
--> statement-breakpoint
-- An investigation concerns a published row when it names no State, names the row's State, or found
-- on one of the row's alleged perpetrators (a joint investigation led by another State's officer).
CREATE FUNCTION conduct_investigation_concerns(i investigations, nationality text, perpetrator_ids uuid[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT i.country_code IS NULL OR i.country_code = nationality
    OR EXISTS (SELECT 1 FROM findings f WHERE f.investigation_id = i.id AND f.perpetrator_id = ANY (perpetrator_ids))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_investigation_concerns(investigations, text, uuid[]) FROM PUBLIC;
--> statement-breakpoint
DROP FUNCTION conduct_published_allegations();
--> statement-breakpoint
-- One row per counted allegation, with what concerns that row's personnel only: the findings,
-- actions and paternity claims of the alleged perpetrators of its category and nationality, and the
-- investigations that concern them. Imported rows publish what their file said.
CREATE FUNCTION conduct_published_allegations()
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
    nullif(concat_ws(';',
      CASE WHEN EXISTS (SELECT 1 FROM unnest(c.allegation_codes) a WHERE a LIKE 'SE\_%') THEN 'SE' END,
      CASE WHEN EXISTS (SELECT 1 FROM unnest(c.allegation_codes) a WHERE a LIKE 'SA\_%') THEN 'SA' END), ''),
    ARRAY(SELECT a FROM unnest(c.allegation_codes) a
      WHERE (a LIKE 'SE\_%' OR a LIKE 'SA\_%') AND a NOT LIKE '%\_UNSPECIFIED' ORDER BY 1),
    CASE WHEN x.case_id IS NOT NULL THEN x.incident_period ELSE to_char(c.date_of_incident, 'YYYY-MM') END,
    CASE WHEN x.case_id IS NOT NULL THEN x.alleged_perpetrators ELSE nullif(cardinality(m.ids), 0) END,
    coalesce(x.victims, c.victims_women + c.victims_girls + c.victims_boys + c.victims_men + c.victims_unknown),
    c.victims_women, c.victims_girls, c.victims_boys, c.victims_men,
    coalesce(x.child_victims, c.victims_girls + c.victims_boys),
    cardinality(pc.statuses) > 0,
    pc.statuses,
    CASE WHEN x.case_id IS NOT NULL THEN coalesce(array_remove(string_to_array(x.investigating_entity, ';'), ''), '{}')
      ELSE ARRAY(SELECT DISTINCT i.entity FROM investigations i WHERE i.case_id = c.id
        AND conduct_investigation_concerns(i, u.nationality_code, m.ids) ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN x.investigation_days
      ELSE (SELECT max(coalesce(i.completed_on, current_date) - i.started_on) FROM investigations i WHERE i.case_id = c.id
        AND conduct_investigation_concerns(i, u.nationality_code, m.ids)) END,
    CASE WHEN x.case_id IS NOT NULL THEN coalesce(array_remove(string_to_array(x.findings, ';'), ''), '{}')
      ELSE ARRAY(SELECT DISTINCT f.finding FROM findings f WHERE f.perpetrator_id = ANY (m.ids) ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN coalesce(array_remove(string_to_array(x.interim_action, ';'), ''), '{}')
      ELSE ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'interim' ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN coalesce(array_remove(string_to_array(x.final_action, ';'), ''), '{}')
      ELSE ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'final' ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN coalesce(array_remove(string_to_array(x.un_action, ';'), ''), '{}')
      ELSE ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'final' AND a.taken_by = 'un' ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN coalesce(array_remove(string_to_array(x.member_state_action, ';'), ''), '{}')
      ELSE ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.stage = 'final' AND a.taken_by = 'member_state' ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN x.criminal_referral
      ELSE EXISTS (SELECT 1 FROM case_actions a WHERE a.perpetrator_id = ANY (m.ids) AND a.kind = 'criminal_referral') END,
    c.published_at
  FROM conduct_published_allegation_units() u
  JOIN cases c ON c.id = u.case_id
  CROSS JOIN LATERAL (SELECT ARRAY(SELECT p.id FROM perpetrators p WHERE p.case_id = c.id
    AND conduct_allegation_pair(p.category_code, p.nationality_code) = u.category_code || ':' || coalesce(u.nationality_code, '')) AS ids) m
  -- The row's own facts, else (imported before rows were told apart) the case's.
  LEFT JOIN LATERAL (SELECT * FROM imported_allegation_facts f WHERE f.case_id = c.id
    AND ((f.category_code, f.nationality_code) = (u.category_code, coalesce(u.nationality_code, '')) OR (f.category_code, f.nationality_code) = ('', ''))
    ORDER BY f.category_code DESC LIMIT 1) x ON true
  -- An imported row says where its claim stands ("" for none); a claim said on the case before any
  -- was recorded (or imported before rows were told apart) is pending for every row.
  CROSS JOIN LATERAL (SELECT CASE WHEN x.paternity_status IS NOT NULL
      THEN coalesce(array_remove(string_to_array(x.paternity_status, ';'), ''), '{}')
    WHEN c.paternity_claim AND NOT EXISTS (SELECT 1 FROM paternity_claims k WHERE k.case_id = c.id)
      THEN ARRAY['pending']
      ELSE ARRAY(SELECT DISTINCT CASE WHEN k.support_ordered_on IS NOT NULL THEN 'support_ordered'
          WHEN k.paternity IS NOT NULL THEN k.paternity ELSE 'pending' END
        FROM paternity_claims k WHERE k.perpetrator_id = ANY (m.ids) ORDER BY 1) END AS statuses) pc
$$;
