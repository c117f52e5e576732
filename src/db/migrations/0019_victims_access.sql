-- Why: victim records are the most sensitive data in the system. Only victim-assistance staff, in
-- the missions they cover, read or write them; everyone else is refused by the database itself,
-- whatever the application asks. Case officers and investigators learn only that victims exist on
-- a case they may see (code, sex, age group) through one narrow function that returns no identity.
-- The service-provider directory names organisations, not people: every signed-in role may read it.
GRANT SELECT, INSERT, UPDATE ON "victims", "victim_cases", "victim_consents", "needs_assessments",
  "victim_children", "service_providers", "assistance_referrals", "assistance_follow_ups" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_assists_in(p_mission text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() = 'system' OR (conduct_actor_role() = 'victim_assistance' AND p_mission = ANY (conduct_actor_missions())) $$;
--> statement-breakpoint
-- SECURITY DEFINER so that the child tables' policies read the victim's mission without recursion.
CREATE FUNCTION conduct_can_see_victim(p_victim_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_assists_in(v.mission_code) FROM victims v WHERE v.id = p_victim_id), false) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_case_victims(p_case_id uuid)
RETURNS TABLE (code text, sex text, age_group text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT v.code, v.sex, v.age_group
  FROM victim_cases vc JOIN victims v ON v.id = vc.victim_id
  WHERE vc.case_id = p_case_id
    AND conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer', 'investigator', 'victim_assistance')
    AND conduct_can_see_case_id(p_case_id)
  ORDER BY v.code
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_case_victims(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_case_victims(uuid) TO conduct_app;
--> statement-breakpoint
ALTER TABLE "victims" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY victims_assistance_only ON "victims"
  USING (conduct_assists_in(mission_code)) WITH CHECK (conduct_assists_in(mission_code));
--> statement-breakpoint
ALTER TABLE "victim_cases" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY victim_cases_assistance_only ON "victim_cases"
  USING (conduct_can_see_victim(victim_id))
  WITH CHECK (conduct_can_see_victim(victim_id) AND conduct_can_see_case_id(case_id));
--> statement-breakpoint
ALTER TABLE "victim_consents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY victim_consents_assistance_only ON "victim_consents"
  USING (conduct_can_see_victim(victim_id)) WITH CHECK (conduct_can_see_victim(victim_id));
--> statement-breakpoint
ALTER TABLE "needs_assessments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY needs_assessments_assistance_only ON "needs_assessments"
  USING (conduct_can_see_victim(victim_id)) WITH CHECK (conduct_can_see_victim(victim_id));
--> statement-breakpoint
ALTER TABLE "victim_children" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY victim_children_assistance_only ON "victim_children"
  USING (conduct_can_see_victim(victim_id)) WITH CHECK (conduct_can_see_victim(victim_id));
--> statement-breakpoint
ALTER TABLE "assistance_referrals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assistance_referrals_assistance_only ON "assistance_referrals"
  USING (conduct_can_see_victim(victim_id)) WITH CHECK (conduct_can_see_victim(victim_id));
--> statement-breakpoint
ALTER TABLE "assistance_follow_ups" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assistance_follow_ups_assistance_only ON "assistance_follow_ups"
  USING (conduct_can_see_victim((SELECT r.victim_id FROM assistance_referrals r WHERE r.id = referral_id)))
  WITH CHECK (conduct_can_see_victim((SELECT r.victim_id FROM assistance_referrals r WHERE r.id = referral_id)));
--> statement-breakpoint
ALTER TABLE "service_providers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY service_providers_directory ON "service_providers"
  USING (conduct_actor_role() IS NOT NULL) WITH CHECK (conduct_assists_in(mission_code));
