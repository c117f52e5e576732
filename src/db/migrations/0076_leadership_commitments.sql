-- Why: leaders answer for SEA in their mission. Each year the head of mission, the force commander
-- and the police commissioner commit to an action plan (items, owners, due dates, status), drafted by
-- the mission's team and certified by the head of mission; late items are reminded. Read by
-- headquarters, analysts and the mission's own team and head of mission.
CREATE TABLE "leadership_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"commitment" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"year" integer NOT NULL,
	"post" text NOT NULL,
	"leader_name" text NOT NULL,
	"certified_on" date,
	"certified_by" text,
	"recorded_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leadership_commitments" ADD CONSTRAINT "leadership_commitments_plan_id_leadership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."leadership_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_plans" ADD CONSTRAINT "leadership_plans_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leadership_commitments_plan_idx" ON "leadership_commitments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "leadership_commitments_due_idx" ON "leadership_commitments" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "leadership_plans_post_idx" ON "leadership_plans" USING btree ("mission_code","year","post");
--> statement-breakpoint
ALTER TABLE "leadership_plans" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY leadership_plans_scope ON "leadership_plans"
  USING (conduct_actor_role() IN ('system', 'cds_officer', 'analyst')
    OR (conduct_actor_role() IN ('cdt_officer', 'head_of_mission') AND mission_code = ANY (conduct_actor_missions())))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer')
    OR (conduct_actor_role() IN ('cdt_officer', 'head_of_mission') AND mission_code = ANY (conduct_actor_missions())));
--> statement-breakpoint
ALTER TABLE "leadership_commitments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY leadership_commitments_scope ON "leadership_commitments"
  USING (EXISTS (SELECT 1 FROM leadership_plans p WHERE p.id = plan_id))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer')
    AND EXISTS (SELECT 1 FROM leadership_plans p WHERE p.id = plan_id));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "leadership_plans", "leadership_commitments" TO conduct_app;
