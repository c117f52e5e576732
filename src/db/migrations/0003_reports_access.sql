-- Why: reports hold what victims and witnesses wrote; only the intake officers of the report's
-- mission (or headquarters, when no mission was given) and the CBCM focal point who submitted it
-- may read them. The public intake writes as the system actor and never reads back.
GRANT SELECT, INSERT, UPDATE ON "reports", "report_messages" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_report(p_mission text, p_submitted_by text)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions())
    WHEN 'cbcm_focal_point' THEN p_submitted_by = conduct_actor_id()
    ELSE false
  END
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_report_id(p_report_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_report(r.mission_code, r.submitted_by) FROM reports r WHERE r.id = p_report_id), false) $$;
--> statement-breakpoint
ALTER TABLE "reports" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reports_need_to_know ON "reports"
  USING (conduct_can_see_report(mission_code, submitted_by))
  WITH CHECK (conduct_can_see_report(mission_code, submitted_by));
--> statement-breakpoint
-- The public may file a report and nothing more: this policy adds inserts only, never reads.
CREATE POLICY reports_public_intake ON "reports" FOR INSERT
  WITH CHECK (conduct_actor_role() = 'public' AND submitted_by IS NULL);
--> statement-breakpoint
ALTER TABLE "report_messages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_messages_need_to_know ON "report_messages"
  USING (conduct_can_see_report_id(report_id))
  WITH CHECK (conduct_can_see_report_id(report_id));
