// Patterns in a unit: its allegations (kept counts, one per case its people are implicated in) by
// outcome, per 1,000 personnel against its mission's rate, the resolution 2272 signals, and what
// headquarters decided on its record.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { contingents, unitAllegationCounts, unitDecisions } from "../../../db/schema.js";
import {
  perThousand,
  seaAllegations,
  systemicSignalsOf,
  type UnitAllegations,
  type UnitDecision,
} from "../../../domain/command.js";
import type { UnitDecisionBody, UnitPatterns } from "../../../domain/contracts/command.js";
import type { Actor } from "../../auth/actor.js";
import { unitPatternPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture } from "../../dates.js";
import { Forbidden, NotFound } from "../../errors.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

const counted = (column: AnyPgColumn) => sql<number>`coalesce(${column}, 0)`.mapWith(Number);

/** Each mission's SEA allegations per 1,000 personnel of its units, over every State's units. */
async function missionRates(tx: Transaction, missionCodes: string[]) {
  if (missionCodes.length === 0) return new Map<string, number | null>();
  const { rows } = (await tx.execute(
    sql`select mission_code, strength, sea_allegations from conduct_mission_unit_rates(array[${sql.join(
      missionCodes.map((code) => sql`${code}`),
      sql`, `,
    )}]::text[])`,
  )) as unknown as { rows: { mission_code: string; strength: string | number; sea_allegations: string | number }[] };
  return new Map(rows.map((row) => [row.mission_code, perThousand(Number(row.sea_allegations), Number(row.strength))]));
}

/** The units in scope (a State its own, by row-level security) with their patterns and decisions. */
export async function unitPatternRows(
  tx: Transaction,
  filter: { missionCode?: string; countryCode?: string; signalledOnly: boolean },
): Promise<UnitPatterns["items"]> {
  const inScope = and(
    filter.missionCode ? eq(contingents.missionCode, filter.missionCode) : undefined,
    filter.countryCode ? eq(contingents.countryCode, filter.countryCode) : undefined,
  );
  const units = await tx
    .select({
      id: contingents.id,
      missionCode: contingents.missionCode,
      countryCode: contingents.countryCode,
      name: contingents.name,
      categoryCode: contingents.categoryCode,
      strength: contingents.strength,
      deployedOn: contingents.deployedOn,
      rotation: contingents.rotation,
      rotatedOutOn: contingents.rotatedOutOn,
      substantiated: counted(unitAllegationCounts.substantiated),
      notSubstantiated: counted(unitAllegationCounts.notSubstantiated),
      pending: counted(unitAllegationCounts.pending),
      otherMisconduct: counted(unitAllegationCounts.otherMisconduct),
    })
    .from(contingents)
    .leftJoin(unitAllegationCounts, eq(unitAllegationCounts.contingentId, contingents.id))
    .where(inScope)
    .orderBy(asc(contingents.missionCode), asc(contingents.name));
  const rates = await missionRates(tx, [...new Set(units.map((unit) => unit.missionCode))]);
  const patterns = units
    .map(({ substantiated, notSubstantiated, pending, otherMisconduct, ...unit }) => {
      const allegations: UnitAllegations = { substantiated, notSubstantiated, pending, otherMisconduct };
      const ratePerThousand = perThousand(seaAllegations(allegations), unit.strength);
      const missionRate = rates.get(unit.missionCode) ?? null;
      return {
        ...unit,
        allegations,
        ratePerThousand,
        missionRate,
        signals: systemicSignalsOf(allegations, ratePerThousand, missionRate),
      };
    })
    .filter((unit) => !filter.signalledOnly || unit.signals.length > 0);
  // Decisions are few: those on the units in scope, matched to the units answered.
  const decisions = patterns.length
    ? await tx
        .select({ decision: unitDecisions })
        .from(unitDecisions)
        .innerJoin(contingents, eq(contingents.id, unitDecisions.contingentId))
        .where(inScope)
        .orderBy(desc(unitDecisions.decidedOn), desc(unitDecisions.createdAt))
        .then((rows) => rows.map((row) => row.decision))
    : [];
  return patterns.map((unit) => ({
    ...unit,
    decisions: decisions
      .filter((decision) => decision.contingentId === unit.id)
      .map((decision) => ({
        id: decision.id,
        decision: decision.decision as UnitDecision,
        decidedOn: decision.decidedOn,
        grounds: decision.grounds,
      })),
  }));
}

/** The units in the caller's scope with their patterns, and whether it records decisions. */
export async function unitPatterns(
  services: Services,
  actor: Actor,
  filter: { missionCode?: string; countryCode?: string; signalledOnly: boolean },
): Promise<UnitPatterns> {
  if (!unitPatternPolicy.read(actor)) throw new Forbidden("Your role does not read units and their records.");
  return inTransaction(services.db, actor, async (tx) => ({
    items: await unitPatternRows(tx, filter),
    can: { decide: unitPatternPolicy.decide(actor) },
  }));
}

/** Records headquarters' decision on a unit's record: a review, the State's response, repatriation… */
export async function decideOnUnit(services: Services, actor: Actor, unitId: string, input: UnitDecisionBody) {
  return inTransaction(services.db, actor, async (tx) => {
    const [unit] = await tx.select().from(contingents).where(eq(contingents.id, unitId));
    if (!unit) throw new NotFound("unit");
    if (!unitPatternPolicy.decide(actor))
      throw new Forbidden("Headquarters records the decisions taken on a unit's record.");
    assertNotInFuture(input.decidedOn, "body.decidedOn");
    const [row] = await tx
      .insert(unitDecisions)
      .values({ contingentId: unit.id, ...input, recordedBy: actor.userId })
      .returning({ id: unitDecisions.id });
    await recordAuditEvent(tx, actor, {
      action: "command.unit.decide",
      subjectType: "unit",
      subjectId: unit.id,
      details: {
        decisionId: row.id,
        decision: input.decision,
        decidedOn: input.decidedOn,
        missionCode: unit.missionCode,
        countryCode: unit.countryCode,
      },
    });
    return { id: row.id };
  });
}
