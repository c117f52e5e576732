-- Why: one UN — a victim's record is kept by one unit and may be shared with a unit of another
-- entity by an explicit referral, with the consent that allows it (a child referred to UNICEF's
-- office with their caregiver's consent). While the share lasts, that unit's victim-assistance staff
-- see and work on the record like its own. The victims' rule reads the shares through one function
-- that answers the actor's shared victims once per query (a subquery: called bare, the
-- function would run for every row), so the caseload stays as fast as before.
CREATE TABLE "victim_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"consent_by" text NOT NULL,
	"consent_on" date NOT NULL,
	"shared_by" text,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text
);
--> statement-breakpoint
ALTER TABLE "victim_shares" ADD CONSTRAINT "victim_shares_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_shares" ADD CONSTRAINT "victim_shares_unit_code_missions_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "victim_shares_victim_idx" ON "victim_shares" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "victim_shares_unit_idx" ON "victim_shares" USING btree ("unit_code");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "victim_shares" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_actor_shared_victims() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT coalesce(array_agg(s.victim_id), '{}') FROM victim_shares s
  WHERE s.ended_at IS NULL AND conduct_assists_in(s.unit_code)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_actor_shared_victims() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_actor_shared_victims() TO conduct_app;
--> statement-breakpoint
DROP POLICY victims_assistance_only ON "victims";
--> statement-breakpoint
CREATE POLICY victims_assistance_only ON "victims"
  USING (conduct_assists_in(mission_code) OR id = ANY ((SELECT conduct_actor_shared_victims())::uuid[]))
  WITH CHECK (conduct_assists_in(mission_code) OR id = ANY ((SELECT conduct_actor_shared_victims())::uuid[]));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_can_see_victim(p_victim_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT coalesce((SELECT conduct_assists_in(v.mission_code) OR v.id = ANY ((SELECT conduct_actor_shared_victims())::uuid[])
    FROM victims v WHERE v.id = p_victim_id), false)
$$;
--> statement-breakpoint
ALTER TABLE "victim_shares" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY victim_shares_assistance_only ON "victim_shares"
  USING (conduct_can_see_victim(victim_id)) WITH CHECK (conduct_can_see_victim(victim_id));
