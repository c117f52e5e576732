CREATE TABLE "custody_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"by_whom" text NOT NULL,
	"place" text,
	"kit_number" text,
	"from_party" text,
	"to_party" text,
	"result" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dna_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"donor" text NOT NULL,
	"sample_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paternity_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"child_id" uuid,
	"case_id" uuid NOT NULL,
	"perpetrator_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"notified_on" date NOT NULL,
	"response_due_on" date NOT NULL,
	"focal_point_name" text,
	"focal_point_appointed_on" date,
	"paternity" text,
	"paternity_decided_on" date,
	"support_amount" integer,
	"support_currency" text,
	"support_frequency" text,
	"support_authority" text,
	"support_ordered_on" date,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_sample_id_dna_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."dna_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_samples" ADD CONSTRAINT "dna_samples_claim_id_paternity_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."paternity_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paternity_claims" ADD CONSTRAINT "paternity_claims_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paternity_claims" ADD CONSTRAINT "paternity_claims_child_id_victim_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."victim_children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paternity_claims" ADD CONSTRAINT "paternity_claims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paternity_claims" ADD CONSTRAINT "paternity_claims_perpetrator_id_perpetrators_id_fk" FOREIGN KEY ("perpetrator_id") REFERENCES "public"."perpetrators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_payments" ADD CONSTRAINT "support_payments_claim_id_paternity_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."paternity_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "custody_events_sample_idx" ON "custody_events" USING btree ("sample_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dna_samples_code_idx" ON "dna_samples" USING btree ("claim_id","sample_code");--> statement-breakpoint
CREATE INDEX "paternity_claims_victim_idx" ON "paternity_claims" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "paternity_claims_country_idx" ON "paternity_claims" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "support_payments_claim_idx" ON "support_payments" USING btree ("claim_id","paid_on");