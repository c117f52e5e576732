CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"country_code" text NOT NULL,
	"member" text DEFAULT '' NOT NULL,
	"joined_on" date NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_allegation_counts" (
	"year" integer NOT NULL,
	"mission_code" text NOT NULL,
	"category_code" text NOT NULL,
	"nationality_code" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "public_allegation_counts_year_mission_code_category_code_nationality_code_pk" PRIMARY KEY("year","mission_code","category_code","nationality_code")
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_unique_idx" ON "commitments" USING btree ("kind","country_code","member");