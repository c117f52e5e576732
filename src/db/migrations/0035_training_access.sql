-- Why: training records hold no personal data (attendance is kept as keyed hashes of service
-- numbers), but a State's contingents and national training are its own business: headquarters and
-- analysts read everything, a mission's team its mission's contingents and sessions, a State's focal
-- point its own contingents and its national training, which it alone records and certifies.
CREATE FUNCTION conduct_contingent_mission(p_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT mission_code FROM contingents WHERE id = p_id $$;
--> statement-breakpoint
CREATE FUNCTION conduct_reads_training(p_mission text, p_country text, p_contingent uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() IN ('system', 'cds_officer', 'analyst')
  OR (conduct_actor_role() = 'cdt_officer' AND (p_mission = ANY (conduct_actor_missions()) OR conduct_contingent_mission(p_contingent) = ANY (conduct_actor_missions())))
  OR (conduct_actor_role() = 'member_state_focal_point' AND p_country = conduct_actor_country()) $$;
--> statement-breakpoint
-- A mission's team records in-mission training; a State records its national training (no mission).
CREATE FUNCTION conduct_keeps_training(p_mission text, p_country text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT conduct_actor_role() IN ('system', 'cds_officer')
  OR (conduct_actor_role() = 'cdt_officer' AND p_mission = ANY (conduct_actor_missions()))
  OR (conduct_actor_role() = 'member_state_focal_point' AND p_mission IS NULL AND p_country = conduct_actor_country()) $$;
--> statement-breakpoint
CREATE FUNCTION conduct_session_access(p_session uuid, p_write boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT CASE WHEN p_write THEN conduct_keeps_training(s.mission_code, s.country_code) ELSE conduct_reads_training(s.mission_code, s.country_code, s.contingent_id) END
  FROM training_sessions s WHERE s.id = p_session), false) $$;
--> statement-breakpoint
GRANT SELECT, INSERT ON "training_courses", "contingents" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "training_sessions" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "training_attendance" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "training_courses" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_courses_catalogue ON "training_courses"
  USING (conduct_actor_role() IS NOT NULL) WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer'));
--> statement-breakpoint
ALTER TABLE "contingents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contingents_scope ON "contingents"
  USING (conduct_actor_role() IN ('system', 'cds_officer', 'analyst')
    OR (conduct_actor_role() = 'cdt_officer' AND mission_code = ANY (conduct_actor_missions()))
    OR (conduct_actor_role() = 'member_state_focal_point' AND country_code = conduct_actor_country()))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer') OR (conduct_actor_role() = 'cdt_officer' AND mission_code = ANY (conduct_actor_missions())));
--> statement-breakpoint
ALTER TABLE "training_sessions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_sessions_scope ON "training_sessions"
  USING (conduct_reads_training(mission_code, country_code, contingent_id))
  WITH CHECK (conduct_keeps_training(mission_code, country_code));
--> statement-breakpoint
ALTER TABLE "training_attendance" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_attendance_scope ON "training_attendance"
  USING (conduct_session_access(session_id, false)) WITH CHECK (conduct_session_access(session_id, true));
--> statement-breakpoint
-- The standard courses (UN Core Pre-deployment Training Materials, induction, refresher, the SEA
-- e-learning, NIO training of trainers); headquarters adds others.
INSERT INTO "training_courses" ("code", "title", "kind", "validity_months") VALUES
  ('CPTM-CD', 'Core pre-deployment training: conduct and discipline, prevention of sexual exploitation and abuse', 'pre_deployment', 12),
  ('IND-CD', 'In-mission induction on conduct and discipline', 'induction', 12),
  ('REF-CD', 'Conduct and discipline refresher', 'refresher', 12),
  ('ELRN-PSEA', 'Preventing sexual exploitation and abuse (e-learning)', 'sea_elearning', 36),
  ('NIO-TOT', 'Training of trainers for National Investigation Officers', 'nio_training_of_trainers', 36)
ON CONFLICT ("code") DO NOTHING;
