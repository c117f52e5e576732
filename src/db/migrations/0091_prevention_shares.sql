-- Why: one UN — prevention records are a unit's too, and another entity working in the same places
-- needs them (UNICEF's office beside MONUSCO's camps reads MONUSCO's misconduct risk register: the
-- places, the factors, what is being done). A unit's conduct team shares its register with a unit of
-- another entity, saying why; that unit's conduct team reads it until either side ends the share.
-- The risk tables' rules read the actor's shared registers through one function, answered once per
-- query where the rule is a subquery; the tables are a unit's few hundred rows.
CREATE TABLE "prevention_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"reason" text NOT NULL,
	"shared_by" text,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text
);
--> statement-breakpoint
ALTER TABLE "prevention_shares" ADD CONSTRAINT "prevention_shares_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_shares" ADD CONSTRAINT "prevention_shares_unit_code_missions_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prevention_shares_mission_idx" ON "prevention_shares" USING btree ("mission_code");--> statement-breakpoint
CREATE INDEX "prevention_shares_unit_idx" ON "prevention_shares" USING btree ("unit_code");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "prevention_shares" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_actor_shared_prevention() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT coalesce(array_agg(DISTINCT s.mission_code), '{}') FROM prevention_shares s
  WHERE conduct_actor_role() = 'cdt_officer' AND s.ended_at IS NULL AND s.unit_code = ANY (conduct_actor_missions())
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_actor_shared_prevention() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_actor_shared_prevention() TO conduct_app;
--> statement-breakpoint
DROP POLICY risk_assessments_mission ON risk_assessments;
--> statement-breakpoint
CREATE POLICY risk_assessments_mission ON risk_assessments
  USING (conduct_reads_prevention_in(mission_code) OR mission_code = ANY ((SELECT conduct_actor_shared_prevention())::text[]))
  WITH CHECK (conduct_keeps_prevention_in(mission_code));
--> statement-breakpoint
DROP POLICY risk_factors_mission ON risk_factors;
--> statement-breakpoint
CREATE POLICY risk_factors_mission ON risk_factors
  USING (conduct_reads_prevention_in(conduct_risk_assessment_mission(assessment_id))
    OR conduct_risk_assessment_mission(assessment_id) = ANY ((SELECT conduct_actor_shared_prevention())::text[]))
  WITH CHECK (conduct_keeps_prevention_in(conduct_risk_assessment_mission(assessment_id)));
--> statement-breakpoint
DROP POLICY risk_mitigations_mission ON risk_mitigations;
--> statement-breakpoint
CREATE POLICY risk_mitigations_mission ON risk_mitigations
  USING (conduct_reads_prevention_in(conduct_risk_assessment_mission(assessment_id))
    OR conduct_risk_assessment_mission(assessment_id) = ANY ((SELECT conduct_actor_shared_prevention())::text[]))
  WITH CHECK (conduct_keeps_prevention_in(conduct_risk_assessment_mission(assessment_id)));
--> statement-breakpoint
ALTER TABLE "prevention_shares" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The unit that shares and the unit shared with see the share; either ends it (the app decides who).
CREATE POLICY prevention_shares_either_side ON "prevention_shares"
  USING (conduct_reads_prevention_in(mission_code)
    OR (conduct_actor_role() = 'cdt_officer' AND unit_code = ANY (conduct_actor_missions())))
  WITH CHECK (conduct_keeps_prevention_in(mission_code)
    OR (conduct_actor_role() = 'cdt_officer' AND unit_code = ANY (conduct_actor_missions())));
