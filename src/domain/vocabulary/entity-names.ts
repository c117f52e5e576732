// How an organisation is named to a reader: an entity of the UN system by its short name and name in
// the reader's language ("HCR — Haut-Commissariat des Nations Unies pour les réfugiés", or "HCR"
// alone where a text message must be short); an installation's own partner or force by the name it
// was given, a partner with the UN entity it works for. The public form, the SMS conversation and the
// staff app all name organisations so.
import type { Vocabulary } from "./codes.js";

export interface NamedEntity {
  code: string;
  name: string;
  partnerOf: string | null;
}

type EntityWords = Pick<Vocabulary, "unEntities" | "unEntityAcronyms">;

/** The entity's short name in the reader's language ("HCR"), or its code for one the vocabulary does not name. */
export const entityShortName = (words: EntityWords, code: string) =>
  (words.unEntityAcronyms as Record<string, string>)[code] ?? code;

/** The entity's full name in the reader's language, or the name it was given. */
export const entityName = (words: EntityWords, entity: { code: string; name: string }) =>
  (words.unEntities as Record<string, string>)[entity.code] ?? entity.name;

export function entityLabel(words: EntityWords, entity: NamedEntity, { brief = false } = {}): string {
  if (entity.code in words.unEntities)
    return brief
      ? entityShortName(words, entity.code)
      : `${entityShortName(words, entity.code)} — ${entityName(words, entity)}`;
  return entity.partnerOf ? `${entity.name} (${entityShortName(words, entity.partnerOf)})` : entity.name;
}
