-- Why: two reports of the same events can both wait in the queue before either becomes a case. The
-- rule of 0047, between reports: another report of the same mission, not yet part of a case,
-- sharing a nationality or a category of personnel, within 30 days of this one's incident or
-- receipt. It runs as the caller, so row-level security keeps out the reports they may not see.
CREATE FUNCTION conduct_possible_duplicate_reports(p_report_id uuid)
RETURNS TABLE (report_id uuid, received_at timestamptz, same_nationality boolean, same_category boolean)
LANGUAGE sql STABLE AS
$$
  SELECT o.id, o.received_at, o.nationality_codes && r.nationality_codes, o.personnel_category_codes && r.personnel_category_codes
  FROM reports r
  JOIN reports o ON o.mission_code = r.mission_code AND o.id <> r.id AND o.case_id IS NULL
  WHERE r.id = p_report_id
    AND (o.nationality_codes && r.nationality_codes OR o.personnel_category_codes && r.personnel_category_codes)
    AND ((r.incident_date IS NOT NULL AND o.incident_date BETWEEN r.incident_date - 30 AND r.incident_date + 30)
      OR o.received_at BETWEEN r.received_at - interval '30 days' AND r.received_at + interval '30 days')
  ORDER BY abs(extract(epoch FROM o.received_at - r.received_at)), o.id
  LIMIT 5
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION conduct_possible_duplicate_reports(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_possible_duplicate_reports(uuid) TO conduct_app;
