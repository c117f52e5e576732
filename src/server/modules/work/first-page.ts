// "My work" drawn by the server: where signing in lands, usable on a slow line long before the staff
// app has arrived. The same work list as the app's first page, in the app's words (its six languages,
// the i18n library's plurals), without the app: no JavaScript, a few kilobytes. The app's files are
// fetched ahead meanwhile, so that the next click opens the app at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import i18next, { type TFunction } from "i18next";
import { areas, pathOf } from "../../../domain/contracts/staff-app.js";
import type { MyWork, WorkItem } from "../../../domain/contracts/work.js";
import { type UnLanguage, unLanguages } from "../../../domain/un-languages.js";
import { type Formats, formatsFor } from "../../../web/formats.js";
import { staffMessages } from "../../../web/i18n/all.js";
import type { StaffActor } from "../../auth/actor.js";
import { resolveActor } from "../../auth/context.js";
import { navigationFor, workPolicy } from "../../auth/policies/index.js";
import { html, SafeHtml } from "../../public/html.js";
import { layout } from "../../public/pages.js";
import { dataLanguageOf } from "../../public/routes.js";
import type { Services } from "../../services.js";
import { countryNamesIn } from "../reference/index.js";
import { myWork } from "./service.js";

/** The page's address: not one of the app's, so that the offline app never answers it in its stead. */
export const FIRST_PAGE = "/start";

const staffWords = i18next.createInstance();
void staffWords.init({
  resources: Object.fromEntries(
    Object.entries(staffMessages).map(([language, messages]) => [language, { translation: messages }]),
  ),
  fallbackLng: "en",
  initAsync: false,
  interpolation: { escapeValue: false },
  nsSeparator: false,
});

// On a phone the areas are one row that scrolls sideways, so that the work comes first.
const styles = new SafeHtml(
  `<style>.who{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 1rem}.who form{border:0;padding:0;margin:0;background:none}.who button{padding:.4rem .9rem}
.work{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}.work a{font-weight:600}.work a,.note a{color:#1864ab}.count{float:inline-end;background:#1864ab;color:#fff;border-radius:1rem;padding:0 .6rem;font-size:.9rem}.count.none{background:#e9ecef;color:#495057}
.due{display:inline-block;border-radius:4px;padding:0 .4rem;background:#f1f3f5;font-size:.85rem}.due.late{background:#ffe3e3;color:#a61e1e}section h2{font-size:1.1rem;margin:0 0 .5rem}
@media (max-width:40rem){nav.site{flex-wrap:nowrap;overflow-x:auto;white-space:nowrap;padding-bottom:.4rem}}</style>`,
);

interface PageParts {
  language: UnLanguage;
  actor: StaffActor;
  work: MyWork;
  countries: Map<string, string>;
  prefetch: string[];
}

/** What every line of the page writes with: the reader's words and formats. */
interface Writing {
  t: TFunction;
  format: Formats;
}

function entry({ t, format }: Writing, parts: PageParts, item: WorkItem, late: boolean) {
  const detail = item.detail ? t(`work.details.${item.detail}`, { defaultValue: "" }) : "";
  const country = item.countryCode ? (parts.countries.get(item.countryCode) ?? item.countryCode) : "";
  const about = [detail, country].filter(Boolean).join(" · ");
  const urgent = item.urgency && item.urgency !== "routine" ? t(`reports.urgencies.${item.urgency}`) : "";
  const due = item.dueOn
    ? html` <span class="due${late ? " late" : ""}">${t(late ? "work.wasDue" : "work.due", { date: format.date(item.dueOn) })}</span>`
    : "";
  return html`<li><a href="${item.path}" dir="ltr">${item.label}</a>${urgent ? html` <span class="tag">${urgent}</span>` : ""}${about ? html` <span class="meta">${about}</span>` : ""}${due}</li>`;
}

export function firstPage(parts: PageParts): string {
  const writing: Writing = { t: staffWords.getFixedT(parts.language), format: formatsFor(parts.language) };
  const { t, format } = writing;
  const can = navigationFor(parts.actor);
  const links = [...areas.filter((area) => can[area]), "account" as const].map(
    (area) =>
      html`<a href="${pathOf(area)}"${area === "work" ? html` aria-current="page"` : ""}>${t(`nav.${area}`)}</a>`,
  );
  const sections = parts.work.sections.map(
    ({ section, total, items }) =>
      html`<section aria-labelledby="work-${section}"><h2 id="work-${section}">${t(`work.sections.${section}`)} <span class="count${total ? "" : " none"}">${format.number(total)}</span></h2>${
        items.length
          ? html`<ul class="work">${items.map((item) => entry(writing, parts, item, section === "overdue"))}</ul>`
          : html`<p class="meta">${t("work.nothing")}</p>`
      }${total > items.length ? html`<p class="meta">${t("work.counts.more", { count: total - items.length })}</p>` : ""}</section>`,
  );
  const body = html`<div class="who"><span>${parts.actor.name ?? ""} · ${t(`roles.${parts.actor.role}`)}</span><form method="post" action="/sign-out"><button type="submit">${t("app.signOut")}</button></form></div>
<h1>${t("work.title")}</h1><p>${t("work.intro")}</p><p class="note" role="note">${t("work.light")} <a href="/staff">${t("work.openApp")}</a></p><div class="grid2">${sections}</div>`;
  return layout(parts.language, `${t("work.title")} · ${t("app.name")}`, body, FIRST_PAGE, {
    wide: true,
    languages: unLanguages,
    head: html`${styles}${parts.prefetch.map((file) => html`<link rel="prefetch" href="${file}">`)}`,
    navigation: html`<nav class="site" aria-label="${t("app.mainNavigation")}">${links}</nav>`,
  });
}

export function registerFirstPage(app: FastifyInstance, services: Services, prefetch: string[]) {
  app.get(FIRST_PAGE, { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header("cache-control", "no-store");
    const actor = await resolveActor(request, services);
    if (!actor) return reply.status(303).header("location", "/sign-in").send();
    // Enrolling in two-factor, or a role with no work list: the app's own first page.
    if (actor.twoFactorPending || !workPolicy.view(actor)) return reply.status(303).header("location", "/staff").send();
    const language = dataLanguageOf(request, reply);
    const [work, countries] = await Promise.all([myWork(services, actor), countryNamesIn(services, language)]);
    return reply.type("text/html; charset=utf-8").send(firstPage({ language, actor, work, countries, prefetch }));
  });
}
