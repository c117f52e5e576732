-- Why: revealing a victim's or an alleged perpetrator's identity may need a second authorised
-- person. A request is filed by the person who would reveal, decided by an identity custodian who
-- is someone else, and lets its requester reveal until it expires. Requesters see their own
-- requests; custodians see all and decide others'; nobody decides their own, here as in the app.
CREATE TABLE "reveal_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_label" text NOT NULL,
	"requested_by" text NOT NULL,
	"requester_role" text NOT NULL,
	"reason" text NOT NULL,
	"purpose" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"note" text,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "reveal_requests" ADD CONSTRAINT "reveal_requests_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reveal_requests" ADD CONSTRAINT "reveal_requests_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reveal_requests_subject_idx" ON "reveal_requests" USING btree ("subject_id","requested_by");--> statement-breakpoint
CREATE INDEX "reveal_requests_pending_idx" ON "reveal_requests" USING btree ("requested_at") WHERE decision is null;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "reveal_requests" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "reveal_requests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reveal_requests_read ON "reveal_requests" FOR SELECT
  USING (requested_by = conduct_actor_id() OR conduct_actor_role() IN ('identity_custodian', 'system'));
--> statement-breakpoint
CREATE POLICY reveal_requests_file ON "reveal_requests" FOR INSERT
  WITH CHECK (requested_by = conduct_actor_id() AND decision IS NULL);
--> statement-breakpoint
CREATE POLICY reveal_requests_decide ON "reveal_requests" FOR UPDATE
  USING (conduct_actor_role() = 'identity_custodian' AND requested_by <> conduct_actor_id() AND decision IS NULL)
  WITH CHECK (decided_by = conduct_actor_id() AND requested_by <> conduct_actor_id());
