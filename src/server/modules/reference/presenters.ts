// How the reference area's records are answered: the fields each reader gets and their abilities.
import type { missions } from "../../../db/schema.js";
import type { Actor } from "../../auth/actor.js";
import { referencePolicy } from "../../auth/policies/index.js";

export type MissionRow = typeof missions.$inferSelect;

export const presentMission = (row: MissionRow, actor: Actor) => ({
  code: row.code,
  entityCode: row.entityCode,
  name: row.name,
  nameFr: row.nameFr,
  kind: row.kind,
  hostCountryCode: row.hostCountryCode,
  location: row.location,
  startYear: row.startYear,
  endYear: row.endYear,
  current: row.endYear === null,
  version: row.version,
  can: { edit: referencePolicy.manage(actor) },
});
