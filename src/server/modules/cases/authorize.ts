// Load and authorise in one call: a case the actor may not see is the same 404 as one that does not
// exist, and an ability the actor lacks on it is a 403 with its reason.
import { casePolicy } from "../../auth/policies/index.js";
import type { Actor } from "../../auth/actor.js";
import { Conflict, Forbidden, NotFound } from "../../errors.js";
import type { Transaction } from "../../transaction.js";
import { findCaseWithFacts } from "./queries.js";

export type CaseAbility = keyof ReturnType<typeof casePolicy.abilities>;

/** The case with its need-to-know facts and the actor's abilities on it; throws unless `ability` is held. */
export async function authorizeCase(
  tx: Transaction,
  actor: Actor,
  caseId: string,
  ability?: { can: CaseAbility; refusal: string },
) {
  const found = await findCaseWithFacts(tx, caseId);
  if (!found || !casePolicy.view(actor, found.facts)) throw new NotFound("case");
  const can = casePolicy.abilities(actor, found.facts);
  if (ability && !can[ability.can]) throw new Forbidden(ability.refusal);
  return { ...found, can };
}

/** Someone else changed the case since the caller read it. */
export const staleCase = () =>
  new Conflict("Someone else changed this case since you opened it. Reload, then try again.", {}, "stale_version");

/** A change is made on the case as the caller last read it; someone else's change since is a 409. */
export function assertCaseVersion(row: { version: number }, version: number) {
  if (row.version !== version) throw staleCase();
}
