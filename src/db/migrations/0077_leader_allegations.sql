-- Why: a commander who did not report, enforce or cooperate answers for it as misconduct of their
-- own: the allegation is a case of its own (investigation, findings, actions), linked here to the
-- case whose handling it concerns. Seen by whoever sees both cases; written by the case's officers.
CREATE TABLE "leader_allegations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"origin_case_id" uuid NOT NULL,
	"contingent_id" uuid NOT NULL,
	"leader_id" uuid NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leader_allegations" ADD CONSTRAINT "leader_allegations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_allegations" ADD CONSTRAINT "leader_allegations_origin_case_id_cases_id_fk" FOREIGN KEY ("origin_case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_allegations" ADD CONSTRAINT "leader_allegations_contingent_id_contingents_id_fk" FOREIGN KEY ("contingent_id") REFERENCES "public"."contingents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_allegations" ADD CONSTRAINT "leader_allegations_leader_id_unit_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."unit_leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leader_allegations_origin_idx" ON "leader_allegations" USING btree ("origin_case_id");
--> statement-breakpoint
ALTER TABLE "leader_allegations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY leader_allegations_need_to_know ON "leader_allegations"
  USING (conduct_can_see_case_id(case_id) AND conduct_can_see_case_id(origin_case_id))
  WITH CHECK (conduct_can_see_case_id(case_id) AND conduct_can_see_case_id(origin_case_id) AND conduct_is_case_manager());
--> statement-breakpoint
GRANT SELECT, INSERT ON "leader_allegations" TO conduct_app;
