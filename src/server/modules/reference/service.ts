// Reference data: read by every signed-in user; missions maintained by administrators.
import { and, asc, eq, sql } from "drizzle-orm";
import { prepared } from "../../../db/prepared.js";
import { allegationTypes, countries, misconductTypes, missions, personnelCategories } from "../../../db/schema.js";
import { personnelCategorySeedOf } from "../../../domain/reference/personnel.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { referencePolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

import { presentMission } from "./presenters.js";

function assertCanRead(actor: Actor) {
  if (!referencePolicy.read(actor)) throw new Forbidden();
}

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
  name: string;
  nameFr: string | null;
  kind: string;
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

export async function createMission(services: Services, actor: Actor, input: MissionInput) {
  if (!referencePolicy.manage(actor)) throw new Forbidden("Only an administrator maintains reference data.");
  assertYears(input);
  return inTransaction(services.db, actor, async (tx) => {
    const [existing] = await tx.select({ code: missions.code }).from(missions).where(eq(missions.code, input.code));
    if (existing) throw new Conflict(`A mission with code ${input.code} already exists.`, {}, "mission_code_taken");
    const [row] = await tx.insert(missions).values(input).returning();
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
