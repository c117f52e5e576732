-- Why: the public aggregates must answer in milliseconds however many cases are published, so the
-- counting rule's units are counted once, as cases change, into public_allegation_counts. The rule
-- itself is written once (conduct_case_allegation_units) and the published units are read through it.
CREATE FUNCTION conduct_case_allegation_units(c cases)
RETURNS TABLE (year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql IMMUTABLE AS
$$
  SELECT DISTINCT extract(year FROM c.date_reported)::int, c.mission_code, category.code,
    coalesce(CASE WHEN category.code IN ('MIL_MC', 'MIL_MO', 'POL_UNPOL', 'POL_FPU') THEN nationality.code END, '')
  FROM unnest(CASE WHEN cardinality(c.category_codes) = 0 THEN ARRAY['UNKNOWN'] ELSE c.category_codes END) AS category(code)
  CROSS JOIN LATERAL unnest(
    CASE WHEN category.code IN ('MIL_MC', 'MIL_MO', 'POL_UNPOL', 'POL_FPU') AND cardinality(c.nationality_codes) > 0
      THEN c.nationality_codes ELSE ARRAY[NULL::text] END) AS nationality(code)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_published_allegation_units()
RETURNS TABLE (case_id uuid, year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT c.id, u.year, u.mission_code, u.category_code, nullif(u.nationality_code, '')
  FROM cases c CROSS JOIN LATERAL conduct_case_allegation_units(c) u
  WHERE c.published_at IS NOT NULL
$$;
--> statement-breakpoint
-- One statement's changes are netted before touching the counts, so an import of thousands of
-- cases updates each count once, and an edit that leaves a published case's units as they were
-- (its status, its notes) writes nothing.
CREATE FUNCTION conduct_apply_allegation_units(p_removed cases[], p_added cases[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  INSERT INTO public_allegation_counts AS p (year, mission_code, category_code, nationality_code, count)
    SELECT d.year, d.mission_code, d.category_code, d.nationality_code, sum(d.delta)::int
    FROM (
      SELECT u.*, -1 AS delta FROM unnest(p_removed) o CROSS JOIN LATERAL conduct_case_allegation_units(o) u
      UNION ALL
      SELECT u.*, 1 FROM unnest(p_added) n CROSS JOIN LATERAL conduct_case_allegation_units(n) u
    ) d
    GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0
    -- A fixed order, so that concurrent statements lock the same counts in the same order.
    ORDER BY 1, 2, 3, 4
  ON CONFLICT (year, mission_code, category_code, nationality_code) DO UPDATE SET count = p.count + excluded.count
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_track_public_allegation_counts() RETURNS trigger
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
        WHERE o.published_at IS NOT NULL AND (n.published_at IS NULL OR (o.date_reported, o.mission_code, o.category_codes, o.nationality_codes) IS DISTINCT FROM (n.date_reported, n.mission_code, n.category_codes, n.nationality_codes))),
      ARRAY(SELECT n::cases FROM old_cases o JOIN new_cases n ON n.id = o.id
        WHERE n.published_at IS NOT NULL AND (o.published_at IS NULL OR (o.date_reported, o.mission_code, o.category_codes, o.nationality_codes) IS DISTINCT FROM (n.date_reported, n.mission_code, n.category_codes, n.nationality_codes))));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cases_public_counts_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_cases
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_track_public_allegation_counts();
--> statement-breakpoint
CREATE TRIGGER cases_public_counts_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_track_public_allegation_counts();
--> statement-breakpoint
CREATE TRIGGER cases_public_counts_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_cases
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_track_public_allegation_counts();
--> statement-breakpoint
INSERT INTO public_allegation_counts (year, mission_code, category_code, nationality_code, count)
  SELECT u.year, u.mission_code, u.category_code, u.nationality_code, count(*)
  FROM cases c CROSS JOIN LATERAL conduct_case_allegation_units(c) u WHERE c.published_at IS NOT NULL
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Every import batch and publication rewrites a few of these rows: room on each page keeps the
-- updates in place (HOT), and vacuum comes early, so the table stays a few pages however many cases.
ALTER TABLE public_allegation_counts SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500);
--> statement-breakpoint
-- Counts of published allegations only: anyone may read them.
GRANT SELECT ON "public_allegation_counts" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "public_allegation_counts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY public_allegation_counts_read ON "public_allegation_counts" FOR SELECT USING (true);
--> statement-breakpoint
-- Why: the other published views. Alleged perpetrators are counted by their own records (category
-- and, for uniformed personnel, nationality of each); victims by the case's own counts, in the
-- groups the UN publishes. Codes and counts only leave through these.
CREATE FUNCTION conduct_published_perpetrators()
RETURNS TABLE (year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT extract(year FROM c.date_reported)::int, c.mission_code, p.category_code,
    CASE WHEN p.category_code IN ('MIL_MC', 'MIL_MO', 'POL_UNPOL', 'POL_FPU') THEN p.nationality_code END
  FROM cases c JOIN perpetrators p ON p.case_id = c.id
  WHERE c.published_at IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_published_victims()
RETURNS TABLE (year int, mission_code text, category_codes text[], nationality_codes text[], victim_group text, victims int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT extract(year FROM c.date_reported)::int, c.mission_code, c.category_codes, c.nationality_codes, g.victim_group, g.victims
  FROM cases c
  LEFT JOIN imported_allegation_facts x ON x.case_id = c.id
  CROSS JOIN LATERAL (VALUES
    ('women', c.victims_women), ('girls', c.victims_girls), ('boys', c.victims_boys), ('men', c.victims_men),
    -- Imported history gives a number of children without their sex; the rest are unknown.
    ('children', coalesce(x.child_victims, 0)),
    ('unknown', c.victims_unknown - coalesce(x.child_victims, 0))) AS g(victim_group, victims)
  WHERE c.published_at IS NOT NULL AND g.victims > 0
$$;
--> statement-breakpoint
-- Member States' contributions to the Trust Fund are public (payments withheld from personnel are not).
CREATE FUNCTION conduct_public_trust_fund_contributions()
RETURNS TABLE (country_code text, year int, currency text, amount bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT country_code, extract(year FROM received_on)::int, currency, sum(amount)
  FROM trust_fund_contributions WHERE NOT from_withheld_payments
  GROUP BY 1, 2, 3
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_published_perpetrators(), conduct_published_victims(), conduct_public_trust_fund_contributions() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_published_perpetrators(), conduct_published_victims(), conduct_public_trust_fund_contributions() TO conduct_app;
--> statement-breakpoint
-- Commitments are public; headquarters keeps them.
GRANT SELECT, INSERT, DELETE ON "commitments" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "commitments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY commitments_read ON "commitments" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY commitments_keep ON "commitments" FOR ALL
  USING (conduct_actor_role() IN ('system', 'cds_officer')) WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
