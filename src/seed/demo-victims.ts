// Demo victim-assistance records: a mission's service providers, three victims at different points
// of their assistance and a paternity claim, so that an advocate's first caseload shows what the work looks like.
// Identities are invented and sealed like real ones.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Services } from "../server/services.js";
import { refreshNextAction } from "../server/modules/victims/index.js";
import { fieldContext } from "../server/security/encryption.js";
import type { Transaction } from "../server/transaction.js";
import {
  assistanceFollowUps,
  assistanceReferrals,
  caseActions,
  custodyEvents,
  dnaSamples,
  needsAssessments,
  paternityClaims,
  perpetrators,
  serviceProviders,
  supportPayments,
  trustFundBeneficiaries,
  trustFundContributions,
  trustFundProjects,
  victimCases,
  victimChildren,
  victimConsents,
  victims,
  caseShares,
  victimShares,
} from "../db/schema.js";

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const providers = [
  {
    missionCode: "MONUSCO",
    name: "Goma general hospital, SGBV unit",
    serviceTypes: ["medical", "psychosocial"],
    location: "Goma",
  },
  { missionCode: "MONUSCO", name: "North Kivu women lawyers' association", serviceTypes: ["legal"], location: "Goma" },
  {
    missionCode: "MONUSCO",
    name: "Tumaini shelter and school programme",
    serviceTypes: ["shelter", "education", "livelihood"],
    location: "Bukavu",
  },
  {
    missionCode: "MINUSCA",
    name: "Bangui community health centre",
    serviceTypes: ["medical", "psychosocial"],
    location: "Bangui",
  },
  { missionCode: "MINUSCA", name: "Bangui legal clinic", serviceTypes: ["legal", "material"], location: "Bangui" },
];

