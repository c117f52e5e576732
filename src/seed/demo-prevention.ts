// Demo prevention records: MONUSCO's misconduct risk register — a camp beside a market rated
// critical with a late mitigation, a team site reassessed, a sector whose review is overdue — and
// its contingents' training: Ghana's certified battalion and its next rotation, whose national
// training awaits Ghana's certification; a Senegalese police unit; Bangladesh's battalion short of induction.
import { eq } from "drizzle-orm";
import type { Services } from "../server/services.js";
import { fieldContext } from "../server/security/encryption.js";
import type { Transaction } from "../server/transaction.js";
import { searchDocument } from "../server/modules/after-action/index.js";
import { insertLeader } from "../server/modules/command/index.js";
import {
  afterActionActions,
  afterActionDetails,
  afterActionReviews,
  cbcmMembers,
  cbcmNetworks,
  contingents,
  outreachActivities,
  riskAssessments,
  riskFactors,
  riskMitigations,
  trainingCourses,
  trainingSessions,
} from "../db/schema.js";

const isoDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface DemoAssessment {
  location: string;
  locationKind: string;
  assessedDaysAgo: number;
  reviewInDays: number;
  notes: string;
  factors: [kind: string, likelihood: number, impact: number, notes?: string][];
  mitigations: [factorKind: string | null, action: string, owner: string, dueInDays: number, doneDaysAgo?: number][];
}

const monusco: DemoAssessment[] = [
  {
    location: "Camp Bunia",
    locationKind: "camp",
    assessedDaysAgo: 45,
    reviewInDays: 45,
    notes: "The eastern fence runs along the Saturday market; children sell goods at the gate.",
    factors: [
      ["proximity_to_communities", 4, 5, "Market 50 m from the eastern fence"],
      ["lighting", 3, 4, "No lighting along the eastern fence"],
      ["off_limits_areas", 3, 3],
      ["curfew", 2, 3],
    ],
    mitigations: [
      ["lighting", "Floodlights along the eastern fence", "Engineering section", -12],
      ["proximity_to_communities", "Move the vendors' gate to the western side", "Contingent commander, BANBAT-2", 20],
      ["off_limits_areas", "Brief every rotation on the off-limits map", "Conduct and Discipline Team", -20, 25],
    ],
  },
  {
    location: "Team site Kiwanja",
    locationKind: "team_site",
    assessedDaysAgo: 200,
    reviewInDays: -20,
    notes: "Small team site; patrols pass through the town at night.",
    factors: [
      ["patrols", 3, 4],
      ["welfare_and_recreation", 3, 3, "No recreation room"],
    ],
    mitigations: [["welfare_and_recreation", "Recreation room with internet access", "Mission support", -60, 70]],
  },
  {
    location: "Sector North, Beni",
    locationKind: "sector",
    assessedDaysAgo: 30,
    reviewInDays: 150,
    notes: "Local staff hired through a contractor without conduct briefing.",
    factors: [
      ["local_hiring", 3, 3],
      ["alcohol", 2, 3],
    ],
    mitigations: [["local_hiring", "Conduct briefing in the contractor's terms", "Procurement section", 40]],
  },
];

const demoContingents = [
  {
    name: "GHANBATT-1",
    countryCode: "GHA",
    categoryCode: "MIL_MC",
    strength: 850,
    deployedDaysAgo: 120,
    national: { completions: 850, certifiedDaysAgo: 130 },
    induction: 850,
  },
  {
    name: "GHANBATT-2",
    countryCode: "GHA",
    categoryCode: "MIL_MC",
    strength: 850,
    deployedDaysAgo: -30,
    national: { completions: 838, certifiedDaysAgo: null },
    induction: 0,
  },
  {
    name: "SENFPU-1",
    countryCode: "SEN",
    categoryCode: "POL_FPU",
    strength: 140,
    deployedDaysAgo: 40,
    national: { completions: 140, certifiedDaysAgo: 45 },
    induction: 140,
  },
  {
    name: "BANBAT-2",
    countryCode: "BGD",
    categoryCode: "MIL_MC",
    strength: 850,
    deployedDaysAgo: 60,
    national: { completions: 850, certifiedDaysAgo: 70 },
    induction: 610,
  },
];

/** The battalion's command by period: a hand-over midway, and its SEA focal point throughout. */
const demoLeaders = [
  { post: "commander", name: "Kofi Asante", rank: "Colonel", fromDaysAgo: 120, toDaysAgo: 30 },
  { post: "commander", name: "Ama Owusu", rank: "Lieutenant Colonel", fromDaysAgo: 32, toDaysAgo: null },
  { post: "sea_focal_point", name: "Yaw Boateng", rank: "Captain", fromDaysAgo: 120, toDaysAgo: null },
];

