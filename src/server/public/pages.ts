// The public report form, the receipt and the follow-up page: plain HTML and a little CSS, no
// JavaScript, small enough for a basic phone on a poor connection.
import type { PublicReportStatus } from "../../domain/contracts/reports.js";
import { html, SafeHtml } from "./html.js";
import { immediateNeeds, reportKinds } from "../../domain/triage.js";
import { type DataMessages, dataMessages } from "./data-messages.js";
import { publicLanguages, type PublicMessages } from "./messages.js";
import { reportLanguages, reportWords } from "./report-words.js";

const styles = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1b1e;background:#f8f9fa}
header,main{max-width:40rem;margin:0 auto;padding:1rem}header{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:.5rem}
.brand{font-weight:700}nav a{margin-inline-start:.75rem;color:#1864ab}h1{font-size:1.5rem;line-height:1.25}
form,section{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem;margin-bottom:1rem}
fieldset{border:0;padding:0;margin:0 0 1rem}legend,label.field{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text],input[type=date],select,textarea{width:100%;padding:.6rem;border:1px solid #adb5bd;border-radius:6px;font:inherit;background:#fff}
textarea{min-height:8rem}.help{color:#495057;font-size:.9rem;margin:.2rem 0 0}.choice{display:block;padding:.25rem 0}
.field-block{margin-bottom:1rem}button{background:#1864ab;color:#fff;border:0;border-radius:6px;padding:.75rem 1.25rem;font:inherit;font-weight:600}
.errors{border:2px solid #c92a2a;background:#fff5f5;border-radius:8px;padding:.75rem 1rem;margin-bottom:1rem}.error{color:#c92a2a;font-weight:600}
.receipt{font:700 1.6rem/1.4 ui-monospace,monospace;letter-spacing:.1em;background:#e7f5ff;border:2px dashed #1864ab;border-radius:8px;padding:1rem;text-align:center;direction:ltr}
.doors{list-style:none;padding:0;display:grid;gap:.75rem}.doors a{display:block;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:.75rem 1rem;text-decoration:none;color:#1a1b1e}.doors strong{display:block;color:#1864ab;font-size:1.1rem}
a.brand{color:#1a1b1e;text-decoration:none}.contacts{padding-inline-start:1.2rem}.contacts a{font-weight:600}section.help h2{font-size:1.2rem;margin-top:0}section.help h3{font-size:1rem;margin-bottom:.25rem}
.message{border-inline-start:4px solid #1864ab;padding:.25rem .75rem;margin:.5rem 0}.message.you{border-color:#868e96}.meta{color:#495057;font-size:.85rem}`;

const wideStyles = `main.wide,header.wide{max-width:72rem}nav.site{display:flex;flex-wrap:wrap;gap:.25rem 1rem;width:100%}nav.site a{margin:0}nav.site a[aria-current]{font-weight:700;color:#1a1b1e}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}caption{text-align:start;font-weight:600;padding:.5rem 0}th,td{border:1px solid #dee2e6;padding:.35rem .5rem;text-align:start;vertical-align:top}th{background:#f1f3f5}td.num,th.num{text-align:end;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}.tabs{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem;padding:0;list-style:none}.tabs a{display:block;padding:.4rem .8rem;border:1px solid #1864ab;border-radius:6px;text-decoration:none;color:#1864ab}.tabs a[aria-current]{background:#1864ab;color:#fff}
.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}.filters .field-block{margin:0;min-width:10rem}.filters select{width:auto;min-width:10rem}
.bars{display:grid;gap:.3rem;margin:.5rem 0}.bar-row{display:grid;grid-template-columns:minmax(6rem,14rem) 1fr 4rem;gap:.5rem;align-items:center}.bar-track{background:#f1f3f5;border-radius:4px;block-size:1.1rem}.bar{display:block;block-size:100%;background:#1864ab;border-radius:4px}.bar-value{text-align:end;font-variant-numeric:tabular-nums}
.trend{display:flex;align-items:flex-end;gap:.4rem;block-size:12rem;padding-top:1.2rem;overflow-x:auto}.trend-col{display:flex;flex-direction:column;justify-content:flex-end;align-items:center;block-size:100%;min-inline-size:2.6rem}.trend-bar{display:block;inline-size:1.8rem;background:#1864ab;border-radius:4px 4px 0 0}.trend-value,.trend-label{font-size:.8rem}
.map{width:100%;height:auto;background:#fff}.headline{font-size:2rem;font-weight:700;margin:0}.grid2{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))}.downloads a{margin-inline-end:1rem}.pager{display:flex;gap:1rem;margin:1rem 0}
.note{border:1px solid #f08c00;background:#fff9db;border-radius:8px;padding:.5rem 1rem}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}article.practice h2{font-size:1.15rem;margin:.2rem 0}.tag{display:inline-block;background:#e7f5ff;color:#0b3d6b;border-radius:4px;padding:0 .4rem;margin-inline-end:.3rem;font-size:.85rem}`;

export interface LayoutOptions {
  /** The languages offered: the report pages add the communities' own to the UN's six. */
  languages?: readonly string[];
  /** Pages of figures and tables take the width of the screen. */
  wide?: boolean;
  /** Which entry of the site's navigation this page is. */
  current?: keyof DataMessages["nav"];
  /** Says the figures are invented (a demo instance). */
  demo?: boolean;
  /** More for the page's head: its own styles, files to fetch ahead. */
  head?: SafeHtml;
  /** In place of the public site's navigation (a staff page lists the person's areas). */
  navigation?: SafeHtml;
}

const siteLinks: { key: keyof DataMessages["nav"]; href: string }[] = [
  { key: "report", href: "/report" },
  { key: "help", href: "/help" },
  { key: "data", href: "/data" },
  { key: "table", href: "/data/allegations" },
  { key: "practices", href: "/data/good-practices" },
  { key: "states", href: "/data/member-states" },
  { key: "commitments", href: "/data/commitments" },
  { key: "support", href: "/data/victim-support" },
  { key: "misconduct", href: "/data/misconduct" },
  { key: "systemWide", href: "/data/system-wide" },
];

/** A page of the public site; `path` may carry the page's query (its filters), kept when the language changes. */
export function layout(
  language: string,
  title: string,
  body: SafeHtml,
  path: string,
  options: LayoutOptions = {},
): string {
  const words = reportWords(language);
  const nav = words.nav;
  const withLanguage = (code: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${code}`;
  const switcher = (options.languages ?? publicLanguages)
    .filter((code) => code !== language)
    .map(
      (code) => html`<a href="${withLanguage(code)}" lang="${code}" hreflang="${code}">${reportWords(code).name}</a>`,
    );
  const wide = options.wide ? " wide" : "";
  const site = siteLinks.map(
    (link) =>
      html`<a href="${link.href}"${options.current === link.key ? html` aria-current="page"` : ""}>${nav[link.key]}</a>`,
  );
  return `<!doctype html>${html`<html lang="${language}" dir="${words.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${new SafeHtml(styles + wideStyles)}</style><link rel="alternate" type="application/atom+xml" href="/data/allegations/feed.atom" title="${dataMessages[words.fallback].feedTitle}">${options.head}</head>
<body><header class="${wide.trim()}"><a class="brand" href="/?lang=${language}">Conduct Ledger</a><nav aria-label="Language">${switcher}</nav>${options.navigation ?? html`<nav class="site" aria-label="Conduct Ledger">${site}</nav>`}</header><main class="${wide.trim()}">${words.draft ? html`<p class="note" role="note">${words.home.draft}</p>` : ""}${options.demo ? html`<p class="note" role="note">${dataMessages[words.fallback].demoNotice}</p>` : ""}${body}</main></body></html>`}`;
}

export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: Partial<Record<keyof PublicMessages["errors"], true>>;
}

interface Option {
  value: string;
  label: string;
}

function radios(name: string, legend: string, options: Option[], selected: string | undefined): SafeHtml {
  return html`<fieldset><legend>${legend}</legend>${options.map(
    (option) =>
      html`<label class="choice"><input type="radio" name="${name}" value="${option.value}"${selected === option.value ? html` checked` : ""}> ${option.label}</label>`,
  )}</fieldset>`;
}

const errorList = (words: PublicMessages, errors: FormState["errors"]) => {
  const keys = Object.keys(errors) as (keyof PublicMessages["errors"])[];
  return keys.length
    ? html`<div class="errors" role="alert"><p class="error">${words.errorsTitle}</p><ul>${keys.map((key) => html`<li>${words.errors[key]}</li>`)}</ul></div>`
    : "";
};

export function reportForm(
  language: string,
  { missions, countries, organisations }: { missions: Option[]; countries: Option[]; organisations: Option[] },
  state: FormState,
  idempotencyKey: string,
  help: SafeHtml,
): string {
  const words = reportWords(language);
  const w = words.form;
  const v = state.values;
  const text = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const checkedCategories = [v.personnelCategoryCodes ?? []].flat();
  const body = html`<h1>${w.title}</h1><p>${w.intro}</p><p><a href="/report/follow-up?lang=${language}">${w.followUpLink}</a></p>
${help}${errorList(w, state.errors)}
<form method="post" action="/report?lang=${language}" enctype="multipart/form-data">
<input type="hidden" name="idempotencyKey" value="${idempotencyKey}"><input type="hidden" name="language" value="${language}">
<div class="field-block"><label class="field" for="whatHappened">${w.whatHappened}</label><textarea id="whatHappened" name="whatHappened" required minlength="10" maxlength="20000" aria-describedby="whatHappened-help">${text("whatHappened")}</textarea><p class="help" id="whatHappened-help">${w.whatHappenedHelp}</p></div>
<div class="field-block"><label class="field" for="organisationCode">${w.organisation}</label><select id="organisationCode" name="organisationCode" aria-describedby="organisation-help"><option value="">${w.organisationUnknown}</option>${organisations.map((o) => html`<option value="${o.value}"${text("organisationCode") === o.value ? html` selected` : ""}>${o.label}</option>`)}</select><p class="help" id="organisation-help">${w.organisationHelp}</p></div>
<div class="field-block"><label class="field" for="missionCode">${w.mission}</label><select id="missionCode" name="missionCode"><option value="">${w.missionUnknown}</option>${missions.map((m) => html`<option value="${m.value}"${text("missionCode") === m.value ? html` selected` : ""}>${m.label}</option>`)}</select></div>
<fieldset><legend>${w.routeLegend}</legend><p class="help" id="route-help">${w.routeHelp}</p>${(
    [
      ["mission", w.routeMission],
      ["headquarters", w.routeHeadquarters],
      ["unknown", w.routeUnknown],
    ] as const
  ).map(
    ([value, label]) =>
      html`<label class="choice"><input type="radio" name="route" value="${value}" aria-describedby="route-help"${(text("route") || "unknown") === value ? html` checked` : ""}> ${label}</label>`,
  )}</fieldset>
<div class="field-block"><label class="field" for="place">${w.place}</label><input type="text" id="place" name="place" maxlength="500" value="${text("place")}"></div>
<div class="field-block"><label class="field" for="incidentDate">${w.incidentDate}</label><input type="date" id="incidentDate" name="incidentDate" value="${text("incidentDate")}" aria-describedby="incidentDate-help"><p class="help" id="incidentDate-help">${w.incidentDateHelp}</p></div>
<fieldset><legend>${w.who}</legend>
<fieldset><legend>${w.category}</legend>${Object.entries(w.categories).map(([code, label]) => html`<label class="choice"><input type="checkbox" name="personnelCategoryCodes" value="${code}"${checkedCategories.includes(code) ? html` checked` : ""}> ${label}</label>`)}</fieldset>
<div class="field-block"><label class="field" for="nationality">${w.nationality}</label><select id="nationality" name="nationalityCodes"><option value="">${w.nationalityUnknown}</option>${countries.map((c) => html`<option value="${c.value}"${[v.nationalityCodes].flat().includes(c.value) ? html` selected` : ""}>${c.label}</option>`)}</select></div>
<div class="field-block"><label class="field" for="involved">${w.involved}</label><textarea id="involved" name="involved" maxlength="2000">${text("involved")}</textarea></div>
</fieldset>
<div class="field-block"><label class="field" for="evidence">${w.evidence}</label><input type="file" id="evidence" name="evidence" multiple accept="image/jpeg,image/png,image/webp,application/pdf,audio/*" aria-describedby="evidence-help"><p class="help" id="evidence-help">${w.evidenceHelp}</p></div>
${radios(
  "kind",
  w.kind,
  reportKinds.map((value) => ({ value, label: words.vocabulary.reportKinds[value] })),
  text("kind") || "unknown",
)}
<fieldset><legend>${w.immediateDanger}</legend><p class="help">${w.immediateDangerHelp}</p>${(
    ["yes", "no", "unknown"] as const
  ).map(
    (value) =>
      html`<label class="choice"><input type="radio" name="immediateDanger" value="${value}"${(text("immediateDanger") || "unknown") === value ? html` checked` : ""}> ${w[value]}</label>`,
  )}</fieldset>
<fieldset><legend>${w.needs}</legend>${immediateNeeds.map((need) => html`<label class="choice"><input type="checkbox" name="needs" value="${need}"${[v.needs ?? []].flat().includes(need) ? html` checked` : ""}> ${words.vocabulary.immediateNeeds[need]}</label>`)}</fieldset>
${radios(
  "childrenInvolved",
  w.children,
  [
    { value: "yes", label: w.yes },
    { value: "no", label: w.no },
    { value: "unknown", label: w.unknown },
  ],
  text("childrenInvolved") || "unknown",
)}
${radios(
  "reporterIsVictim",
  w.reporterIsVictim,
  [
    { value: "yes", label: w.yes },
    { value: "no", label: w.no },
    { value: "prefer_not_to_say", label: w.preferNot },
  ],
  text("reporterIsVictim") || "prefer_not_to_say",
)}
<fieldset><legend>${w.contactChoice}</legend>
<label class="choice"><input type="radio" name="anonymous" value="yes"${text("anonymous") !== "no" ? html` checked` : ""}> ${w.anonymous}</label>
<label class="choice"><input type="radio" name="anonymous" value="no"${text("anonymous") === "no" ? html` checked` : ""}> ${w.giveContact}</label>
<label class="field" for="contact">${w.contact}</label><input type="text" id="contact" name="contact" maxlength="500" value="${text("contact")}">
</fieldset>
<button type="submit">${w.submit}</button>
</form>`;
  return layout(language, w.title, body, "/report", { current: "report", languages: reportLanguages() });
}

export function receiptPage(language: string, receipt: string, help: SafeHtml): string {
  const w = reportWords(language).form;
  return layout(
    language,
    w.receiptTitle,
    html`<h1>${w.receiptTitle}</h1><section><p>${w.receiptIntro}</p><p class="receipt">${receipt}</p><p><a href="/report/follow-up?lang=${language}">${w.receiptNext}</a></p></section>${help}`,
    "/report",
    { languages: reportLanguages() },
  );
}

export interface FollowUpView {
  receipt: string;
  status: PublicReportStatus;
  receivedAt: string;
  messages: { fromReporter: boolean; message: string; createdAt: string }[];
  sent?: boolean;
  /** Sent with the message, so that a form sent twice (a slow link, a double tap) writes it once. */
  messageKey: string;
}

export function followUpPage(
  language: string,
  view: FollowUpView | null,
  errors: FormState["errors"],
  typedReceipt = "",
  help: SafeHtml | "" = "",
): string {
  const w = reportWords(language).form;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso));
  const lookup = html`<form method="post" action="/report/follow-up?lang=${language}"><div class="field-block"><label class="field" for="receipt">${w.receipt}</label><input type="text" id="receipt" name="receipt" required autocomplete="off" autocapitalize="characters" spellcheck="false" value="${typedReceipt}" dir="ltr"></div><button type="submit">${w.show}</button></form>`;
  const report = view
    ? html`<section><p><strong>${w.status}:</strong> ${w.statuses[view.status]}</p><p class="meta">${w.receivedAt}: ${date(view.receivedAt)}</p></section>
<section><h2>${w.messages}</h2>${view.sent ? html`<p role="status">${w.sent}</p>` : ""}${view.messages.length === 0 ? html`<p>${w.noMessages}</p>` : view.messages.map((m) => html`<div class="message${m.fromReporter ? " you" : ""}"><p class="meta">${m.fromReporter ? w.fromYou : w.fromOfficer} · ${date(m.createdAt)}</p><p>${m.message}</p></div>`)}
<form method="post" action="/report/follow-up/message?lang=${language}"><input type="hidden" name="receipt" value="${view.receipt}"><input type="hidden" name="idempotencyKey" value="${view.messageKey}"><div class="field-block"><label class="field" for="message">${w.writeMessage}</label><textarea id="message" name="message" required maxlength="5000"></textarea></div><button type="submit">${w.send}</button></form></section>`
    : "";
  return layout(
    language,
    w.followUpTitle,
    html`<h1>${w.followUpTitle}</h1>${errorList(w, errors)}${view ? report : lookup}${help}`,
    "/report/follow-up",
    { languages: reportLanguages() },
  );
}
