// Command accountability: units (each rotation of a contingent) with their leaders by period, the
// unit an alleged perpetrator served in, and who commanded it on the day of the incident. Leaders'
// names are sealed like perpetrators' identities; reading them is audited.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { cases, commandDuties, contingents, leaderAllegations, perpetrators, unitLeaders } from "../../../db/schema.js";
import {
  type CommandDuty,
  commandDuties as commandDutyOrder,
  commanderOn,
  type DutyAnswer,
  failedDuties,
  type UnitPost,
} from "../../../domain/command.js";
import type { AddLeaderBody, CaseCommand, CommandDutiesBody, UnitList } from "../../../domain/contracts/command.js";
import type { Actor } from "../../auth/actor.js";
import { assertNotInFuture } from "../../dates.js";
import { enforcementPolicy, trainingPolicy } from "../../auth/policies/index.js";
import { Forbidden, invalidField, NotFound } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertCaseOpen, authorizeCase, findCaseWithFacts } from "../cases/index.js";

interface LeaderIdentity {
  name: string;
  rank: string | null;
}

type LeaderRow = typeof unitLeaders.$inferSelect;

/** Each leader opened, with the unit it belongs to. */
export async function presentLeaders(services: Services, tx: Transaction, rows: LeaderRow[]) {
  const opened = await Promise.all(
    rows.map(async (row) => {
      const identity = await services.encryption.decryptJson<LeaderIdentity>(
        tx,
        row.identityEncrypted,
        fieldContext("unit_leaders", "identity_encrypted", row.id),
      );
      return {
        id: row.id,
        post: row.post as UnitPost,
        name: identity.name,
        rank: identity.rank,
        servedFrom: row.servedFrom,
        servedTo: row.servedTo,
      };
    }),
  );
  return { all: opened, of: (unitId: string) => opened.filter((_, index) => rows[index].contingentId === unitId) };
}

const leadersOf = (tx: Transaction, unitIds: string[]) =>
  unitIds.length
    ? tx
        .select()
        .from(unitLeaders)
        .where(inArray(unitLeaders.contingentId, unitIds))
        .orderBy(asc(unitLeaders.servedFrom))
    : Promise.resolve([]);

/** The units in the caller's scope (row-level security narrows them: a State sees its own), with their leaders. */
export async function listUnits(
  services: Services,
  actor: Actor,
  filter: { missionCode?: string; countryCode?: string },
): Promise<UnitList> {
  if (!trainingPolicy.read(actor)) throw new Forbidden("Your role does not read units and their command.");
  return inTransaction(services.db, actor, async (tx) => {
    const units = await tx
      .select()
      .from(contingents)
      .where(
        and(
          filter.missionCode ? eq(contingents.missionCode, filter.missionCode) : undefined,
          filter.countryCode ? eq(contingents.countryCode, filter.countryCode) : undefined,
        ),
      )
      .orderBy(asc(contingents.missionCode), asc(contingents.name));
    const leaders = await presentLeaders(
      services,
      tx,
      await leadersOf(
        tx,
        units.map((unit) => unit.id),
      ),
    );
    if (leaders.all.length)
      await recordAuditEvent(tx, actor, {
        action: "command.leaders.read",
        details: { units: units.length, leaders: leaders.all.length },
      });
    return {
      items: units.map((unit) => ({
        id: unit.id,
        missionCode: unit.missionCode,
        countryCode: unit.countryCode,
        name: unit.name,
        categoryCode: unit.categoryCode,
        strength: unit.strength,
        rotation: unit.rotation,
        deployedOn: unit.deployedOn,
        rotatedOutOn: unit.rotatedOutOn,
        location: unit.location,
        leaders: leaders.of(unit.id),
      })),
    };
  });
}

/** Writes a leader's row, the name and rank sealed; answers its id. */
export async function insertLeader(
  services: Services,
  tx: Transaction,
  unitId: string,
  leader: { post: string; name: string; rank: string | null; servedFrom: string; servedTo: string | null },
  recordedBy: string | null,
) {
  const id = randomUUID();
  const identity: LeaderIdentity = { name: leader.name, rank: leader.rank };
  await tx.insert(unitLeaders).values({
    id,
    contingentId: unitId,
    post: leader.post,
    identityEncrypted: await services.encryption.encrypt(
      tx,
      JSON.stringify(identity),
      fieldContext("unit_leaders", "identity_encrypted", id),
    ),
    servedFrom: leader.servedFrom,
    servedTo: leader.servedTo,
    recordedBy,
  });
  return id;
}

