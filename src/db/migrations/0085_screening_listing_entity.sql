-- Why: one UN — every entity screens against every entity's list, and an answer must say which
-- entity listed the person (its unit's entity), so the screener knows whom to ask, while the case
-- itself is named only to those who may see it. Entries put on the list by hand name none.
DROP FUNCTION conduct_screening_hits(text[]);
--> statement-breakpoint
CREATE FUNCTION conduct_screening_hits(p_hashes text[])
RETURNS TABLE (key_hash text, entry_id uuid, strength text, reason text, case_id uuid, listed_by text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT k.key_hash, k.entry_id, k.strength, e.reason, e.case_id, m.entity_code
  FROM screening_keys k JOIN screening_entries e ON e.id = k.entry_id
  LEFT JOIN cases c ON c.id = e.case_id
  LEFT JOIN missions m ON m.code = c.mission_code
  WHERE k.key_hash = ANY (p_hashes)
    AND conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_screening_hits(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_screening_hits(text[]) TO conduct_app;
