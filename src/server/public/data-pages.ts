// The public figures and the table of allegations, rendered on the server: filters are a plain GET
// form (so any view can be shared by its address), charts are HTML and SVG, and every chart has
// its numbers in a table beside it.
import type { StatCount, StatGrouping, StatView } from "../../domain/public-stats.js";
import { statViews, viewGroupings } from "../../domain/public-stats.js";
import { barChart, type Bar, countryMap, headline, missionMap, trendChart } from "./charts.js";
import { type DataMessages, dataMessages, named } from "./data-messages.js";
import { html, type SafeHtml } from "./html.js";
import type { PublicLanguage } from "./messages.js";
import { allegationColumns, type PublicAllegation } from "../modules/publication/index.js";
import { publicCommandMeasures } from "../../domain/accountability.js";
import type {
  PublicCommandByMission as PublicMissionCommand,
  PublicComparisonRow,
  PublicScorecard,
} from "../modules/accountability/index.js";
import type { PublicPractice } from "../modules/good-practices/index.js";
import type { LayoutOptions } from "./pages.js";

export interface Option {
  value: string;
  label: string;
}

/** What a page shows; the route puts it in the site's layout. */
export interface PageParts {
  title: string;
  body: SafeHtml;
  /** The page's address with its filters, kept when the reader changes language. */
  path: string;
  current: NonNullable<LayoutOptions["current"]>;
}

export interface FigureQuery {
  view: StatView;
  groupBy: StatGrouping;
  year?: number;
  mission?: string;
  category?: string;
  nationality?: string;
  stage?: "interim" | "final";
}

export interface FigureData {
  breakdown: StatCount[];
  byYear: StatCount[];
  byMission: StatCount[];
  choices: { years: Option[]; missions: Option[]; categories: Option[]; nationalities: Option[] };
  /** Parameters of the address that could not be read and were left out. */
  ignored: string[];
}

/** The address of a view with these filters (empty ones left out), for links, the JSON API and the language switch. */
export function queryString(query: object, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, ...extra }) as [string, unknown][])
    if (value !== undefined && value !== "") params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** What a key of a breakdown is called in the reader's language. */
export function keyLabel(
  words: DataMessages,
  groupBy: StatGrouping,
  key: string,
  countries: Map<string, string>,
): string {
  switch (groupBy) {
    case "category":
      return named(words.categories, key);
    case "nationality":
      return countries.get(key) ?? key;
    case "group":
      return named(words.victimGroups, key);
    case "entity":
      return named(words.entities, key);
    case "status":
      return named(words.statuses, key);
    case "action":
      return named(words.actions, key);
    default:
      return key;
  }
}

export function select(
  name: string,
  label: string,
  options: Option[],
  selected: string | undefined,
  anyLabel?: string,
): SafeHtml {
  return html`<div class="field-block"><label class="field" for="${name}">${label}</label><select id="${name}" name="${name}">${anyLabel === undefined ? "" : html`<option value="">${anyLabel}</option>`}${options.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ""}>${option.label}</option>`)}</select></div>`;
}

/** Names what the address asked for that could not be read and was left out; nothing when all was read. */
export const leftOut = (words: DataMessages, names: string[]) =>
  names.length
    ? html`<div class="errors" role="alert"><p class="error">${words.badFilters} ${names.join(", ")}</p></div>`
    : "";

export function numbersTable(
  caption: string,
  heading: string,
  bars: Bar[],
  format: Intl.NumberFormat,
  words: DataMessages,
  medians?: (number | null | undefined)[],
): SafeHtml {
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption><thead><tr><th scope="col">${heading}</th><th scope="col" class="num">${words.number}</th>${medians ? html`<th scope="col" class="num">${words.medianDays}</th>` : ""}</tr></thead><tbody>${bars.map(
    (bar, index) =>
      html`<tr><th scope="row">${bar.label}</th><td class="num">${bar.count === null ? (bar.range ?? "") : format.format(bar.count)}</td>${medians ? html`<td class="num">${medians[index] ?? "—"}</td>` : ""}</tr>`,
  )}</tbody></table></div>`;
}

