-- Why: the server must connect as a non-owner role so that row-level security and the
-- append-only audit trail bind it, while migrations run as the owner. Need-to-know on case data
-- is enforced here as a second layer beneath the server's policy module: a query that forgets a
-- filter still sees only what the actor context (set per transaction) allows.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'conduct_app') THEN
    CREATE ROLE conduct_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "user", "session", "account", "verification", "two_factor",
  "rate_limit", "staff_profiles", "sign_in_failures", "api_tokens", "missions", "cases",
  "case_assignments", "case_number_counters", "idempotency_keys" TO conduct_app;
--> statement-breakpoint
GRANT SELECT ON "countries", "personnel_categories", "allegation_types", "misconduct_types", "data_keys" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "audit_events" TO conduct_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_actor_id() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.actor_id', true), '') $$;
--> statement-breakpoint
CREATE FUNCTION conduct_actor_role() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.actor_role', true), '') $$;
--> statement-breakpoint
CREATE FUNCTION conduct_actor_missions() RETURNS text[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(string_to_array(nullif(current_setting('app.actor_missions', true), ''), ','), '{}'::text[]) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_actor_country() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.actor_country', true), '') $$;
--> statement-breakpoint
-- SECURITY DEFINER so that the assignment lookup is not itself filtered (no policy recursion).
CREATE FUNCTION conduct_can_see_case(p_case_id uuid, p_mission text, p_nationalities text[])
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'analyst' THEN true
    WHEN 'publisher' THEN true
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions())
    WHEN 'victim_assistance' THEN p_mission = ANY (conduct_actor_missions())
    WHEN 'member_state_focal_point' THEN conduct_actor_country() = ANY (p_nationalities)
    WHEN 'investigator' THEN EXISTS (
      SELECT 1 FROM case_assignments a WHERE a.case_id = p_case_id AND a.user_id = conduct_actor_id())
    ELSE false
  END
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_case_id(p_case_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_case(c.id, c.mission_code, c.nationality_codes) FROM cases c WHERE c.id = p_case_id), false) $$;
--> statement-breakpoint
ALTER TABLE "cases" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_need_to_know ON "cases"
  USING (conduct_can_see_case(id, mission_code, nationality_codes))
  WITH CHECK (conduct_can_see_case(id, mission_code, nationality_codes));
--> statement-breakpoint
ALTER TABLE "case_assignments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_assignments_need_to_know ON "case_assignments"
  USING (user_id = conduct_actor_id() OR conduct_can_see_case_id(case_id))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer') AND conduct_can_see_case_id(case_id));
--> statement-breakpoint
-- The audit trail is append-only for everyone; an owner who disables this trigger to alter a row
-- is caught by `conduct audit verify`, which recomputes the hash chain.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
