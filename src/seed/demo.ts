// Demo accounts (one per role) and a handful of cases across missions and Member States, so that a
// first start shows a working product. Loaded only into an empty database, never with CONDUCT_DEMO=off.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Role } from "../domain/roles.js";
import type { Services } from "../server/services.js";
import { computeDueDate } from "../domain/deadlines.js";
import { isSeaCode } from "../domain/enforcement.js";
import { publicActor, systemActor } from "../server/auth/actor.js";
import { seedDemoCommand, seedDemoLeadership } from "./demo-command.js";
import { seedDemoHelp } from "./demo-help.js";
import { allocateCaseReference, refreshSearchDocument } from "../server/modules/cases/index.js";
import { recordAuditEvent } from "../server/modules/audit/index.js";
import { postReporterMessage, submitReport } from "../server/modules/intake/index.js";
import { createStaffUser } from "../server/modules/users/index.js";
import { createEntity, createMission } from "../server/modules/reference/index.js";
import { seedDemoVictims } from "./demo-victims.js";
import { seedDemoPrevention } from "./demo-prevention.js";
import { seedDemoPublic } from "./demo-public.js";
import { recordInstallationFact } from "../server/installation.js";
import { fieldContext } from "../server/security/encryption.js";
import { inTransaction, type Transaction } from "../server/transaction.js";
import {
  caseActions,
  caseAssignments,
  cases,
  findings,
  investigations,
  investigationUpdates,
  perpetrators,
  referrals,
  user,
} from "../db/schema.js";

export const DEMO_PASSWORD = "conduct-demo-2026";

export const demoAccounts: {
  email: string;
  name: string;
  role: Role;
  missionCodes?: string[];
  entityCodes?: string[];
  countryCode?: string;
}[] = [
  { email: "admin@demo.conduct.test", name: "Amina Diallo", role: "administrator" },
  { email: "cds@demo.conduct.test", name: "Jonas Lindqvist", role: "cds_officer" },
  { email: "cdt.monusco@demo.conduct.test", name: "Claire Mbuyi", role: "cdt_officer", missionCodes: ["MONUSCO"] },
  { email: "investigator@demo.conduct.test", name: "Rahul Mehta", role: "investigator" },
  { email: "focal.point@demo.conduct.test", name: "Samuel Osei", role: "member_state_focal_point", countryCode: "GHA" },
  {
    email: "advocate@demo.conduct.test",
    name: "Fatou Ndiaye",
    role: "victim_assistance",
    missionCodes: ["MONUSCO", "MINUSCA"],
  },
  { email: "analyst@demo.conduct.test", name: "Li Wei", role: "analyst" },
  { email: "auditor@demo.conduct.test", name: "Maria González", role: "auditor" },
  { email: "custodian@demo.conduct.test", name: "Ingrid Solberg", role: "identity_custodian" },
  { email: "hom.monusco@demo.conduct.test", name: "Aïssata Touré", role: "head_of_mission", missionCodes: ["MONUSCO"] },
  { email: "publisher@demo.conduct.test", name: "Omar Haddad", role: "publisher" },
  { email: "cbcm@demo.conduct.test", name: "Esther Nzeyimana", role: "cbcm_focal_point", missionCodes: ["MONUSCO"] },
  // One UN: a conduct officer of UNICEF's office in the Democratic Republic of the Congo.
  { email: "cdt.unicef@demo.conduct.test", name: "Grace Kabila", role: "cdt_officer", missionCodes: ["UNICEF-COD"] },
  // …and its child-protection advocate, with whom MONUSCO shares a girl's record.
  {
    email: "advocate.unicef@demo.conduct.test",
    name: "Joseph Mukendi",
    role: "victim_assistance",
    missionCodes: ["UNICEF-COD"],
  },
  // …and UNICEF's headquarters conduct officer: every UNICEF office, and any it opens later.
  { email: "hq.unicef@demo.conduct.test", name: "Helena Varga", role: "cdt_officer", entityCodes: ["UNICEF"] },
  // …and UNICEF's own publisher, who releases UNICEF's cases for the system-wide figures, no one else's.
  { email: "publisher.unicef@demo.conduct.test", name: "Amara Diallo", role: "publisher", entityCodes: ["UNICEF"] },
  // …and UNICEF's own analyst, who reads UNICEF's cases, figures and prevention records only.
  { email: "analyst.unicef@demo.conduct.test", name: "Chen Jing", role: "analyst", entityCodes: ["UNICEF"] },
];

