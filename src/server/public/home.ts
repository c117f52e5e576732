// The public home at "/" and the page for a public address that does not exist: server-rendered,
// no JavaScript, in the reader's language, each leading to the report form, help and the figures.
import { html, type SafeHtml } from "./html.js";
import { homeLinks } from "./home-messages.js";
import { layout } from "./pages.js";
import { reportLanguages, reportWords } from "./report-words.js";

function linkList(language: string): SafeHtml {
  const words = reportWords(language).home;
  return html`<ul class="doors">${homeLinks.map(
    ({ key, href }) =>
      html`<li><a href="${href}${key === "staff" ? "" : `?lang=${language}`}"><strong>${words.links[key].title}</strong><span>${words.links[key].text}</span></a></li>`,
  )}</ul>`;
}

export function homePage(language: string, demo: boolean): string {
  const words = reportWords(language).home;
  return layout(
    language,
    words.title,
    html`<h1>${words.heading}</h1><p>${words.intro}</p><p class="note" role="note">${words.urgent}</p>${linkList(language)}`,
    "/",
    { demo, languages: reportLanguages() },
  );
}

export function notFoundPage(language: string): string {
  const words = reportWords(language).home;
  return layout(
    language,
    words.notFoundTitle,
    html`<h1>${words.notFoundTitle}</h1><p>${words.notFoundText}</p>${linkList(language)}`,
    "/",
    { languages: reportLanguages() },
  );
}
