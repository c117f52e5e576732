-- Why: a Member State's focal point must learn nothing of another State's nationals, and that must
-- hold in the database, not only in the app's policy, so that a new route which forgets the policy
-- cannot leak it. A case's nationalities get their own rows, read under row-level security (a State
-- sees its own nationals only), kept by a trigger from `cases.nationality_codes`; the app role loses
-- SELECT on the two arrays that name nationalities (`nationality_codes`, `allegation_pairs`) and keeps
-- writing them. Counting, publication and the policies read the arrays as the owner, as before.
CREATE TABLE "case_nationalities" (
	"case_id" uuid NOT NULL,
	"nationality_code" text NOT NULL,
	"position" integer NOT NULL,
	"mission_code" text NOT NULL,
	"headquarters_only" boolean NOT NULL,
	CONSTRAINT "case_nationalities_case_id_nationality_code_pk" PRIMARY KEY("case_id","nationality_code")
);
--> statement-breakpoint
ALTER TABLE "case_nationalities" ADD CONSTRAINT "case_nationalities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_nationalities_code_idx" ON "case_nationalities" USING btree ("nationality_code","case_id");
--> statement-breakpoint
INSERT INTO case_nationalities (case_id, nationality_code, position, mission_code, headquarters_only)
  SELECT c.id, n.code, min(n.position)::int, c.mission_code, c.headquarters_only
  FROM cases c CROSS JOIN LATERAL unnest(c.nationality_codes) WITH ORDINALITY AS n(code, position)
  GROUP BY c.id, n.code;
--> statement-breakpoint
-- Statement triggers with transition tables, like the kept counts: an import writes thousands of cases at once.
CREATE FUNCTION conduct_keep_case_nationalities() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- Each branch names only the transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_nationalities (case_id, nationality_code, position, mission_code, headquarters_only)
      SELECT c.id, n.code, min(n.position)::int, c.mission_code, c.headquarters_only
      FROM new_cases c CROSS JOIN LATERAL unnest(c.nationality_codes) WITH ORDINALITY AS n(code, position)
      GROUP BY c.id, c.mission_code, c.headquarters_only, n.code;
  ELSE
    -- A case whose nationalities or scope changed has its rows written again.
    DELETE FROM case_nationalities k USING new_cases n JOIN old_cases o ON o.id = n.id
      WHERE k.case_id = n.id
        AND (n.nationality_codes, n.mission_code, n.headquarters_only) IS DISTINCT FROM (o.nationality_codes, o.mission_code, o.headquarters_only);
    INSERT INTO case_nationalities (case_id, nationality_code, position, mission_code, headquarters_only)
      SELECT c.id, n.code, min(n.position)::int, c.mission_code, c.headquarters_only
      FROM new_cases c JOIN old_cases o ON o.id = c.id
      CROSS JOIN LATERAL unnest(c.nationality_codes) WITH ORDINALITY AS n(code, position)
      WHERE (c.nationality_codes, c.mission_code, c.headquarters_only) IS DISTINCT FROM (o.nationality_codes, o.mission_code, o.headquarters_only)
      GROUP BY c.id, c.mission_code, c.headquarters_only, n.code;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_keep_nationalities_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_case_nationalities();
--> statement-breakpoint
CREATE TRIGGER cases_keep_nationalities_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION conduct_keep_case_nationalities();
--> statement-breakpoint
ALTER TABLE case_nationalities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The case's own rule, with this row's nationality as the case's: a State sees the rows of its own
-- nationals (on cases it therefore sees), others the rows of the cases they see. The row carries the
-- case's scope, so a count over thousands of cases reads no case twice.
CREATE POLICY case_nationalities_need_to_know ON case_nationalities FOR SELECT
  USING (conduct_can_see_case(case_id, mission_code, ARRAY[nationality_code], headquarters_only));
--> statement-breakpoint
GRANT SELECT ON case_nationalities TO conduct_app;
--> statement-breakpoint
REVOKE SELECT ON cases FROM conduct_app;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE (SELECT format('GRANT SELECT (%s) ON cases TO conduct_app', string_agg(quote_ident(attname), ', ' ORDER BY attnum))
    FROM pg_attribute WHERE attrelid = 'cases'::regclass AND attnum > 0 AND NOT attisdropped
      AND attname NOT IN ('nationality_codes', 'allegation_pairs'));
