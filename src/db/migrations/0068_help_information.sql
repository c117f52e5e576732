-- Why: every reporter should learn at once where to get help (medical care within 72 hours
-- matters after a rape) and what happens next. Each mission, and headquarters for everywhere,
-- keeps its help here in versions that are only ever added; anyone may read it, a mission's
-- team writes its own, headquarters any.
CREATE TABLE "help_information" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"version" integer NOT NULL,
	"contacts" jsonb NOT NULL,
	"texts" jsonb NOT NULL,
	"edited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "help_information" ADD CONSTRAINT "help_information_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "help_information_version_idx" ON "help_information" USING btree ("scope","version");
--> statement-breakpoint
ALTER TABLE "help_information" ADD CONSTRAINT "help_information_contents" CHECK (
  version > 0 AND jsonb_typeof(contacts) = 'array' AND jsonb_typeof(texts) = 'object');
--> statement-breakpoint
GRANT SELECT, INSERT ON "help_information" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "help_information" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY help_information_read ON "help_information" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY help_information_keep ON "help_information" FOR INSERT
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer')
    OR (conduct_actor_role() = 'cdt_officer' AND scope = ANY (conduct_actor_missions())));
