-- Why: one UN — each entity publishes its own figures. A publisher may be narrowed to entities
-- (UNICEF's own publisher): they then see and release only the cases of those entities' units. The
-- actor's context says whether the role is narrowed (`app.actor_narrowed`), so that a narrowed
-- publisher whose entity has no unit yet sees nothing rather than everything. The rule stays a plain
-- expression the planner inlines.
CREATE FUNCTION conduct_actor_narrowed() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.actor_narrowed', true), '') = '1' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_can_see_case(p_case_id uuid, p_mission text, p_nationalities text[], p_headquarters_only boolean)
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'analyst' THEN true
    WHEN 'publisher' THEN NOT conduct_actor_narrowed() OR p_mission = ANY (conduct_actor_missions())
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions()) AND NOT p_headquarters_only
    WHEN 'victim_assistance' THEN p_mission = ANY (conduct_actor_missions()) AND NOT p_headquarters_only
    WHEN 'member_state_focal_point' THEN conduct_actor_country() = ANY (p_nationalities)
    WHEN 'investigator' THEN conduct_is_assigned(p_case_id)
    ELSE false
  END
$$;