export function figuresPage(
  language: PublicLanguage,
  query: FigureQuery,
  data: FigureData,
  countries: Map<string, string>,
): PageParts {
  const words = dataMessages[language];
  const format = new Intl.NumberFormat(language);
  const toBars = (rows: StatCount[], groupBy: StatGrouping): Bar[] =>
    rows.map((row) => ({
      key: row.key,
      label: keyLabel(words, groupBy, row.key, countries),
      count: row.count,
      range: row.range,
    }));
  const filters = {
    year: query.year,
    mission: query.mission,
    category: query.category,
    nationality: query.nationality,
    stage: query.stage,
  };
  const breakdown = toBars(data.breakdown, query.groupBy);
  // Years run oldest first; other breakdowns show the largest first.
  if (query.groupBy !== "year") breakdown.sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const total = data.byYear.reduce((sum, row) => sum + (row.count ?? 0), 0);
  const viewTitle = words.views[query.view];
  const byTitle = `${viewTitle} — ${words.groupings[query.groupBy]}`;
  const tabs = html`<ul class="tabs">${statViews.map((view) => html`<li><a href="/data${queryString({ view })}"${view === query.view ? html` aria-current="page"` : ""}>${words.views[view]}</a></li>`)}</ul>`;
  const form = html`<form method="get" action="/data" class="filters"><input type="hidden" name="view" value="${query.view}"><input type="hidden" name="lang" value="${language}">
${select(
  "groupBy",
  words.showBy,
  viewGroupings[query.view].map((grouping) => ({ value: grouping, label: words.groupings[grouping] })),
  query.groupBy,
)}
${select("year", words.groupings.year, data.choices.years, query.year === undefined ? undefined : String(query.year), words.all)}
${select("mission", words.groupings.mission, data.choices.missions, query.mission, words.all)}
${select("category", words.groupings.category, data.choices.categories, query.category, words.all)}
${select("nationality", words.groupings.nationality, data.choices.nationalities, query.nationality, words.all)}
${
  query.view === "actions"
    ? select(
        "stage",
        words.stage,
        [
          { value: "interim", label: words.stages.interim },
          { value: "final", label: words.stages.final },
        ],
        query.stage,
        words.all,
      )
    : ""
}
<button type="submit">${words.apply}</button> <a href="/data${queryString({ view: query.view })}">${words.clear}</a></form>`;
  const ignored = leftOut(words, data.ignored);
  const empty = data.breakdown.length === 0;
  const trend = toBars(data.byYear, "year");
  const missions = toBars(data.byMission, "mission");
  const body = html`<h1>${words.dataTitle}</h1><p>${words.dataIntro}</p>${tabs}
<section aria-labelledby="filters-title"><h2 id="filters-title" class="visually-hidden">${words.showBy}</h2>${form}</section>${ignored}
<section aria-labelledby="total-title"><h2 id="total-title">${viewTitle}</h2>${headline(total, words.total, format)}</section>
${
  empty
    ? html`<section><p role="status">${words.noData}</p></section>`
    : html`<section><h2 id="breakdown-title">${byTitle}</h2>${query.groupBy === "year" ? trendChart(breakdown, format) : barChart(breakdown, format)}${numbersTable(byTitle, words.groupings[query.groupBy], breakdown, format, words, query.view === "investigations" ? breakdown.map((bar) => data.breakdown.find((row) => row.key === bar.key)?.medianDays) : undefined)}</section>
${query.groupBy === "year" ? "" : html`<section><h2 id="trend-title">${words.byYear}</h2>${trendChart(trend, format)}${numbersTable(`${viewTitle} — ${words.byYear}`, words.groupings.year, trend, format, words)}</section>`}
<section><h2 id="map-title">${words.map}</h2>${missionMap(missions, words.map, format)}<p class="help">${words.mapNote}</p>${query.groupBy === "mission" ? "" : numbersTable(`${viewTitle} — ${words.groupings.mission}`, words.groupings.mission, missions, format, words)}</section>`
}
<p><a href="/api/public/stats/${query.view}${queryString({ groupBy: query.groupBy, ...filters })}">${words.json}</a></p>`;
  return {
    title: `${viewTitle} — ${words.dataTitle}`,
    body,
    path: `/data${queryString({ ...filters, view: query.view, groupBy: query.groupBy })}`,
    current: "data",
  };
}

export interface TableQuery {
  year?: number;
  mission?: string;
  category?: string;
  nationality?: string;
  page: number;
}

export const TABLE_PAGE_SIZE = 50;

