-- Why: a hub's administrator removes a member installation (it left the federation, or its key was
-- lost): its figures and screening hashes stop counting here, and its row goes, so that it may be
-- registered again under a new key. Only administrators (and the system) delete.
GRANT DELETE ON "federation_members" TO conduct_app;
--> statement-breakpoint
CREATE POLICY federation_members_remove ON "federation_members" FOR DELETE
  USING ((SELECT conduct_actor_role()) IN ('system', 'administrator'));
