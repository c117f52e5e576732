// Who may do what: pure functions of the actor (and the record), in one place. Row-level security
// in the database mirrors the case rules as a second layer.
import { scopeOfRole } from "../../../domain/roles.js";
import type { Actor } from "../actor.js";

const is = (actor: Actor, ...roles: string[]) => roles.includes(actor.role);

export const referencePolicy = {
  read: (actor: Actor) => actor.userId !== null,
  manage: (actor: Actor) => is(actor, "administrator"),
};

export const userPolicy = {
  // "system" is the operator at the server's console (the `conduct` CLI, demo seeding).
  manage: (actor: Actor) => is(actor, "administrator", "system"),
};

export const tokenPolicy = {
  manageOwn: (actor: Actor) => actor.userId !== null,
  manageOf: (actor: Actor, ownerId: string) => actor.userId === ownerId || is(actor, "administrator", "system"),
};

export const auditPolicy = {
  browse: (actor: Actor) => is(actor, "auditor"),
};

export interface CaseScopeFacts {
  missionCode: string;
  nationalityCodes: string[];
  assignedUserIds: string[];
}

export const casePolicy = {
  list: (actor: Actor) => scopeOfRole[actor.role as keyof typeof scopeOfRole] !== "none" && !is(actor, "cbcm_focal_point"),
  view(actor: Actor, facts: CaseScopeFacts): boolean {
    switch (actor.role) {
      case "cds_officer":
      case "analyst":
      case "publisher":
        return true;
      case "cdt_officer":
      case "victim_assistance":
        return actor.missionCodes.includes(facts.missionCode);
      case "member_state_focal_point":
        return actor.countryCode !== null && facts.nationalityCodes.includes(actor.countryCode);
      case "investigator":
        return actor.userId !== null && facts.assignedUserIds.includes(actor.userId);
      default:
        return false;
    }
  },
  /** What the UI may offer on a case; it never re-derives these. */
  abilities(actor: Actor, facts: CaseScopeFacts) {
    const view = casePolicy.view(actor, facts);
    const manages = view && (is(actor, "cds_officer") || (is(actor, "cdt_officer") && actor.missionCodes.includes(facts.missionCode)));
    return {
      view,
      edit: manages,
      refer: manages,
      readNarrative: view && !is(actor, "member_state_focal_point", "analyst", "publisher"),
      recordMemberStateUpdate: view && is(actor, "member_state_focal_point", "cds_officer"),
      revealVictimIdentity: view && is(actor, "victim_assistance"),
    };
  },
};

/** The areas of the web app a role sees in its navigation. */
export function navigationFor(actor: Actor) {
  return {
    cases: casePolicy.list(actor),
    users: userPolicy.manage(actor),
    reference: referencePolicy.manage(actor),
    audit: auditPolicy.browse(actor),
    tokens: tokenPolicy.manageOwn(actor),
  };
}
