-- Why: command accountability starts from knowing which unit an alleged perpetrator served in and
-- who commanded it on the day. Each rotation of a contingent is a unit with its dates and base; its
-- commander and key leaders are kept by period (names sealed, like perpetrators' identities); a
-- perpetrator may point at the unit. Leaders are seen by whoever sees their unit (a State its own
-- units only) and recorded by headquarters or the mission's team.
CREATE TABLE "unit_leaders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contingent_id" uuid NOT NULL,
	"post" text NOT NULL,
	"identity_encrypted" text NOT NULL,
	"served_from" date NOT NULL,
	"served_to" date,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contingents" ADD COLUMN "rotation" text;--> statement-breakpoint
ALTER TABLE "contingents" ADD COLUMN "rotated_out_on" date;--> statement-breakpoint
ALTER TABLE "contingents" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "perpetrators" ADD COLUMN "contingent_id" uuid;--> statement-breakpoint
ALTER TABLE "unit_leaders" ADD CONSTRAINT "unit_leaders_contingent_id_contingents_id_fk" FOREIGN KEY ("contingent_id") REFERENCES "public"."contingents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_leaders_unit_idx" ON "unit_leaders" USING btree ("contingent_id","served_from");--> statement-breakpoint
ALTER TABLE "perpetrators" ADD CONSTRAINT "perpetrators_contingent_id_contingents_id_fk" FOREIGN KEY ("contingent_id") REFERENCES "public"."contingents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT ON "unit_leaders" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "unit_leaders" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY unit_leaders_scope ON "unit_leaders"
  USING (EXISTS (SELECT 1 FROM contingents c WHERE c.id = contingent_id))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer')
    OR (conduct_actor_role() = 'cdt_officer' AND conduct_contingent_mission(contingent_id) = ANY (conduct_actor_missions())));
