-- Why: public statistics come only from published cases, counted by the UN's rule (src/domain/
-- counting.ts, which this mirrors and a test holds it to): one allegation per distinct (case,
-- category of personnel, nationality), nationality counting for uniformed personnel only. The
-- public reads these units and nothing else of a case: no narrative, no name, no free text.
CREATE FUNCTION conduct_published_allegation_units()
RETURNS TABLE (case_id uuid, year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT DISTINCT c.id, extract(year FROM c.date_reported)::int, c.mission_code, category.code,
    CASE WHEN category.code IN ('MIL_MC', 'MIL_MO', 'POL_UNPOL', 'POL_FPU') THEN nationality.code END
  FROM cases c
  CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.category_codes) = 0 THEN ARRAY['UNKNOWN'] ELSE c.category_codes END) AS category(code)
  CROSS JOIN LATERAL unnest(
    CASE WHEN category.code IN ('MIL_MC', 'MIL_MO', 'POL_UNPOL', 'POL_FPU') AND cardinality(c.nationality_codes) > 0
      THEN c.nationality_codes ELSE ARRAY[NULL::text] END) AS nationality(code)
  WHERE c.published_at IS NOT NULL
$$;
