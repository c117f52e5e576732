// The entities of the UN system that hold conduct and discipline records on one platform ("one UN"):
// Secretariat departments (peace operations and special political missions are their units), funds
// and programmes, other entities, specialized agencies, related organisations; implementing partners
// and non-UN forces are added by an installation. Each entity's units are the operations, missions
// and country offices where records are kept (the `missions` table); a unit belongs to one entity.
// Names and short names in the six languages are vocabulary (groups unEntities, unEntityAcronyms).
import type { MissionKind } from "./missions.js";

export const unEntityKinds = [
  "secretariat",
  "fund_programme",
  "other_entity",
  "specialized_agency",
  "related_organization",
  "implementing_partner",
  "non_un_force",
] as const;
export type UnEntityKind = (typeof unEntityKinds)[number];

export interface UnEntitySeed {
  code: string;
  kind: UnEntityKind;
}

export const unEntitySeeds: UnEntitySeed[] = [
  { code: "DPO", kind: "secretariat" },
  { code: "DPPA", kind: "secretariat" },
  { code: "OCHA", kind: "secretariat" },
  { code: "UNSEC", kind: "secretariat" },
  { code: "UNDP", kind: "fund_programme" },
  { code: "UNFPA", kind: "fund_programme" },
  { code: "UNICEF", kind: "fund_programme" },
  { code: "WFP", kind: "fund_programme" },
  { code: "UNHCR", kind: "other_entity" },
  { code: "UNOPS", kind: "other_entity" },
  { code: "UNRWA", kind: "other_entity" },
  { code: "UNWOMEN", kind: "other_entity" },
  { code: "WHO", kind: "specialized_agency" },
  { code: "IOM", kind: "related_organization" },
];

/** The entity a unit of each kind belongs to when the unit does not say (the units before entities). */
export const entityOfMissionKind: Record<Exclude<MissionKind, "entity_office">, string> = {
  peacekeeping_operation: "DPO",
  special_political_mission: "DPPA",
  other_entity: "UNSEC",
};
