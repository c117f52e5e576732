// Demo command records in MINUSCA: the Ghanaian and Rwandan battalions whose people the joint
// investigation concerned, each alleged perpetrator linked to their unit, and headquarters' review
// of the Ghanaian battalion's record after the substantiated finding. And MONUSCO's leaders' plans
// for this year: the head of mission's, certified, with one item late; the force commander's, a draft.
import { and, eq } from "drizzle-orm";
import { contingents, leadershipCommitments, leadershipPlans, perpetrators, unitDecisions } from "../db/schema.js";
import type { Transaction } from "../server/transaction.js";

const demoUnits = [
  { name: "GHANBATT-3", countryCode: "GHA", strength: 750, deployedOn: "2025-09-01", code: "P-01" },
  { name: "RWABATT-2", countryCode: "RWA", strength: 850, deployedOn: "2025-09-15", code: "P-02" },
];

/** `minuscaCaseId` is the demo's MINUSCA joint investigation (Ghana's P-01, Rwanda's P-02). */
export async function seedDemoCommand(tx: Transaction, minuscaCaseId: string) {
  for (const demo of demoUnits) {
    const [unit] = await tx
      .insert(contingents)
      .values({
        missionCode: "MINUSCA",
        countryCode: demo.countryCode,
        name: demo.name,
        categoryCode: "MIL_MC",
        strength: demo.strength,
        deployedOn: demo.deployedOn,
        rotation: `ROT ${demo.name.slice(-1)}`,
        location: "Bangui",
      })
      .returning({ id: contingents.id });
    await tx
      .update(perpetrators)
      .set({ contingentId: unit.id })
      .where(and(eq(perpetrators.caseId, minuscaCaseId), eq(perpetrators.code, demo.code)));
    if (demo.countryCode === "GHA")
      await tx.insert(unitDecisions).values({
        contingentId: unit.id,
        decision: "review",
        decidedOn: "2026-11-20",
        grounds: "A substantiated allegation of rape: the battalion's record and command reviewed with Ghana.",
      });
  }
}

const isoDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const demoPlans = [
  {
    post: "head_of_mission",
    leaderName: "Aïssata Touré",
    certifiedDaysAgo: 200,
    items: [
      ["Off-limits areas around Bunia and Goma reviewed with the communities", "Chief of staff", -40, null],
      ["Every contingent commander briefed on SEA within 30 days of arrival", "Force commander", -90, 95],
      ["Community complaint networks in every sector with a team site", "Conduct and Discipline Team", 60, null],
    ],
  },
  {
    post: "force_commander",
    leaderName: "Lt Gen. Ulisses de Mesquita",
    certifiedDaysAgo: null,
    items: [["Night-time movement of contingent members under escort only", "Sector commanders", 45, null]],
  },
] as const;

export async function seedDemoLeadership(tx: Transaction) {
  const year = Number(isoDays(0).slice(0, 4));
  for (const demo of demoPlans) {
    const [plan] = await tx
      .insert(leadershipPlans)
      .values({
        missionCode: "MONUSCO",
        year,
        post: demo.post,
        leaderName: demo.leaderName,
        certifiedOn: demo.certifiedDaysAgo === null ? null : isoDays(-demo.certifiedDaysAgo),
      })
      .returning({ id: leadershipPlans.id });
    await tx.insert(leadershipCommitments).values(
      demo.items.map(([commitment, owner, dueInDays, doneDaysAgo]) => ({
        planId: plan.id,
        commitment,
        owner,
        dueOn: isoDays(dueInDays),
        status: doneDaysAgo === null ? "in_progress" : "done",
        doneOn: doneDaysAgo === null ? null : isoDays(-doneDaysAgo),
      })),
    );
  }
}
