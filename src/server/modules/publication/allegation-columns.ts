// The columns of the public table of allegations, as the web page and the PDF both show them: one
// source for what each column says of a row, in the reader's language (names, counted words,
// months and numbers as the language writes them).
import { foldTerm } from "../../../domain/public-stats.js";
import type { PublicAllegation } from "./service.js";
import { dataMessages, named } from "../../public/data-messages.js";
import type { PublicLanguage } from "../../public/messages.js";
import { counted } from "../../public/plurals.js";

export interface AllegationColumn {
  header: string;
  cell: (row: PublicAllegation) => string;
  numeric?: boolean;
  /** Share of a landscape page's width in the PDF. */
  weight: number;
}

/** "3 (1 woman, 2 girls)": the victims of a row, counted in the reader's language. */
// One number and list format per language, not one per row of a ten-thousand-row table.
const formats = new Map<PublicLanguage, { number: Intl.NumberFormat; list: Intl.ListFormat }>();
const formatsOf = (language: PublicLanguage) => {
  const known = formats.get(language);
  if (known) return known;
  const made = {
    number: new Intl.NumberFormat(language),
    list: new Intl.ListFormat(language, { type: "conjunction" }),
  };
  formats.set(language, made);
  return made;
};

export function victimsInWords(language: PublicLanguage, row: PublicAllegation): string {
  const { number, list } = formatsOf(language);
  const groups = (["women", "girls", "boys", "men"] as const).filter((group) => row.victimsByGroup[group] > 0);
  const parts = groups.map((group) => counted(language, group, row.victimsByGroup[group]));
  // Imported history may give children without their sex.
  const unsexed = row.childVictims - row.victimsByGroup.girls - row.victimsByGroup.boys;
  if (unsexed > 0) parts.push(counted(language, "children", unsexed));
  return parts.length > 0 ? `${number.format(row.victims)} (${list.format(parts)})` : number.format(row.victims);
}

export function allegationColumns(language: PublicLanguage, countries: Map<string, string>): AllegationColumn[] {
  const words = dataMessages[language];
  const c = words.columns;
  const { number, list: listed } = formatsOf(language);
  const months = new Intl.DateTimeFormat(language, { year: "numeric", month: "short", timeZone: "UTC" });
  const month = (yyyyMm: string) => months.format(new Date(`${yyyyMm}-01T00:00:00Z`));
  const yesNo = (value: boolean | null) => (value === null ? "" : value ? words.yes : words.no);
  const list = (names: Record<string, string>, codes: string[]) =>
    listed.format(codes.map((code) => named(names, foldTerm(code))));
  return [
    { header: c.month, cell: (row) => month(row.monthReported), weight: 48 },
    { header: c.mission, cell: (row) => row.missionCode, weight: 50 },
    { header: c.category, cell: (row) => named(words.categories, row.categoryCode), weight: 54 },
    {
      header: c.nationality,
      cell: (row) => (row.nationalityCode ? (countries.get(row.nationalityCode) ?? row.nationalityCode) : ""),
      weight: 54,
    },
    {
      header: c.allegation,
      cell: (row) =>
        [
          ...(row.allegation ?? "")
            .split(";")
            .filter(Boolean)
            .map((code) => named(words.allegationTypes, code)),
          ...row.allegationSubtypes.map((code) => named(words.allegationSubtypes, code)),
        ].join(" — "),
      weight: 62,
    },
    {
      header: c.incident,
      cell: (row) => (row.incidentPeriod ?? "").split("/").filter(Boolean).map(month).join(" – "),
      weight: 44,
    },
    {
      header: c.perpetrators,
      cell: (row) => (row.allegedPerpetrators === null ? "" : number.format(row.allegedPerpetrators)),
      numeric: true,
      weight: 36,
    },
    { header: c.victims, cell: (row) => victimsInWords(language, row), weight: 58 },
    {
      header: c.paternity,
      cell: (row) =>
        row.paternityStatus.length > 0 ? list(words.paternityStatuses, row.paternityStatus) : yesNo(row.paternityClaim),
      weight: 44,
    },
    { header: c.entity, cell: (row) => list(words.entities, row.investigatingEntities), weight: 40 },
    {
      header: c.days,
      cell: (row) => (row.investigationDays === null ? "" : number.format(row.investigationDays)),
      numeric: true,
      weight: 40,
    },
    { header: c.findings, cell: (row) => list(words.statuses, row.findings), weight: 56 },
    { header: c.interim, cell: (row) => list(words.actions, row.interimActions), weight: 56 },
    // Files published before 2015 say what was done, not by whom: that stays under "final action".
    {
      header: c.final,
      cell: (row) =>
        list(
          words.actions,
          row.finalActions.filter((kind) => !row.unActions.includes(kind) && !row.memberStateActions.includes(kind)),
        ),
      weight: 50,
    },
    { header: c.unAction, cell: (row) => list(words.actions, row.unActions), weight: 56 },
    { header: c.memberStateAction, cell: (row) => list(words.actions, row.memberStateActions), weight: 56 },
    { header: c.criminal, cell: (row) => yesNo(row.criminalReferral), weight: 40 },
  ];
}
