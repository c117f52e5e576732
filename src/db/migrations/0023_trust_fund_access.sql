-- Why: the Trust Fund's books hold no personal data (States, amounts, projects, counts of people
-- reached), so every signed-in role reads them. Headquarters records the money in; projects and
-- what they reached are recorded by headquarters or the victim-assistance staff of the mission.
GRANT SELECT, INSERT ON "trust_fund_contributions", "trust_fund_projects", "trust_fund_beneficiaries" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "trust_fund_contributions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY trust_fund_contributions_books ON "trust_fund_contributions"
  USING (conduct_actor_role() IS NOT NULL) WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
ALTER TABLE "trust_fund_projects" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY trust_fund_projects_books ON "trust_fund_projects"
  USING (conduct_actor_role() IS NOT NULL) WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer') OR conduct_assists_in(mission_code));
--> statement-breakpoint
ALTER TABLE "trust_fund_beneficiaries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY trust_fund_beneficiaries_books ON "trust_fund_beneficiaries"
  USING (conduct_actor_role() IS NOT NULL)
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer')
    OR conduct_assists_in((SELECT p.mission_code FROM trust_fund_projects p WHERE p.id = project_id)));