/** Records a leader of a unit for a period: headquarters, or the team of the unit's mission. */
export async function addLeader(services: Services, actor: Actor, unitId: string, input: AddLeaderBody) {
  return inTransaction(services.db, actor, async (tx) => {
    const [unit] = await tx.select().from(contingents).where(eq(contingents.id, unitId));
    if (!unit) throw new NotFound("unit");
    if (!trainingPolicy.keepContingent(actor, unit.missionCode))
      throw new Forbidden("Headquarters or the mission's conduct and discipline team record a unit's leaders.");
    if (input.servedTo !== null && input.servedTo < unit.deployedOn)
      throw invalidField("The period ends before the unit deployed.", "body.servedTo", "before_deployment");
    const id = await insertLeader(services, tx, unit.id, input, actor.userId);
    await recordAuditEvent(tx, actor, {
      action: "command.leader.add",
      subjectType: "unit",
      subjectId: unit.id,
      details: { leaderId: id, post: input.post },
    });
    return { id };
  });
}

/** Links an alleged perpetrator to the unit they served in (or unlinks): the case's officers. */
export async function setPerpetratorUnit(
  services: Services,
  actor: Actor,
  perpetratorId: string,
  contingentId: string | null,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(perpetrators).where(eq(perpetrators.id, perpetratorId));
    const found = row ? await findCaseWithFacts(tx, row.caseId) : null;
    if (!row || !found || !enforcementPolicy.viewPerpetrator(actor, found.facts, row.nationalityCode))
      throw new NotFound("perpetrator");
    if (!enforcementPolicy.addPerpetrator(actor, found.facts))
      throw new Forbidden(
        "Only the case's Conduct and Discipline officers record who is implicated, and where they served.",
      );
    assertCaseOpen(found.row);
    if (contingentId !== null) {
      const [unit] = await tx.select().from(contingents).where(eq(contingents.id, contingentId));
      if (!unit) throw invalidField("There is no such unit in your scope.", "body.contingentId", "unknown_unit");
      if (unit.missionCode !== found.row.missionCode)
        throw invalidField(
          "The unit serves in another mission than the case's.",
          "body.contingentId",
          "unit_elsewhere",
        );
      if (row.nationalityCode !== null && unit.countryCode !== row.nationalityCode)
        throw invalidField("The unit is another State's than the person's.", "body.contingentId", "unit_elsewhere");
    }
    await tx
      .update(perpetrators)
      .set({ contingentId, version: sql`${perpetrators.version} + 1`, updatedAt: new Date() })
      .where(eq(perpetrators.id, perpetratorId));
    await recordAuditEvent(tx, actor, {
      action: "command.perpetrator.unit",
      subjectType: "perpetrator",
      subjectId: perpetratorId,
      details: { caseId: row.caseId, contingentId },
    });
    return null;
  });
}

