// How the publication area's records are answered: the fields each reader gets and their abilities.
export interface PublicAllegationRow {
  reference: string;
  month_reported: string;
  mission_code: string;
  category_code: string;
  nationality_code: string | null;
  allegation: string | null;
  victims: number;
  child_victims: number;
  paternity_claim: boolean;
  investigating_entities: string[];
  investigation_days: number | null;
  findings: string[];
  interim_actions: string[];
  final_actions: string[];
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
  victims: row.victims,
  childVictims: row.child_victims,
  paternityClaim: row.paternity_claim,
  investigatingEntities: row.investigating_entities,
  investigationDays: row.investigation_days,
  findings: row.findings,
  interimActions: row.interim_actions,
  finalActions: row.final_actions,
  criminalReferral: row.criminal_referral,
});