async function seedDemoTraining(services: Services, tx: Transaction) {
  const courseId = async (code: string) =>
    (await tx.select({ id: trainingCourses.id }).from(trainingCourses).where(eq(trainingCourses.code, code)))[0].id;
  const national = await courseId("CPTM-CD");
  const induction = await courseId("IND-CD");
  for (const demo of demoContingents) {
    const [unit] = await tx
      .insert(contingents)
      .values({
        missionCode: "MONUSCO",
        countryCode: demo.countryCode,
        name: demo.name,
        categoryCode: demo.categoryCode,
        strength: demo.strength,
        deployedOn: isoDays(-demo.deployedDaysAgo),
        rotation: `ROT ${demo.name.slice(-1)}`,
        location: demo.countryCode === "GHA" ? "Bunia" : null,
      })
      .returning({ id: contingents.id });
    if (demo.name === "GHANBATT-1")
      for (const leader of demoLeaders)
        await insertLeader(
          services,
          tx,
          unit.id,
          {
            ...leader,
            servedFrom: isoDays(-leader.fromDaysAgo),
            servedTo: leader.toDaysAgo === null ? null : isoDays(-leader.toDaysAgo),
          },
          null,
        );
    const ended = Math.max(demo.deployedDaysAgo, 0) + 15;
    const certified = demo.national.certifiedDaysAgo;
    await tx.insert(trainingSessions).values({
      courseId: national,
      countryCode: demo.countryCode,
      contingentId: unit.id,
      startsOn: isoDays(-ended - 4),
      endsOn: isoDays(-ended),
      trainer: `${demo.countryCode} peacekeeping training centre`,
      audienceCategoryCode: demo.categoryCode,
      participants: demo.strength,
      completions: demo.national.completions,
      certifiedOn: certified === null ? null : isoDays(-certified),
      certificationStatement:
        certified === null ? null : `All personnel of ${demo.name} completed the core pre-deployment training.`,
    });
    if (demo.induction > 0) {
      await tx.insert(trainingSessions).values({
        courseId: induction,
        missionCode: "MONUSCO",
        countryCode: demo.countryCode,
        contingentId: unit.id,
        startsOn: isoDays(-demo.deployedDaysAgo + 7),
        endsOn: isoDays(-demo.deployedDaysAgo + 9),
        trainer: "MONUSCO Conduct and Discipline Team",
        audienceCategoryCode: demo.categoryCode,
        participants: demo.induction,
        completions: demo.induction,
      });
    }
  }
}

const demoReviews = [
  {
    missionCode: "MONUSCO",
    title: "Transactional sex near the Bunia market",
    heldDaysAgo: 50,
    whatHappened:
      "Two contingent members left Camp Bunia after curfew through the vendors' gate; a woman from the market reported that one of them paid her for sex. The community complaint network passed the report on within two days.",
    factors: ["curfew", "proximity_to_communities", "welfare_and_recreation"],
    whatWorked:
      "The community complaint network at the market reported within two days; the contingent commander repatriated both members at once.",
    lessons:
      "A gate facing a market needs a guard at night and lighting. Curfew checks work when they are unannounced. A recreation room reduces night-time exits.",
    actions: [
      ["Unannounced curfew checks every week", "Military police", -8],
      ["Recreation room at Camp Bunia", "Mission support", 40],
    ] as [string, string, number][],
  },
  {
    missionCode: "MINUSCA",
    title: "Sexual exploitation linked to a bar near the team site",
    heldDaysAgo: 120,
    whatHappened: "Personnel visited a bar outside the off-limits map at night; girls under 18 were present.",
    factors: ["off_limits_areas", "alcohol", "command_and_control"],
    whatWorked: "Joint patrols with the local police closed the bar within a week.",
    lessons:
      "Les cartes des zones interdites doivent être mises à jour chaque mois et affichées en français et dans la langue du contingent. Off-limits maps must be updated monthly.",
    actions: [] as [string, string, number][],
  },
];

