-- Why: what a report said was lost on the way into its case (the place, "children involved"), and
-- the queue had nothing to triage on. Reports now say what they are about, whether someone is in
-- danger now and what they need, with the urgency that follows (src/domain/triage.ts); cases keep
-- the place (encrypted), the risk-register location and whether children are involved.
ALTER TABLE "cases" ADD COLUMN "place_encrypted" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "risk_location" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "children_involved" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "kind" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "immediate_danger" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "needs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "urgency" text DEFAULT 'routine' NOT NULL;--> statement-breakpoint
UPDATE "reports" SET "urgency" = 'priority' WHERE "children_involved" = 'yes';
--> statement-breakpoint
UPDATE "cases" c SET "children_involved" = r.answer
FROM (SELECT case_id, CASE WHEN bool_or(children_involved = 'yes') THEN 'yes'
                           WHEN bool_and(children_involved = 'no') THEN 'no' ELSE 'unknown' END AS answer
      FROM reports WHERE case_id IS NOT NULL GROUP BY case_id) r
WHERE r.case_id = c.id;
