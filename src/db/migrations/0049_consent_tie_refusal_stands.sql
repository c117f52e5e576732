-- Why: two answers on consent given the same day and recorded at the same instant must give one
-- result whatever order they are read in; as in src/domain/victims.ts, the refusal stands.
CREATE OR REPLACE FUNCTION conduct_consent_in_force(p_victim_id uuid, p_recipient text)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT coalesce((SELECT c.granted FROM victim_consents c WHERE c.victim_id = p_victim_id AND c.recipient = p_recipient
     ORDER BY c.given_on DESC, c.created_at DESC, c.granted ASC LIMIT 1), false) $$;
