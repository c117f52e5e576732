-- Why: several reports can describe one allegation. A report is flagged as a possible duplicate when
-- its mission already has a case sharing a nationality or a category of personnel, dated within
-- 30 days of the report's incident or of its receipt, so that the officer adds it to that case
-- rather than opening a second one. One rule, here, for the queue's flag and the report's
-- suggestions; it runs as the caller, so row-level security keeps out the cases they may not see.
CREATE FUNCTION conduct_possible_duplicate_cases(p_report_id uuid)
RETURNS TABLE (case_id uuid, reference text, date_reported date, same_nationality boolean, same_category boolean)
LANGUAGE sql STABLE AS
$$
  SELECT c.id, c.reference, c.date_reported, c.nationality_codes && r.nationality_codes, c.category_codes && r.personnel_category_codes
  FROM reports r
  JOIN cases c ON c.mission_code = r.mission_code
  WHERE r.id = p_report_id
    AND c.id IS DISTINCT FROM r.case_id
    AND (c.nationality_codes && r.nationality_codes OR c.category_codes && r.personnel_category_codes)
    AND ((r.incident_date IS NOT NULL AND c.date_of_incident BETWEEN r.incident_date - 30 AND r.incident_date + 30)
      OR c.date_reported BETWEEN (r.received_at AT TIME ZONE 'UTC')::date - 30 AND (r.received_at AT TIME ZONE 'UTC')::date + 30)
  ORDER BY abs(c.date_reported - (r.received_at AT TIME ZONE 'UTC')::date), c.reference
  LIMIT 5
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION conduct_possible_duplicate_cases(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_possible_duplicate_cases(uuid) TO conduct_app;
