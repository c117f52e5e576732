CREATE TABLE "trust_fund_beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"category" text NOT NULL,
	"people" integer NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_fund_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"received_on" date NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"from_withheld_payments" boolean DEFAULT false NOT NULL,
	"case_action_id" uuid,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_fund_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"title" text NOT NULL,
	"implementing_partner" text NOT NULL,
	"budget" integer NOT NULL,
	"currency" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"services" text[] NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trust_fund_beneficiaries" ADD CONSTRAINT "trust_fund_beneficiaries_project_id_trust_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."trust_fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_fund_contributions" ADD CONSTRAINT "trust_fund_contributions_case_action_id_case_actions_id_fk" FOREIGN KEY ("case_action_id") REFERENCES "public"."case_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_fund_projects" ADD CONSTRAINT "trust_fund_projects_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trust_fund_beneficiaries_project_idx" ON "trust_fund_beneficiaries" USING btree ("project_id");