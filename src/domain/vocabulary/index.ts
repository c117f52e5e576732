// One vocabulary of the domain's code labels in the six UN languages: staff pages, public pages,
// exports and PDFs all name a code with these words. Wording for one surface only (the reporter's
// plain words on the form) stays with that surface.
import { ar } from "./ar.js";
import type { Vocabulary, VocabularyGroup } from "./codes.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { ru } from "./ru.js";
import { zh } from "./zh.js";

export { type Vocabulary, type VocabularyGroup, vocabularyCodes } from "./codes.js";

import type { UnLanguage } from "../un-languages.js";
export { type UnLanguage, unLanguages } from "../un-languages.js";

export const vocabulary: Record<UnLanguage, Vocabulary> = { en, fr, es, ar, zh, ru };

/** A code's label in a language; an unknown code reads as itself rather than as nothing. */
export function label(language: UnLanguage, group: VocabularyGroup, code: string): string {
  return (vocabulary[language][group] as Record<string, string>)[code] ?? code;
}

/** An allegation's label, whether the code is a type ("SA") or a subtype ("SE_TRANSACTIONAL_SEX"). */
export function allegationLabel(language: UnLanguage, code: string): string {
  const types = vocabulary[language].allegationTypes as Record<string, string>;
  return types[code] ?? label(language, "allegationSubtypes", code);
}
