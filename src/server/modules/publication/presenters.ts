// How the publication area's records are answered: the fields each reader gets and their abilities.
export interface PublicAllegationRow {
  reference: string;
  month_reported: string;
  mission_code: string;
  category_code: string;
  nationality_code: string | null;
  allegation: string | null;
  allegation_subtypes: string[];
  incident_period: string | null;
  alleged_perpetrators: number | null;
  victims: number;
  victims_women: number;
  victims_girls: number;
  victims_boys: number;
  victims_men: number;
  child_victims: number;
  paternity_claim: boolean;
  paternity_status: string[];
  investigating_entities: string[];
  investigation_days: number | null;
  findings: string[];
  interim_actions: string[];
  final_actions: string[];
  un_actions: string[];
  member_state_actions: string[];
  /** Null when an imported row left it empty. */
  criminal_referral: boolean | null;
}
export const presentPublicAllegation = (row: PublicAllegationRow) => ({
  reference: row.reference,
  monthReported: row.month_reported,
  missionCode: row.mission_code,
  categoryCode: row.category_code,
  nationalityCode: row.nationality_code,
  allegation: row.allegation,
  allegationSubtypes: row.allegation_subtypes,
  incidentPeriod: row.incident_period,
  allegedPerpetrators: row.alleged_perpetrators,
  victims: row.victims,
  victimsByGroup: { women: row.victims_women, girls: row.victims_girls, boys: row.victims_boys, men: row.victims_men },
  childVictims: row.child_victims,
  paternityClaim: row.paternity_claim,
  paternityStatus: row.paternity_status,
  investigatingEntities: row.investigating_entities,
  investigationDays: row.investigation_days,
  findings: row.findings,
  interimActions: row.interim_actions,
  finalActions: row.final_actions,
  unActions: row.un_actions,
  memberStateActions: row.member_state_actions,
  criminalReferral: row.criminal_referral,
});
