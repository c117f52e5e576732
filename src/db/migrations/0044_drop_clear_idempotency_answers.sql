-- Why: a kept first answer can hold a reporter's receipt (which must rest only as a slow hash), an
-- API token or a one-time password. Those kept in the clear are dropped with their keys (a key
-- serves retries within minutes); from 0045 on the answer is kept sealed.
DELETE FROM "idempotency_keys";
--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP COLUMN "response_body";
