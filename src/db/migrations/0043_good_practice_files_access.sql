-- Why: a practice's files are seen by whoever sees the practice (once published, everyone); they are
-- added or removed by headquarters, or by the sharing State's focal point while the practice is a
-- draft or returned — as the practice itself is edited.
CREATE FUNCTION conduct_edits_practice(p_practice uuid) RETURNS boolean
LANGUAGE sql STABLE AS
$$
  SELECT EXISTS (
    SELECT 1 FROM good_practices p WHERE p.id = p_practice AND (
      conduct_actor_role() IN ('system', 'cds_officer')
      OR (conduct_actor_role() = 'member_state_focal_point' AND conduct_actor_country() = ANY (p.country_codes) AND p.status IN ('draft', 'returned'))))
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "good_practice_files" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "good_practice_files" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY good_practice_files_read ON "good_practice_files" FOR SELECT
  USING (EXISTS (SELECT 1 FROM good_practices p WHERE p.id = practice_id));
--> statement-breakpoint
CREATE POLICY good_practice_files_add ON "good_practice_files" FOR INSERT WITH CHECK (conduct_edits_practice(practice_id));
--> statement-breakpoint
CREATE POLICY good_practice_files_remove ON "good_practice_files" FOR DELETE USING (conduct_edits_practice(practice_id));
