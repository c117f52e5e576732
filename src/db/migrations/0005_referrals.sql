-- Why: referrals record where a case was sent for investigation (a note verbale to a Member State,
-- OIOS, the mission unit, a contingent commander) and the State's reply, with its deadline.
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"country_code" text,
	"note_verbale_reference" text,
	"sent_on" date NOT NULL,
	"reply_due_on" date,
	"policy_version" text,
	"reply" text,
	"replied_on" date,
	"nio_name" text,
	"nio_appointed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_due_idx" ON "referrals" USING btree ("reply_due_on");