const demoCases = [
  {
    mission: "MONUSCO",
    reported: "2026-02-11",
    incident: "2026-01-20",
    categories: ["MIL_MC"],
    nationalities: ["GHA"],
    allegations: ["SE_TRANSACTIONAL_SEX"],
    status: "under_investigation",
    narrative: "A community member reported transactional sex near the company operating base.",
  },
  {
    mission: "MONUSCO",
    reported: "2026-03-02",
    incident: null,
    categories: ["CIV_INT"],
    nationalities: [],
    allegations: ["SE_EXPLOITATIVE_RELATIONSHIP"],
    status: "preliminary_assessment",
    narrative: "Report received through the community-based complaint network.",
  },
  {
    mission: "MONUSCO",
    reported: "2026-05-19",
    incident: "2026-05-10",
    categories: ["POL_FPU"],
    nationalities: ["SEN"],
    allegations: ["SA_MINOR"],
    status: "referred",
    narrative: "Allegation of sexual activity with a minor, referred to the police-contributing country.",
  },
  {
    mission: "MINUSCA",
    reported: "2026-01-08",
    incident: "2025-12-24",
    categories: ["MIL_MC"],
    nationalities: ["GHA", "RWA"],
    allegations: ["SA_RAPE"],
    status: "findings",
    narrative: "Joint investigation with National Investigation Officers.",
  },
  {
    mission: "MINUSCA",
    reported: "2026-06-14",
    incident: "2026-06-01",
    categories: ["MIL_MO"],
    nationalities: ["BGD"],
    allegations: ["SE_SOLICITATION"],
    status: "received",
    narrative: "Solicitation reported by a local interpreter.",
  },
  {
    mission: "UNMISS",
    reported: "2026-04-22",
    incident: null,
    categories: ["CIV_NS"],
    nationalities: [],
    allegations: ["SE_TRANSACTIONAL_SEX"],
    status: "closed",
    narrative: "Closed with limited information after assessment.",
  },
  {
    mission: "UNMISS",
    reported: "2026-08-03",
    incident: "2026-07-28",
    categories: ["MIL_MC"],
    nationalities: ["GHA"],
    allegations: ["SA_SEXUAL_ASSAULT"],
    status: "under_investigation",
    narrative: "Referred to the troop-contributing country, which appointed an NIO.",
  },
  {
    mission: "UNIFIL",
    reported: "2026-09-09",
    incident: "2026-09-01",
    categories: ["MIL_MC"],
    nationalities: ["IND"],
    allegations: ["SE_EXPLOITATIVE_RELATIONSHIP"],
    status: "preliminary_assessment",
    narrative: "Anonymous report through the hotline.",
  },
  // One UN: UNICEF's office assesses an allegation against an implementing partner's food distributor.
  {
    mission: "UNICEF-COD",
    reported: "2026-07-15",
    incident: "2026-07-01",
    categories: ["IP_STAFF"],
    nationalities: [],
    allegations: ["SE_TRANSACTIONAL_SEX"],
    status: "preliminary_assessment",
    narrative: "A partner's food distributor at the Maluku site asked a woman for sex in exchange for more rations.",
  },
  // Other misconduct, concluded and published: the figures the UN gives apart from SEA (never in them).
  {
    mission: "MINUSCA",
    reported: "2026-03-17",
    incident: "2026-03-15",
    categories: ["MIL_MC"],
    nationalities: ["BGD"],
    allegations: ["TRAFFIC_FATAL_ACCIDENT"],
    status: "closed",
    narrative: "A contingent truck struck a motorcycle on the Damara road; its rider was seriously injured.",
  },
  {
    mission: "UNMISS",
    reported: "2026-05-06",
    incident: null,
    categories: ["CIV_INT"],
    nationalities: [],
    allegations: ["OFFICE_MISUSE_OF_ASSETS"],
    status: "actions",
    narrative: "A mission vehicle's fuel card was used for private journeys over several months.",
  },
];

