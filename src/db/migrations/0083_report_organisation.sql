-- Why: one UN — the reporter may name the organisation the people work for (a UN entity or a partner),
-- or not know it; headquarters routes a report whose organisation is not the chosen unit's.
ALTER TABLE "reports" ADD COLUMN "organisation_code" text;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organisation_code_un_entities_code_fk" FOREIGN KEY ("organisation_code") REFERENCES "public"."un_entities"("code") ON DELETE no action ON UPDATE no action;