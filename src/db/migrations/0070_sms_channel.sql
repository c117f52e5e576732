-- Why: people near the camps report on basic phones. A reporter's text messages are threaded by a
-- keyed hash of their number; the number is sealed to answer them and dropped after a while; every
-- message's words are encrypted. Only the server itself (the webhook and the outbox, as the system
-- actor) reads these tables: officers read the report's thread.
CREATE TABLE "sms_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gateway" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_encrypted" text,
	"language" text,
	"step" text NOT NULL,
	"draft_encrypted" text,
	"report_id" uuid,
	"last_inbound_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"gateway_message_id" text,
	"body_encrypted" text NOT NULL,
	"reply_encrypted" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_conversations" ADD CONSTRAINT "sms_conversations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_conversation_id_sms_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."sms_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_conversations_phone_idx" ON "sms_conversations" USING btree ("gateway","phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_gateway_id_idx" ON "sms_messages" USING btree ("conversation_id","gateway_message_id");--> statement-breakpoint
CREATE INDEX "sms_messages_outbox_idx" ON "sms_messages" USING btree ("status","created_at");
--> statement-breakpoint
ALTER TABLE "sms_conversations" ADD CONSTRAINT "sms_conversations_known" CHECK (gateway IN ('twilio', 'generic'));
--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_known" CHECK (
  direction IN ('in', 'out') AND status IN ('received', 'queued', 'sent', 'failed'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "sms_conversations", "sms_messages" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "sms_conversations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sms_messages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sms_conversations_server ON "sms_conversations"
  USING (conduct_actor_role() = 'system') WITH CHECK (conduct_actor_role() = 'system');
--> statement-breakpoint
CREATE POLICY sms_messages_server ON "sms_messages"
  USING (conduct_actor_role() = 'system') WITH CHECK (conduct_actor_role() = 'system');
