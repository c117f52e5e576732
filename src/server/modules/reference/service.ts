// Reference data: read by every signed-in user; missions maintained by administrators.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { prepared } from "../../../db/prepared.js";
import {
  allegationTypes,
  countries,
  misconductTypes,
  missions,
  personnelCategories,
  unEntities,
} from "../../../db/schema.js";
import { entityOfMissionKind, type UnEntityKind } from "../../../domain/reference/entities.js";
import type { MissionKind } from "../../../domain/reference/missions.js";
import { personnelCategorySeedOf } from "../../../domain/reference/personnel.js";
import type { Database } from "../../../db/connection.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { referencePolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

import { presentMission } from "./presenters.js";

function assertCanRead(actor: Actor) {
  if (!referencePolicy.read(actor)) throw new Forbidden();
}

/** Every entity as organisations are named to readers (src/domain/vocabulary/entity-names.ts). */
export const namedEntities = (db: Database | Transaction) =>
  db.select({ code: unEntities.code, name: unEntities.name, partnerOf: unEntities.partnerOf }).from(unEntities);

export async function listMissions(services: Services, actor: Actor) {
  assertCanRead(actor);
  const rows = await prepared(services.db, "missions", (db) =>
    db
      .select()
      .from(missions)
      .orderBy(sql`${missions.endYear} is not null`, asc(missions.code))
      .prepare("reference_missions"),
  ).execute();
  return rows.map((row) => presentMission(row, actor));
}

export async function listCountries(services: Services, actor: Actor) {
  assertCanRead(actor);
  return prepared(services.db, "countries", (db) =>
    db
      .select({
        code: countries.code,
        alpha2: countries.alpha2,
        m49: countries.m49,
        standing: countries.standing,
        names: countries.names,
      })
      .from(countries)
      .orderBy(asc(countries.code))
      .prepare("reference_countries"),
  ).execute();
}

/** The categories on record, each with where peace operations and the system-wide figures place it. */
export async function listPersonnelCategories(services: Services, actor: Actor) {
  assertCanRead(actor);
  const rows = await prepared(services.db, "categories", (db) =>
    db.select().from(personnelCategories).orderBy(asc(personnelCategories.sortOrder)).prepare("reference_categories"),
  ).execute();
  return rows.map((row) => {
    // Every category on record is seeded from the domain's list; another would be a broken install.
    const seed = personnelCategorySeedOf(row.code);
    if (!seed) throw new Error(`Personnel category ${row.code} is on record but not in the domain's list`);
    return { ...row, peacekeeping: seed.peacekeeping, systemWide: seed.systemWide };
  });
}

export async function listAllegationTypes(services: Services, actor: Actor) {
  assertCanRead(actor);
  return prepared(services.db, "allegation_types", (db) =>
    db.select().from(allegationTypes).orderBy(asc(allegationTypes.sortOrder)).prepare("reference_allegation_types"),
  ).execute();
}

export async function listMisconductTypes(services: Services, actor: Actor) {
  assertCanRead(actor);
  return prepared(services.db, "misconduct_types", (db) =>
    db.select().from(misconductTypes).orderBy(asc(misconductTypes.sortOrder)).prepare("reference_misconduct_types"),
  ).execute();
}

export interface MissionInput {
  code: string;
  /** Unset: the entity of its kind (DPO for a peacekeeping operation); an entity's office must name it. */
  entityCode?: string;
  name: string;
  nameFr: string | null;
  kind: MissionKind;
  hostCountryCode: string | null;
  location: string | null;
  startYear: number;
  endYear: number | null;
}

function assertYears(input: { startYear: number; endYear: number | null }) {
  if (input.endYear !== null && input.endYear < input.startYear) {
    throw new ValidationFailed("The end year cannot be before the start year.", [
      { path: "body.endYear", message: "before start year" },
    ]);
  }
}

/** The entity a unit belongs to: the one named, which must exist, or its kind's. */
async function entityOfUnit(tx: Transaction, kind: MissionKind, named: string | undefined) {
  const code = named ?? (kind === "entity_office" ? undefined : entityOfMissionKind[kind]);
  if (!code)
    throw new ValidationFailed("An office of a UN system entity must name its entity.", [
      { path: "body.entityCode", message: "required for an entity's office" },
    ]);
  const [found] = await tx.select({ code: unEntities.code }).from(unEntities).where(eq(unEntities.code, code));
  if (!found)
    throw new ValidationFailed(`Unknown entity: ${code}.`, [{ path: "body.entityCode", message: "unknown entity" }]);
  return code;
}

export async function createMission(services: Services, actor: Actor, input: MissionInput) {
  if (!referencePolicy.manage(actor)) throw new Forbidden("Only an administrator maintains reference data.");
  assertYears(input);
  return inTransaction(services.db, actor, async (tx) => {
    const [existing] = await tx.select({ code: missions.code }).from(missions).where(eq(missions.code, input.code));
    if (existing) throw new Conflict(`A mission with code ${input.code} already exists.`, {}, "mission_code_taken");
    const entityCode = await entityOfUnit(tx, input.kind, input.entityCode);
    const [row] = await tx
      .insert(missions)
      .values({ ...input, entityCode })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "reference.mission.create",
      subjectType: "mission",
      subjectId: input.code,
    });
    return presentMission(row, actor);
  });
}