/** `caseIds` are the demo cases in order: 0 and 2 are in MONUSCO, 3 (with a paternity claim) in MINUSCA. */
export async function seedDemoVictims(services: Services, tx: Transaction, caseIds: string[]) {
  const providerIds = new Map<string, string>();
  for (const provider of providers) {
    const [row] = await tx.insert(serviceProviders).values(provider).returning({ id: serviceProviders.id });
    providerIds.set(provider.name, row.id);
  }
  const seal = (table: string, column: string, id: string, value: unknown) =>
    services.encryption.encrypt(
      tx,
      typeof value === "string" ? value : JSON.stringify(value),
      fieldContext(table, column, id),
    );

  async function victim(
    code: string,
    missionCode: string,
    person: {
      sex: string;
      ageGroup: string;
      age: number | null;
      name: string;
      contact: string;
      caseId: string | null;
      registeredDaysAgo: number;
    },
  ) {
    const id = randomUUID();
    await tx.insert(victims).values({
      id,
      code,
      missionCode,
      sex: person.sex,
      ageGroup: person.ageGroup,
      ageAtIncident: person.age,
      identityEncrypted: await seal("victims", "identity_encrypted", id, {
        name: person.name,
        otherNames: null,
        dateOfBirth: null,
      }),
      contactEncrypted: await seal("victims", "contact_encrypted", id, person.contact),
      createdAt: new Date(Date.now() - person.registeredDaysAgo * 86_400_000),
    });
    if (person.caseId) await tx.insert(victimCases).values({ victimId: id, caseId: person.caseId });
    return id;
  }

  // Assisted for months: consent to share with providers, a plan, a delivered and an ongoing service (follow-up due), a child.
  const first = await victim("V-MINUSCA-0001", "MINUSCA", {
    sex: "female",
    ageGroup: "adult",
    age: 22,
    name: "Demo Victim One",
    contact: "Via the Bangui legal clinic",
    caseId: caseIds[3],
    registeredDaysAgo: 300,
  });
  await tx
    .insert(victimConsents)
    .values({ victimId: first, recipient: "service_providers", granted: true, givenOn: isoDaysAgo(290) });
  await tx
    .insert(victimConsents)
    .values({ victimId: first, recipient: "member_state", granted: true, givenOn: isoDaysAgo(120) });
  const plan = randomUUID();
  await tx.insert(needsAssessments).values({
    id: plan,
    victimId: first,
    assessedOn: isoDaysAgo(290),
    needs: ["medical", "psychosocial", "legal", "livelihood"],
    planEncrypted: await seal(
      "needs_assessments",
      "plan_encrypted",
      plan,
      "Medical follow-up and counselling; legal support for the child-support claim; livelihood training once the child is older.",
    ),
    reviewOn: isoDaysAgo(-30),
  });
  const [child] = await tx
    .insert(victimChildren)
    .values({ victimId: first, code: "V-MINUSCA-0001-C1", sex: "male", birthYear: 2025 })
    .returning({ id: victimChildren.id });
  await tx.insert(assistanceReferrals).values({
    victimId: first,
    providerId: providerIds.get("Bangui community health centre") as string,
    serviceType: "medical",
    status: "delivered",
    proposedOn: isoDaysAgo(289),
    acceptedOn: isoDaysAgo(288),
    deliveredOn: isoDaysAgo(280),
    identityShared: true,
  });
  const [legal] = await tx
    .insert(assistanceReferrals)
    .values({
      victimId: first,
      providerId: providerIds.get("Bangui legal clinic") as string,
      serviceType: "legal",
      status: "accepted",
      proposedOn: isoDaysAgo(120),
      acceptedOn: isoDaysAgo(110),
      followUpOn: isoDaysAgo(2),
      identityShared: true,
    })
    .returning({ id: assistanceReferrals.id });
  const note = randomUUID();
  await tx.insert(assistanceFollowUps).values({
    id: note,
    referralId: legal.id,
    noteEncrypted: await seal(
      "assistance_follow_ups",
      "note_encrypted",
      note,
      "The clinic filed the child-support request; hearing expected next month.",
    ),
    recordedOn: isoDaysAgo(40),
  });
  await tx.insert(assistanceReferrals).values({
    victimId: first,
    childId: child.id,
    providerId: providerIds.get("Bangui community health centre") as string,
    serviceType: "medical",
    status: "accepted",
    proposedOn: isoDaysAgo(200),
    acceptedOn: isoDaysAgo(199),
    followUpOn: isoDaysAgo(-14),
  });

  // A girl registered last week from a case: no consent or assessment yet, so she is due today.
  const second = await victim("V-MONUSCO-0001", "MONUSCO", {
    sex: "female",
    ageGroup: "child",
    age: 15,
    name: "Demo Victim Two",
    contact: "Through her aunt, Goma",
    caseId: caseIds[2],
    registeredDaysAgo: 7,
  });

  // One UN: her aunt agreed that UNICEF's office, which runs child protection in Goma, works on her record too.
  await tx
    .insert(victimShares)
    .values({ victimId: second, unitCode: "UNICEF-COD", consentBy: "caregiver", consentOn: isoDaysAgo(5) });
  // And MONUSCO's team shared her case with that office, which reads it and adds its notes.
  await tx.insert(caseShares).values({
    caseId: caseIds[2],
    unitCode: "UNICEF-COD",
    reason: "UNICEF's child protection team in Goma assists the girl; it follows the case with us.",
  });

  // Assisted without any case (GA resolution 62/214): a plan under way, nothing due yet.
  const third = await victim("V-MONUSCO-0002", "MONUSCO", {
    sex: "female",
    ageGroup: "adult",
    age: 27,
    name: "Demo Victim Three",
    contact: "+243 000 000 000 (demo)",
    caseId: null,
    registeredDaysAgo: 60,
  });
  await tx
    .insert(victimConsents)
    .values({ victimId: third, recipient: "service_providers", granted: false, givenOn: isoDaysAgo(58) });
  await tx.insert(needsAssessments).values({
    victimId: third,
    assessedOn: isoDaysAgo(58),
    needs: ["psychosocial", "shelter"],
    reviewOn: isoDaysAgo(-45),
  });
  await tx.insert(assistanceReferrals).values({
    victimId: third,
    providerId: providerIds.get("Tumaini shelter and school programme") as string,
    serviceType: "shelter",
    status: "accepted",
    proposedOn: isoDaysAgo(57),
    acceptedOn: isoDaysAgo(55),
    followUpOn: isoDaysAgo(-10),
  });

  await seedDemoClaim(tx, first, child.id, caseIds[3]);
  await seedDemoTrustFund(tx, caseIds[3]);
  for (const id of [first, second, third]) await refreshNextAction(tx, id);
}