END $$;
--> statement-breakpoint
-- A case's pairs as its reader may know them (only a State's own nationals' pairs for a State): the
-- import adds to them without reading the column it may not select.
CREATE FUNCTION conduct_known_allegation_pairs(p_case_id uuid) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce((
    SELECT array(SELECT pair FROM unnest(c.allegation_pairs) AS pair
                 WHERE split_part(pair, ':', 2) = '' OR conduct_sees_country(split_part(pair, ':', 2)) ORDER BY pair)
    FROM cases c WHERE c.id = p_case_id AND conduct_can_see_case(c.id, c.mission_code, c.nationality_codes, c.headquarters_only)
  ), '{}'::text[])
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION conduct_known_allegation_pairs(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_known_allegation_pairs(uuid) TO conduct_app;
--> statement-breakpoint
-- The allegations of every case the reader may see, counted by the rule, without another State's nationals.
CREATE FUNCTION conduct_known_allegation_units()
RETURNS TABLE (case_id uuid, year int, mission_code text, category_code text, nationality_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, u.year, u.mission_code, u.category_code, u.nationality_code
  FROM cases c CROSS JOIN LATERAL conduct_case_allegation_units(c) u
  WHERE conduct_can_see_case(c.id, c.mission_code, c.nationality_codes, c.headquarters_only)
    AND (u.nationality_code = '' OR conduct_sees_country(u.nationality_code))
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION conduct_known_allegation_units() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_known_allegation_units() TO conduct_app;
--> statement-breakpoint
-- Possible duplicates compare nationalities through the rows the reader may see.
CREATE OR REPLACE FUNCTION conduct_possible_duplicate_cases(p_report_id uuid)
RETURNS TABLE (case_id uuid, reference text, date_reported date, same_nationality boolean, same_category boolean)
LANGUAGE sql STABLE AS
$$
  SELECT c.id, c.reference, c.date_reported, same.nationality, c.category_codes && r.personnel_category_codes
  FROM reports r
  JOIN cases c ON c.mission_code = r.mission_code
  CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM case_nationalities n
    WHERE n.case_id = c.id AND n.nationality_code = ANY (r.nationality_codes)) AS nationality) same
  WHERE r.id = p_report_id
    AND c.id IS DISTINCT FROM r.case_id
    AND (same.nationality OR c.category_codes && r.personnel_category_codes)
    AND ((r.incident_date IS NOT NULL AND c.date_of_incident BETWEEN r.incident_date - 30 AND r.incident_date + 30)
      OR c.date_reported BETWEEN (r.received_at AT TIME ZONE 'UTC')::date - 30 AND (r.received_at AT TIME ZONE 'UTC')::date + 30)
  ORDER BY abs(c.date_reported - (r.received_at AT TIME ZONE 'UTC')::date), c.reference
  LIMIT 5
$$;
--> statement-breakpoint
-- The audit trail holds the case history a State reads; its events name referrals, investigations and
-- alleged perpetrators. A State reads only the events of cases it sees (and its own), and none that
-- names another State, its referral, its investigation or its nationals. Row-level security on the
-- referred rows decides (this function runs as its caller).
CREATE FUNCTION conduct_state_knows_event(p_actor text, p_action text, p_subject_type text, p_subject_id text, p_details jsonb)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT (p_actor = conduct_actor_id()
      OR (p_subject_type = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id::text = p_subject_id))
      OR EXISTS (SELECT 1 FROM cases c WHERE c.id::text IN (SELECT jsonb_array_elements_text(p_details -> 'caseIds'))))
    AND coalesce(p_details ->> 'countryCode' = conduct_actor_country(), true)
    AND (p_action NOT LIKE 'case.document%' OR p_details ? 'referralId')
    AND (NOT p_details ? 'perpetratorId'
      OR EXISTS (SELECT 1 FROM perpetrators p WHERE p.id::text = p_details ->> 'perpetratorId'))
    AND (NOT p_details ? 'perpetratorCode'
      OR EXISTS (SELECT 1 FROM perpetrators p WHERE p.case_id::text = p_subject_id AND p.code = p_details ->> 'perpetratorCode'))
    AND (NOT p_details ? 'investigationId'
      OR EXISTS (SELECT 1 FROM investigations i WHERE i.id::text = p_details ->> 'investigationId'))
    AND (NOT p_details ? 'referralId'
      OR EXISTS (SELECT 1 FROM referrals r WHERE r.id::text = p_details ->> 'referralId'))
$$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_events_read ON audit_events FOR SELECT
  USING (conduct_actor_role() <> 'member_state_focal_point'
    OR conduct_state_knows_event(actor_id, action, subject_type, subject_id, details));
--> statement-breakpoint
-- The chain's last link is read whoever writes, including a State that may not read that event.
CREATE OR REPLACE FUNCTION conduct_lock_audit_chain() RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('conduct-ledger-audit-chain'));
  RETURN (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1);
END
$$;