const demoReports = [
  {
    missionCode: "MONUSCO",
    whatHappened:
      "A soldier from the camp near the market offered money to a girl for sex. Other women say it has happened before.",
    place: "Goma, Katindo camp",
    childrenInvolved: "yes" as const,
    kind: "sea" as const,
    immediateDanger: "unknown" as const,
    needs: ["medical", "psychosocial"] as ("medical" | "psychosocial")[],
    personnelCategoryCodes: ["MIL_MC"],
    nationalityCodes: [] as string[],
    route: "mission" as const,
    organisationCode: null,
  },
  {
    missionCode: "MONUSCO",
    whatHappened:
      "A UN driver asked my sister to meet him at night in exchange for a job at the base. His friends work in the mission's offices, so I send this to headquarters.",
    place: null,
    childrenInvolved: "no" as const,
    kind: "sea" as const,
    immediateDanger: "no" as const,
    needs: [] as "medical"[],
    personnelCategoryCodes: ["CIV_NS"],
    nationalityCodes: [] as string[],
    route: "headquarters" as const,
    organisationCode: "DPO",
  },
  {
    missionCode: null,
    whatHappened:
      "Police officers in blue helmets stopped women at the checkpoint and asked for favours. I do not know which mission.",
    place: null,
    childrenInvolved: "unknown" as const,
    kind: "unknown" as const,
    immediateDanger: "unknown" as const,
    needs: [] as "medical"[],
    personnelCategoryCodes: ["POL_FPU"],
    nationalityCodes: [] as string[],
    route: "unknown" as const,
    organisationCode: null,
  },
  // One UN: an implementing partner's worker, reported to the office of the UN entity it works for.
  {
    missionCode: "UNICEF-COD",
    whatHappened:
      "A man from the organisation that gives out food in the camp said my cousin would get more if she came to his house.",
    place: "Kinshasa, Maluku site",
    childrenInvolved: "unknown" as const,
    kind: "sea" as const,
    immediateDanger: "unknown" as const,
    needs: [] as "medical"[],
    personnelCategoryCodes: ["IP_STAFF"],
    nationalityCodes: [] as string[],
    route: "mission" as const,
    organisationCode: "HOPE-RELIEF",
  },
  // Staff of another organisation, reported where a peacekeeping mission serves: headquarters routes it.
  {
    missionCode: "MINUSCA",
    whatHappened:
      "A staff member of the refugee agency at the registration centre asked a woman for money and sex to put her on the list.",
    place: "Bangui, registration centre",
    childrenInvolved: "no" as const,
    kind: "sea" as const,
    immediateDanger: "no" as const,
    needs: [] as "medical"[],
    personnelCategoryCodes: ["CIV_INT"],
    nationalityCodes: [] as string[],
    route: "unknown" as const,
    organisationCode: "UNHCR",
  },
];

/** Units of other entities of the UN system, and an implementing partner, for the one-UN demo. */
export async function seedSystemUnits(services: Services) {
  await createEntity(services, systemActor, {
    code: "HOPE-RELIEF",
    kind: "implementing_partner",
    name: "Hope Relief International",
    partnerOf: "UNICEF",
  });
  for (const [code, entityCode, name, host, location] of [
    ["UNICEF-COD", "UNICEF", "UNICEF Democratic Republic of the Congo", "COD", "Kinshasa"],
    ["UNHCR-CAF", "UNHCR", "UNHCR Central African Republic", "CAF", "Bangui"],
  ] as const)
    await createMission(services, systemActor, {
      code,
      entityCode,
      name,
      nameFr: null,
      kind: "entity_office",
      hostCountryCode: host,
      location,
      startYear: 1994,
      endYear: null,
    });
}