export function allegationsTablePage(
  language: PublicLanguage,
  query: TableQuery,
  rows: PublicAllegation[],
  hasMore: boolean,
  choices: FigureData["choices"],
  ignored: string[],
  countries: Map<string, string>,
): PageParts {
  const words = dataMessages[language];
  const filters = {
    year: query.year,
    mission: query.mission,
    category: query.category,
    nationality: query.nationality,
  };
  const columns = allegationColumns(language, countries);
  const table = html`<div class="scroll" tabindex="0" role="region" aria-label="${words.tableTitle}"><table><caption>${words.tableTitle}</caption><thead><tr>${columns.map((column) => html`<th scope="col">${column.header}</th>`)}</tr></thead><tbody>${rows.map(
    (row) =>
      html`<tr>${columns.map((column) => (column.numeric ? html`<td class="num">${column.cell(row)}</td>` : html`<td>${column.cell(row)}</td>`))}</tr>`,
  )}</tbody></table></div>`;
  const form = html`<form method="get" action="/data/allegations" class="filters"><input type="hidden" name="lang" value="${language}">
${select("year", words.groupings.year, choices.years, query.year === undefined ? undefined : String(query.year), words.all)}
${select("mission", words.groupings.mission, choices.missions, query.mission, words.all)}
${select("category", words.groupings.category, choices.categories, query.category, words.all)}
${select("nationality", words.groupings.nationality, choices.nationalities, query.nationality, words.all)}
<button type="submit">${words.apply}</button> <a href="/data/allegations">${words.clear}</a></form>`;
  const downloads = html`<p class="downloads">${words.download}: ${(["csv", "xlsx", "pdf"] as const).map((format) => html`<a href="/api/public/allegations${queryString(filters, { format, limit: 10_000, lang: format === "pdf" ? language : undefined })}" download>${format.toUpperCase()}</a>`)} <a href="/data/allegations/feed.atom">${words.feed}</a></p>`;
  const pager = html`<nav class="pager" aria-label="${words.tableTitle}">${query.page > 1 ? html`<a href="/data/allegations${queryString(filters, { page: query.page - 1, lang: language })}" rel="prev">${words.previous}</a>` : ""}${hasMore ? html`<a href="/data/allegations${queryString(filters, { page: query.page + 1, lang: language })}" rel="next">${words.next}</a>` : ""}</nav>`;
  const ignoredAlert = leftOut(words, ignored);
  const body = html`<h1>${words.tableTitle}</h1><p>${words.tableIntro}</p><section>${form}</section>${ignoredAlert}${downloads}${rows.length ? html`${table}${pager}` : html`<section><p role="status">${words.noRows}</p></section>`}`;
  return {
    title: words.tableTitle,
    body,
    path: `/data/allegations${queryString(filters, { page: query.page > 1 ? query.page : undefined })}`,
    current: "table",
  };
}

export interface PracticeQuery {
  area?: string;
  theme?: string;
  country?: string;
  q?: string;
}

export function practicesPage(
  language: PublicLanguage,
  query: PracticeQuery,
  practices: PublicPractice[],
  choices: { areas: Option[]; themes: Option[]; countries: Option[] },
  ignored: string[],
  countries: Map<string, string>,
): PageParts {
  const words = dataMessages[language];
  const form = html`<form method="get" action="/data/good-practices" class="filters"><input type="hidden" name="lang" value="${language}">
${select("area", words.area, choices.areas, query.area, words.all)}
${select("theme", words.theme, choices.themes, query.theme, words.all)}
${select("country", words.country, choices.countries, query.country, words.all)}
<div class="field-block"><label class="field" for="q">${words.search}</label><input type="text" id="q" name="q" maxlength="200" value="${query.q ?? ""}"></div>
<button type="submit">${words.apply}</button> <a href="/data/good-practices">${words.clear}</a></form>`;
  const safeLink = (link: string) => /^https?:\/\//i.test(link);
  const cards = practices.map(
    (
      practice,
    ) => html`<article class="practice" lang="en"><p><span class="tag" lang="${language}">${named(words.areas, practice.area)}</span><span class="tag">${practice.theme}</span></p><h2>${practice.title}</h2>
<p class="meta" lang="${language}">${[...practice.countryCodes.map((code) => countries.get(code) ?? code), practice.contributor].filter(Boolean).join(", ")}</p>${practice.summary ? html`<p>${practice.summary}</p>` : ""}
${practice.event ? html`<p class="meta"><span lang="${language}">${words.sharedAt}</span>: ${practice.event.title}${practice.event.date ? ` (${practice.event.date})` : ""}</p>` : ""}
${practice.links.length + practice.files.length ? html`<p class="meta"><span lang="${language}">${words.resources}</span>: ${practice.links.filter(safeLink).map((link) => html`<a href="${link}" rel="noopener noreferrer">${new URL(link).hostname}</a> `)}${practice.files.map((file) => html`<a href="/api/public/good-practices/files/${file.id}" download>${file.fileName}</a> <span dir="ltr">(${Math.max(1, Math.round(file.sizeBytes / 1024))} KB)</span> `)}</p>` : ""}</article>`,
  );
  const ignoredAlert = leftOut(words, ignored);
  const body = html`<h1>${words.practicesTitle}</h1><p>${words.practicesIntro}</p><section>${form}</section>${ignoredAlert}
<p role="status">${new Intl.NumberFormat(language).format(practices.length)}</p>${practices.length ? html`<section>${cards}</section>` : html`<section><p>${words.noPractices}</p></section>`}`;
  return { title: words.practicesTitle, body, path: `/data/good-practices${queryString(query)}`, current: "practices" };
}

