-- Why: a list of claims read its parties' codes one claim at a time; the same narrow function now
-- answers for many claims in one call (still only those the caller may see, still codes only).
CREATE FUNCTION conduct_claims_parties(p_claim_ids uuid[])
RETURNS TABLE (claim_id uuid, victim_code text, child_code text, perpetrator_code text, case_reference text, mission_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT c.id, v.code, ch.code, p.code, cs.reference, cs.mission_code
  FROM paternity_claims c
  JOIN victims v ON v.id = c.victim_id
  LEFT JOIN victim_children ch ON ch.id = c.child_id
  JOIN perpetrators p ON p.id = c.perpetrator_id
  JOIN cases cs ON cs.id = c.case_id
  WHERE c.id = ANY (p_claim_ids) AND conduct_can_see_claim(c.id)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_claims_parties(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_claims_parties(uuid[]) TO conduct_app;
--> statement-breakpoint
DROP FUNCTION conduct_claim_parties(uuid);
