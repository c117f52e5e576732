// i18next set up with the app's messages; the chosen language is remembered and sets page direction.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Language, languages, messages } from "./messages.js";

const stored = localStorage.getItem("conduct.language") as Language | null;
const browser = navigator.language.slice(0, 2) as Language;
const initial = stored ?? (browser in messages ? browser : "en");

void i18next.use(initReactI18next).init({
  lng: initial,
  fallbackLng: "en",
  resources: Object.fromEntries(Object.entries(messages).map(([code, translation]) => [code, { translation }])),
  interpolation: { escapeValue: false },
});

export function applyLanguage(language: Language) {
  localStorage.setItem("conduct.language", language);
  document.documentElement.lang = language;
  document.documentElement.dir = languages.find((l) => l.code === language)?.dir ?? "ltr";
  void i18next.changeLanguage(language);
}

applyLanguage(initial);
export { i18next };
