// How the victims area's records are answered: the fields each reader gets and their abilities.
import type { assistanceReferrals, serviceProviders, victims } from "../../../db/schema.js";
import { type AssistanceReferralStatus, referralNeedsAction } from "../../../domain/victims.js";

export type VictimRow = typeof victims.$inferSelect;

export type AssistanceReferralRow = typeof assistanceReferrals.$inferSelect;

export type VictimSummaryRow = Pick<
  VictimRow,
  "id" | "code" | "missionCode" | "sex" | "ageGroup" | "ageAtIncident" | "nextActionOn" | "version"
> & {
  identityRecorded: boolean;
  contactRecorded: boolean;
  locationRecorded: boolean;
  caregiverRecorded: boolean;
};

export type ProviderRow = typeof serviceProviders.$inferSelect;

export const presentProvider = (row: ProviderRow) => ({
  id: row.id,
  missionCode: row.missionCode,
  name: row.name,
  serviceTypes: row.serviceTypes,
  location: row.location,
  contact: row.contact,
  active: row.active,
});

export function presentVictimSummary(row: VictimSummaryRow) {
  return {
    id: row.id,
    code: row.code,
    missionCode: row.missionCode,
    sex: row.sex,
    ageGroup: row.ageGroup,
    ageAtIncident: row.ageAtIncident,
    recorded: {
      identity: row.identityRecorded,
      contact: row.contactRecorded,
      location: row.locationRecorded,
      caregiver: row.caregiverRecorded,
    },
    nextActionOn: row.nextActionOn,
    version: row.version,
  };
}

export const presentAssistanceReferral = (row: AssistanceReferralRow, today: string, outcome: string | null) => ({
  id: row.id,
  victimId: row.victimId,
  childId: row.childId,
  providerId: row.providerId,
  serviceType: row.serviceType,
  status: row.status as AssistanceReferralStatus,
  proposedOn: row.proposedOn,
  acceptedOn: row.acceptedOn,
  deliveredOn: row.deliveredOn,
  declinedOn: row.declinedOn,
  closedOn: row.closedOn,
  followUpOn: row.followUpOn,
  outcome,
  identityShared: row.identityShared,
  needsAction: referralNeedsAction(
    { status: row.status as AssistanceReferralStatus, followUpOn: row.followUpOn },
    today,
  ),
  version: row.version,
});
