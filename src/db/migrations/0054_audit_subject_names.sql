-- Why: an auditor reads the audit trail but, by need-to-know, no case, victim or perpetrator
-- record, so the trail showed bare ids. This names an event's subject the way the organisation
-- refers to it — a case by its number, a victim or an alleged perpetrator by pseudonymous code, a
-- referral or paternity claim by its case's number — for auditors only, and reveals nothing else.
CREATE FUNCTION conduct_audit_subject_names(p_ids uuid[])
RETURNS TABLE (subject_id uuid, name text) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT c.id, c.reference FROM cases c
  WHERE conduct_actor_role() = 'auditor' AND c.id = ANY (p_ids)
  UNION ALL
  SELECT v.id, v.code FROM victims v
  WHERE conduct_actor_role() = 'auditor' AND v.id = ANY (p_ids)
  UNION ALL
  SELECT p.id, c.reference || ' ' || p.code FROM perpetrators p JOIN cases c ON c.id = p.case_id
  WHERE conduct_actor_role() = 'auditor' AND p.id = ANY (p_ids)
  UNION ALL
  SELECT r.id, c.reference FROM referrals r JOIN cases c ON c.id = r.case_id
  WHERE conduct_actor_role() = 'auditor' AND r.id = ANY (p_ids)
  UNION ALL
  SELECT pc.id, c.reference FROM paternity_claims pc JOIN cases c ON c.id = pc.case_id
  WHERE conduct_actor_role() = 'auditor' AND pc.id = ANY (p_ids)
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION conduct_audit_subject_names(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_audit_subject_names(uuid[]) TO conduct_app;
