-- Why: an officer who learns a victim needs care had no way to send them to victim assistance from
-- the report or case. A request carries its urgency and needs to the mission's advocates, who take
-- it up. Seen only by the mission's officers and advocates, and headquarters.
CREATE TABLE "assistance_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"case_id" uuid,
	"report_id" uuid,
	"urgency" text NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"note_encrypted" text,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by" text,
	"taken_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_requests_mission_idx" ON "assistance_requests" USING btree ("mission_code","taken_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "assistance_requests" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_assistance_request(p_mission text)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions())
    WHEN 'victim_assistance' THEN p_mission = ANY (conduct_actor_missions())
    ELSE false
  END
$$;
--> statement-breakpoint
ALTER TABLE "assistance_requests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assistance_requests_need_to_know ON "assistance_requests"
  USING (conduct_can_see_assistance_request(mission_code))
  WITH CHECK (conduct_can_see_assistance_request(mission_code));
--> statement-breakpoint
-- The officer who sends a request tells the mission's advocates at once; notifications belong to
-- their readers, so the insert runs as the owner, for a request the caller may see, naming a label only.
CREATE FUNCTION conduct_notify_assistance_request(p_request_id uuid, p_label text, p_email_status text)
RETURNS integer LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  WITH request AS (
    SELECT r.id, r.case_id, r.mission_code FROM assistance_requests r
    WHERE r.id = p_request_id AND conduct_can_see_assistance_request(r.mission_code)
  ), inserted AS (
    INSERT INTO notifications (user_id, dedupe_key, kind, case_id, case_reference, subject_path, email_status)
    SELECT p.user_id, 'assistance-request:' || request.id, 'assistance_request', request.case_id, p_label, '/work', p_email_status
    FROM request JOIN staff_profiles p ON p.role = 'victim_assistance' AND request.mission_code = ANY (p.mission_codes) AND p.disabled_at IS NULL
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int FROM inserted
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_notify_assistance_request(uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_notify_assistance_request(uuid, text, text) TO conduct_app;
