-- Why: a headquarters officer of an agency is scoped to the agency, not to its units one by one: a
-- unit the agency opens later is theirs without anyone editing their account. The entities are
-- kept on the profile (and on single sign-on rules) and expanded into units where the actor is
-- resolved, so the row-level rules, which read only the actor's units, are unchanged; the few
-- reads of other people's scope (who is told of a request) go through the same expansion.
ALTER TABLE "sso_rules" ADD COLUMN "entity_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD COLUMN "entity_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE FUNCTION conduct_scope_units(p_missions text[], p_entities text[])
RETURNS text[] LANGUAGE sql STABLE SET search_path = public AS
$$
  SELECT CASE WHEN cardinality(p_entities) = 0 THEN p_missions
    ELSE array(SELECT unnest(p_missions) UNION SELECT code FROM missions WHERE entity_code = ANY (p_entities) ORDER BY 1)
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_notify_assistance_request(p_request_id uuid, p_label text, p_email_status text)
RETURNS integer LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  WITH request AS (
    SELECT r.id, r.case_id, r.mission_code FROM assistance_requests r
    WHERE r.id = p_request_id AND conduct_can_see_assistance_request(r.mission_code)
  ), inserted AS (
    INSERT INTO notifications (user_id, dedupe_key, kind, case_id, case_reference, subject_path, email_status)
    SELECT p.user_id, 'assistance-request:' || request.id, 'assistance_request', request.case_id, p_label, '/work', p_email_status
    FROM request JOIN staff_profiles p ON p.role = 'victim_assistance'
      AND request.mission_code = ANY (conduct_scope_units(p.mission_codes, p.entity_codes)) AND p.disabled_at IS NULL
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int FROM inserted
$$;
