// The staff app in the six UN languages: every language has every message English has, each
// counted message in every plural form the language's rules use, the same {{placeholders}}, and
// nothing left empty that English fills.
import { describe, expect, it } from "vitest";
import { ar } from "./ar.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { languages } from "./languages.js";
import { ru } from "./ru.js";
import { zh } from "./zh.js";

const messages: Record<string, object> = { en, fr, ar, zh, ru, es };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function leaves(tree: object, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

const english = leaves(en);
/** Counted messages: English gives them a "one" and an "other" form (a code such as closed_other is not one). */
const counted = new Set(
  [...english.keys()]
    .filter((key) => key.endsWith("_other") && english.has(key.replace(/_other$/, "_one")))
    .map((key) => key.replace(/_other$/, "")),
);
const baseOf = (key: string) => {
  const base = key.replace(pluralSuffix, "");
  return counted.has(base) ? base : key;
};
const englishBases = new Set([...english.keys()].map(baseOf));

describe("the staff app's messages", () => {
  it("are offered in the six UN languages, each loaded on its own", () => {
    expect(languages.map((language) => language.code).sort()).toEqual(Object.keys(messages).sort());
  });

  it.each(Object.keys(messages).filter((code) => code !== "en"))(
    "in %s: every message, every plural form, the same placeholders",
    (code) => {
      const own = leaves(messages[code]);
      const bases = new Set([...own.keys()].map(baseOf));
      expect(
        [...englishBases].filter((key) => !bases.has(key)),
        "missing",
      ).toEqual([]);
      expect(
        [...bases].filter((key) => !englishBases.has(key)),
        "unknown",
      ).toEqual([]);

      const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      const missingForms = [...counted].flatMap((base) =>
        forms.filter((form) => !own.has(`${base}_${form}`)).map((form) => `${base}_${form}`),
      );
      expect(missingForms, "plural forms").toEqual([]);

      const empty = [...own].filter(([key, text]) => !text.trim() && english.get(key)?.trim());
      expect(empty, "empty").toEqual([]);

      const mismatched = [...own]
        .filter(([key]) => !counted.has(baseOf(key)))
        .filter(([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? "").join())
        .map(([key]) => key);
      expect(mismatched, "placeholders").toEqual([]);
    },
  );
});
