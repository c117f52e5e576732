-- Why: a referral is seen by whoever may see its case, except that a Member State focal point sees
-- only the referrals addressed to their own State (a case may involve several States). A State's
-- focal point may record its reply; only intake officers create referrals.
GRANT SELECT, INSERT, UPDATE ON "referrals" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "referrals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referrals_need_to_know ON "referrals"
  USING (
    conduct_can_see_case_id(case_id)
    AND (conduct_actor_role() <> 'member_state_focal_point' OR country_code = conduct_actor_country())
  )
  WITH CHECK (
    conduct_can_see_case_id(case_id)
    AND (conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer')
      OR (conduct_actor_role() = 'member_state_focal_point' AND country_code = conduct_actor_country()))
  );
