-- Why: one UN — agencies, funds, programmes, implementing partners and non-UN forces keep their
-- conduct records on the same platform as peace operations. Each unit where records are kept (a
-- mission, a country office) now belongs to an entity of the UN system; the units that exist are
-- placed by their kind: peacekeeping operations in DPO, special political missions in DPPA, the
-- rest in the Secretariat's other offices. Reference data like the missions: everyone reads it,
-- the application writes it only through its administrators' routes.
CREATE TABLE "un_entities" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"partner_of" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "un_entities" ADD CONSTRAINT "un_entities_shape" CHECK (
  code ~ '^[A-Z0-9-]{2,20}$'
  AND kind IN ('secretariat', 'fund_programme', 'other_entity', 'specialized_agency', 'related_organization',
               'implementing_partner', 'non_un_force')
  AND (partner_of IS NULL OR kind = 'implementing_partner'));
--> statement-breakpoint
ALTER TABLE "un_entities" ADD CONSTRAINT "un_entities_partner_of_fk" FOREIGN KEY ("partner_of") REFERENCES "public"."un_entities"("code");
--> statement-breakpoint
INSERT INTO "un_entities" ("code", "kind", "name") VALUES
  ('DPO', 'secretariat', 'Department of Peace Operations'),
  ('DPPA', 'secretariat', 'Department of Political and Peacebuilding Affairs'),
  ('UNSEC', 'secretariat', 'Other Secretariat departments and offices');
--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "entity_code" text;
--> statement-breakpoint
UPDATE "missions" SET "entity_code" = CASE "kind"
  WHEN 'peacekeeping_operation' THEN 'DPO'
  WHEN 'special_political_mission' THEN 'DPPA'
  ELSE 'UNSEC' END;
--> statement-breakpoint
ALTER TABLE "missions" ALTER COLUMN "entity_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_entity_code_un_entities_code_fk" FOREIGN KEY ("entity_code") REFERENCES "public"."un_entities"("code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "un_entities" TO conduct_app;
