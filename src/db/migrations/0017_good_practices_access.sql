-- Why: a published good practice is public; a draft, submitted or returned one is seen only by
-- headquarters (which reviews) and by the focal points of the States that share it.
GRANT SELECT, INSERT, UPDATE ON "good_practices" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "good_practices" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY good_practices_visibility ON "good_practices"
  USING (
    status = 'published'
    OR conduct_actor_role() IN ('system', 'cds_officer')
    OR (conduct_actor_role() = 'member_state_focal_point' AND conduct_actor_country() = ANY (country_codes))
  )
  WITH CHECK (
    conduct_actor_role() IN ('system', 'cds_officer')
    OR (conduct_actor_role() = 'member_state_focal_point' AND conduct_actor_country() = ANY (country_codes) AND status IN ('draft', 'submitted', 'returned'))
  );
