-- Why: advocates had no record of each time a victim was told how their case or assistance
-- stands. Updates are kept with the victim record, seen by the same advocates (and no one else),
-- their note encrypted.
CREATE TABLE "victim_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"case_id" uuid,
	"informed_on" date NOT NULL,
	"means" text NOT NULL,
	"topics" text[] NOT NULL,
	"note_encrypted" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "victim_updates" ADD CONSTRAINT "victim_updates_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_updates" ADD CONSTRAINT "victim_updates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "victim_updates_victim_idx" ON "victim_updates" USING btree ("victim_id","informed_on");
--> statement-breakpoint
GRANT SELECT, INSERT ON "victim_updates" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "victim_updates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY victim_updates_assistance_only ON "victim_updates"
  USING (conduct_can_see_victim(victim_id))
  WITH CHECK (conduct_can_see_victim(victim_id) AND (case_id IS NULL OR conduct_can_see_case_id(case_id)));
