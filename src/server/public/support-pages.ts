// The public pages beside the SEA figures: support to victims (the Trust Fund's projects, the people
// they reached, paternity claims by status) and other misconduct by year, mission, category of
// personnel, category of misconduct and level. Counts only, in the reader's language.
import type { VictimSupport } from "../../domain/contracts/publication.js";
import { misconductGroupings } from "../../domain/contracts/publication.js";
import type { StatCount } from "../../domain/public-stats.js";
import { barChart, headline } from "./charts.js";
import { dataMessages, named } from "./data-messages.js";
import { leftOut, numbersTable, type Option, type PageParts, queryString, select } from "./data-pages.js";
import { html } from "./html.js";
import type { PublicLanguage } from "./messages.js";

export function victimSupportPage(language: PublicLanguage, view: VictimSupport): PageParts {
  const words = dataMessages[language];
  const number = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, { year: "numeric", month: "short", timeZone: "UTC" });
  const day = (iso: string) => dates.format(new Date(`${iso}T00:00:00Z`));
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  const groups = ["victims", "children_born_of_sea", "community_members"] as const;
  const totals = groups.map((group) => view.projects.reduce((sum, project) => sum + project.reached[group], 0));
  const reached = html`<section><h2 id="reached">${words.reached}</h2><div class="scroll" tabindex="0" role="region" aria-label="${words.reached}"><table><caption>${words.reached}</caption><tbody>${groups.map(
    (group, i) =>
      html`<tr><th scope="row">${named(words.beneficiaries, group)}</th><td class="num">${number.format(totals[i])}</td></tr>`,
  )}</tbody></table></div></section>`;
  const projects = html`<section><h2 id="projects">${words.projects}</h2>${
    view.projects.length
      ? html`<div class="scroll" tabindex="0" role="region" aria-label="${words.projects}"><table><caption>${words.projects}</caption><thead><tr><th scope="col">${words.groupings.mission}</th><th scope="col">${words.projects}</th><th scope="col">${words.partner}</th><th scope="col">${words.period}</th><th scope="col" class="num">${words.budget}</th>${groups.map((group) => html`<th scope="col" class="num">${named(words.beneficiaries, group)}</th>`)}</tr></thead><tbody>${view.projects.map(
          (project) =>
            html`<tr><td>${project.missionCode}</td><th scope="row" lang="en">${project.title}</th><td lang="en">${project.implementingPartner}</td><td>${day(project.startsOn)} – ${day(project.endsOn)}</td><td class="num">${money(project.budget, project.currency)}</td>${groups.map((group) => html`<td class="num">${number.format(project.reached[group])}</td>`)}</tr>`,
        )}</tbody></table></div>`
      : html`<p>${words.none}</p>`
  }</section>`;
  const paternity = html`<section><h2 id="paternity">${words.paternityTitle}</h2>${
    view.paternityClaims.length
      ? html`<div class="scroll" tabindex="0" role="region" aria-label="${words.paternityTitle}"><table><caption>${words.paternityTitle}</caption><thead><tr><th scope="col">${words.groupings.year}</th><th scope="col">${words.groupings.mission}</th><th scope="col">${words.status}</th><th scope="col" class="num">${words.claims}</th></tr></thead><tbody>${view.paternityClaims.map(
          (row) =>
            html`<tr><td>${row.year}</td><td>${row.missionCode}</td><th scope="row">${named(words.paternityStatuses, row.status)}</th><td class="num">${row.claims === null ? (row.range ?? "") : number.format(row.claims)}</td></tr>`,
        )}</tbody></table></div>`
      : html`<p>${words.none}</p>`
  }</section>`;
  const body = html`<h1>${words.supportTitle}</h1><p>${words.supportIntro}</p>${reached}${projects}${paternity}<p><a href="/api/public/victim-support">${words.json}</a></p>`;
  return { title: words.supportTitle, body, path: "/data/victim-support", current: "support" };
}

export interface MisconductQuery {
  groupBy: (typeof misconductGroupings)[number];
  year?: number;
  mission?: string;
  category?: string;
  kind?: string;
}

export function misconductPage(
  language: PublicLanguage,
  query: MisconductQuery,
  rows: StatCount[],
  choices: { years: Option[]; missions: Option[]; categories: Option[] },
  ignored: string[],
): PageParts {
  const words = dataMessages[language];
  const number = new Intl.NumberFormat(language);
  const headings = {
    year: words.groupings.year,
    mission: words.groupings.mission,
    category: words.groupings.category,
    area: words.misconductArea,
    level: words.level,
  };
  const labelOf = (key: string) =>
    query.groupBy === "category"
      ? named(words.categories, key)
      : query.groupBy === "area"
        ? named(words.thematicAreas, key)
        : query.groupBy === "level"
          ? named(words.misconductLevels, key)
          : key;
  const bars = rows.map((row) => ({ key: row.key, label: labelOf(row.key), count: row.count, range: row.range }));
  const filters = { year: query.year, mission: query.mission, category: query.category, kind: query.kind };
  const areas = Object.entries(words.thematicAreas).map(([value, label]) => ({ value, label }));
  const groupings = misconductGroupings.map((value) => ({ value, label: headings[value] }));
  const form = html`<form method="get" action="/data/misconduct" class="filters"><input type="hidden" name="lang" value="${language}">
${select("groupBy", words.showBy, groupings, query.groupBy)}
${select("year", words.groupings.year, choices.years, query.year === undefined ? undefined : String(query.year), words.all)}
${select("mission", words.groupings.mission, choices.missions, query.mission, words.all)}
${select("category", words.groupings.category, choices.categories, query.category, words.all)}
${select("kind", words.misconductArea, areas, query.kind, words.all)}
<button type="submit">${words.apply}</button> <a href="/data/misconduct">${words.clear}</a></form>`;
  const total = rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
  const figures = rows.length
    ? html`${headline(total, words.total, number)}${barChart(bars, number)}${numbersTable(`${words.misconductTitle} — ${headings[query.groupBy]}`, headings[query.groupBy], bars, number, words)}`
    : html`<p role="status">${words.noData}</p>`;
  const body = html`<h1>${words.misconductTitle}</h1><p>${words.misconductIntro}</p><section>${form}</section>${leftOut(words, ignored)}<section>${figures}</section><p><a href="/api/public/stats/misconduct${queryString({ groupBy: query.groupBy, ...filters })}">${words.json}</a></p>`;
  return {
    title: words.misconductTitle,
    body,
    path: `/data/misconduct${queryString({ groupBy: query.groupBy, ...filters })}`,
    current: "misconduct",
  };
}
