-- Why: the screening list names people not to deploy or hire, through keyed hashes only. Headquarters
-- keeps the list; officers who screen candidates reach it through one function that answers which
-- entries a set of hashes meets — never the list itself. The secret is readable by the app role
-- (encrypted under the data key) so that every instance hashes alike.
GRANT SELECT, INSERT ON "screening_secrets" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "screening_entries", "screening_keys" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "screening_entries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_entries_hq ON "screening_entries"
  USING (conduct_actor_role() IN ('system', 'cds_officer')) WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
ALTER TABLE "screening_keys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_keys_hq ON "screening_keys"
  USING (conduct_actor_role() IN ('system', 'cds_officer')) WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
CREATE FUNCTION conduct_screening_hits(p_hashes text[])
RETURNS TABLE (key_hash text, entry_id uuid, strength text, reason text, case_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT k.key_hash, k.entry_id, k.strength, e.reason, e.case_id
  FROM screening_keys k JOIN screening_entries e ON e.id = k.entry_id
  WHERE k.key_hash = ANY (p_hashes)
    AND conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_screening_hits(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_screening_hits(text[]) TO conduct_app;
