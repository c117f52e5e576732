CREATE TABLE "good_practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"area" text NOT NULL,
	"theme" text NOT NULL,
	"country_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"contributor" text,
	"event_title" text,
	"event_date" date,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"submitted_by" text,
	"reviewed_by" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "good_practices_title_unique" UNIQUE("title")
);
--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_practices" ADD CONSTRAINT "good_practices_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "good_practices_status_idx" ON "good_practices" USING btree ("status","area");--> statement-breakpoint
CREATE INDEX "good_practices_countries_idx" ON "good_practices" USING gin ("country_codes");