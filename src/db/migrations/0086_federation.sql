-- Why: one UN — an entity that keeps its own installation contributes to the system-wide picture by
-- signed bundles of its published figures and its screening hashes, never case content. This
-- installation's signing key is made once and kept encrypted; a hub keeps its members' keys, their
-- figures (readable like its own published counts) and their hashes (reached, like its own list,
-- only through the function that answers which entries a set of hashes meets).
CREATE TABLE "federation_allegation_counts" (
	"member_code" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"entity_code" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "federation_allegation_counts_member_code_year_quarter_entity_code_category_status_pk" PRIMARY KEY("member_code","year","quarter","entity_code","category","status")
);
--> statement-breakpoint
CREATE TABLE "federation_identity" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_members" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"entity_codes" text[] NOT NULL,
	"last_made_at" timestamp with time zone,
	"last_merged_at" timestamp with time zone,
	"last_digest" text,
	"figures" integer DEFAULT 0 NOT NULL,
	"hashes" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_screening_keys" (
	"member_code" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"strength" text NOT NULL,
	"reason" text NOT NULL,
	"listed_by" text,
	CONSTRAINT "federation_screening_keys_member_code_entry_id_key_hash_pk" PRIMARY KEY("member_code","entry_id","key_hash")
);
--> statement-breakpoint
CREATE INDEX "federation_screening_keys_hash_idx" ON "federation_screening_keys" USING btree ("key_hash");
--> statement-breakpoint
GRANT SELECT, INSERT ON "federation_identity" TO conduct_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "federation_members" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "federation_members" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY federation_members_read ON "federation_members" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY federation_members_add ON "federation_members" FOR INSERT
  WITH CHECK ((SELECT conduct_actor_role()) IN ('system', 'administrator'));
--> statement-breakpoint
CREATE POLICY federation_members_merge ON "federation_members" FOR UPDATE
  USING ((SELECT conduct_actor_role()) IN ('system', 'administrator'))
  WITH CHECK ((SELECT conduct_actor_role()) IN ('system', 'administrator'));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "federation_allegation_counts" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "federation_allegation_counts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY federation_allegation_counts_read ON "federation_allegation_counts" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY federation_allegation_counts_add ON "federation_allegation_counts" FOR INSERT
  WITH CHECK ((SELECT conduct_actor_role()) IN ('system', 'administrator'));
--> statement-breakpoint
CREATE POLICY federation_allegation_counts_replace ON "federation_allegation_counts" FOR DELETE
  USING ((SELECT conduct_actor_role()) IN ('system', 'administrator'));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "federation_screening_keys" TO conduct_app;
--> statement-breakpoint
ALTER TABLE "federation_screening_keys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY federation_screening_keys_merge ON "federation_screening_keys"
  USING ((SELECT conduct_actor_role()) IN ('system', 'administrator'))
  WITH CHECK ((SELECT conduct_actor_role()) IN ('system', 'administrator'));
--> statement-breakpoint
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
  UNION ALL
  SELECT f.key_hash, f.entry_id, f.strength, f.reason, NULL, f.listed_by
  FROM federation_screening_keys f
  WHERE f.key_hash = ANY (p_hashes)
    AND conduct_actor_role() IN ('system', 'cds_officer', 'cdt_officer')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_screening_hits(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_screening_hits(text[]) TO conduct_app;
--> statement-breakpoint
CREATE FUNCTION conduct_screening_export(p_after_entry uuid, p_after_hash text, p_limit int)
RETURNS TABLE (entry_id uuid, key_hash text, strength text, reason text, listed_by text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  -- A page of keys in key order first (the primary key's index), then what each entry says.
  SELECT k.entry_id, k.key_hash, k.strength, e.reason, m.entity_code
  FROM (
    SELECT entry_id, key_hash, strength FROM screening_keys
    WHERE (entry_id, key_hash) > (p_after_entry, p_after_hash)
      AND (SELECT conduct_actor_role()) IN ('system', 'administrator')
    ORDER BY entry_id, key_hash
    LIMIT p_limit
  ) k
  JOIN screening_entries e ON e.id = k.entry_id
  LEFT JOIN cases c ON c.id = e.case_id
  LEFT JOIN missions m ON m.code = c.mission_code
  ORDER BY k.entry_id, k.key_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION conduct_screening_export(uuid, text, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_screening_export(uuid, text, int) TO conduct_app;
