-- Why: a paternity claim is victim-assistance work, but the alleged father's State must act on it.
-- Its focal points see the claim (codes, the DNA chain, the outcome, payments) only when the mother
-- has agreed to share with the Member State, and never who she or the child are: the victim tables
-- stay closed to them, and the codes reach them through one narrow function.
GRANT SELECT, INSERT, UPDATE ON "paternity_claims", "dna_samples", "custody_events", "support_payments" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_consent_in_force(p_victim_id uuid, p_recipient text)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT c.granted FROM victim_consents c WHERE c.victim_id = p_victim_id AND c.recipient = p_recipient
     ORDER BY c.given_on DESC, c.created_at DESC LIMIT 1), false) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_state_sees_claim(p_victim_id uuid, p_country text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() = 'member_state_focal_point' AND p_country = conduct_actor_country() AND conduct_consent_in_force(p_victim_id, 'member_state') $$;
--> statement-breakpoint
CREATE FUNCTION conduct_can_see_claim(p_claim_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT conduct_can_see_victim(c.victim_id) OR conduct_state_sees_claim(c.victim_id, c.country_code)
     FROM paternity_claims c WHERE c.id = p_claim_id), false) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_claim_parties(p_claim_id uuid)
RETURNS TABLE (victim_code text, child_code text, perpetrator_code text, case_reference text, mission_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT v.code, ch.code, p.code, cs.reference, cs.mission_code
  FROM paternity_claims c
  JOIN victims v ON v.id = c.victim_id
  LEFT JOIN victim_children ch ON ch.id = c.child_id
  JOIN perpetrators p ON p.id = c.perpetrator_id
  JOIN cases cs ON cs.id = c.case_id
  WHERE c.id = p_claim_id AND conduct_can_see_claim(p_claim_id)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_claim_parties(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_claim_parties(uuid) TO conduct_app;
--> statement-breakpoint
ALTER TABLE "paternity_claims" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY paternity_claims_read ON "paternity_claims" FOR SELECT
  USING (conduct_can_see_victim(victim_id) OR conduct_state_sees_claim(victim_id, country_code));
--> statement-breakpoint
CREATE POLICY paternity_claims_open ON "paternity_claims" FOR INSERT
  WITH CHECK (conduct_can_see_victim(victim_id) AND conduct_can_see_case_id(case_id));
--> statement-breakpoint
CREATE POLICY paternity_claims_update ON "paternity_claims" FOR UPDATE
  USING (conduct_can_see_victim(victim_id) OR conduct_state_sees_claim(victim_id, country_code))
  WITH CHECK (conduct_can_see_victim(victim_id) OR conduct_state_sees_claim(victim_id, country_code));
--> statement-breakpoint
ALTER TABLE "dna_samples" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dna_samples_claim ON "dna_samples" USING (conduct_can_see_claim(claim_id)) WITH CHECK (conduct_can_see_claim(claim_id));
--> statement-breakpoint
ALTER TABLE "custody_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY custody_events_claim ON "custody_events"
  USING (conduct_can_see_claim((SELECT s.claim_id FROM dna_samples s WHERE s.id = sample_id)))
  WITH CHECK (conduct_can_see_claim((SELECT s.claim_id FROM dna_samples s WHERE s.id = sample_id)));
--> statement-breakpoint
ALTER TABLE "support_payments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY support_payments_claim ON "support_payments" USING (conduct_can_see_claim(claim_id)) WITH CHECK (conduct_can_see_claim(claim_id));
--> statement-breakpoint
-- The advocate who opens a claim tells the State's focal points at once; reminders belong to their
-- readers, so the insert runs as the owner, for a claim the caller may see, and names only codes.
CREATE FUNCTION conduct_notify_state_of_claim(p_claim_id uuid, p_email_status text)
RETURNS integer LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
  WITH claim AS (
    SELECT c.id, c.case_id, c.country_code, c.response_due_on, cs.reference
    FROM paternity_claims c JOIN cases cs ON cs.id = c.case_id
    WHERE c.id = p_claim_id AND conduct_can_see_victim(c.victim_id)
  ), inserted AS (
    INSERT INTO notifications (user_id, dedupe_key, kind, case_id, case_reference, due_on, email_status)
    SELECT p.user_id, 'paternity:' || claim.id || ':notified', 'paternity_claim_notified', claim.case_id, claim.reference, claim.response_due_on, p_email_status
    FROM claim JOIN staff_profiles p ON p.role = 'member_state_focal_point' AND p.country_code = claim.country_code AND p.disabled_at IS NULL
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int FROM inserted
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_notify_state_of_claim(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_notify_state_of_claim(uuid, text) TO conduct_app;
