// The SEA allegation types and the misconduct taxonomy (since 2021: serious misconduct and
// misconduct, each by thematic area and type).
export interface AllegationTypeSeed {
  code: string;
  kind: "SE" | "SA";
}

export const allegationTypeSeeds: AllegationTypeSeed[] = [
  { code: "SE_TRANSACTIONAL_SEX", kind: "SE" },
  { code: "SE_SOLICITATION", kind: "SE" },
  { code: "SE_EXPLOITATIVE_RELATIONSHIP", kind: "SE" },
  { code: "SA_RAPE", kind: "SA" },
  { code: "SA_SEXUAL_ASSAULT", kind: "SA" },
  { code: "SA_MINOR", kind: "SA" },
  // Historical records published before the type was recorded (and imported from them) say only SE or SA.
  { code: "SE_UNSPECIFIED", kind: "SE" },
  { code: "SA_UNSPECIFIED", kind: "SA" },
];

export const misconductLevels = ["serious_misconduct", "misconduct"] as const;

export const thematicAreas = [
  "traffic_related_violations",
  "prohibited_conduct",
  "procurement_violations",
  "other_unlawful_act",
  "other_infractions",
  "obstruction_of_accountability",
  "misuse_of_office",
  "fraud_and_theft",
  "financial_and_legal_obligations",
] as const;
export type ThematicArea = (typeof thematicAreas)[number];

export interface MisconductTypeSeed {
  code: string;
  level: (typeof misconductLevels)[number];
  thematicArea: ThematicArea;
  label: string;
}

const serious = "serious_misconduct" as const;
const lesser = "misconduct" as const;

export const misconductTypeSeeds: MisconductTypeSeed[] = [
  {
    code: "TRAFFIC_DUI",
    level: serious,
    thematicArea: "traffic_related_violations",
    label: "Driving under the influence",
  },
  {
    code: "TRAFFIC_FATAL_ACCIDENT",
    level: serious,
    thematicArea: "traffic_related_violations",
    label: "Accident causing death or serious injury",
  },
  { code: "TRAFFIC_VIOLATION", level: lesser, thematicArea: "traffic_related_violations", label: "Traffic violation" },
  {
    code: "TRAFFIC_VEHICLE_MISUSE",
    level: lesser,
    thematicArea: "traffic_related_violations",
    label: "Unauthorised use of a UN vehicle",
  },
  {
    code: "PROHIBITED_SEXUAL_HARASSMENT",
    level: serious,
    thematicArea: "prohibited_conduct",
    label: "Sexual harassment",
  },
  {
    code: "PROHIBITED_ABUSE_OF_AUTHORITY",
    level: serious,
    thematicArea: "prohibited_conduct",
    label: "Abuse of authority",
  },
  { code: "PROHIBITED_HARASSMENT", level: lesser, thematicArea: "prohibited_conduct", label: "Harassment" },
  { code: "PROHIBITED_DISCRIMINATION", level: lesser, thematicArea: "prohibited_conduct", label: "Discrimination" },
  {
    code: "PROCUREMENT_BID_RIGGING",
    level: serious,
    thematicArea: "procurement_violations",
    label: "Bid rigging or collusion",
  },
  {
    code: "PROCUREMENT_CONFLICT_OF_INTEREST",
    level: serious,
    thematicArea: "procurement_violations",
    label: "Undisclosed conflict of interest in procurement",
  },
  {
    code: "PROCUREMENT_IRREGULARITY",
    level: lesser,
    thematicArea: "procurement_violations",
    label: "Procurement irregularity",
  },
  { code: "UNLAWFUL_ASSAULT", level: serious, thematicArea: "other_unlawful_act", label: "Physical assault" },
  {
    code: "UNLAWFUL_NARCOTICS",
    level: serious,
    thematicArea: "other_unlawful_act",
    label: "Possession or trafficking of narcotics",
  },
  { code: "UNLAWFUL_SMUGGLING", level: serious, thematicArea: "other_unlawful_act", label: "Smuggling" },
  {
    code: "UNLAWFUL_MINOR_OFFENCE",
    level: lesser,
    thematicArea: "other_unlawful_act",
    label: "Minor offence under local law",
  },
  {
    code: "INFRACTION_CURFEW",
    level: lesser,
    thematicArea: "other_infractions",
    label: "Breach of curfew or off-limits area",
  },
  { code: "INFRACTION_ABSENCE", level: lesser, thematicArea: "other_infractions", label: "Unauthorised absence" },
  { code: "INFRACTION_ALCOHOL", level: lesser, thematicArea: "other_infractions", label: "Breach of alcohol rules" },
  {
    code: "INFRACTION_RULES",
    level: serious,
    thematicArea: "other_infractions",
    label: "Serious breach of regulations and rules",
  },
  {
    code: "OBSTRUCTION_RETALIATION",
    level: serious,
    thematicArea: "obstruction_of_accountability",
    label: "Retaliation against a person who reported misconduct",
  },
  {
    code: "OBSTRUCTION_INTERFERENCE",
    level: serious,
    thematicArea: "obstruction_of_accountability",
    label: "Interference with an investigation",
  },
  {
    code: "OBSTRUCTION_NON_COOPERATION",
    level: lesser,
    thematicArea: "obstruction_of_accountability",
    label: "Failure to cooperate with an investigation",
  },
  {
    code: "OBSTRUCTION_FAILURE_TO_REPORT",
    level: serious,
    thematicArea: "obstruction_of_accountability",
    label: "Failure of a commander to report misconduct",
  },
  {
    code: "OBSTRUCTION_FAILURE_TO_ENFORCE",
    level: serious,
    thematicArea: "obstruction_of_accountability",
    label: "Failure of a commander to enforce the standards of conduct",
  },
  {
    code: "OFFICE_PERSONAL_GAIN",
    level: serious,
    thematicArea: "misuse_of_office",
    label: "Use of office for personal gain",
  },
  {
    code: "OFFICE_OUTSIDE_ACTIVITY",
    level: lesser,
    thematicArea: "misuse_of_office",
    label: "Unauthorised outside activity",
  },
  {
    code: "OFFICE_MISUSE_OF_ASSETS",
    level: lesser,
    thematicArea: "misuse_of_office",
    label: "Misuse of UN assets or information",
  },
  {
    code: "FRAUD_ENTITLEMENTS",
    level: serious,
    thematicArea: "fraud_and_theft",
    label: "Entitlement or medical insurance fraud",
  },
  { code: "FRAUD_FORGERY", level: serious, thematicArea: "fraud_and_theft", label: "Forgery or misrepresentation" },
  { code: "FRAUD_THEFT", level: serious, thematicArea: "fraud_and_theft", label: "Theft or misappropriation" },
  { code: "FRAUD_SIMPLE_THEFT", level: lesser, thematicArea: "fraud_and_theft", label: "Simple theft" },
  {
    code: "OBLIGATIONS_CHILD_SUPPORT",
    level: serious,
    thematicArea: "financial_and_legal_obligations",
    label: "Failure to meet child-support obligations",
  },
  {
    code: "OBLIGATIONS_DEBT",
    level: lesser,
    thematicArea: "financial_and_legal_obligations",
    label: "Failure to meet private financial obligations",
  },
];
