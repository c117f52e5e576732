// Demo command records in MINUSCA: the Ghanaian and Rwandan battalions whose people the joint
// investigation concerned, each alleged perpetrator linked to their unit, and headquarters' review
// of the Ghanaian battalion's record after the substantiated finding.
import { and, eq } from "drizzle-orm";
import { contingents, perpetrators, unitDecisions } from "../db/schema.js";
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
