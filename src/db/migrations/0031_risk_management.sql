CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"location" text NOT NULL,
	"location_kind" text NOT NULL,
	"assessed_on" date NOT NULL,
	"review_on" date NOT NULL,
	"notes" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"notes" text,
	CONSTRAINT "risk_factors_rating" CHECK ("risk_factors"."likelihood" between 1 and 5 and "risk_factors"."impact" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "risk_mitigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"factor_kind" text,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date,
	"completion_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_factors" ADD CONSTRAINT "risk_factors_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_mitigations" ADD CONSTRAINT "risk_mitigations_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_assessments_mission_idx" ON "risk_assessments" USING btree ("mission_code","assessed_on");--> statement-breakpoint
CREATE INDEX "risk_factors_assessment_idx" ON "risk_factors" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "risk_mitigations_assessment_idx" ON "risk_mitigations" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "risk_mitigations_open_idx" ON "risk_mitigations" USING btree ("due_on") WHERE "risk_mitigations"."completed_on" is null;