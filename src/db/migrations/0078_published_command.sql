-- Why: the published part of the scorecards shows military justice and command: the national
-- proceedings on published allegations by forum and verdict, and the units repatriated or replaced
-- (src/domain/accountability.ts, publicCommandMeasures). Reviews, a State's response and "no further
-- action" stay internal: the list here is the domain's publicUnitDecisions (a test holds them together).
CREATE FUNCTION conduct_published_command()
RETURNS TABLE (source text, mission_code text, nationality_code text, kind text, venue text, verdict text, decision text, n int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT 'proceeding', c.mission_code, p.country_code, p.kind, p.venue, p.verdict, NULL, count(*)::int
  FROM national_proceedings p JOIN cases c ON c.id = p.case_id
  WHERE c.published_at IS NOT NULL
  GROUP BY 2, 3, 4, 5, 6
  UNION ALL
  SELECT 'decision', u.mission_code, u.country_code, NULL, NULL, NULL, d.decision, count(*)::int
  FROM unit_decisions d JOIN contingents u ON u.id = d.contingent_id
  WHERE d.decision IN ('repatriation', 'replacement')
  GROUP BY 2, 3, 7
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_published_command() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_published_command() TO conduct_app;
