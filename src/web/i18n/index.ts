// i18next with the app's messages; the chosen language is remembered and sets the page's direction.
import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import type { Vocabulary } from "../../domain/vocabulary/codes.js";
import { ar as arWords } from "../../domain/vocabulary/ar.js";
import { en as enWords } from "../../domain/vocabulary/en.js";
import { fr as frWords } from "../../domain/vocabulary/fr.js";
import { ar } from "./ar.js";
import { en } from "./en.js";
import { fr } from "./fr.js";

export const languages = [
  { code: "en", label: "English", dir: "ltr" },
  { code: "fr", label: "Français", dir: "ltr" },
  { code: "ar", label: "العربية", dir: "rtl" },
] as const;
export type Language = (typeof languages)[number]["code"];

const isLanguage = (value: string | null): value is Language => languages.some((l) => l.code === value);
const stored = localStorage.getItem("conduct.language");
const browser = navigator.language.slice(0, 2);
const initial: Language = isLanguage(stored) ? stored : isLanguage(browser) ? browser : "en";

void i18next.use(initReactI18next).init({
  lng: initial,
  fallbackLng: "en",
  resources: { en: { translation: en }, fr: { translation: fr }, ar: { translation: ar } },
  interpolation: { escapeValue: false },
  nsSeparator: false,
});

const vocabularies: Record<Language, Vocabulary> = { en: enWords, fr: frWords, ar: arWords };

/**
 * The domain's code labels in the reader's language, read directly: some codes (audit actions such as
 * "case.create") contain the dot i18next reads as a key separator.
 */
export function useVocabulary(): Vocabulary {
  const { i18n } = useTranslation();
  return vocabularies[isLanguage(i18n.language) ? i18n.language : "en"];
}

export const directionOf = (language: string) => languages.find((l) => l.code === language)?.dir ?? "ltr";

export function applyLanguage(language: Language) {
  localStorage.setItem("conduct.language", language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  void i18next.changeLanguage(language);
}

applyLanguage(initial);
export { i18next };
