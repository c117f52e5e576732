// Today's date as the server records it (UTC, ISO), and the one check every dated record shares.
import { ValidationFailed } from "./errors.js";

export const todayIso = () => new Date().toISOString().slice(0, 10);

/** Refuses a date (or timestamp) after today, naming the field. */
export function assertNotInFuture(date: string, path: string, message = "That date is in the future.") {
  if (date.slice(0, 10) > todayIso())
    throw new ValidationFailed(message, [{ path, message: "in_future" }], "date_in_future");
}

/** The calendar day some days after an ISO date (UTC). */
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
