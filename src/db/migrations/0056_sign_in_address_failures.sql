-- Why: five wrong passwords locked any account for fifteen minutes, so one person could lock out
-- a whole mission. Failures are now counted by client address too (a keyed hash of it), shared by
-- every instance, and an address is slowed down before it can lock anyone out.
CREATE TABLE "sign_in_address_failures" (
	"address_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sign_in_address_failures" TO conduct_app;
