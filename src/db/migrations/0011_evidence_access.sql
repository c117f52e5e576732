-- Why: evidence is part of what the reporter sent: the same people who may read the report may
-- open its files, and the public may add files to the report it is filing, never read any back.
GRANT SELECT, INSERT ON "evidence_files" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "evidence_files" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY evidence_files_need_to_know ON "evidence_files"
  USING (conduct_can_see_report_id(report_id))
  WITH CHECK (conduct_can_see_report_id(report_id));
--> statement-breakpoint
CREATE POLICY evidence_files_public_intake ON "evidence_files" FOR INSERT
  WITH CHECK (conduct_actor_role() = 'public');
