// Notes verbales to a contributing State, written from templates in the Secretariat's two working
// languages: the notification (will the State investigate?), the request to appoint a National
// Investigation Officer, the reminder when no reply has come, and the request for the outcome and
// the actions taken. They name the case, the mission, the allegation and the personnel, never a
// victim, a witness or a reporter.

export const noteVerbaleTemplates = ["notification", "request_nio", "reminder", "outcome"] as const;
export type NoteVerbaleTemplate = (typeof noteVerbaleTemplates)[number];

export const noteVerbaleLanguages = ["en", "fr"] as const;
export type NoteVerbaleLanguage = (typeof noteVerbaleLanguages)[number];

/** One series of numbers per year for the notes the Secretariat sends: "CDS/NV/2026/0007". */
export const NOTE_VERBALE_SERIES = "CDS/NV";
export const noteVerbaleNumber = (year: number, sequence: number) =>
  `${NOTE_VERBALE_SERIES}/${year}/${String(sequence).padStart(4, "0")}`;

/** What a note says, in the note's language: names already in that language, dates as ISO. */
export interface NoteVerbaleFacts {
  reference: string;
  missionCode: string;
  missionName: string;
  stateName: string;
  allegations: string[];
  personnel: string[];
  dateReported: string;
  replyDueOn: string | null;
  /** The last note sent on this referral (a reminder refers to it). */
  previous: { number: string; datedOn: string } | null;
}

/** A written note verbale: what its PDF and DOCX are made from, and what is kept (encrypted). */
export interface NoteVerbaleLetter {
  template: NoteVerbaleTemplate;
  language: NoteVerbaleLanguage;
  number: string;
  datedOn: string;
  place: string;
  addressee: string;
  paragraphs: string[];
  /** The case's particulars, set out after the first paragraph: label and value. */
  particulars: [string, string][];
}

/** Items joined as the language does; a dash when the case does not say yet. */
const list = (language: NoteVerbaleLanguage, items: string[]) =>
  items.length ? new Intl.ListFormat(language, { type: "conjunction" }).format(items) : "—";

// French puts an article before most States' names ("du Ghana", "de la France", "de l'Inde", "des
// Pays-Bas") and none before some ("de Madagascar", "d'Haïti"); the rule and its exceptions.
const frenchNoArticle = new Set([
  "Madagascar",
  "Cuba",
  "Malte",
  "Chypre",
  "Sri Lanka",
  "Maurice",
  "Singapour",
  "Bahreïn",
  "Israël",
  "Monaco",
  "Djibouti",
  "Haïti",
  "Oman",
  "Nauru",
  "Tuvalu",
  "Kiribati",
  "Sao Tomé-et-Principe",
  "Saint-Marin",
  "Saint-Kitts-et-Nevis",
  "Sainte-Lucie",
  "Saint-Vincent-et-les Grenadines",
  "Antigua-et-Barbuda",
  "Trinité-et-Tobago",
  "Brunéi Darussalam",
  "Cabo Verde",
  "Tonga",
  "Palaos",
  "Grenade",
]);
const frenchMasculineInE = new Set([
  "Mexique",
  "Cambodge",
  "Mozambique",
  "Zimbabwe",
  "Belize",
  "Suriname",
  "Timor-Leste",
]);
const frenchPlural = new Set([
  "Pays-Bas",
  "États-Unis d'Amérique",
  "Philippines",
  "Comores",
  "Maldives",
  "Bahamas",
  "Émirats arabes unis",
  "Seychelles",
  "Fidji",
  "Îles Marshall",
  "Îles Salomon",
]);
const frenchAspirated = new Set(["Honduras", "Hongrie"]);
const startsWithVowel = (name: string) =>
  /^[aeiouyàâäéèêëîïôöûüœ]/i.test(name) || (/^h/i.test(name) && !frenchAspirated.has(name));

