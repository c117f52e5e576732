-- Why: every staff write can be retried safely with an Idempotency-Key. The key is taken (status 0)
-- before the request runs, so a retry arriving meanwhile waits instead of writing twice; a key
-- reused for a different request is refused by its hash.
ALTER TABLE "idempotency_keys" ALTER COLUMN "response_encrypted" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "request_hash" text;