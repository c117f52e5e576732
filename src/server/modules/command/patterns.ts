// Patterns in a unit: its allegations (kept counts, one per case its people are implicated in) by
// outcome, per 1,000 personnel against its mission's rate, the resolution 2272 signals, and what
// headquarters decided on its record.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
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

/**
 * Units in the order of their mission and name (unique together), compared character by character:
 * the same order on every installation whatever its database's locale, and thousands of units sort
 * without a locale's rules.
 */
const unitOrder = [sql`${contingents.missionCode} collate "C"`, sql`${contingents.name} collate "C"`];

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

/** Which units: one mission's, one State's, or all the caller may see. */
export interface UnitScope {
  missionCode?: string;
  countryCode?: string;
}

export interface UnitFilter extends UnitScope {
  signalledOnly: boolean;
}

/** A stretch of the units, in the order of their mission and name. */
export interface UnitPage {
  offset: number;
  limit: number;
}

type UnitPattern = UnitPatterns["items"][number];

interface UnitCounts extends UnitAllegations {
  id: string;
  missionCode: string;
  countryCode: string;
  strength: number;
}

const unitScope = (filter: UnitScope) =>
  and(
    filter.missionCode ? eq(contingents.missionCode, filter.missionCode) : undefined,
    filter.countryCode ? eq(contingents.countryCode, filter.countryCode) : undefined,
  );

/** Every unit in scope (a State its own, by row-level security) with its counts, rates and signals. */
async function unitSignals(tx: Transaction, scope: UnitScope) {
  const inScope = unitScope(scope);
  // Read as plain rows: thousands of them would spend more time being mapped by the query builder
  // than being read.
  const { rows: counts } = (await tx.execute(sql`
    select ${contingents.id} as id, ${contingents.missionCode} as "missionCode",
      ${contingents.countryCode} as "countryCode", ${contingents.strength} as strength,
      coalesce(${unitAllegationCounts.substantiated}, 0) as substantiated,
      coalesce(${unitAllegationCounts.notSubstantiated}, 0) as "notSubstantiated",
      coalesce(${unitAllegationCounts.pending}, 0) as pending,
      coalesce(${unitAllegationCounts.otherMisconduct}, 0) as "otherMisconduct"
    from ${contingents} left join ${unitAllegationCounts} on ${eq(unitAllegationCounts.contingentId, contingents.id)}
    ${inScope ? sql`where ${inScope}` : sql``}
    order by ${sql.join(unitOrder, sql`, `)}`)) as unknown as { rows: UnitCounts[] };
  const rates = await missionRates(tx, [...new Set(counts.map((unit) => unit.missionCode))]);
  return counts.map(({ id, missionCode, countryCode, strength, ...allegations }) => {
    const ratePerThousand = perThousand(seaAllegations(allegations), strength);
    const missionRate = rates.get(missionCode) ?? null;
    return {
      id,
      missionCode,
      countryCode,
      allegations,
      ratePerThousand,
      missionRate,
      signals: systemicSignalsOf(allegations, ratePerThousand, missionRate),
    };
  });
}

/** What each unit in scope adds to command measures: its mission and State, its signals, the decisions on it. */
export async function unitCommandRecords(tx: Transaction, scope: UnitScope) {
  const units = await unitSignals(tx, scope);
  const decisions = await tx
    .select({ unitId: unitDecisions.contingentId, decision: unitDecisions.decision })
    .from(unitDecisions)
    .innerJoin(contingents, eq(contingents.id, unitDecisions.contingentId))
    .where(unitScope(scope));
  const decisionsOf = new Map<string, string[]>();
  for (const row of decisions) decisionsOf.set(row.unitId, [...(decisionsOf.get(row.unitId) ?? []), row.decision]);
  return units.map((unit) => ({
    missionCode: unit.missionCode,
    countryCode: unit.countryCode,
    record: { signals: unit.signals.length, decisions: decisionsOf.get(unit.id) ?? [] },
  }));
}

/**
 * A page of the units in scope with their patterns and decisions: every unit's counts are read to
 * know its signals, then only the page's units are read in full.
 */
export async function unitPatternRows(
  tx: Transaction,
  filter: UnitFilter,
  page: UnitPage,
): Promise<{ items: UnitPattern[]; total: number }> {
  const all = await unitSignals(tx, filter);
  const patterns = all.filter((unit) => !filter.signalledOnly || unit.signals.length > 0);
  const shown = patterns.slice(page.offset, page.offset + page.limit);
  if (shown.length === 0) return { items: [], total: patterns.length };
  // The whole scope when it is all shown (one join, not thousands of ids), else the page's units.
  const inScope = unitScope(filter);
  const whole = shown.length === all.length;
  const ids = whole
    ? undefined
    : inArray(
        contingents.id,
        shown.map((unit) => unit.id),
      );
  const [details, decisions] = await Promise.all([
    tx
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
      })
      .from(contingents)
      .where(ids ?? inScope),
    tx
      .select({ decision: unitDecisions })
      .from(unitDecisions)
      .innerJoin(contingents, eq(contingents.id, unitDecisions.contingentId))
      .where(ids ?? inScope)
      .orderBy(desc(unitDecisions.decidedOn), desc(unitDecisions.createdAt)),
  ]);
  const detailOf = new Map(details.map((unit) => [unit.id, unit]));
  const decisionsOf = new Map<string, (typeof decisions)[number]["decision"][]>();
  for (const { decision } of decisions)
    decisionsOf.set(decision.contingentId, [...(decisionsOf.get(decision.contingentId) ?? []), decision]);
  return {
    total: patterns.length,
    items: shown.map((unit) => ({
      ...(detailOf.get(unit.id) as (typeof details)[number]),
      ...unit,
      decisions: (decisionsOf.get(unit.id) ?? []).map((decision) => ({
        id: decision.id,
        decision: decision.decision as UnitDecision,
        decidedOn: decision.decidedOn,
        grounds: decision.grounds,
      })),
    })),
  };
}

/** A page of the units in the caller's scope with their patterns, how many there are, and whether it records decisions. */
export async function unitPatterns(
  services: Services,
  actor: Actor,
  filter: UnitFilter,
  page: UnitPage,
): Promise<UnitPatterns> {
  if (!unitPatternPolicy.read(actor)) throw new Forbidden("Your role does not read units and their records.");
  return inTransaction(
    services.db,
    actor,
    async (tx) => ({
      ...(await unitPatternRows(tx, filter, page)),
      ...page,
      can: { decide: unitPatternPolicy.decide(actor) },
    }),
    { readOnly: true },
  );
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
