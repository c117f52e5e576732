CREATE TABLE "contingents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_code" text NOT NULL,
	"country_code" text NOT NULL,
	"name" text NOT NULL,
	"category_code" text NOT NULL,
	"strength" integer NOT NULL,
	"deployed_on" date NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"participant_key" text NOT NULL,
	"completed" boolean NOT NULL,
	CONSTRAINT "training_attendance_session_id_participant_key_pk" PRIMARY KEY("session_id","participant_key")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"validity_months" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"mission_code" text,
	"country_code" text,
	"contingent_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"trainer" text NOT NULL,
	"audience_category_code" text,
	"participants" integer NOT NULL,
	"completions" integer NOT NULL,
	"attendance_imported_at" timestamp with time zone,
	"certified_by" text,
	"certified_on" date,
	"certification_statement" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contingents" ADD CONSTRAINT "contingents_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_mission_code_missions_code_fk" FOREIGN KEY ("mission_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_contingent_id_contingents_id_fk" FOREIGN KEY ("contingent_id") REFERENCES "public"."contingents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contingents_name_idx" ON "contingents" USING btree ("mission_code","name");--> statement-breakpoint
CREATE INDEX "contingents_country_idx" ON "contingents" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "training_sessions_contingent_idx" ON "training_sessions" USING btree ("contingent_id");--> statement-breakpoint
CREATE INDEX "training_sessions_mission_idx" ON "training_sessions" USING btree ("mission_code","ends_on");