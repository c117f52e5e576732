-- Why: holding leadership accountable starts from recording what a unit's leaders did on a case:
-- whether and when they reported it, took interim measures, preserved the evidence and cooperated
-- with the NIO and OIOS. One row per case, unit and duty. Seen by whoever sees both the case and the
-- unit (a State only its own units'), written by the case's Conduct and Discipline officers.
CREATE TABLE "command_duties" (
	"case_id" uuid NOT NULL,
	"contingent_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"answer" text NOT NULL,
	"done_on" date,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "command_duties_case_id_contingent_id_duty_pk" PRIMARY KEY("case_id","contingent_id","duty")
);
--> statement-breakpoint
ALTER TABLE "command_duties" ADD CONSTRAINT "command_duties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_duties" ADD CONSTRAINT "command_duties_contingent_id_contingents_id_fk" FOREIGN KEY ("contingent_id") REFERENCES "public"."contingents"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "command_duties" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY command_duties_need_to_know ON "command_duties"
  USING (conduct_can_see_case_id(case_id) AND EXISTS (SELECT 1 FROM contingents c WHERE c.id = contingent_id))
  WITH CHECK (conduct_can_see_case_id(case_id) AND conduct_is_case_manager()
    AND EXISTS (SELECT 1 FROM contingents c WHERE c.id = contingent_id));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "command_duties" TO conduct_app;
