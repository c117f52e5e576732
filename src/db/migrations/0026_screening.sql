CREATE TABLE "screening_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reason" text NOT NULL,
	"case_id" uuid,
	"perpetrator_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_keys" (
	"entry_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"strength" text NOT NULL,
	CONSTRAINT "screening_keys_entry_id_key_hash_pk" PRIMARY KEY("entry_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "screening_secrets" (
	"id" serial PRIMARY KEY NOT NULL,
	"secret_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screening_entries" ADD CONSTRAINT "screening_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_entries" ADD CONSTRAINT "screening_entries_perpetrator_id_perpetrators_id_fk" FOREIGN KEY ("perpetrator_id") REFERENCES "public"."perpetrators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_keys" ADD CONSTRAINT "screening_keys_entry_id_screening_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."screening_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_entries_perpetrator_idx" ON "screening_entries" USING btree ("perpetrator_id");--> statement-breakpoint
CREATE INDEX "screening_keys_hash_idx" ON "screening_keys" USING btree ("key_hash");