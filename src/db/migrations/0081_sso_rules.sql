-- Why: staff of other organisations (agencies, funds, programmes, implementing partners) sign in
-- with their organisation's identity provider. Its claims (groups, roles) give each account its
-- role and scope through rules an administrator keeps; the account remembers the provider that
-- keeps it, so that its role follows the provider's claims at each sign-in and its two-factor is
-- the provider's.
CREATE TABLE "sso_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" text NOT NULL,
	"claim" text NOT NULL,
	"value" text NOT NULL,
	"role" text NOT NULL,
	"mission_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"country_code" text,
	"position" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD COLUMN "sso_provider" text;--> statement-breakpoint
ALTER TABLE "sso_rules" ADD CONSTRAINT "sso_rules_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sso_rules" ADD CONSTRAINT "sso_rules_position_unique" UNIQUE ("provider_id", "position");
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "sso_rules" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "sso_rules" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sso_rules_read ON "sso_rules" FOR SELECT
  USING (conduct_actor_role() IN ('system', 'administrator'));
--> statement-breakpoint
CREATE POLICY sso_rules_keep ON "sso_rules" FOR INSERT
  WITH CHECK (conduct_actor_role() IN ('system', 'administrator'));
--> statement-breakpoint
CREATE POLICY sso_rules_drop ON "sso_rules" FOR DELETE
  USING (conduct_actor_role() IN ('system', 'administrator'));
