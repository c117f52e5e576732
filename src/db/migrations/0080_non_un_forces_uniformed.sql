-- Why: the system-wide categories of personnel (src/domain/reference/personnel.ts) add non-UN forces
-- under a Security Council mandate, counted per contributing State like the UN's own uniformed
-- personnel. The list stays written out (immutable, inlined in every figure); a test holds it to the
-- domain's. No case holds the new category yet: nothing to recount.
CREATE OR REPLACE FUNCTION conduct_is_uniformed(category text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT category IN ('MIL_MC', 'MIL_MO', 'POL_UNPOL', 'POL_FPU', 'NON_UN_FORCE') $$;
