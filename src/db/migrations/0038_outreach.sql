CREATE TABLE "cbcm_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"languages" text[] NOT NULL,
	"user_id" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cbcm_networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"name" text NOT NULL,
	"area" text NOT NULL,
	"languages" text[] NOT NULL,
	"channels" text[] NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"community" text NOT NULL,
	"women" integer DEFAULT 0 NOT NULL,
	"men" integer DEFAULT 0 NOT NULL,
	"girls" integer DEFAULT 0 NOT NULL,
	"boys" integer DEFAULT 0 NOT NULL,
	"language" text NOT NULL,
	"topics" text[] NOT NULL,
	"materials" text[] NOT NULL,
	"network_id" uuid,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cbcm_members" ADD CONSTRAINT "cbcm_members_network_id_cbcm_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."cbcm_networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cbcm_members" ADD CONSTRAINT "cbcm_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cbcm_networks" ADD CONSTRAINT "cbcm_networks_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_network_id_cbcm_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."cbcm_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cbcm_members_network_idx" ON "cbcm_members" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cbcm_networks_name_idx" ON "cbcm_networks" USING btree ("mission_code","name");--> statement-breakpoint
CREATE INDEX "outreach_activities_mission_idx" ON "outreach_activities" USING btree ("mission_code","held_on");