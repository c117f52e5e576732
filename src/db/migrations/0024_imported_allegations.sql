CREATE TABLE "imported_allegation_facts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"victims" integer NOT NULL,
	"child_victims" integer NOT NULL,
	"investigating_entity" text,
	"investigation_days" integer,
	"findings" text,
	"interim_action" text,
	"final_action" text,
	"criminal_referral" boolean,
	"source_file" text,
	"imported_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imported_allegation_facts" ADD CONSTRAINT "imported_allegation_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;