CREATE TABLE "assistance_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"note_encrypted" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"child_id" uuid,
	"provider_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_on" date NOT NULL,
	"accepted_on" date,
	"delivered_on" date,
	"declined_on" date,
	"closed_on" date,
	"follow_up_on" date,
	"outcome" text,
	"identity_shared" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"needs" text[] NOT NULL,
	"plan_encrypted" text,
	"review_on" date,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"name" text NOT NULL,
	"service_types" text[] NOT NULL,
	"location" text,
	"contact" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_cases" (
	"victim_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_cases_victim_id_case_id_pk" PRIMARY KEY("victim_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "victim_children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"code" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" integer,
	"identity_encrypted" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_children_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "victim_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"granted" boolean NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"mission_code" text NOT NULL,
	"sex" text NOT NULL,
	"age_group" text NOT NULL,
	"age_at_incident" integer,
	"identity_encrypted" text,
	"contact_encrypted" text,
	"location_encrypted" text,
	"caregiver_encrypted" text,
	"registered_by" text,
	"next_action_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victims_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "assistance_follow_ups" ADD CONSTRAINT "assistance_follow_ups_referral_id_assistance_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."assistance_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_referrals" ADD CONSTRAINT "assistance_referrals_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_referrals" ADD CONSTRAINT "assistance_referrals_child_id_victim_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."victim_children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_referrals" ADD CONSTRAINT "assistance_referrals_provider_id_service_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."service_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessments" ADD CONSTRAINT "needs_assessments_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_providers" ADD CONSTRAINT "service_providers_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_cases" ADD CONSTRAINT "victim_cases_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_cases" ADD CONSTRAINT "victim_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_children" ADD CONSTRAINT "victim_children_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_consents" ADD CONSTRAINT "victim_consents_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victims" ADD CONSTRAINT "victims_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_follow_ups_referral_idx" ON "assistance_follow_ups" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "assistance_referrals_victim_idx" ON "assistance_referrals" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "assistance_referrals_follow_up_idx" ON "assistance_referrals" USING btree ("follow_up_on");--> statement-breakpoint
CREATE INDEX "needs_assessments_victim_idx" ON "needs_assessments" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "service_providers_mission_idx" ON "service_providers" USING btree ("mission_code");--> statement-breakpoint
CREATE INDEX "victim_cases_case_idx" ON "victim_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "victim_children_victim_idx" ON "victim_children" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "victim_consents_victim_idx" ON "victim_consents" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "victims_next_action_idx" ON "victims" USING btree ("next_action_on","code");