/** The child's claim against P-01 (Ghana): DNA chain complete, paternity established, support ordered — and a payment now late. */
async function seedDemoClaim(tx: Transaction, victimId: string, childId: string, caseId: string) {
  const [father] = await tx
    .select({ id: perpetrators.id })
    .from(perpetrators)
    .where(and(eq(perpetrators.caseId, caseId), eq(perpetrators.code, "P-01")));
  const [claim] = await tx
    .insert(paternityClaims)
    .values({
      victimId,
      childId,
      caseId,
      perpetratorId: father.id,
      countryCode: "GHA",
      notifiedOn: isoDaysAgo(118),
      responseDueOn: isoDaysAgo(104),
      focalPointName: "Col. A. Owusu",
      focalPointAppointedOn: isoDaysAgo(110),
      paternity: "established",
      paternityDecidedOn: isoDaysAgo(60),
      supportAmount: 80,
      supportCurrency: "USD",
      supportFrequency: "monthly",
      supportAuthority: "High Court, Accra",
      supportOrderedOn: isoDaysAgo(120),
    })
    .returning({ id: paternityClaims.id });
  const at = (days: number, hour: number) => new Date(Date.now() - days * 86_400_000 + hour * 3_600_000);
  for (const [donor, code, where] of [
    ["child", "DNA-MINUSCA-0001-C", "Bangui"],
    ["mother", "DNA-MINUSCA-0001-M", "Bangui"],
    ["alleged_father", "DNA-GHA-2026-017", "Accra"],
  ] as const) {
    const [sample] = await tx
      .insert(dnaSamples)
      .values({ claimId: claim.id, donor, sampleCode: code })
      .returning({ id: dnaSamples.id });
    await tx.insert(custodyEvents).values([
      {
        sampleId: sample.id,
        kind: "collected",
        occurredAt: at(100, 9),
        byWhom: donor === "alleged_father" ? "Ghana Armed Forces medical officer" : "Nurse, Bangui health centre",
        place: where,
        kitNumber: `KIT-${code.slice(-3)}`,
      },
      {
        sampleId: sample.id,
        kind: "sealed",
        occurredAt: at(100, 10),
        byWhom: "Witnessing officer",
        toParty: donor === "alleged_father" ? "Ghana NIO" : "MINUSCA VRA",
      },
      {
        sampleId: sample.id,
        kind: "transferred",
        occurredAt: at(98, 8),
        byWhom: "Courier",
        fromParty: donor === "alleged_father" ? "Ghana NIO" : "MINUSCA VRA",
        toParty: "Accredited laboratory",
      },
      {
        sampleId: sample.id,
        kind: "received_by_laboratory",
        occurredAt: at(95, 11),
        byWhom: "Laboratory reception",
        toParty: "Accredited laboratory",
      },
      { sampleId: sample.id, kind: "analysed", occurredAt: at(70, 14), byWhom: "Laboratory" },
      ...(donor === "child"
        ? [
            {
              sampleId: sample.id,
              kind: "result",
              occurredAt: at(62, 9),
              byWhom: "Laboratory",
              result: "Paternity probability 99.99%",
            },
          ]
        : []),
    ]);
  }
  await tx.insert(supportPayments).values([
    { claimId: claim.id, paidOn: isoDaysAgo(90), amount: 80, currency: "USD" },
    { claimId: claim.id, paidOn: isoDaysAgo(60), amount: 80, currency: "USD" },
  ]);
}

/** The fund's books: voluntary contributions, the payment withheld from the Ghanaian contingent member, two projects. */
async function seedDemoTrustFund(tx: Transaction, caseId: string) {
  const [suspension] = await tx
    .select({ id: caseActions.id })
    .from(caseActions)
    .where(and(eq(caseActions.caseId, caseId), eq(caseActions.kind, "payment_suspension")));
  await tx.insert(trustFundContributions).values([
    { countryCode: "JPN", receivedOn: isoDaysAgo(200), amount: 500_000, currency: "USD" },
    { countryCode: "IND", receivedOn: isoDaysAgo(150), amount: 100_000, currency: "USD" },
    {
      countryCode: "GHA",
      receivedOn: isoDaysAgo(40),
      amount: 3_600,
      currency: "USD",
      fromWithheldPayments: true,
      caseActionId: suspension.id,
    },
  ]);
  const projects = await tx
    .insert(trustFundProjects)
    .values([
      {
        missionCode: "MONUSCO",
        title: "Psychosocial support and livelihoods for survivors in North Kivu",
        implementingPartner: "Tumaini shelter and school programme",
        budget: 240_000,
        currency: "USD",
        startsOn: isoDaysAgo(300),
        endsOn: isoDaysAgo(-400),
        services: ["psychosocial", "livelihood", "education"],
      },
      {
        missionCode: "MINUSCA",
        title: "Medical and legal aid for survivors and their children in Bangui",
        implementingPartner: "Bangui legal clinic",
        budget: 150_000,
        currency: "USD",
        startsOn: isoDaysAgo(500),
        endsOn: isoDaysAgo(-60),
        services: ["medical", "legal"],
      },
    ])
    .returning({ id: trustFundProjects.id });
  await tx.insert(trustFundBeneficiaries).values([
    { projectId: projects[0].id, reportedOn: isoDaysAgo(30), category: "victims", people: 64 },
    { projectId: projects[0].id, reportedOn: isoDaysAgo(30), category: "children_born_of_sea", people: 21 },
    { projectId: projects[0].id, reportedOn: isoDaysAgo(30), category: "community_members", people: 310 },
    { projectId: projects[1].id, reportedOn: isoDaysAgo(90), category: "victims", people: 38 },
    { projectId: projects[1].id, reportedOn: isoDaysAgo(90), category: "children_born_of_sea", people: 12 },
  ]);
}
