-- Why: one UN — an agency's analyst reports on the agency's own work. An analyst may now be narrowed
-- to entities as a publisher is (0092): the cases they read (and so the internal figures counted from
-- them), the prevention records, training and contingents, and the leaders' plans are then those of
-- the entities' units only. Given no entity, an analyst reads the whole installation as before.
-- After-action lessons stay open to every conduct team and analyst: they are written to be shared.
CREATE OR REPLACE FUNCTION conduct_can_see_case(p_case_id uuid, p_mission text, p_nationalities text[], p_headquarters_only boolean)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'analyst' THEN NOT conduct_actor_narrowed() OR p_mission = ANY (conduct_actor_missions())
    WHEN 'publisher' THEN NOT conduct_actor_narrowed() OR p_mission = ANY (conduct_actor_missions())
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions()) AND NOT p_headquarters_only
    WHEN 'victim_assistance' THEN p_mission = ANY (conduct_actor_missions()) AND NOT p_headquarters_only
    WHEN 'member_state_focal_point' THEN conduct_actor_country() = ANY (p_nationalities)
    WHEN 'investigator' THEN conduct_is_assigned(p_case_id)
    ELSE false
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_reads_prevention_in(p_mission text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT (conduct_actor_role() = 'analyst' AND (NOT conduct_actor_narrowed() OR p_mission = ANY (conduct_actor_missions())))
  OR conduct_keeps_prevention_in(p_mission) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_reads_training(p_mission text, p_country text, p_contingent uuid) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() IN ('system', 'cds_officer')
  OR (conduct_actor_role() = 'analyst' AND NOT conduct_actor_narrowed())
  OR (conduct_actor_role() IN ('cdt_officer', 'analyst') AND (p_mission = ANY (conduct_actor_missions()) OR conduct_contingent_mission(p_contingent) = ANY (conduct_actor_missions())))
  OR (conduct_actor_role() = 'member_state_focal_point' AND p_country = conduct_actor_country()) $$;
--> statement-breakpoint
ALTER POLICY contingents_scope ON contingents USING (
  conduct_actor_role() IN ('system', 'cds_officer')
  OR (conduct_actor_role() = 'analyst' AND NOT conduct_actor_narrowed())
  OR (conduct_actor_role() IN ('cdt_officer', 'analyst') AND mission_code = ANY (conduct_actor_missions()))
  OR (conduct_actor_role() = 'member_state_focal_point' AND country_code = conduct_actor_country())
);
--> statement-breakpoint
ALTER POLICY leadership_plans_scope ON leadership_plans USING (
  conduct_actor_role() IN ('system', 'cds_officer')
  OR (conduct_actor_role() = 'analyst' AND NOT conduct_actor_narrowed())
  OR (conduct_actor_role() IN ('cdt_officer', 'head_of_mission', 'analyst') AND mission_code = ANY (conduct_actor_missions()))
);