export async function updateMission(
  services: Services,
  actor: Actor,
  code: string,
  changes: Partial<Omit<MissionInput, "code">> & { version: number },
) {
  if (!referencePolicy.manage(actor)) throw new Forbidden("Only an administrator maintains reference data.");
  return inTransaction(services.db, actor, async (tx) => {
    const [current] = await tx.select().from(missions).where(eq(missions.code, code));
    if (!current) throw new NotFound("mission");
    if (current.version !== changes.version) {
      throw new Conflict(
        "Someone else changed this mission since you opened it. Reload, then apply your change again.",
        { current: presentMission(current, actor) },
        "stale_version",
      );
    }
    const { version, ...fields } = changes;
    if (fields.entityCode !== undefined || fields.kind !== undefined)
      fields.entityCode = await entityOfUnit(
        tx,
        fields.kind ?? (current.kind as MissionKind),
        fields.entityCode ?? (fields.kind ? undefined : current.entityCode),
      );
    assertYears({
      startYear: fields.startYear ?? current.startYear,
      endYear: fields.endYear !== undefined ? fields.endYear : current.endYear,
    });
    const [row] = await tx
      .update(missions)
      .set({ ...fields, version: sql`${missions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(missions.code, code), eq(missions.version, version)))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "reference.mission.update",
      subjectType: "mission",
      subjectId: code,
      details: { fields: Object.keys(fields) },
    });
    return presentMission(row, actor);
  });
}

/** Countries' names in one language, by ISO alpha-3 code: public reference data, for the public pages and files. */
export async function countryNamesIn(services: Services, language: string): Promise<Map<string, string>> {
  const rows = await services.db.select({ code: countries.code, names: countries.names }).from(countries);
  return new Map(rows.map((row) => [row.code, row.names[language] ?? row.names.en ?? row.code]));
}

/** The UN system's entities: the seeded ones and the installation's own (implementing partners, non-UN forces). */
export async function listEntities(services: Services, actor: Actor) {
  assertCanRead(actor);
  return inTransaction(services.db, actor, async (tx) => {
    const [entities, units] = await Promise.all([
      tx.select().from(unEntities).orderBy(asc(unEntities.code)),
      tx.select({ code: missions.code, entityCode: missions.entityCode }).from(missions),
    ]);
    return entities.map((entity) => ({
      code: entity.code,
      kind: entity.kind as UnEntityKind,
      name: entity.name,
      partnerOf: entity.partnerOf,
      units: units.filter((unit) => unit.entityCode === entity.code).map((unit) => unit.code),
      version: entity.version,
    }));
  });
}

export interface EntityInput {
  code: string;
  kind: UnEntityKind;
  name: string;
  partnerOf: string | null;
}

/** Adds an entity: an implementing partner (of a UN entity that exists) or a non-UN force, or another of the system's. */
export async function createEntity(services: Services, actor: Actor, input: EntityInput) {
  if (!referencePolicy.manage(actor)) throw new Forbidden("Only an administrator maintains reference data.");
  if ((input.kind === "implementing_partner") !== (input.partnerOf !== null))
    throw new ValidationFailed("An implementing partner, and only one, names the UN entity it works for.", [
      { path: "body.partnerOf", message: "partner_of_mismatch" },
    ]);
  return inTransaction(services.db, actor, async (tx) => {
    const codes = [input.code, ...(input.partnerOf ? [input.partnerOf] : [])];
    const found = await tx
      .select({ code: unEntities.code, kind: unEntities.kind })
      .from(unEntities)
      .where(inArray(unEntities.code, codes));
    if (found.some((row) => row.code === input.code))
      throw new Conflict(`An entity with code ${input.code} already exists.`, {}, "entity_code_taken");
    const partner = found.find((row) => row.code === input.partnerOf);
    if (input.partnerOf && (!partner || partner.kind === "implementing_partner" || partner.kind === "non_un_force"))
      throw new ValidationFailed(`${input.partnerOf} is not an entity of the UN system here.`, [
        { path: "body.partnerOf", message: "unknown UN entity" },
      ]);
    const [row] = await tx.insert(unEntities).values(input).returning();
    await recordAuditEvent(tx, actor, {
      action: "reference.entity.create",
      subjectType: "entity",
      subjectId: row.code,
      details: { kind: row.kind },
    });
    return { ...row, kind: row.kind as UnEntityKind, units: [] as string[] };
  });
}

/**
 * The unit headquarters sends a record to (a report, a case), or a case is shared with: one that
 * exists, is still open (a closed unit has no team left to work on it) and is not `holder`, the unit
 * that has the record now. `field` names the body's field in a refusal.
 */
export async function receivingUnit(
  tx: Transaction,
  code: string,
  holder: string | null,
  field = "body.missionCode",
): Promise<{ code: string; entityCode: string }> {
  const [unit] = await tx
    .select({ code: missions.code, entityCode: missions.entityCode, endYear: missions.endYear })
    .from(missions)
    .where(eq(missions.code, code));
  const refuse = (message: string, problem: string, code: string) =>
    new ValidationFailed(message, [{ path: field, message: problem }], code);
  if (!unit) throw refuse(`Unknown mission code: ${code}.`, "unknown mission", "unknown_mission");
  if (unit.endYear !== null)
    throw refuse(
      `${unit.code} closed in ${unit.endYear}: send it to a unit that is still open.`,
      "closed unit",
      "unit_closed",
    );
  if (unit.code === holder)
    throw refuse(`It is already with ${unit.code}.`, "already with this unit", "already_with_unit");
  return { code: unit.code, entityCode: unit.entityCode };
}

/** The unit a record is shared with: open, and of another entity than `holder`, the unit that keeps the record. */
export async function unitOfAnotherEntity(tx: Transaction, code: string, holder: string) {
  const unit = await receivingUnit(tx, code, holder, "body.unitCode");
  const [own] = await tx.select({ entityCode: missions.entityCode }).from(missions).where(eq(missions.code, holder));
  if (unit.entityCode === own?.entityCode)
    throw new ValidationFailed(
      "That unit is of the same entity: records are shared only with other entities' units.",
      [{ path: "body.unitCode", message: "same entity" }],
      "same_entity",
    );
  return unit;
}
