// i18next with the app's messages; the chosen language is remembered and sets the page's direction.
import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import type { Vocabulary } from "../../domain/vocabulary/codes.js";
import { en as enWords } from "../../domain/vocabulary/en.js";
import { en } from "./en.js";
import { type Language, languages } from "./languages.js";
import { languageCookieValue, rememberedLanguage } from "../../domain/un-languages.js";

export { type Language, languages };

const isLanguage = (value: string | null): value is Language => languages.some((l) => l.code === value);

/** The language the person signed in with (the server's sign-in page names it once in the address). */
function languageFromAddress(): string | null {
  const url = new URL(location.href);
  const asked = url.searchParams.get("lang");
  if (asked !== null) {
    url.searchParams.delete("lang");
    history.replaceState(history.state, "", url);
  }
  return asked;
}
const asked = languageFromAddress();
// The server's pages (sign-in, the first page, the public site) keep the reader's latest choice here.
const chosenOnServerPages = rememberedLanguage(document.cookie);
const stored = localStorage.getItem("conduct.language");
const browser = navigator.language.slice(0, 2);
const initial: Language = [asked, chosenOnServerPages, stored, browser].find(isLanguage) ?? "en";

void i18next.use(initReactI18next).init({
  lng: "en",
  fallbackLng: "en",
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
  nsSeparator: false,
});

// English is in the app's first file; another language is fetched when chosen (a slow line pays only for its own).
const vocabularies: Partial<Record<Language, Vocabulary>> = { en: enWords };
// Each language's file carries its messages and the code labels they name.
const modules: Record<Exclude<Language, "en">, () => Promise<{ messages: object; words: Vocabulary }>> = {
  fr: () => import("./fr.js"),
  ar: () => import("./ar.js"),
  zh: () => import("./zh.js"),
  ru: () => import("./ru.js"),
  es: () => import("./es.js"),
};

async function load(language: Language) {
  if (vocabularies[language]) return;
  const { messages, words } = await modules[language as Exclude<Language, "en">]();
  i18next.addResourceBundle(language, "translation", messages);
  vocabularies[language] = words;
}

/**
 * The domain's code labels in the reader's language, read directly: some codes (audit actions such as
 * "case.create") contain the dot i18next reads as a key separator.
 */
export function useVocabulary(): Vocabulary {
  const { i18n } = useTranslation();
  return vocabularies[isLanguage(i18n.language) ? i18n.language : "en"] ?? enWords;
}

export const directionOf = (language: string) => languages.find((l) => l.code === language)?.dir ?? "ltr";

/** Switches the app to a language, once its words are here; the page's direction follows. */
export async function applyLanguage(language: Language) {
  // Remembered at once: a page opened while the words are still on their way opens in this language.
  localStorage.setItem("conduct.language", language);
  // The server's pages (sign-in, the public site) read the same choice.
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the field uses
  document.cookie = languageCookieValue(language);
  await load(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  await i18next.changeLanguage(language);
}

/** The remembered (or the browser's) language, ready before the app is first drawn. */
export const languageReady = applyLanguage(initial).catch(() => applyLanguage("en"));
export { i18next };
