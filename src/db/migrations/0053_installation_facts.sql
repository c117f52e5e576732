-- Why: public pages say when an installation's figures are invented. They used to find out by
-- looking for the demo publisher's account, which tied a production route to the demo seeder; the
-- seeder now records the fact here, and databases seeded before this migration keep their notice.
CREATE TABLE "installation_facts" (
	"name" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "installation_facts" TO conduct_app;
--> statement-breakpoint
-- Anyone may read what an installation says of itself; only the system (seeding, the CLI) says it.
ALTER TABLE "installation_facts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY installation_facts_read ON "installation_facts" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY installation_facts_keep ON "installation_facts" FOR ALL
  USING (conduct_actor_role() = 'system') WITH CHECK (conduct_actor_role() = 'system');
--> statement-breakpoint
INSERT INTO "installation_facts" ("name", "value")
SELECT 'demo_data', 'true'::jsonb
WHERE EXISTS (SELECT 1 FROM "user" WHERE "email" = 'publisher@demo.conduct.test');
