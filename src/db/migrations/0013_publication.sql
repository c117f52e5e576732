ALTER TABLE "cases" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "published_by" text;--> statement-breakpoint
CREATE INDEX "cases_published_idx" ON "cases" USING btree ("published_at");