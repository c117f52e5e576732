-- Why: records are kept no longer than their purpose needs (reports never turned into cases, the
-- evidence and reporter threads of closed cases, the narratives of long-closed cases), and a field
-- can be struck out with a reason. Retention deletes as the system actor only: a restrictive policy
-- on each table keeps every other role from deleting, whatever the grants. A redaction leaves a
-- record of itself; the audit trail is never rewritten.
CREATE TABLE "redactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"field" text NOT NULL,
	"record_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"redacted_by" text NOT NULL,
	"redacted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "redactions" ADD CONSTRAINT "redactions_redacted_by_user_id_fk" FOREIGN KEY ("redacted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "redactions_record_idx" ON "redactions" USING btree ("record_id");--> statement-breakpoint
GRANT SELECT, INSERT ON "redactions" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "redactions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY redactions_keep ON "redactions" FOR ALL
  USING (conduct_actor_role() IN ('system', 'cds_officer', 'auditor'))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer') AND (redacted_by = conduct_actor_id() OR conduct_actor_role() = 'system'));
--> statement-breakpoint
GRANT DELETE ON "reports", "evidence_files", "report_messages", "case_notes" TO conduct_app;
--> statement-breakpoint
CREATE POLICY reports_retention ON "reports" AS RESTRICTIVE FOR DELETE USING (conduct_actor_role() = 'system');
--> statement-breakpoint
CREATE POLICY evidence_files_retention ON "evidence_files" AS RESTRICTIVE FOR DELETE USING (conduct_actor_role() = 'system');
--> statement-breakpoint
CREATE POLICY report_messages_retention ON "report_messages" AS RESTRICTIVE FOR DELETE USING (conduct_actor_role() = 'system');
--> statement-breakpoint
CREATE POLICY case_notes_retention ON "case_notes" AS RESTRICTIVE FOR DELETE USING (conduct_actor_role() = 'system');
