-- Why: a unit's kept counts are seen by whoever sees the unit. Asked as EXISTS, the rule looked the
-- unit up once per row: comparing every mission's 5,000 units made 5,000 lookups. Asked as IN, the
-- units the caller sees are read once into a hash and each row is checked against it. Same rows.
ALTER POLICY unit_allegation_counts_scope ON "unit_allegation_counts"
  USING (contingent_id IN (SELECT c.id FROM contingents c));
