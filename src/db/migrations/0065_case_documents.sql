-- Why: notes verbales, a State's replies and investigation reports could not be kept on a case;
-- notes verbales were a reference string, written elsewhere by hand. Documents are encrypted,
-- versioned (a series of versions, none overwritten) and scoped: a case's officers and assigned
-- investigators see them; a Member State sees only what was exchanged on its own referrals, and
-- may attach its reply there. Notes verbales are numbered from one counter per series and year.
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"referral_id" uuid,
	"investigation_id" uuid,
	"series_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"file_name_encrypted" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_encrypted" text,
	"letter_encrypted" text,
	"number" text,
	"template" text,
	"language" text,
	"dated_on" date NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_numbers_series_year_pk" PRIMARY KEY("series","year")
);
--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_documents_referral_idx" ON "case_documents" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_series_version_idx" ON "case_documents" USING btree ("series_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_number_idx" ON "case_documents" USING btree ("number");
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_documents" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "document_numbers" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "case_documents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A referral's own policy decides which of them a Member State sees (only those to its State).
CREATE POLICY case_documents_need_to_know ON "case_documents"
  USING (
    conduct_can_see_case_id(case_id) AND (
      conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer', 'investigator')
      OR (conduct_actor_role() = 'member_state_focal_point'
          AND referral_id IS NOT NULL AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id))
    )
  )
  WITH CHECK (
    conduct_can_see_case_id(case_id) AND (
      conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer', 'investigator')
      OR (conduct_actor_role() = 'member_state_focal_point' AND kind = 'reply'
          AND referral_id IS NOT NULL AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id))
    )
  );
