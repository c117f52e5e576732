-- Why: most people who report speak a language that is not one of the UN's six (Swahili, Lingala,
-- Sango around MONUSCO and MINUSCA). The report pages speak them from translation files that an
-- administrator loads; everyone may read them (they are the public pages' words), only an
-- administrator (or the product's own seed) writes them.
CREATE TABLE "community_languages" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"dir" text DEFAULT 'ltr' NOT NULL,
	"fallback" text NOT NULL,
	"reviewed" boolean DEFAULT false NOT NULL,
	"messages" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_languages" ADD CONSTRAINT "community_languages_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "community_languages" ADD CONSTRAINT "community_languages_shape" CHECK (
  code ~ '^[a-z]{2,3}$' AND dir IN ('ltr', 'rtl') AND fallback IN ('en', 'fr', 'ar', 'zh', 'ru', 'es')
  AND jsonb_typeof(messages) = 'object');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "community_languages" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "community_languages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_languages_read ON "community_languages" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY community_languages_keep ON "community_languages" FOR INSERT
  WITH CHECK (conduct_actor_role() IN ('system', 'administrator'));
--> statement-breakpoint
CREATE POLICY community_languages_change ON "community_languages" FOR UPDATE
  USING (conduct_actor_role() IN ('system', 'administrator'))
  WITH CHECK (conduct_actor_role() IN ('system', 'administrator'));
