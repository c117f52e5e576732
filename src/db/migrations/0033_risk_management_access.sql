-- Why: risk assessments are a mission's internal planning (where its personnel meet communities,
-- what is not yet fixed). Headquarters and analysts read them all; a mission's conduct and discipline
-- team reads and keeps its own. Member States, victim assistance and others have no part in them.
CREATE FUNCTION conduct_keeps_prevention_in(p_mission text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() IN ('system', 'cds_officer') OR (conduct_actor_role() = 'cdt_officer' AND p_mission = ANY (conduct_actor_missions())) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_reads_prevention_in(p_mission text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() = 'analyst' OR conduct_keeps_prevention_in(p_mission) $$;
--> statement-breakpoint
-- SECURITY DEFINER so that the child tables' policies read the assessment's mission without recursion.
CREATE FUNCTION conduct_risk_assessment_mission(p_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT mission_code FROM risk_assessments WHERE id = p_id $$;
--> statement-breakpoint
GRANT SELECT, INSERT ON "risk_assessments", "risk_factors" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "risk_mitigations" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "risk_assessments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_assessments_mission ON "risk_assessments"
  USING (conduct_reads_prevention_in(mission_code)) WITH CHECK (conduct_keeps_prevention_in(mission_code));
--> statement-breakpoint
ALTER TABLE "risk_factors" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_factors_mission ON "risk_factors"
  USING (conduct_reads_prevention_in(conduct_risk_assessment_mission(assessment_id)))
  WITH CHECK (conduct_keeps_prevention_in(conduct_risk_assessment_mission(assessment_id)));
--> statement-breakpoint
ALTER TABLE "risk_mitigations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_mitigations_mission ON "risk_mitigations"
  USING (conduct_reads_prevention_in(conduct_risk_assessment_mission(assessment_id)))
  WITH CHECK (conduct_keeps_prevention_in(conduct_risk_assessment_mission(assessment_id)));