export interface CommitmentsView {
  items: { kind: string; countryCode: string; member: string; joinedOn: string }[];
  trustFund: { countryCode: string; year: number; currency: string; amount: number }[];
}

export function commitmentsPage(
  language: PublicLanguage,
  view: CommitmentsView,
  kinds: readonly string[],
  countries: Map<string, string>,
): PageParts {
  const words = dataMessages[language];
  const format = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
  const countryName = (code: string) => countries.get(code) ?? code;
  const sections = kinds.map((kind) => {
    const items = view.items.filter((item) => item.kind === kind);
    const states = new Set(items.map((item) => item.countryCode));
    const title = named(words.kinds, kind);
    return html`<section><h2 id="kind-${kind}">${title}</h2>${headline(states.size, words.signatories, format)}
${
  items.length
    ? html`${
        kind === "voluntary_compact"
          ? countryMap(
              [...states].map((code) => ({ code, label: countryName(code) })),
              title,
            )
          : ""
      }<div class="scroll" tabindex="0" role="region" aria-label="${title}"><table><caption>${title}</caption><thead><tr><th scope="col">${words.country}</th>${kind === "voluntary_compact" ? "" : html`<th scope="col">${words.member}</th>`}<th scope="col">${words.joinedOn}</th></tr></thead><tbody>${items.map(
        (item) =>
          html`<tr><th scope="row">${countryName(item.countryCode)}</th>${kind === "voluntary_compact" ? "" : html`<td lang="en">${item.member}</td>`}<td>${dates.format(new Date(`${item.joinedOn}T00:00:00Z`))}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${words.none}</p>`
}</section>`;
  });
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  const fund = html`<section><h2 id="trust-fund">${words.trustFund}</h2>${
    view.trustFund.length
      ? html`${headline(new Set(view.trustFund.map((row) => row.countryCode)).size, words.signatories, format)}<div class="scroll" tabindex="0" role="region" aria-label="${words.contributions}"><table><caption>${words.contributions}</caption><thead><tr><th scope="col">${words.groupings.year}</th><th scope="col">${words.country}</th><th scope="col" class="num">${words.amount}</th></tr></thead><tbody>${view.trustFund.map(
          (row) =>
            html`<tr><td>${row.year}</td><th scope="row">${countryName(row.countryCode)}</th><td class="num">${money(row.amount, row.currency)}</td></tr>`,
        )}</tbody></table></div>`
      : html`<p>${words.none}</p>`
  }</section>`;
  const body = html`<h1>${words.commitmentsTitle}</h1><p>${words.commitmentsIntro}</p>${sections}${fund}`;
  return { title: words.commitmentsTitle, body, path: "/data/commitments", current: "commitments" };
}

/** Military justice and command per mission: a row a mission, a column a published measure. */
function commandByMission(words: DataMessages, missions: PublicMissionCommand[], format: Intl.NumberFormat) {
  if (missions.length === 0) return html``;
  const caption = `${words.commandTitle} — ${words.commandByMission}`;
  const cell = (row: StatCount | undefined) =>
    row === undefined ? format.format(0) : row.count === null ? (row.range ?? "") : format.format(row.count);
  return html`<section><h2>${caption}</h2><p>${words.commandIntro}</p><div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption><thead><tr><th scope="col">${words.groupings.mission}</th>${publicCommandMeasures.map((measure) => html`<th scope="col" class="num">${named(words.commandMeasures, measure)}</th>`)}</tr></thead><tbody>${missions.map(
    (mission) =>
      html`<tr><th scope="row">${mission.missionCode}</th>${publicCommandMeasures.map((measure) => html`<td class="num">${cell(mission.measures.find((row) => row.key === measure))}</td>`)}</tr>`,
  )}</tbody></table></div></section>`;
}

export function memberStatesPage(
  language: PublicLanguage,
  rows: PublicComparisonRow[],
  countries: Map<string, string>,
  missions: PublicMissionCommand[],
  unknownCountry?: string,
): PageParts {
  const words = dataMessages[language];
  const format = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: "percent" });
  const body = html`<h1>${words.statesTitle}</h1>${leftOut(words, unknownCountry ? [unknownCountry] : [])}<p>${words.statesIntro}</p><p class="help">${words.restrictedNote}</p>
${
  rows.length
    ? html`<div class="scroll" tabindex="0" role="region" aria-label="${words.allStates}"><table><caption>${words.allStates}</caption><thead><tr><th scope="col">${words.country}</th><th scope="col" class="num">${words.views.allegations}</th><th scope="col" class="num">${words.statuses.substantiated}</th><th scope="col" class="num">${words.withFinalAction}</th><th scope="col" class="num">${words.medianDays}</th></tr></thead><tbody>${rows.map(
        (row) =>
          html`<tr><th scope="row"><a href="/data/member-states/${row.countryCode}">${countries.get(row.countryCode) ?? row.countryCode}</a></th><td class="num">${format.format(row.allegations)}</td><td class="num">${format.format(row.substantiated)}</td><td class="num">${format.format(row.substantiatedWithFinalAction)}${row.substantiated ? ` (${percent.format(row.substantiatedWithFinalAction / row.substantiated)})` : ""}</td><td class="num">${row.medianInvestigationDays ?? "—"}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p role="status">${words.noData}</p>`
}${commandByMission(words, missions, format)}`;
  return { title: words.statesTitle, body, path: "/data/member-states", current: "states" };
}

export function memberStatePage(
  language: PublicLanguage,
  card: PublicScorecard,
  countries: Map<string, string>,
): PageParts {
  const words = dataMessages[language];
  const format = new Intl.NumberFormat(language);
  const name = countries.get(card.countryCode) ?? card.countryCode;
  const bars = (rows: StatCount[], groupBy: StatGrouping): Bar[] =>
    rows.map((row) => ({
      key: row.key,
      label: keyLabel(words, groupBy, row.key, countries),
      count: row.count,
      range: row.range,
    }));
  const years = bars(card.allegationsByYear, "year");
  const statuses = bars(card.investigations, "status");
  const actions = bars(card.finalActions, "action");
  const command: Bar[] = card.command.map((row) => ({
    key: row.key,
    label: named(words.commandMeasures, row.key),
    count: row.count,
    range: row.range,
  }));
  const body = html`<p><a href="/data/member-states">${words.allStates}</a></p><h1>${name}</h1><p>${words.statesIntro}</p>
<section><h2>${words.views.allegations} — ${words.byYear}</h2>${years.length ? html`${trendChart(years, format)}${numbersTable(`${name} — ${words.byYear}`, words.groupings.year, years, format, words)}` : html`<p>${words.noData}</p>`}</section>
<section><h2>${words.groupings.status}</h2>${
    statuses.length
      ? html`${barChart(statuses, format)}${numbersTable(
          `${name} — ${words.groupings.status}`,
          words.groupings.status,
          statuses,
          format,
          words,
          card.investigations.map((row) => row.medianDays),
        )}`
      : html`<p>${words.noData}</p>`
  }</section>
<section><h2>${words.views.actions} (${words.stages.final})</h2>${actions.length ? html`${barChart(actions, format)}${numbersTable(`${name} — ${words.views.actions}`, words.groupings.action, actions, format, words)}` : html`<p>${words.noData}</p>`}</section>
<section><h2>${words.commandTitle}</h2><p>${words.commandIntro}</p>${command.length ? html`${barChart(command, format)}${numbersTable(`${name} — ${words.commandTitle}`, words.commandTitle, command, format, words)}` : html`<p>${words.noData}</p>`}</section>
<p class="help">${words.restrictedNote}</p><p><a href="/data${queryString({ view: "allegations", groupBy: "mission", nationality: card.countryCode })}">${words.dataTitle}</a></p>`;
  return {
    title: `${name} — ${words.statesTitle}`,
    body,
    path: `/data/member-states/${card.countryCode}`,
    current: "states",
  };
}
