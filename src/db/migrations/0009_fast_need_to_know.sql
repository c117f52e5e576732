-- Why (need-to-know): at a million cases, the need-to-know check runs on every candidate row. As a SECURITY
-- DEFINER function it could not be inlined and paid a user and search_path switch per row; now it
-- is a plain SQL expression the planner inlines, and only the assignment lookup (which must not be
-- filtered by its own policy) stays SECURITY DEFINER, called for investigators alone.
CREATE FUNCTION conduct_is_assigned(p_case_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = p_case_id AND a.user_id = conduct_actor_id()) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_can_see_case(p_case_id uuid, p_mission text, p_nationalities text[])
RETURNS boolean LANGUAGE sql STABLE AS
$$
  SELECT CASE conduct_actor_role()
    WHEN 'system' THEN true
    WHEN 'cds_officer' THEN true
    WHEN 'analyst' THEN true
    WHEN 'publisher' THEN true
    WHEN 'cdt_officer' THEN p_mission = ANY (conduct_actor_missions())
    WHEN 'victim_assistance' THEN p_mission = ANY (conduct_actor_missions())
    WHEN 'member_state_focal_point' THEN conduct_actor_country() = ANY (p_nationalities)
    WHEN 'investigator' THEN conduct_is_assigned(p_case_id)
    ELSE false
  END
$$;
--> statement-breakpoint
-- Full-text search under row-level security: the match operator is not leakproof, so PostgreSQL
-- would test need-to-know on every case before matching. This returns the ids whose search
-- document matches, through the GIN index; the caller's query then applies need-to-know (and its
-- other filters) to those rows only. It reveals nothing by itself: only ids, read back under RLS.
CREATE FUNCTION conduct_cases_matching(p_query text)
RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT id FROM cases WHERE search_vector @@ (websearch_to_tsquery('english', p_query) || websearch_to_tsquery('french', p_query)) $$;
--> statement-breakpoint
-- The audit chain's lock and the hash to extend, in one round trip. VOLATILE and in two statements
-- on purpose: the hash is read with a snapshot taken after the lock is granted, so it sees the event
-- committed by the writer that held the lock before (one statement would use an older snapshot).
CREATE FUNCTION conduct_lock_audit_chain() RETURNS text LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('conduct-ledger-audit-chain'));
  RETURN (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1);
END
$$;
