-- Why: the public table of allegations, one row per published allegation (the counting rule's
-- units), with what the UN publishes about each: month reported, mission, category, nationality
-- (uniformed), SE/SA, victims (children marked), paternity claim, who investigated and for how
-- long, findings, interim and final actions, referral for criminal accountability. Codes, dates and
-- counts only: no narrative, no name, no free text leaves through it.
CREATE FUNCTION conduct_published_allegations()
RETURNS TABLE (
  reference text, month_reported text, mission_code text, category_code text, nationality_code text,
  allegation text, victims int, child_victims int, paternity_claim boolean, investigating_entities text[],
  investigation_days int, findings text[], interim_actions text[], final_actions text[], criminal_referral boolean,
  published_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT c.reference, to_char(c.date_reported, 'YYYY-MM'), u.mission_code, u.category_code, u.nationality_code,
    nullif(concat_ws(';',
      CASE WHEN EXISTS (SELECT 1 FROM unnest(c.allegation_codes) a WHERE a LIKE 'SE\_%') THEN 'SE' END,
      CASE WHEN EXISTS (SELECT 1 FROM unnest(c.allegation_codes) a WHERE a LIKE 'SA\_%') THEN 'SA' END), ''),
    c.victims_women + c.victims_girls + c.victims_boys + c.victims_men + c.victims_unknown,
    c.victims_girls + c.victims_boys,
    c.paternity_claim,
    ARRAY(SELECT DISTINCT i.entity FROM investigations i WHERE i.case_id = c.id ORDER BY 1),
    (SELECT max(coalesce(i.completed_on, current_date) - i.started_on) FROM investigations i WHERE i.case_id = c.id),
    ARRAY(SELECT DISTINCT f.finding FROM findings f WHERE f.case_id = c.id ORDER BY 1),
    ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.case_id = c.id AND a.stage = 'interim' ORDER BY 1),
    ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.case_id = c.id AND a.stage = 'final' ORDER BY 1),
    EXISTS (SELECT 1 FROM case_actions a WHERE a.case_id = c.id AND a.kind = 'criminal_referral'),
    c.published_at
  FROM conduct_published_allegation_units() u
  JOIN cases c ON c.id = u.case_id
$$;
