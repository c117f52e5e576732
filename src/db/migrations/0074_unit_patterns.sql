-- Why: a pattern of SEA in a unit (resolution 2272) shows in its allegations per 1,000 personnel
-- against its mission's. A unit's allegations are counted once per case its people are implicated
-- in, SEA by outcome and other misconduct, in one row per unit kept as perpetrators, findings and
-- allegation types change, so thousands of units compare without reading a case. Headquarters'
-- decisions on a unit's record are kept beside them. Both are read by whoever sees the unit (a
-- State its own units only).
CREATE TABLE "unit_allegation_counts" (
	"contingent_id" uuid PRIMARY KEY NOT NULL,
	"substantiated" integer NOT NULL,
	"not_substantiated" integer NOT NULL,
	"pending" integer NOT NULL,
	"other_misconduct" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contingent_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"decided_on" date NOT NULL,
	"grounds" text NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_allegation_counts" ADD CONSTRAINT "unit_allegation_counts_contingent_id_contingents_id_fk" FOREIGN KEY ("contingent_id") REFERENCES "public"."contingents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_decisions" ADD CONSTRAINT "unit_decisions_contingent_id_contingents_id_fk" FOREIGN KEY ("contingent_id") REFERENCES "public"."contingents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_decisions_unit_idx" ON "unit_decisions" USING btree ("contingent_id","decided_on");--> statement-breakpoint
CREATE INDEX "perpetrators_unit_idx" ON "perpetrators" USING btree ("contingent_id");
--> statement-breakpoint
CREATE FUNCTION conduct_recount_units(p_units uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  units uuid[] := ARRAY(SELECT DISTINCT u FROM unnest(p_units) u WHERE u IS NOT NULL ORDER BY u);
BEGIN
  IF cardinality(units) = 0 THEN RETURN; END IF;
  -- One recount of a unit at a time, in a fixed order: the second waits, then counts what the first
  -- committed. NO KEY UPDATE leaves the foreign-key checks of new perpetrators unblocked.
  PERFORM 1 FROM contingents WHERE id = ANY (units) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM unit_allegation_counts WHERE contingent_id = ANY (units);
  INSERT INTO unit_allegation_counts (contingent_id, substantiated, not_substantiated, pending, other_misconduct)
    SELECT per_case.contingent_id,
      count(*) FILTER (WHERE per_case.sea AND per_case.outcome = 'substantiated'),
      count(*) FILTER (WHERE per_case.sea AND per_case.outcome = 'not_substantiated'),
      count(*) FILTER (WHERE per_case.sea AND per_case.outcome = 'pending'),
      count(*) FILTER (WHERE NOT per_case.sea)
    FROM (
      SELECT p.contingent_id, conduct_is_sea(c.allegation_codes) AS sea,
        CASE WHEN bool_or(f.finding = 'substantiated') THEN 'substantiated'
          WHEN count(f.finding) > 0 THEN 'not_substantiated' ELSE 'pending' END AS outcome
      -- A join, not "= ANY (units)": a recount of thousands of units (an import) stays a hash join.
      FROM unnest(units) AS unit(id) JOIN perpetrators p ON p.contingent_id = unit.id
      JOIN cases c ON c.id = p.case_id LEFT JOIN findings f ON f.perpetrator_id = p.id
      GROUP BY p.contingent_id, c.id
    ) per_case
    GROUP BY 1;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_recount_units(uuid[]) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION conduct_recount_perpetrators_units() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  -- Each branch names only the transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    PERFORM conduct_recount_units(ARRAY(SELECT contingent_id FROM new_perpetrators));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM conduct_recount_units(ARRAY(SELECT contingent_id FROM old_perpetrators));
  ELSE
    PERFORM conduct_recount_units(ARRAY(
      SELECT unnest(ARRAY[o.contingent_id, n.contingent_id])
      FROM old_perpetrators o JOIN new_perpetrators n ON n.id = o.id
      WHERE (o.contingent_id, o.case_id) IS DISTINCT FROM (n.contingent_id, n.case_id)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_recount_findings_units() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM conduct_recount_units(ARRAY(
      SELECT p.contingent_id FROM perpetrators p WHERE p.id IN (SELECT perpetrator_id FROM new_findings)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM conduct_recount_units(ARRAY(
      SELECT p.contingent_id FROM perpetrators p WHERE p.id IN (SELECT perpetrator_id FROM old_findings)));
  ELSE
    PERFORM conduct_recount_units(ARRAY(
      SELECT p.contingent_id FROM perpetrators p
      WHERE p.id IN (SELECT perpetrator_id FROM old_findings UNION SELECT perpetrator_id FROM new_findings)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION conduct_recount_cases_units() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  -- Only a change of allegation types moves a case between SEA and other misconduct.
  PERFORM conduct_recount_units(ARRAY(
    SELECT p.contingent_id FROM old_cases o JOIN new_cases n ON n.id = o.id JOIN perpetrators p ON p.case_id = n.id
    WHERE o.allegation_codes IS DISTINCT FROM n.allegation_codes AND p.contingent_id IS NOT NULL));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER perpetrators_unit_counts_insert AFTER INSERT ON perpetrators REFERENCING NEW TABLE AS new_perpetrators
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_recount_perpetrators_units();
--> statement-breakpoint
CREATE TRIGGER perpetrators_unit_counts_update AFTER UPDATE ON perpetrators
  REFERENCING OLD TABLE AS old_perpetrators NEW TABLE AS new_perpetrators
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_recount_perpetrators_units();
--> statement-breakpoint
CREATE TRIGGER perpetrators_unit_counts_delete AFTER DELETE ON perpetrators REFERENCING OLD TABLE AS old_perpetrators
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_recount_perpetrators_units();
--> statement-breakpoint
CREATE TRIGGER findings_unit_counts_insert AFTER INSERT ON findings REFERENCING NEW TABLE AS new_findings
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_recount_findings_units();
--> statement-breakpoint
CREATE TRIGGER findings_unit_counts_update AFTER UPDATE ON findings
  REFERENCING OLD TABLE AS old_findings NEW TABLE AS new_findings
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_recount_findings_units();
--> statement-breakpoint
CREATE TRIGGER findings_unit_counts_delete AFTER DELETE ON findings REFERENCING OLD TABLE AS old_findings
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_recount_findings_units();
--> statement-breakpoint
CREATE TRIGGER cases_unit_counts_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases
  FOR EACH STATEMENT EXECUTE FUNCTION conduct_recount_cases_units();
--> statement-breakpoint
SELECT conduct_recount_units(ARRAY(SELECT id FROM contingents));
--> statement-breakpoint
-- Each mission's SEA allegations per 1,000 personnel of its units, for comparing a unit with its
-- mission: an aggregate over every State's units, so read past the units' row-level security.
CREATE FUNCTION conduct_mission_unit_rates(p_missions text[])
RETURNS TABLE (mission_code text, strength bigint, sea_allegations bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT c.mission_code, sum(c.strength)::bigint,
    coalesce(sum(u.substantiated + u.not_substantiated + u.pending), 0)::bigint
  FROM contingents c LEFT JOIN unit_allegation_counts u ON u.contingent_id = c.id
  WHERE c.mission_code = ANY (p_missions)
  GROUP BY c.mission_code
$$;
--> statement-breakpoint
ALTER TABLE "unit_allegation_counts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY unit_allegation_counts_scope ON "unit_allegation_counts"
  USING (EXISTS (SELECT 1 FROM contingents c WHERE c.id = contingent_id));
--> statement-breakpoint
GRANT SELECT ON "unit_allegation_counts" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "unit_decisions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY unit_decisions_scope ON "unit_decisions"
  USING (EXISTS (SELECT 1 FROM contingents c WHERE c.id = contingent_id))
  WITH CHECK (conduct_actor_role() IN ('system', 'cds_officer') AND EXISTS (SELECT 1 FROM contingents c WHERE c.id = contingent_id));
--> statement-breakpoint
GRANT SELECT, INSERT ON "unit_decisions" TO conduct_app;
