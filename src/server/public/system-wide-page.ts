// The public page of system-wide figures: every entity's published SEA allegations by entity,
// quarter, system-wide category of personnel or status, filtered by any of them; an entity's own
// figures are the page filtered to it. Counts only, in the reader's language.
import type { SystemWideFilter } from "../../domain/contracts/publication.js";
import type { StatCount } from "../../domain/public-stats.js";
import { systemWideCategories } from "../../domain/reference/personnel.js";
import { type SystemWideGrouping, systemWideGroupings, systemWideStatuses } from "../../domain/system-wide.js";
import type { NamedEntity } from "../../domain/vocabulary/entity-names.js";
import { barChart, headline } from "./charts.js";
import { dataMessages } from "./data-messages.js";
import { systemWideLabeller } from "./system-wide-words.js";
import { leftOut, numbersTable, type PageParts, queryString, select } from "./data-pages.js";
import { html } from "./html.js";
import type { PublicLanguage } from "./messages.js";

export interface SystemWideQuery extends SystemWideFilter {
  groupBy: SystemWideGrouping;
}

export function systemWidePage(
  language: PublicLanguage,
  query: SystemWideQuery,
  figures: { breakdown: StatCount[]; byQuarter: StatCount[] },
  choices: { years: string[]; entities: NamedEntity[] },
  ignored: string[],
): PageParts {
  const words = dataMessages[language];
  const sw = words.systemWide;
  const number = new Intl.NumberFormat(language);
  const label = systemWideLabeller(language, choices.entities);
  const bars = (groupBy: SystemWideGrouping, rows: StatCount[]) =>
    rows.map((row) => ({ key: row.key, label: label(groupBy, row.key), count: row.count, range: row.range }));
  const options = (groupBy: SystemWideGrouping, keys: readonly string[]) =>
    keys.map((key) => ({ value: key, label: label(groupBy, key) }));
  const filters: SystemWideFilter = {
    year: query.year,
    quarter: query.quarter,
    entity: query.entity,
    category: query.category,
    status: query.status,
  };
  const form = html`<form method="get" action="/data/system-wide" class="filters"><input type="hidden" name="lang" value="${language}">
${select(
  "groupBy",
  words.showBy,
  systemWideGroupings.map((value) => ({ value, label: sw.groupings[value] })),
  query.groupBy,
)}
${select(
  "year",
  words.groupings.year,
  choices.years.map((year) => ({ value: year, label: year })),
  query.year === undefined ? undefined : String(query.year),
  words.all,
)}
${select(
  "quarter",
  sw.groupings.quarter,
  ["1", "2", "3", "4"].map((q) => ({ value: q, label: number.format(Number(q)) })),
  query.quarter === undefined ? undefined : String(query.quarter),
  words.all,
)}
${select(
  "entity",
  sw.groupings.entity,
  options(
    "entity",
    choices.entities.map((entity) => entity.code),
  ).sort((a, b) => a.label.localeCompare(b.label, language)),
  query.entity,
  words.all,
)}
${select("category", sw.groupings.category, options("category", [...systemWideCategories, "unknown"]), query.category, words.all)}
${select("status", sw.groupings.status, options("status", systemWideStatuses), query.status, words.all)}
<button type="submit">${words.apply}</button> <a href="/data/system-wide">${words.clear}</a></form>`;
  const heading = sw.groupings[query.groupBy];
  // Categories and statuses in the order the UN lists them; entities and quarters by their keys.
  const listed: Partial<Record<SystemWideGrouping, readonly string[]>> = {
    category: [...systemWideCategories, "unknown"],
    status: systemWideStatuses,
  };
  const order = listed[query.groupBy];
  const main = bars(
    query.groupBy,
    order ? [...figures.breakdown].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)) : figures.breakdown,
  );
  const total = figures.breakdown.reduce((sum, row) => sum + (row.count ?? 0), 0);
  const byQuarter =
    query.groupBy === "quarter"
      ? ""
      : html`<h2>${sw.byQuarter}</h2>${numbersTable(`${sw.title} — ${sw.byQuarter}`, sw.groupings.quarter, bars("quarter", figures.byQuarter), number, words)}`;
  const body = main.length
    ? html`${headline(total, words.total, number)}${barChart(main, number)}${numbersTable(`${sw.title} — ${heading}`, heading, main, number, words)}${byQuarter}`
    : html`<p role="status">${words.noData}</p>`;
  return {
    title: sw.title,
    body: html`<h1>${sw.title}</h1><p>${sw.intro}</p><section>${form}</section>${leftOut(words, ignored)}<section>${body}</section><p><a href="/api/public/system-wide${queryString({ groupBy: query.groupBy, ...filters })}">${words.json}</a></p>`,
    path: `/data/system-wide${queryString({ groupBy: query.groupBy, ...filters })}`,
    current: "systemWide",
  };
}
