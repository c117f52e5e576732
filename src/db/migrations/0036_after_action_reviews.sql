CREATE TABLE "after_action_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date,
	"completion_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "after_action_details" (
	"review_id" uuid PRIMARY KEY NOT NULL,
	"what_happened_encrypted" text NOT NULL,
	"case_ids" uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "after_action_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"contributing_factors" text[] NOT NULL,
	"what_worked" text,
	"lessons" text NOT NULL,
	"search_vector" "tsvector",
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "after_action_actions" ADD CONSTRAINT "after_action_actions_review_id_after_action_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."after_action_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_action_details" ADD CONSTRAINT "after_action_details_review_id_after_action_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."after_action_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_action_reviews" ADD CONSTRAINT "after_action_reviews_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_action_actions_review_idx" ON "after_action_actions" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "after_action_actions_open_idx" ON "after_action_actions" USING btree ("due_on") WHERE "after_action_actions"."completed_on" is null;--> statement-breakpoint
CREATE INDEX "after_action_reviews_mission_idx" ON "after_action_reviews" USING btree ("mission_code","held_on");--> statement-breakpoint
CREATE INDEX "after_action_reviews_search_idx" ON "after_action_reviews" USING gin ("search_vector");