-- Why: an allegation imported from the published table has no investigation, finding or action
-- records of its own; what the table said of them is kept beside the case and published as it was.
-- The app role writes these facts only when headquarters imports (the policy module checks who).
GRANT SELECT, INSERT ON "imported_allegation_facts" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY imported_allegation_facts_hq ON "imported_allegation_facts"
  USING (conduct_can_see_case_id(case_id))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_published_allegations()
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
    coalesce(x.victims, c.victims_women + c.victims_girls + c.victims_boys + c.victims_men + c.victims_unknown),
    coalesce(x.child_victims, c.victims_girls + c.victims_boys),
    c.paternity_claim,
    CASE WHEN x.case_id IS NOT NULL THEN array_remove(ARRAY[x.investigating_entity], NULL)
      ELSE ARRAY(SELECT DISTINCT i.entity FROM investigations i WHERE i.case_id = c.id ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN x.investigation_days
      ELSE (SELECT max(coalesce(i.completed_on, current_date) - i.started_on) FROM investigations i WHERE i.case_id = c.id) END,
    CASE WHEN x.case_id IS NOT NULL THEN array_remove(ARRAY[x.findings], NULL)
      ELSE ARRAY(SELECT DISTINCT f.finding FROM findings f WHERE f.case_id = c.id ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN array_remove(ARRAY[x.interim_action], NULL)
      ELSE ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.case_id = c.id AND a.stage = 'interim' ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN array_remove(ARRAY[x.final_action], NULL)
      ELSE ARRAY(SELECT DISTINCT a.kind FROM case_actions a WHERE a.case_id = c.id AND a.stage = 'final' ORDER BY 1) END,
    CASE WHEN x.case_id IS NOT NULL THEN x.criminal_referral
      ELSE EXISTS (SELECT 1 FROM case_actions a WHERE a.case_id = c.id AND a.kind = 'criminal_referral') END,
    c.published_at
  FROM conduct_published_allegation_units() u
  JOIN cases c ON c.id = u.case_id
  LEFT JOIN imported_allegation_facts x ON x.case_id = c.id
$$;
