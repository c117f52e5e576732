-- Why: the UN publishes more than SEA allegations. The Trust Fund's projects and the people they
-- reached (counts), paternity claims by where they stand, and other misconduct by year, mission,
-- category of personnel and category of misconduct, each from published cases only, codes and
-- counts only, through these functions.
CREATE FUNCTION conduct_public_trust_fund_projects()
RETURNS TABLE (mission_code text, title text, implementing_partner text, budget int, currency text,
  starts_on date, ends_on date, services text[], victims int, children_born_of_sea int, community_members int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT p.mission_code, p.title, p.implementing_partner, p.budget, p.currency, p.starts_on, p.ends_on, p.services,
    coalesce(sum(b.people) FILTER (WHERE b.category = 'victims'), 0)::int,
    coalesce(sum(b.people) FILTER (WHERE b.category = 'children_born_of_sea'), 0)::int,
    coalesce(sum(b.people) FILTER (WHERE b.category = 'community_members'), 0)::int
  FROM trust_fund_projects p LEFT JOIN trust_fund_beneficiaries b ON b.project_id = p.id
  GROUP BY p.id
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_public_paternity_claims()
RETURNS TABLE (year int, mission_code text, status text, claims int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT extract(year FROM k.notified_on)::int, c.mission_code,
    CASE WHEN k.support_ordered_on IS NOT NULL THEN 'support_ordered'
      WHEN k.paternity IS NOT NULL THEN k.paternity ELSE 'pending' END,
    count(*)::int
  FROM paternity_claims k JOIN cases c ON c.id = k.case_id
  WHERE c.published_at IS NOT NULL
  GROUP BY 1, 2, 3
$$;
--> statement-breakpoint
-- Other misconduct counts once per case, category of personnel and category of misconduct, at the
-- most serious level the case records in that category ("serious_misconduct" sorts after "misconduct").
CREATE FUNCTION conduct_published_misconduct()
RETURNS TABLE (year int, mission_code text, category_code text, thematic_area text, level text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT DISTINCT extract(year FROM c.date_reported)::int, c.mission_code, category.code, t.thematic_area,
    (SELECT max(t2.level) FROM misconduct_types t2 WHERE t2.code = ANY (c.allegation_codes) AND t2.thematic_area = t.thematic_area)
  FROM cases c
  JOIN misconduct_types t ON t.code = ANY (c.allegation_codes)
  CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.category_codes) = 0 THEN ARRAY['UNKNOWN'] ELSE c.category_codes END) AS category(code)
  WHERE c.published_at IS NOT NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_public_trust_fund_projects(), conduct_public_paternity_claims(), conduct_published_misconduct() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_public_trust_fund_projects(), conduct_public_paternity_claims(), conduct_published_misconduct() TO conduct_app;
