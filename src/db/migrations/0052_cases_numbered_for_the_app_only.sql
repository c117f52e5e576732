-- Why: conduct_cases_numbered (0051) runs as its owner, past row-level security; as with the
-- functions of 0041, 0047 and 0048, only the application's role may call it.
REVOKE EXECUTE ON FUNCTION conduct_cases_numbered(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION conduct_cases_numbered(text) TO conduct_app;