async function seedDemoReviews(services: Services, tx: Transaction, monuscoCaseId: string) {
  for (const demo of demoReviews) {
    const [row] = await tx
      .insert(afterActionReviews)
      .values({
        missionCode: demo.missionCode,
        title: demo.title,
        heldOn: isoDays(-demo.heldDaysAgo),
        contributingFactors: demo.factors,
        whatWorked: demo.whatWorked,
        lessons: demo.lessons,
        searchVector: searchDocument(demo),
      })
      .returning({ id: afterActionReviews.id });
    const whatHappenedEncrypted = await services.encryption.encrypt(
      tx,
      demo.whatHappened,
      fieldContext("after_action_details", "what_happened_encrypted", row.id),
    );
    await tx.insert(afterActionDetails).values({
      reviewId: row.id,
      whatHappenedEncrypted,
      caseIds: demo.missionCode === "MONUSCO" ? [monuscoCaseId] : [],
    });
    if (demo.actions.length > 0)
      await tx.insert(afterActionActions).values(
        demo.actions.map(([action, owner, dueInDays]) => ({
          reviewId: row.id,
          action,
          owner,
          dueOn: isoDays(dueInDays),
        })),
      );
  }
}

async function seedDemoOutreach(tx: Transaction, cbcmUserId: string) {
  const [network] = await tx
    .insert(cbcmNetworks)
    .values({
      missionCode: "MONUSCO",
      name: "Ituri community complaint network",
      area: "Bunia, Mahagi and Djugu",
      languages: ["Swahili", "Lingala", "French"],
      channels: ["in_person", "phone", "complaint_box"],
    })
    .returning({ id: cbcmNetworks.id });
  await tx.insert(cbcmMembers).values([
    {
      networkId: network.id,
      kind: "focal_point",
      name: "Community focal point, Bunia market",
      location: "Bunia",
      languages: ["Swahili", "French"],
      userId: cbcmUserId,
    },
    {
      networkId: network.id,
      kind: "organisation",
      name: "Ituri women's association",
      location: "Bunia",
      languages: ["Swahili"],
    },
    {
      networkId: network.id,
      kind: "organisation",
      name: "Mahagi youth network",
      location: "Mahagi",
      languages: ["Lingala", "Swahili"],
    },
  ]);
  await tx.insert(outreachActivities).values([
    {
      missionCode: "MONUSCO",
      heldOn: isoDays(-12),
      place: "Bunia central market",
      community: "Market vendors",
      women: 64,
      men: 31,
      girls: 18,
      boys: 9,
      language: "Swahili",
      topics: ["sea_prohibition", "how_to_report"],
      materials: ["theatre", "leaflets"],
      networkId: network.id,
    },
    {
      missionCode: "MONUSCO",
      heldOn: isoDays(-26),
      place: "Institut Ituri, Bunia",
      community: "Secondary school pupils",
      women: 0,
      men: 0,
      girls: 85,
      boys: 77,
      language: "French",
      topics: ["how_to_report", "code_of_conduct"],
      materials: ["meeting", "posters"],
    },
  ]);
}

/** `monuscoCaseId` is a demo case of MONUSCO, the one its after-action review looks back on; `cbcmUserId` the demo community focal point. */
export async function seedDemoPrevention(
  services: Services,
  tx: Transaction,
  refs: { monuscoCaseId: string; cbcmUserId: string },
) {
  await seedDemoTraining(services, tx);
  await seedDemoReviews(services, tx, refs.monuscoCaseId);
  await seedDemoOutreach(tx, refs.cbcmUserId);
  // An earlier assessment of the camp, so that its history shows how the rating moved.
  const earlier: DemoAssessment = {
    ...monusco[0],
    assessedDaysAgo: 240,
    reviewInDays: -60,
    notes: "First assessment after deployment.",
    factors: [["proximity_to_communities", 3, 4]],
    mitigations: [],
  };
  for (const demo of [earlier, ...monusco]) {
    const [row] = await tx
      .insert(riskAssessments)
      .values({
        missionCode: "MONUSCO",
        location: demo.location,
        locationKind: demo.locationKind,
        assessedOn: isoDays(-demo.assessedDaysAgo),
        reviewOn: isoDays(demo.reviewInDays),
        notes: demo.notes,
      })
      .returning({ id: riskAssessments.id });
    await tx.insert(riskFactors).values(
      demo.factors.map(([kind, likelihood, impact, notes]) => ({
        assessmentId: row.id,
        kind,
        likelihood,
        impact,
        notes: notes ?? null,
      })),
    );
    if (demo.mitigations.length === 0) continue;
    await tx.insert(riskMitigations).values(
      demo.mitigations.map(([factorKind, action, owner, dueInDays, doneDaysAgo]) => ({
        assessmentId: row.id,
        factorKind,
        action,
        owner,
        dueOn: isoDays(dueInDays),
        completedOn: doneDaysAgo === undefined ? null : isoDays(-doneDaysAgo),
      })),
    );
  }
}
