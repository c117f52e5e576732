-- Why: a Member State's focal point could add custody steps to the mother's and the child's DNA
-- samples. A State takes and hands on the alleged father's sample only; the mission's advocates
-- keep the chain of the mother's and the child's. Reading stays as it was (the whole claim).
CREATE FUNCTION conduct_may_take_sample(donor text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT conduct_actor_role() <> 'member_state_focal_point' OR donor = 'alleged_father' $$;
--> statement-breakpoint
DROP POLICY dna_samples_claim ON dna_samples;
--> statement-breakpoint
CREATE POLICY dna_samples_claim ON dna_samples FOR ALL
  USING (conduct_can_see_claim(claim_id))
  WITH CHECK (conduct_can_see_claim(claim_id) AND conduct_may_take_sample(donor));
--> statement-breakpoint
DROP POLICY custody_events_claim ON custody_events;
--> statement-breakpoint
CREATE POLICY custody_events_claim ON custody_events FOR ALL
  USING (conduct_can_see_claim((SELECT s.claim_id FROM dna_samples s WHERE s.id = custody_events.sample_id)))
  WITH CHECK (
    conduct_can_see_claim((SELECT s.claim_id FROM dna_samples s WHERE s.id = custody_events.sample_id))
    AND conduct_may_take_sample((SELECT s.donor FROM dna_samples s WHERE s.id = custody_events.sample_id))
  );
