-- Why: a review's lessons are written to be shared, so every mission's conduct and discipline team,
-- headquarters and analysts may read and search them; what happened, the cases reviewed and the
-- follow-up actions stay with headquarters and the mission that held the review.
CREATE FUNCTION conduct_review_mission(p_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT mission_code FROM after_action_reviews WHERE id = p_id $$;
--> statement-breakpoint
GRANT SELECT, INSERT ON "after_action_reviews", "after_action_details" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "after_action_actions" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "after_action_reviews" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY after_action_reviews_lessons ON "after_action_reviews"
  USING (conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer', 'analyst'))
  WITH CHECK (conduct_keeps_prevention_in(mission_code));
--> statement-breakpoint
ALTER TABLE "after_action_details" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY after_action_details_mission ON "after_action_details"
  USING (conduct_keeps_prevention_in(conduct_review_mission(review_id)))
  WITH CHECK (conduct_keeps_prevention_in(conduct_review_mission(review_id)));
--> statement-breakpoint
ALTER TABLE "after_action_actions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY after_action_actions_mission ON "after_action_actions"
  USING (conduct_keeps_prevention_in(conduct_review_mission(review_id)))
  WITH CHECK (conduct_keeps_prevention_in(conduct_review_mission(review_id)));
