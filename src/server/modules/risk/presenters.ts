// How the risk area's records are answered: the fields each reader gets and their abilities.
import type { riskMitigations } from "../../../db/schema.js";
import { presentFollowUp } from "../../follow-ups.js";

export const presentMitigation = (m: typeof riskMitigations.$inferSelect, today?: string) => ({
  ...presentFollowUp(m, today),
  factorKind: m.factorKind,
});
