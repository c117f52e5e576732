// Counted words ("1 girl", "2 girls"; Arabic's six forms, Russian's three) and numbers in the
// reader's language, through i18next, which picks the plural form by the language's CLDR rules.
import i18next from "i18next";
import { dataMessages } from "./data-messages.js";
import type { PublicLanguage } from "./messages.js";

const plurals = i18next.createInstance();
void plurals.init({
  resources: Object.fromEntries(
    Object.entries(dataMessages).map(([language, words]) => [language, { translation: { counts: words.counts } }]),
  ),
  fallbackLng: "en",
  initAsync: false,
  interpolation: { escapeValue: false },
});

export type CountedWord = "women" | "girls" | "boys" | "men" | "children";

/** "2 girls" in the reader's language, the number written as the language writes it. */
export const counted = (language: PublicLanguage, word: CountedWord, count: number) =>
  plurals.t(`counts.${word}`, { lng: language, count });
