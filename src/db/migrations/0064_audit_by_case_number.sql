-- Why: an auditor looking into one case had to know the ids of its records to find its events.
-- Given a case number, this lists (for auditors only) the ids of the case and of the records
-- hanging from it — reports, referrals, alleged perpetrators, investigations, paternity claims,
-- requests to victim assistance — so the trail can be searched by the number people use.
CREATE FUNCTION conduct_audit_case_subjects(p_reference text)
RETURNS TABLE (subject_id text) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  WITH target AS (
    SELECT c.id FROM cases c WHERE conduct_actor_role() = 'auditor' AND upper(c.reference) = upper(p_reference)
  )
  SELECT id::text FROM target
  UNION ALL SELECT r.id::text FROM reports r JOIN target ON r.case_id = target.id
  UNION ALL SELECT rf.id::text FROM referrals rf JOIN target ON rf.case_id = target.id
  UNION ALL SELECT p.id::text FROM perpetrators p JOIN target ON p.case_id = target.id
  UNION ALL SELECT i.id::text FROM investigations i JOIN target ON i.case_id = target.id
  UNION ALL SELECT pc.id::text FROM paternity_claims pc JOIN target ON pc.case_id = target.id
  UNION ALL SELECT a.id::text FROM assistance_requests a JOIN target ON a.case_id = target.id
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION conduct_audit_case_subjects(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_audit_case_subjects(text) TO conduct_app;
