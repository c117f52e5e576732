-- Why: a new case number must skip numbers already in use, including cases the allocating officer
-- may not see (another mission's, or imported records that keep their own reference). This answers
-- only "is this number taken", without revealing anything else about the case.
CREATE FUNCTION conduct_case_reference_taken(p_reference text)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM cases WHERE reference = p_reference) $$;
