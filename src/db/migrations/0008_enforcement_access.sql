-- Why: who is implicated, how the investigation went and what was done about it are case data,
-- seen by whoever may see the case; a Member State focal point sees only what concerns its own
-- nationals (their perpetrators, investigations by OIOS or their NIO, actions on them) and never the
-- officers' working notes. Writes follow the same lines as the policy module.
GRANT SELECT, INSERT, UPDATE ON "perpetrators", "investigations", "investigation_updates", "findings",
  "case_actions", "case_notes", "deadline_extensions" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "saved_filters", "notifications" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_is_case_manager() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer') $$;
--> statement-breakpoint
CREATE FUNCTION conduct_sees_country(p_country text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() <> 'member_state_focal_point' OR p_country = conduct_actor_country() $$;
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_investigation(p_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_case_id(i.case_id) AND (i.country_code IS NULL OR conduct_sees_country(i.country_code)) FROM investigations i WHERE i.id = p_id), false) $$;
--> statement-breakpoint
-- Reporting on an investigation: the case's officers, its assigned investigators, or the State whose NIO runs it.
CREATE FUNCTION conduct_can_work_on_investigation(p_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_case_id(i.case_id) AND (conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer', 'investigator')
    OR (conduct_actor_role() = 'member_state_focal_point' AND i.country_code = conduct_actor_country())) FROM investigations i WHERE i.id = p_id), false) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_perpetrator(p_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_case_id(p.case_id) AND conduct_sees_country(p.nationality_code) FROM perpetrators p WHERE p.id = p_id), false) $$;
--> statement-breakpoint
ALTER TABLE "perpetrators" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY perpetrators_need_to_know ON "perpetrators"
  USING (conduct_can_see_case_id(case_id) AND conduct_sees_country(nationality_code))
  WITH CHECK (conduct_can_see_case_id(case_id) AND conduct_is_case_manager());
--> statement-breakpoint
ALTER TABLE "investigations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY investigations_need_to_know ON "investigations"
  USING (conduct_can_see_case_id(case_id) AND (country_code IS NULL OR conduct_sees_country(country_code)))
  WITH CHECK (conduct_can_see_case_id(case_id) AND (conduct_is_case_manager()
    OR conduct_actor_role() = 'investigator'
    OR (conduct_actor_role() = 'member_state_focal_point' AND country_code = conduct_actor_country())));
--> statement-breakpoint
ALTER TABLE "investigation_updates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY investigation_updates_need_to_know ON "investigation_updates"
  USING (conduct_can_see_investigation(investigation_id))
  WITH CHECK (conduct_can_work_on_investigation(investigation_id));
--> statement-breakpoint
ALTER TABLE "findings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY findings_need_to_know ON "findings"
  USING (conduct_can_see_investigation(investigation_id) AND conduct_can_see_perpetrator(perpetrator_id))
  WITH CHECK (conduct_can_work_on_investigation(investigation_id) AND conduct_can_see_perpetrator(perpetrator_id));
--> statement-breakpoint
ALTER TABLE "case_actions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_actions_need_to_know ON "case_actions"
  USING (conduct_can_see_perpetrator(perpetrator_id))
  WITH CHECK (conduct_can_see_perpetrator(perpetrator_id)
    AND (conduct_is_case_manager() OR (conduct_actor_role() = 'member_state_focal_point' AND taken_by = 'member_state')));
--> statement-breakpoint
ALTER TABLE "deadline_extensions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY deadline_extensions_need_to_know ON "deadline_extensions"
  USING (conduct_can_see_case_id(case_id) AND (investigation_id IS NULL OR conduct_can_see_investigation(investigation_id)))
  WITH CHECK (conduct_can_see_case_id(case_id) AND conduct_is_case_manager());
--> statement-breakpoint
ALTER TABLE "case_notes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_notes_need_to_know ON "case_notes"
  USING (conduct_can_see_case_id(case_id) AND conduct_actor_role() NOT IN ('member_state_focal_point', 'analyst', 'publisher'))
  WITH CHECK (conduct_can_see_case_id(case_id) AND conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer', 'investigator'));
--> statement-breakpoint
ALTER TABLE "saved_filters" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY saved_filters_own ON "saved_filters"
  USING (user_id = conduct_actor_id()) WITH CHECK (user_id = conduct_actor_id());
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The reminder sweep and the email sender run as the system actor; people see their own.
CREATE POLICY notifications_own ON "notifications"
  USING (user_id = conduct_actor_id() OR conduct_actor_role() = 'system')
  WITH CHECK (user_id = conduct_actor_id() OR conduct_actor_role() = 'system');
