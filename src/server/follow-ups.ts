// Follow-up actions with an owner and a due date — a risk mitigation, an after-action review's
// action — shown and completed the same way wherever they hang.
import { type MitigationFacts, mitigationState } from "../domain/risk.js";
import { assertNotInFuture, todayIso } from "./dates.js";
import { Conflict, ValidationFailed } from "./errors.js";

export interface FollowUpRow extends MitigationFacts {
  id: string;
  action: string;
  owner: string;
  completionNote: string | null;
  version: number;
}

export function presentFollowUp<T extends FollowUpRow>(row: T, today = todayIso()) {
  return {
    id: row.id,
    action: row.action,
    owner: row.owner,
    dueOn: row.dueOn,
    completedOn: row.completedOn,
    completionNote: row.completionNote,
    state: mitigationState(row, today),
    version: row.version,
  };
}

export interface Completion {
  completedOn: string;
  note: string | null;
  version: number;
}

/** Refuses a completion in the future, before the record that called for it, on a stale version or twice. */
export function assertCompletable(row: FollowUpRow, input: Completion, calledForOn: string, what: string) {
  assertNotInFuture(input.completedOn, "body.completedOn");
  if (row.version !== input.version)
    throw new Conflict(
      `Someone else changed this ${what} since you opened it. Reload it, then try again.`,
      { current: presentFollowUp(row) },
      "stale_version",
    );
  if (row.completedOn !== null)
    throw new Conflict(
      `This ${what} is already recorded as done.`,
      { current: presentFollowUp(row) },
      "already_completed",
    );
  if (input.completedOn < calledForOn)
    throw new ValidationFailed(
      `A ${what} is done after the record that called for it.`,
      [{ path: "body.completedOn", message: "before_record" }],
      "before_assessment",
    );
}

/** The columns a completion sets. */
export const completionOf = (row: FollowUpRow, input: Completion) => ({
  completedOn: input.completedOn,
  completionNote: input.note,
  version: row.version + 1,
});