/** For each alleged perpetrator the caller may see: their unit and its commander on the day of the incident. */
export async function caseCommand(services: Services, actor: Actor, caseId: string): Promise<CaseCommand> {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    const onDay = found.row.dateOfIncident ?? found.row.dateReported;
    const people = (
      await tx.select().from(perpetrators).where(eq(perpetrators.caseId, caseId)).orderBy(asc(perpetrators.code))
    ).filter((person) => enforcementPolicy.viewPerpetrator(actor, found.facts, person.nationalityCode));
    const unitIds = [...new Set(people.flatMap((person) => (person.contingentId ? [person.contingentId] : [])))];
    const units = unitIds.length ? await tx.select().from(contingents).where(inArray(contingents.id, unitIds)) : [];
    const leaders = await presentLeaders(services, tx, await leadersOf(tx, unitIds));
    const items = people.map((person) => {
      const unit = units.find((candidate) => candidate.id === person.contingentId) ?? null;
      return {
        perpetratorId: person.id,
        code: person.code,
        unit: unit && { id: unit.id, name: unit.name, rotation: unit.rotation, countryCode: unit.countryCode },
        commander: unit ? commanderOn(leaders.of(unit.id), onDay) : null,
        onDay,
      };
    });
    // Row-level security leaves out the duties of units the reader may not see.
    const duties = unitIds.length
      ? await tx
          .select()
          .from(commandDuties)
          .where(and(eq(commandDuties.caseId, caseId), inArray(commandDuties.contingentId, unitIds)))
      : [];
    // Row-level security leaves out the linked cases the reader may not see.
    const opened = await tx
      .select({
        caseId: leaderAllegations.caseId,
        reference: cases.reference,
        unitId: leaderAllegations.contingentId,
        post: unitLeaders.post,
      })
      .from(leaderAllegations)
      .innerJoin(cases, eq(cases.id, leaderAllegations.caseId))
      .innerJoin(unitLeaders, eq(unitLeaders.id, leaderAllegations.leaderId))
      .where(eq(leaderAllegations.originCaseId, caseId))
      .orderBy(asc(cases.reference));
    const [arisesFrom] = await tx
      .select({ caseId: leaderAllegations.originCaseId, reference: cases.reference })
      .from(leaderAllegations)
      .innerJoin(cases, eq(cases.id, leaderAllegations.originCaseId))
      .where(eq(leaderAllegations.caseId, caseId));
    if (leaders.all.length)
      await recordAuditEvent(tx, actor, {
        action: "command.case.read",
        subjectType: "case",
        subjectId: caseId,
        details: { units: units.length },
      });
    return {
      items,
      units: units
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((unit) => ({
          id: unit.id,
          name: unit.name,
          rotation: unit.rotation,
          countryCode: unit.countryCode,
          duties: duties
            .filter((duty) => duty.contingentId === unit.id)
            .map((duty) => ({ duty: duty.duty as CommandDuty, answer: duty.answer as DutyAnswer, doneOn: duty.doneOn }))
            // In the order the duties fall due: report, interim measures, evidence, cooperation.
            .sort((a, b) => commandDutyOrder.indexOf(a.duty) - commandDutyOrder.indexOf(b.duty)),
        })),
      leaderAllegations: opened.map((row) => ({ ...row, post: row.post as UnitPost })),
      arisesFrom: arisesFrom ?? null,
      can: { recordDuties: enforcementPolicy.addPerpetrator(actor, found.facts) && found.row.status !== "closed" },
    };
  });
}

/** A unit one of the case's alleged perpetrators served in, or a field error naming the unit. */
export async function caseUnit(tx: Transaction, caseId: string, unitId: string) {
  const [unit] = await tx
    .select({ unit: contingents })
    .from(contingents)
    .innerJoin(perpetrators, eq(perpetrators.contingentId, contingents.id))
    .where(and(eq(contingents.id, unitId), eq(perpetrators.caseId, caseId)))
    .limit(1);
  if (!unit)
    throw invalidField(
      "None of the case's alleged perpetrators served in that unit.",
      "params.unitId",
      "unit_elsewhere",
    );
  return unit.unit;
}

/**
 * Records what a unit's leaders did on a case, duty by duty (a duty recorded again is replaced): the
 * case's officers, for a unit one of its alleged perpetrators served in, on an open case.
 */
export async function recordDuties(
  services: Services,
  actor: Actor,
  caseId: string,
  unitId: string,
  input: CommandDutiesBody,
) {
  return inTransaction(services.db, actor, async (tx) => {
    const found = await authorizeCase(tx, actor, caseId);
    if (!enforcementPolicy.addPerpetrator(actor, found.facts))
      throw new Forbidden("Only the case's Conduct and Discipline officers record what a unit's leaders did.");
    assertCaseOpen(found.row);
    const unit = await caseUnit(tx, caseId, unitId);
    input.duties.forEach((duty, index) => {
      if (duty.doneOn) assertNotInFuture(duty.doneOn, `body.duties.${index}.doneOn`);
    });
    await tx
      .insert(commandDuties)
      .values(input.duties.map((duty) => ({ caseId, contingentId: unit.id, ...duty, recordedBy: actor.userId })))
      .onConflictDoUpdate({
        target: [commandDuties.caseId, commandDuties.contingentId, commandDuties.duty],
        set: {
          answer: sql`excluded.answer`,
          doneOn: sql`excluded.done_on`,
          recordedBy: sql`excluded.recorded_by`,
          recordedAt: sql`now()`,
        },
      });
    await recordAuditEvent(tx, actor, {
      action: "command.duties.record",
      subjectType: "case",
      subjectId: caseId,
      details: {
        contingentId: unit.id,
        countryCode: unit.countryCode,
        duties: input.duties.map((duty) => `${duty.duty}:${duty.answer}`),
        failed: failedDuties(input.duties),
      },
    });
    return null;
  });
}
