-- Why: a reporter who does not trust the mission sends the report straight to headquarters and
-- OIOS. Such a report, and a case built from it, stay hidden from the mission's team (its CDT
-- officers and victim-assistance staff) until headquarters hands them over.
ALTER TABLE "cases" ADD COLUMN "headquarters_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "route" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "headquarters_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_route_known" CHECK (route IN ('mission', 'headquarters', 'unknown'));
--> statement-breakpoint
DROP POLICY reports_need_to_know ON "reports";
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_report(p_mission text, p_submitted_by text, p_headquarters_only boolean)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions()) AND NOT p_headquarters_only
    WHEN 'cbcm_focal_point' THEN p_submitted_by = conduct_actor_id()
    ELSE false
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_can_see_report_id(p_report_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_report(r.mission_code, r.submitted_by, r.headquarters_only) FROM reports r WHERE r.id = p_report_id), false) $$;
--> statement-breakpoint
DROP FUNCTION conduct_can_see_report(text, text);
--> statement-breakpoint
CREATE POLICY reports_need_to_know ON "reports"
  USING (conduct_can_see_report(mission_code, submitted_by, headquarters_only))
  WITH CHECK (conduct_can_see_report(mission_code, submitted_by, headquarters_only));
--> statement-breakpoint
DROP POLICY cases_need_to_know ON "cases";
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_case(p_case_id uuid, p_mission text, p_nationalities text[], p_headquarters_only boolean)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'analyst' THEN true
    WHEN 'publisher' THEN true
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions()) AND NOT p_headquarters_only
    WHEN 'victim_assistance' THEN p_mission = ANY (conduct_actor_missions()) AND NOT p_headquarters_only
    WHEN 'member_state_focal_point' THEN conduct_actor_country() = ANY (p_nationalities)
    WHEN 'investigator' THEN conduct_is_assigned(p_case_id)
    ELSE false
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_can_see_case_id(p_case_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_case(c.id, c.mission_code, c.nationality_codes, c.headquarters_only) FROM cases c WHERE c.id = p_case_id), false) $$;
--> statement-breakpoint
DROP FUNCTION conduct_can_see_case(uuid, text, text[]);
--> statement-breakpoint
CREATE POLICY cases_need_to_know ON "cases"
  USING (conduct_can_see_case(id, mission_code, nationality_codes, headquarters_only))
  WITH CHECK (conduct_can_see_case(id, mission_code, nationality_codes, headquarters_only));
