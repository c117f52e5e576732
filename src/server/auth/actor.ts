// Who is acting: a staff member (by session or API token), the public, or the system itself.
import { sql } from "drizzle-orm";
import { staffProfiles } from "../../db/schema.js";
import type { Role } from "../../domain/roles.js";
import { Unauthorized } from "../errors.js";

export interface Actor {
  userId: string | null;
  role: Role | "system" | "public";
  /** The units in scope: those given one by one and every unit of the entities given. */
  missionCodes: string[];
  /**
   * The entities given whole (shown to the person; every rule reads missionCodes). For a headquarters
   * role narrowed to an entity (a publisher), any entity given narrows it to missionCodes.
   */
  entityCodes?: string[];
  countryCode: string | null;
  via: "session" | "token" | "system" | "public";
  /** The identity provider that keeps this account; absent for a local account. */
  ssoProvider?: string | null;
  /** Signed in with a password but not yet enrolled in the two-factor the role requires. */
  twoFactorPending?: boolean;
  sessionId?: string;
  email?: string;
  name?: string;
  language?: string;
}

/**
 * A staff member's units: those given one by one and every unit, now and later, of the entities
 * given. The one expansion behind the actor's scope and every read of someone else's.
 */
export const unitsInScope = sql<
  string[]
>`conduct_scope_units(${staffProfiles.missionCodes}, ${staffProfiles.entityCodes})`;

export const systemActor: Actor = { userId: null, role: "system", missionCodes: [], countryCode: null, via: "system" };
export const publicActor: Actor = { userId: null, role: "public", missionCodes: [], countryCode: null, via: "public" };

export type StaffActor = Actor & { userId: string; role: Role };

export function isStaff(actor: Actor): actor is StaffActor {
  return actor.userId !== null && actor.role !== "system" && actor.role !== "public";
}

/** The staff member behind a request; routes that reach a handler always have one. */
export function staffOf(request: { actor: Actor | null }): StaffActor {
  if (!request.actor || request.actor.userId === null) throw new Unauthorized();
  return request.actor as StaffActor;
}

/** A headquarters role narrowed to entities: it covers their units only, none when they have none yet. */
export const narrowedToEntities = (actor: Actor) => (actor.entityCodes?.length ?? 0) > 0;
