CREATE TABLE "good_practice_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "good_practice_files" ADD CONSTRAINT "good_practice_files_practice_id_good_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."good_practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "good_practice_files_practice_idx" ON "good_practice_files" USING btree ("practice_id");