// The words of the pages people report on (home, form, receipt, follow-up, help, page not found) in
// the six UN languages and in the communities' own languages. A community language is a translation
// file an administrator loads (src/server/modules/languages): its keys overlay the words of the UN
// language it falls back to, so a key it lacks still reads, in that language.
import { placeNames } from "../../domain/reference/missions.js";
import { type Vocabulary, vocabulary } from "../../domain/vocabulary/index.js";
import { entityLabel, type NamedEntity } from "../../domain/vocabulary/entity-names.js";
import { type DataMessages, dataMessages } from "./data-messages.js";
import { type HelpMessages, helpMessages } from "./help-messages.js";
import { type HomeMessages, homeMessages } from "./home-messages.js";
import { type SmsMessages, smsMessages } from "./sms-messages.js";
import {
  languageNames,
  type PublicLanguage,
  publicLanguages,
  type PublicMessages,
  publicMessages,
} from "./messages.js";

export interface ReportWords {
  code: string;
  dir: "ltr" | "rtl";
  /** Not yet reviewed by a translator: the pages say so. */
  draft: boolean;
  /** The UN language of everything not translated (the data pages, keys the file lacks). */
  fallback: PublicLanguage;
  name: string;
  form: PublicMessages;
  home: HomeMessages;
  help: HelpMessages;
  sms: SmsMessages;
  nav: DataMessages["nav"];
  vocabulary: Pick<Vocabulary, "reportKinds" | "immediateNeeds" | "helpContactKinds">;
  /** Names of places a mission serves in, by their English name (see missionPlaceIn). */
  places: Record<string, string>;
}

export interface CommunityLanguage {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
  fallback: PublicLanguage;
  reviewed: boolean;
  /** Flat keys, as translationKeys() lists them. */
  messages: Record<string, string>;
}

type Tree = { [key: string]: string | Tree };

/** What a translator translates: every key of the UN languages' words, flattened. */
function sourceTree(language: PublicLanguage): Tree {
  const { dir: _dir, ...form } = publicMessages[language];
  const words = vocabulary[language];
  return {
    form,
    home: homeMessages[language],
    help: helpMessages[language],
    sms: smsMessages[language],
    nav: dataMessages[language].nav,
    vocabulary: {
      reportKinds: words.reportKinds,
      immediateNeeds: words.immediateNeeds,
      helpContactKinds: words.helpContactKinds,
    },
    places: Object.fromEntries(Object.entries(placeNames).map(([place, names]) => [place, names[language]])),
  } as unknown as Tree;
}

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

function overlay(tree: Tree, messages: Record<string, string>, prefix = ""): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out[key] = typeof value === "string" ? messages[path]?.trim() || value : overlay(value, messages, path);
  }
  return out;
}

let template: Record<string, string> | null = null;
/** The keys a translation file holds, with the English words to translate (the same for the process's life). */
export const translationTemplate = (): Record<string, string> => {
  template ??= flatten(sourceTree("en"));
  return template;
};

/** The keys a translation lacks (empty counts as lacking), in the template's order. */
export const missingKeys = (messages: Record<string, string>) =>
  Object.keys(translationTemplate()).filter((key) => !messages[key]?.trim());

/** Keys a file holds that no page uses (a typo, or an older file). */
export const unknownKeys = (messages: Record<string, string>) => {
  const known = translationTemplate();
  return Object.keys(messages).filter((key) => !(key in known));
};

let community = new Map<string, CommunityLanguage>();
const communityWords = new Map<string, ReportWords>();
/** Replaces the community languages the pages offer (loaded from the database). */
export function setCommunityLanguages(languages: CommunityLanguage[]) {
  community = new Map(languages.map((language) => [language.code, language]));
  communityWords.clear();
}
export const communityLanguageCodes = () => [...community.keys()].sort();
export const isReportLanguage = (code: string) =>
  publicLanguages.includes(code as PublicLanguage) || community.has(code);

const unWords = new Map<PublicLanguage, ReportWords>();
function wordsOfUn(language: PublicLanguage): ReportWords {
  let words = unWords.get(language);
  if (!words) {
    const tree = sourceTree(language) as unknown as Omit<ReportWords, "code" | "dir" | "draft" | "fallback" | "name">;
    words = {
      ...tree,
      form: publicMessages[language],
      code: language,
      dir: publicMessages[language].dir as "ltr" | "rtl",
      draft: false,
      fallback: language,
      name: languageNames[language],
    };
    unWords.set(language, words);
  }
  return words;
}

/** The words of the report pages in a language; an unknown code reads as English. */
export function reportWords(code: string): ReportWords {
  if (publicLanguages.includes(code as PublicLanguage)) return wordsOfUn(code as PublicLanguage);
  const language = community.get(code);
  if (!language) return wordsOfUn("en");
  const kept = communityWords.get(code);
  if (kept) return kept;
  const tree = overlay(sourceTree(language.fallback), language.messages) as unknown as ReportWords;
  const words: ReportWords = {
    ...tree,
    form: { ...(tree.form as PublicMessages), dir: language.dir },
    code: language.code,
    dir: language.dir,
    draft: !language.reviewed,
    fallback: language.fallback,
    name: language.name,
  };
  communityWords.set(code, words);
  return words;
}

/** Every language the report pages offer: the UN's six, then the communities'. */
export const reportLanguages = () => [...publicLanguages, ...communityLanguageCodes()];

/**
 * Where a mission serves, in the reader's words: a place the table names, else its host country's
 * UN short name (or CLDR's, for a community language), else the place as recorded.
 */
export function missionPlace(
  words: ReportWords,
  mission: {
    location: string | null;
    name: string;
    hostCountryNames: Record<string, string> | null;
    alpha2: string | null;
  },
): string {
  const place = mission.location ?? mission.name;
  const country =
    mission.hostCountryNames?.[words.code] ??
    (mission.alpha2 && Intl.DisplayNames.supportedLocalesOf([words.code]).length
      ? new Intl.DisplayNames([words.code], { type: "region" }).of(mission.alpha2)
      : mission.hostCountryNames?.[words.fallback]);
  return words.places[place] ?? country ?? place;
}

/** The organisations a reporter may name, labelled in the reader's UN language, sorted as it sorts. */
export function organisationOptions(words: ReportWords, rows: NamedEntity[], { brief = false } = {}) {
  return rows
    .map((row) => ({ value: row.code, label: entityLabel(vocabulary[words.fallback], row, { brief }) }))
    .sort((a, b) => a.label.localeCompare(b.label, words.fallback));
}