export async function hasAnyAccount(services: Services): Promise<boolean> {
  const rows = await services.db.select({ id: user.id }).from(user).limit(1);
  return rows.length > 0;
}

export async function seedDemoData(services: Services): Promise<void> {
  await inTransaction(services.db, systemActor, (tx) => recordInstallationFact(tx, systemActor, "demo_data", true));
  await seedSystemUnits(services);
  const ids = new Map<string, string>();
  for (const account of demoAccounts) {
    const created = await createStaffUser(services, systemActor, {
      email: account.email,
      name: account.name,
      role: account.role,
      missionCodes: account.missionCodes ?? [],
      entityCodes: account.entityCodes ?? [],
      countryCode: account.countryCode ?? null,
      password: DEMO_PASSWORD,
    });
    // The first account of a role is the one the demo's records name.
    if (!ids.has(account.role)) ids.set(account.role, created.user.id);
  }
  const caseIds: string[] = [];
  await inTransaction(services.db, systemActor, async (tx) => {
    for (const [index, demo] of demoCases.entries()) {
      const reference = await allocateCaseReference(tx, demo.mission, Number(demo.reported.slice(0, 4)));
      const [row] = await tx
        .insert(cases)
        .values({
          reference,
          missionCode: demo.mission,
          status: demo.status,
          dateReported: demo.reported,
          dateOfIncident: demo.incident,
          categoryCodes: demo.categories,
          nationalityCodes: demo.nationalities,
          allegationCodes: demo.allegations,
        })
        .returning({ id: cases.id });
      caseIds.push(row.id);
      const narrativeEncrypted = await services.encryption.encrypt(
        tx,
        demo.narrative,
        fieldContext("cases", "narrative_encrypted", row.id),
      );
      // Victims are counted for SEA; the demo's other misconduct records none.
      let victims: { victimsGirls?: number; victimsWomen?: number } = {};
      if (demo.allegations.includes("SA_MINOR")) victims = { victimsGirls: 1 };
      else if (demo.allegations.some(isSeaCode)) victims = { victimsWomen: 1 + (index % 2) };
      await tx
        .update(cases)
        .set({ narrativeEncrypted, ...victims, paternityClaim: index === 3 })
        .where(sql`${cases.id} = ${row.id}`);
      await refreshSearchDocument(tx, row.id, demo.narrative);
      if (index % 3 === 0)
        await tx.insert(caseAssignments).values({ caseId: row.id, userId: ids.get("investigator") as string });
      await recordAuditEvent(tx, systemActor, {
        action: "case.create",
        subjectType: "case",
        subjectId: row.id,
        details: { source: "demo" },
      });
      // The Ghanaian case under investigation in MONUSCO waits on a note verbale sent three weeks ago.
      if (index === 0) {
        const sentOn = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
        const due = computeDueDate("member_state_reply", sentOn);
        await tx.insert(referrals).values({
          caseId: row.id,
          entity: "member_state",
          countryCode: "GHA",
          noteVerbaleReference: "NV/MONUSCO/2026/041",
          sentOn,
          replyDueOn: due.dueDate,
          policyVersion: due.policyVersion,
        });
      }
      if (index === 3)
        await seedEnforcementRecord(services, tx, row.id, ["GHA", "RWA"], {
          completedDaysAgo: 20,
          startedDaysAgo: 280,
        });
      if (index === 6)
        await seedEnforcementRecord(services, tx, row.id, ["GHA"], { completedDaysAgo: null, startedDaysAgo: 100 });
    }
    await seedDemoVictims(services, tx, caseIds);
    await seedDemoCommand(tx, caseIds[3]);
    await seedDemoLeadership(tx);
    await seedDemoPrevention(services, tx, {
      monuscoCaseId: caseIds[0],
      cbcmUserId: ids.get("cbcm_focal_point") as string,
    });
  });
  for (const [index, report] of demoReports.entries()) {
    const { receipt } = await submitReport(
      services,
      publicActor,
      {
        ...report,
        incidentDate: null,
        involved: null,
        reporterIsVictim: "prefer_not_to_say",
        anonymous: true,
        contact: null,
        language: "fr",
      },
      "web_form",
    );
    if (index === 0)
      await postReporterMessage(services, receipt, "Je peux donner plus de détails si vous me posez des questions.");
  }
  // The publisher has released the concluded case with findings and actions, two others, and every
  // case of other misconduct.
  const publisher = {
    userId: ids.get("publisher") as string,
    role: "publisher" as const,
    missionCodes: [],
    countryCode: null,
    via: "system" as const,
  };
  const otherMisconduct = caseIds.filter((_, index) => !demoCases[index].allegations.some(isSeaCode));
  await seedDemoPublic(services, publisher, [caseIds[3], caseIds[1], caseIds[2], ...otherMisconduct]);
  await seedDemoHelp(services);
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * One alleged perpetrator per State (identities encrypted), the first State's NIO investigating on
 * the policy clock; a completed investigation has findings and a payment suspension.
 */
async function seedEnforcementRecord(
  services: Services,
  tx: Transaction,
  caseId: string,
  countries: string[],
  timing: { startedDaysAgo: number; completedDaysAgo: number | null },
) {
  const perpetratorIds: string[] = [];
  for (const [index, countryCode] of countries.entries()) {
    const id = randomUUID();
    const identity = JSON.stringify({
      name: `Demo Person ${index + 1}`,
      rank: "Corporal",
      serviceNumber: `${countryCode}-${1000 + index}`,
    });
    await tx.insert(perpetrators).values({
      id,
      caseId,
      code: `P-0${index + 1}`,
      categoryCode: "MIL_MC",
      nationalityCode: countryCode,
      unit: `${countryCode}BATT`,
      identityEncrypted: await services.encryption.encrypt(
        tx,
        identity,
        fieldContext("perpetrators", "identity_encrypted", id),
      ),
    });
    perpetratorIds.push(id);
  }
  const startedOn = isoDaysAgo(timing.startedDaysAgo);
  const sentOn = isoDaysAgo(timing.startedDaysAgo + 12);
  const replyDue = computeDueDate("member_state_reply", sentOn);
  await tx.insert(referrals).values(
    countries.map((countryCode, index) => ({
      caseId,
      entity: "member_state",
      countryCode,
      noteVerbaleReference: `NV/2026/${210 + index}`,
      sentOn,
      replyDueOn: replyDue.dueDate,
      policyVersion: replyDue.policyVersion,
      reply: "will_investigate",
      repliedOn: startedOn,
      nioName: index === 0 ? "Maj. K. Mensah" : "Lt Col. J. Habimana",
      nioAppointedOn: startedOn,
    })),
  );
  const due = computeDueDate("investigation_sea", startedOn);
  const completedOn = timing.completedDaysAgo === null ? null : isoDaysAgo(timing.completedDaysAgo);
  const [investigation] = await tx
    .insert(investigations)
    .values({
      caseId,
      entity: countries.length > 1 ? "joint" : "nio",
      countryCode: countries[0],
      investigators: "National Investigation Officer and OIOS",
      startedOn,
      dueOn: due.dueDate,
      deadlineKind: "investigation_sea",
      policyVersion: due.policyVersion,
      completedOn,
      reportReceivedOn: completedOn,
    })
    .returning({ id: investigations.id });
  await tx.insert(investigationUpdates).values({
    investigationId: investigation.id,
    caseId,
    note: "Interviews with the complainant and two witnesses completed.",
  });
  if (!completedOn) return;
  await tx.insert(findings).values(
    perpetratorIds.map((perpetratorId, index) => ({
      caseId,
      investigationId: investigation.id,
      perpetratorId,
      finding: index === 0 ? "substantiated" : "not_substantiated",
      recordedOn: completedOn,
    })),
  );
  await tx.insert(caseActions).values({
    caseId,
    perpetratorId: perpetratorIds[0],
    stage: "interim",
    takenBy: "un",
    kind: "payment_suspension",
    amount: 3600,
    currency: "USD",
    decidedOn: startedOn,
  });
}
