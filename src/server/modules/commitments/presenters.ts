// How the commitments area's records are answered: the fields each reader gets and their abilities.
import type { commitments } from "../../../db/schema.js";

export const presentCommitment = (row: typeof commitments.$inferSelect) => ({
  id: row.id,
  kind: row.kind,
  countryCode: row.countryCode,
  member: row.member,
  joinedOn: row.joinedOn,
});
