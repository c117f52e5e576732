-- Why: holding personnel accountable includes what their State's military justice did: a
-- court-martial on site in the mission area or at home, a civilian court or a disciplinary board,
-- with charges, verdict, sentence and appeal. The State records its own nationals' proceedings (and
-- headquarters or the case's officers on its behalf); whoever sees the person reads them, so a State
-- never sees another State's proceedings.
CREATE TABLE "national_proceedings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"perpetrator_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"kind" text NOT NULL,
	"venue" text NOT NULL,
	"opened_on" date NOT NULL,
	"charges" text NOT NULL,
	"verdict" text DEFAULT 'pending' NOT NULL,
	"verdict_on" date,
	"sentence" text,
	"appeal" text DEFAULT 'none' NOT NULL,
	"recorded_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "national_proceedings" ADD CONSTRAINT "national_proceedings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_proceedings" ADD CONSTRAINT "national_proceedings_perpetrator_id_perpetrators_id_fk" FOREIGN KEY ("perpetrator_id") REFERENCES "public"."perpetrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "national_proceedings_case_idx" ON "national_proceedings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "national_proceedings_country_idx" ON "national_proceedings" USING btree ("country_code");
--> statement-breakpoint
ALTER TABLE "national_proceedings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY national_proceedings_need_to_know ON "national_proceedings"
  USING (conduct_can_see_perpetrator(perpetrator_id) AND conduct_sees_country(country_code))
  WITH CHECK (conduct_can_see_perpetrator(perpetrator_id)
    AND (conduct_is_case_manager()
      OR (conduct_actor_role() = 'member_state_focal_point' AND country_code = conduct_actor_country())));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "national_proceedings" TO conduct_app;