/** "de" and the State's name in French: "du Ghana", "de la France", "de l'Inde", "des Pays-Bas", "de Madagascar". */
export function frenchOfState(name: string): string {
  if (frenchNoArticle.has(name)) return startsWithVowel(name) ? `d'${name}` : `de ${name}`;
  if (frenchPlural.has(name)) return `des ${name}`;
  if (/^(République|Fédération|Principauté)\b/.test(name)) return `de la ${name}`;
  if (/^(Royaume|Sultanat|Saint-Siège)\b/.test(name)) return `du ${name}`;
  if (startsWithVowel(name)) return `de l'${name}`;
  if (/e( \(|$)/.test(name) && !frenchMasculineInE.has(name)) return `de la ${name}`;
  return `du ${name}`;
}

export const letterDate = (language: NoteVerbaleLanguage, iso: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

type Words = {
  place: string;
  addressee: (f: NoteVerbaleFacts) => string;
  opening: (f: NoteVerbaleFacts) => string;
  allegation: (f: NoteVerbaleFacts) => string;
  particulars: { case: string; mission: string; allegation: string; personnel: string; reported: string };
  body: Record<NoteVerbaleTemplate, (f: NoteVerbaleFacts, date: (iso: string) => string) => string[]>;
  confidentiality: string;
  closing: (f: NoteVerbaleFacts) => string;
};

const words: Record<NoteVerbaleLanguage, Words> = {
  en: {
    place: "New York",
    addressee: (f) => `Permanent Mission of ${f.stateName} to the United Nations`,
    opening: (f) =>
      `The Secretariat of the United Nations (Department of Management Strategy, Policy and Compliance, Conduct and Discipline Service) presents its compliments to the Permanent Mission of ${f.stateName} to the United Nations`,
    allegation: (f) =>
      `an allegation of misconduct involving personnel of ${f.stateName} serving with ${f.missionCode}, recorded as case ${f.reference}, the particulars of which are set out below`,
    body: {
      notification: (f, date) => [
        `${words.en.opening(f)} and has the honour to inform it of ${words.en.allegation(f)}.`,
        `In accordance with the memorandum of understanding, the Secretariat requests the Government of ${f.stateName} to inform it${f.replyDueOn ? ` by ${date(f.replyDueOn)}` : ""} whether it intends to investigate the allegation and, if so, to appoint a National Investigation Officer.`,
      ],
      request_nio: (f) => [
        `${words.en.opening(f)} and has the honour to refer to ${words.en.allegation(f)}.`,
        `The Secretariat requests the Government of ${f.stateName} to appoint a National Investigation Officer for this case and to inform it of the officer's name and of the date on which the investigation begins.`,
      ],
      reminder: (f, date) => [
        `${words.en.opening(f)} and has the honour to refer to ${f.previous ? `its note ${f.previous.number} of ${date(f.previous.datedOn)} concerning ` : ""}${words.en.allegation(f)}.`,
        `The Secretariat has not yet received the Government's reply${f.replyDueOn ? `, which was due on ${date(f.replyDueOn)}` : ""}, and would be grateful to receive it at the earliest opportunity.`,
      ],
      outcome: (f) => [
        `${words.en.opening(f)} and has the honour to refer to ${words.en.allegation(f)}.`,
        `The Secretariat requests the Government of ${f.stateName} to inform it of the outcome of its investigation and of any judicial or disciplinary action taken, so that the outcome may be recorded and the victims informed.`,
      ],
    },
    particulars: {
      case: "Case",
      mission: "Mission",
      allegation: "Allegation",
      personnel: "Personnel",
      reported: "Reported on",
    },
    confidentiality:
      "The Secretariat would be grateful if the identity of any victim, witness or person who reported the allegation were kept strictly confidential.",
    closing: (f) =>
      `The Secretariat of the United Nations avails itself of this opportunity to renew to the Permanent Mission of ${f.stateName} to the United Nations the assurances of its highest consideration.`,
  },
  fr: {
    place: "New York",
    addressee: (f) => `Mission permanente ${frenchOfState(f.stateName)} auprès de l'Organisation des Nations Unies`,
    opening: (f) =>
      `Le Secrétariat de l'Organisation des Nations Unies (Département des stratégies et politiques de gestion et de la conformité, Service de la déontologie et de la discipline) présente ses compliments à la Mission permanente ${frenchOfState(f.stateName)} auprès de l'Organisation des Nations Unies`,
    allegation: (f) =>
      `une allégation de faute mettant en cause du personnel ${frenchOfState(f.stateName)} en service auprès de la mission ${f.missionCode}, enregistrée sous le numéro ${f.reference}, dont les éléments sont précisés ci-après`,
    body: {
      notification: (f, date) => [
        `${words.fr.opening(f)} et a l'honneur de porter à son attention ${words.fr.allegation(f)}.`,
        `Conformément au mémorandum d'accord, le Secrétariat prie le Gouvernement ${frenchOfState(f.stateName)} de lui faire savoir${f.replyDueOn ? ` d'ici au ${date(f.replyDueOn)}` : ""} s'il entend enquêter sur cette allégation et, le cas échéant, de désigner un enquêteur national.`,
      ],
      request_nio: (f) => [
        `${words.fr.opening(f)} et a l'honneur de se référer à ${words.fr.allegation(f)}.`,
        `Le Secrétariat prie le Gouvernement ${frenchOfState(f.stateName)} de désigner un enquêteur national pour cette affaire et de lui communiquer son nom ainsi que la date à laquelle l'enquête commence.`,
      ],
      reminder: (f, date) => [
        `${words.fr.opening(f)} et a l'honneur de se référer à ${f.previous ? `sa note ${f.previous.number} du ${date(f.previous.datedOn)} concernant ` : ""}${words.fr.allegation(f)}.`,
        `Le Secrétariat n'a pas encore reçu la réponse du Gouvernement${f.replyDueOn ? `, attendue pour le ${date(f.replyDueOn)}` : ""}, et lui serait reconnaissant de bien vouloir la lui faire parvenir dans les meilleurs délais.`,
      ],
      outcome: (f) => [
        `${words.fr.opening(f)} et a l'honneur de se référer à ${words.fr.allegation(f)}.`,
        `Le Secrétariat prie le Gouvernement ${frenchOfState(f.stateName)} de l'informer de l'issue de son enquête et de toute mesure judiciaire ou disciplinaire prise, afin que l'issue puisse être enregistrée et les victimes informées.`,
      ],
    },
    particulars: {
      case: "Affaire",
      mission: "Mission",
      allegation: "Allégation",
      personnel: "Personnel",
      reported: "Signalée le",
    },
    confidentiality:
      "Le Secrétariat serait reconnaissant que l'identité de toute victime, de tout témoin et de toute personne ayant signalé l'allégation demeure strictement confidentielle.",
    closing: (f) =>
      `Le Secrétariat de l'Organisation des Nations Unies saisit cette occasion pour renouveler à la Mission permanente ${frenchOfState(f.stateName)} auprès de l'Organisation des Nations Unies les assurances de sa très haute considération.`,
  },
};

/** The note's words from its template, in its language; the number and date are given when it is issued. */
export function writeNoteVerbale(
  template: NoteVerbaleTemplate,
  language: NoteVerbaleLanguage,
  facts: NoteVerbaleFacts,
  issued: { number: string; datedOn: string },
): NoteVerbaleLetter {
  const w = words[language];
  const date = (iso: string) => letterDate(language, iso);
  return {
    template,
    language,
    number: issued.number,
    datedOn: issued.datedOn,
    place: w.place,
    addressee: w.addressee(facts),
    paragraphs: [...w.body[template](facts, date), w.confidentiality, w.closing(facts)],
    particulars: [
      [w.particulars.case, facts.reference],
      [w.particulars.mission, facts.missionName],
      [w.particulars.allegation, list(language, facts.allegations)],
      [w.particulars.personnel, list(language, facts.personnel)],
      [w.particulars.reported, date(facts.dateReported)],
    ],
  };
}
