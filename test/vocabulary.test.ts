// One vocabulary of code labels: complete in the six UN languages, and every surface (staff app,
// public pages, files) naming a code with the same words.
import { describe, expect, it } from "vitest";
import { unLanguages, type VocabularyGroup, vocabulary, vocabularyCodes } from "../src/domain/vocabulary/index.js";
import { dataMessages } from "../src/server/public/data-messages.js";
import { ar } from "../src/web/i18n/ar.js";
import { en } from "../src/web/i18n/en.js";
import { es } from "../src/web/i18n/es.js";
import { fr } from "../src/web/i18n/fr.js";
import { ru } from "../src/web/i18n/ru.js";
import { zh } from "../src/web/i18n/zh.js";

const groups = Object.keys(vocabularyCodes) as VocabularyGroup[];
const staffApp = { en, fr, ar, zh, ru, es };

/** Where each surface keeps a group's labels. */
const staffSurfaces: [VocabularyGroup, (messages: typeof en) => Record<string, string>][] = [
  ["personnelCategories", (m) => m.categories],
  ["caseStatuses", (m) => m.status],
  ["allegationSubtypes", (m) => m.allegations],
  ["roles", (m) => m.roles],
  ["reportChannels", (m) => m.reports.channels],
  ["referralEntities", (m) => m.referrals.entities],
  ["missionKinds", (m) => m.reference.kinds],
  ["investigatingEntities", (m) => m.enforcement.entities],
  ["findingOutcomes", (m) => m.enforcement.outcomes],
  ["actionKinds", (m) => m.enforcement.kinds],
];
const publicSurfaces: [VocabularyGroup, (messages: (typeof dataMessages)["en"]) => Record<string, string>][] = [
  ["personnelCategories", (m) => m.categories],
  ["victimGroups", (m) => m.victimGroups],
  ["investigationStatuses", (m) => m.statuses],
  ["investigatingEntities", (m) => m.entities],
  ["actionKinds", (m) => m.actions],
  ["allegationTypes", (m) => m.allegationTypes],
];

describe("the vocabulary", () => {
  it.each(unLanguages)("names every code of every group in %s, and nothing else", (language) => {
    for (const group of groups) {
      const labels = vocabulary[language][group] as Record<string, string>;
      const missing = vocabularyCodes[group].filter((code) => !labels[code]?.trim());
      expect(missing, `${language}: ${group} lacks labels`).toEqual([]);
      const unknown = Object.keys(labels).filter(
        (code) => !(vocabularyCodes[group] as readonly string[]).includes(code),
      );
      expect(unknown, `${language}: ${group} labels codes that do not exist`).toEqual([]);
    }
  });

  it("gives a finding the same words as the published status it becomes", () => {
    for (const language of unLanguages) {
      const { findingOutcomes, investigationStatuses } = vocabulary[language];
      for (const [code, words] of Object.entries(findingOutcomes))
        expect(investigationStatuses[code as keyof typeof investigationStatuses]).toBe(words);
    }
  });

  it.each(Object.keys(staffApp) as (keyof typeof staffApp)[])(
    "is what the staff app says for every code in %s",
    (language) => {
      for (const [group, labelsOf] of staffSurfaces)
        expect(labelsOf(staffApp[language]), `${language}: ${group}`).toEqual(vocabulary[language][group]);
    },
  );

  it.each(unLanguages)("is what the public pages and their files say for every code in %s", (language) => {
    for (const [group, labelsOf] of publicSurfaces) {
      const shown = labelsOf(dataMessages[language]);
      for (const [code, words] of Object.entries(vocabulary[language][group]))
        expect(shown[code], `${language}: ${group}.${code}`).toBe(words);
    }
  });

  it("names the three labels that had drifted apart the same for staff and public", () => {
    for (const language of ["en", "fr", "ar"] as const) {
      const staff = staffApp[language].enforcement;
      const published = dataMessages[language];
      expect(published.actions.payment_suspension).toBe(staff.kinds.payment_suspension);
      expect(published.actions.repatriation_and_ban).toBe(staff.kinds.repatriation_and_ban);
      expect(published.statuses.closed_limited_information).toBe(staff.outcomes.closed_limited_information);
    }
    expect(en.enforcement.kinds.repatriation_and_ban).toBe("Repatriation on disciplinary grounds and ban");
    expect(dataMessages.en.statuses.closed_limited_information).toBe("Closed (limited information)");
  });
});
