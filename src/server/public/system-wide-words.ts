// How the system-wide figures name what they count, in the reader's language: entities as every
// page names organisations, quarters, system-wide categories of personnel and statuses. Shared by the
// public page and the quarterly report.
import type { SystemWideGrouping } from "../../domain/system-wide.js";
import { type NamedEntity, entityLabel } from "../../domain/vocabulary/entity-names.js";
import { vocabulary } from "../../domain/vocabulary/index.js";
import { type DataMessages, dataMessages, named } from "./data-messages.js";
import type { PublicLanguage } from "./messages.js";

/** "Q3 2026", "T3 2026", "الربع 3 من 2026" for a key "2026-Q3". */
export function quarterName(words: DataMessages, key: string): string {
  const [year, quarter] = key.split("-Q");
  return words.systemWide.quarterName.replace("{{year}}", year).replace("{{quarter}}", quarter);
}

/** How each breakdown's keys are named to the reader. */
export function systemWideLabeller(language: PublicLanguage, entities: NamedEntity[]) {
  const words = dataMessages[language];
  const byCode = new Map(entities.map((entity) => [entity.code, entity]));
  return (groupBy: SystemWideGrouping, key: string): string => {
    switch (groupBy) {
      case "entity": {
        const entity = byCode.get(key);
        return entity ? entityLabel(vocabulary[language], entity) : key;
      }
      case "quarter":
        return quarterName(words, key);
      case "category":
        return named(words.systemWide.categories, key);
      case "status":
        return named(words.statuses, key);
    }
  };
}
