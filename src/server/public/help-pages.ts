// Help for the person reporting, in their language: who to call now, what happens next and how long
// it takes. Each mission's own help first, headquarters' where a mission has none (src/domain/help.ts).
import { HEADQUARTERS, type HelpContactKind, type HelpInformation } from "../../domain/help.js";
import { html, type SafeHtml } from "./html.js";
import { layout } from "./pages.js";
import { reportLanguages, reportWords } from "./report-words.js";

const linkOf: Partial<Record<HelpContactKind, string>> = {
  emergency: "tel:",
  medical: "tel:",
  victim_assistance: "tel:",
  hotline: "tel:",
  sms: "sms:",
  email: "mailto:",
};

function contactList(language: string, help: HelpInformation): SafeHtml {
  const labels = reportWords(language).vocabulary.helpContactKinds;
  return html`<ul class="contacts">${help.contacts.map((contact) => {
    const scheme = linkOf[contact.kind];
    // A number is dialled as written without its spaces; an address is left as written.
    const target = scheme === "mailto:" ? contact.value : contact.value.replace(/[^\d+]/g, "");
    const value =
      scheme && target
        ? html`<a href="${scheme}${target}" dir="ltr">${contact.value}</a>`
        : html`<bdi>${contact.value}</bdi>`;
    return html`<li><strong>${labels[contact.kind]}:</strong> ${value}${contact.hours ? html` <span class="meta">(<bdi>${contact.hours}</bdi>)</span>` : ""}</li>`;
  })}</ul>`;
}

/** A scope's words in the reader's language (or the one it falls back to, or English), else the platform's own. */
function wordsOf(language: string, help: HelpInformation | undefined) {
  const words = reportWords(language);
  // The reader's language, else the one their language falls back to, else English.
  const written = [language, words.fallback, "en"].find((code) => help?.texts[code]);
  const kept = written ? help?.texts[written] : undefined;
  return {
    nextSteps: kept?.nextSteps || words.help.defaults.nextSteps,
    timeline: kept?.timeline || words.help.defaults.timeline,
    // Words in another language than the page's say so, for screen readers and translators.
    lang: written ?? language,
  };
}

/** One place's help: its contacts (headquarters' when it has none), what happens next and how long. */
export function helpSection(
  language: string,
  title: string,
  help: HelpInformation | undefined,
  headquarters: HelpInformation | undefined,
): SafeHtml {
  const w = reportWords(language).help;
  const words = wordsOf(language, help ?? headquarters);
  const contacts = help?.contacts.length ? help : headquarters;
  return html`<section class="help"><h2>${title}</h2><h3>${w.contacts}</h3>${contacts?.contacts.length ? contactList(language, contacts) : html`<p>${w.noContacts}</p>`}
<h3>${w.nextSteps}</h3><p lang="${words.lang}">${words.nextSteps}</p><h3>${w.timeline}</h3><p lang="${words.lang}">${words.timeline}</p></section>`;
}

/** The box at the top of the report form: headquarters' urgent contacts and the way to the rest. */
export function helpBox(language: string, headquarters: HelpInformation | undefined): SafeHtml {
  const w = reportWords(language).help;
  const urgent = headquarters && {
    ...headquarters,
    contacts: headquarters.contacts.filter((c) => ["emergency", "medical", "hotline"].includes(c.kind)),
  };
  return html`<aside class="note" aria-labelledby="help-now"><p id="help-now"><strong>${w.formBox}</strong></p>${urgent?.contacts.length ? contactList(language, urgent) : ""}<p><a href="/help?lang=${language}">${w.moreHelp}</a></p></aside>`;
}

export interface MissionPlace {
  code: string;
  label: string;
}

export function helpPage(
  language: string,
  help: Map<string, HelpInformation>,
  missions: MissionPlace[],
  demo: boolean,
): string {
  const w = reportWords(language).help;
  const headquarters = help.get(HEADQUARTERS);
  const body = html`<h1>${w.title}</h1><p class="note" role="note">${w.intro}</p>
${helpSection(language, w.headquarters, headquarters, headquarters)}
${missions
  .filter((mission) => help.has(mission.code))
  .map(
    (mission) =>
      html`<div id="${mission.code}">${helpSection(language, mission.label, help.get(mission.code), headquarters)}</div>`,
  )}`;
  return layout(language, w.title, body, "/help", { demo, current: "help", languages: reportLanguages() });
}
