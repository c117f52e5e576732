-- Why: under row-level security PostgreSQL uses an index only for operators marked LEAKPROOF
-- (otherwise a crafted query could see rows through an operator's side effects, such as its error
-- messages). Full-text match (@@) and array containment (@>, the case list's category, nationality
-- and type filters) raise no errors that depend on a row's data, so they are safe to mark; without
-- the mark, a search over a million cases reads them all. Only a superuser may mark a built-in
-- function: on an owner without that right this does nothing, and search stays correct, only slower.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
    ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF;
  END IF;
END
$$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS conduct_cases_matching(text);
