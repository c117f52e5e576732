-- Why: one UN — a case held by one unit may be shared with a unit of another entity by an explicit,
-- audited referral of the case's managers (MONUSCO shares a case with UNICEF's office, which assists
-- the child victims). While the share lasts, that unit's conduct and victim-assistance staff read the
-- case and its records and add notes; what they may do there is the app's rule, as for every reader.
-- The rules read the shares through one function answering the actor's shared cases once per query
-- (a subquery: called bare, it would run for every row), so lists over a million cases stay as fast.
CREATE TABLE "case_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"reason" text NOT NULL,
	"shared_by" text,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text
);
--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_unit_code_missions_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."missions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_shares_case_idx" ON "case_shares" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_shares_unit_idx" ON "case_shares" USING btree ("unit_code");
--> statement-breakpoint
CREATE INDEX "case_shares_active_unit_idx" ON "case_shares" ("unit_code", "case_id") WHERE ended_at IS NULL;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_shares" TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_actor_shared_cases() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT coalesce(array_agg(s.case_id), '{}') FROM case_shares s
  WHERE conduct_actor_role() IN ('cdt_officer', 'victim_assistance')
    AND s.ended_at IS NULL AND s.unit_code = ANY (conduct_actor_missions())
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_actor_shared_cases() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_actor_shared_cases() TO conduct_app;
--> statement-breakpoint
DROP POLICY cases_need_to_know ON "cases";
--> statement-breakpoint
CREATE POLICY cases_need_to_know ON "cases"
  USING (conduct_can_see_case(id, mission_code, nationality_codes, headquarters_only)
    OR id = ANY ((SELECT conduct_actor_shared_cases())::uuid[]))
  WITH CHECK (conduct_can_see_case(id, mission_code, nationality_codes, headquarters_only)
    OR id = ANY ((SELECT conduct_actor_shared_cases())::uuid[]));
--> statement-breakpoint
DROP POLICY case_nationalities_need_to_know ON case_nationalities;
--> statement-breakpoint
CREATE POLICY case_nationalities_need_to_know ON case_nationalities FOR SELECT
  USING (conduct_can_see_case(case_id, mission_code, ARRAY[nationality_code], headquarters_only)
    OR case_id = ANY ((SELECT conduct_actor_shared_cases())::uuid[]));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_can_see_case_id(p_case_id uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT coalesce((SELECT conduct_can_see_case(c.id, c.mission_code, c.nationality_codes, c.headquarters_only)
      OR c.id = ANY ((SELECT conduct_actor_shared_cases())::uuid[])
    FROM cases c WHERE c.id = p_case_id), false)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_known_allegation_pairs(p_case_id uuid) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce((
    SELECT array(SELECT pair FROM unnest(c.allegation_pairs) AS pair
                 WHERE split_part(pair, ':', 2) = '' OR conduct_sees_country(split_part(pair, ':', 2)) ORDER BY pair)
    FROM cases c WHERE c.id = p_case_id
      AND (conduct_can_see_case(c.id, c.mission_code, c.nationality_codes, c.headquarters_only)
        OR c.id = ANY ((SELECT conduct_actor_shared_cases())::uuid[]))
  ), '{}'::text[])
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION conduct_known_allegation_units()
RETURNS TABLE (case_id uuid, year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, u.year, u.mission_code, u.category_code, u.nationality_code
  FROM cases c CROSS JOIN LATERAL conduct_case_allegation_units(c) u
  WHERE (conduct_can_see_case(c.id, c.mission_code, c.nationality_codes, c.headquarters_only)
      OR c.id = ANY ((SELECT conduct_actor_shared_cases())::uuid[]))
    AND (u.nationality_code = '' OR conduct_sees_country(u.nationality_code))
$$;
--> statement-breakpoint
ALTER TABLE "case_shares" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Those who see the case see with whom it is shared; sharing and ending a share are its managers' (the app decides who).
CREATE POLICY case_shares_need_to_know ON "case_shares"
  USING (conduct_can_see_case_id(case_id))
  WITH CHECK (conduct_can_see_case_id(case_id) AND conduct_is_case_manager());
