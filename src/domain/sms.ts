// The SMS conversation that leads a reporter on a basic phone to a report: choose a language, say
// what happened, who the people work for, which mission, who should receive it; then the receipt,
// and messages both ways.
export const smsSteps = ["language", "what_happened", "organisation", "mission", "route", "open"] as const;
export type SmsStep = (typeof smsSteps)[number];

/** A reporter's number in one form, so that "+243 81 555 0112" and "+243815550112" thread together. */
export const normalisePhone = (phone: string) => phone.replace(/[^\d+]/g, "").replace(/^00/, "+");

/** The number a reply chose among `count` options (0 included when `zero` is allowed), or null. */
export function chosenNumber(text: string, count: number, zero = false): number | null {
  const match = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return (value >= 1 && value <= count) || (zero && value === 0) ? value : null;
}

/** Words that ask us to forget the number, in the languages people text in. */
const forgetWords = new Set([
  "STOP",
  "ARRET",
  "ARRÊT",
  "ACHA",
  "SIMAMA",
  "TIKA",
  "ZIA",
  "ALTO",
  "СТОП",
  "停止",
  "توقف",
]);
export const asksToForget = (text: string) => forgetWords.has(text.trim().toUpperCase());

/** A numbered menu in one message: "1 English, 2 Français, …". */
export const numberedMenu = (labels: string[]) => labels.map((label, index) => `${index + 1} ${label}`).join(", ");
