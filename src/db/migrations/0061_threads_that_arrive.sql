-- Why: a reporter's message on a report already part of a case reached no one. A report keeps when
-- its reporter last wrote and each person when they last read it; the difference is "new message",
-- per person. A person's read marks are theirs alone, and only on reports they may see.
CREATE TABLE "report_reads" (
	"report_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reads_report_id_user_id_pk" PRIMARY KEY("report_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "last_reporter_message_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_reads" ADD CONSTRAINT "report_reads_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reads" ADD CONSTRAINT "report_reads_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
UPDATE "reports" r SET "last_reporter_message_at" = m.last_at
FROM (SELECT report_id, max(created_at) AS last_at FROM report_messages WHERE from_reporter GROUP BY report_id) m
WHERE m.report_id = r.id;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "report_reads" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "report_reads" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_reads_own ON "report_reads"
  USING (user_id = conduct_actor_id())
  WITH CHECK (user_id = conduct_actor_id() AND conduct_can_see_report_id(report_id));
