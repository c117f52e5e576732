-- Why: outreach records and the complaint networks hold no victim or reporter data (audience counts,
-- places, organisations and functions). Headquarters and the mission's team keep them; analysts and
-- the mission's own community focal points read them.
CREATE FUNCTION conduct_reads_outreach_in(p_mission text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_reads_prevention_in(p_mission) OR (conduct_actor_role() = 'cbcm_focal_point' AND p_mission = ANY (conduct_actor_missions())) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_network_mission(p_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT mission_code FROM cbcm_networks WHERE id = p_id $$;
--> statement-breakpoint
-- How many reports each network member with an account submitted: counts only, for those who read
-- the network, whatever they may see of the reports themselves.
CREATE FUNCTION conduct_cbcm_report_counts(p_mission text)
RETURNS TABLE (member_id uuid, reports bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT m.id, count(r.id)
  FROM cbcm_networks n JOIN cbcm_members m ON m.network_id = n.id LEFT JOIN reports r ON r.submitted_by = m.user_id
  WHERE n.mission_code = p_mission AND m.user_id IS NOT NULL AND conduct_reads_outreach_in(p_mission)
  GROUP BY m.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_cbcm_report_counts(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_cbcm_report_counts(text) TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "outreach_activities", "cbcm_networks", "cbcm_members" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "outreach_activities" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outreach_activities_mission ON "outreach_activities"
  USING (conduct_reads_outreach_in(mission_code)) WITH CHECK (conduct_keeps_prevention_in(mission_code));
--> statement-breakpoint
ALTER TABLE "cbcm_networks" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cbcm_networks_mission ON "cbcm_networks"
  USING (conduct_reads_outreach_in(mission_code)) WITH CHECK (conduct_keeps_prevention_in(mission_code));
--> statement-breakpoint
ALTER TABLE "cbcm_members" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cbcm_members_mission ON "cbcm_members"
  USING (conduct_reads_outreach_in(conduct_network_mission(network_id)))
  WITH CHECK (conduct_keeps_prevention_in(conduct_network_mission(network_id)));
