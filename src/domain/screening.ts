// Screening (vetting) before deployment or hiring, as the UN's Clear Check does: identifiers are
// never kept in clear for matching, only keyed hashes of normalised forms. Several forms of a name
// are hashed so that the same person written differently (accents, name order, spacing, common
// transliterations) still meets their entry. Pure rules only; the hashing key lives on the server.

export const screeningReasons = [
  "substantiated_sea",
  "substantiated_sexual_harassment",
  "left_with_allegation_pending",
] as const;
export type ScreeningReason = (typeof screeningReasons)[number];

export type ScreeningResult = "match" | "possible_match" | "no_match";

export interface Identifiers {
  name: string;
  dateOfBirth: string | null;
  nationalityCode: string | null;
  /** National ID, passport or service numbers. */
  documentNumbers: string[];
}

// Letters that do not decompose into a base letter and a mark.
const letters: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", ı: "i", þ: "th" };

/** Lower case, accents and punctuation gone, one space between words. */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðłıþ]/g, (letter) => letters[letter])
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/**
 * A word's sound skeleton, for transliterations of one name: digraphs as one sound, vowels and
 * doubled letters dropped after the first letter (Mohammed, Muhammad and Mohamed meet as "mhmd").
 */
export function skeleton(word: string): string {
  const sounds = word
    .replace(/ph/g, "f")
    .replace(/kh/g, "k")
    .replace(/gh/g, "g")
    .replace(/th/g, "t")
    .replace(/sh|sch|ch/g, "s")
    .replace(/ck|q/g, "k")
    .replace(/dj|j/g, "y")
    .replace(/w/g, "v")
    .replace(/z/g, "s")
    .replace(/c/g, "k");
  const [first, ...rest] = sounds;
  const body = rest.join("").replace(/[aeiouyh]/g, "");
  return `${first ?? ""}${body}`.replace(/(.)\1+/g, "$1");
}

/** The forms of a name that are hashed: its words in order of the alphabet, run together, and their skeletons. */
export function nameForms(name: string): string[] {
  const words = foldName(name).split(" ").filter(Boolean).sort();
  if (words.length === 0) return [];
  return [...new Set([`w:${words.join(" ")}`, `c:${words.join("")}`, `s:${words.map(skeleton).sort().join(" ")}`])];
}

export const foldDocument = (number: string) => number.toUpperCase().replace(/[^A-Z0-9]/g, "");

export type KeyStrength = "strong" | "medium" | "weak";

/**
 * What is hashed for a person, and how much a hit on it says: a document number, or a name with
 * date of birth and nationality, is a match; a name with one of them is a possible match; a name
 * alone is a weak possible match.
 */
export function matchKeys(person: Identifiers): { key: string; strength: KeyStrength }[] {
  const keys: { key: string; strength: KeyStrength }[] = [];
  const nationality = person.nationalityCode?.toUpperCase() ?? null;
  for (const number of person.documentNumbers.map(foldDocument).filter((n) => n.length >= 4))
    keys.push({ key: `doc|${number}`, strength: "strong" });
  for (const form of nameForms(person.name)) {
    keys.push({ key: `name|${form}`, strength: "weak" });
    if (person.dateOfBirth) keys.push({ key: `name_dob|${form}|${person.dateOfBirth}`, strength: "medium" });
    if (nationality) keys.push({ key: `name_nat|${form}|${nationality}`, strength: "medium" });
    if (person.dateOfBirth && nationality)
      keys.push({ key: `name_dob_nat|${form}|${person.dateOfBirth}|${nationality}`, strength: "strong" });
  }
  return keys;
}

/** The result of a screening from the strongest key that met an entry. */
export function resultOf(strengths: KeyStrength[]): ScreeningResult {
  if (strengths.includes("strong")) return "match";
  return strengths.length > 0 ? "possible_match" : "no_match";
}
