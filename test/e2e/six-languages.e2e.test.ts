// The staff app in the six UN languages: a headquarters officer switches language as a person
// does and walks the main pages — work, reports, recording a report, cases, a case, figures,
// accountability, training — each drawn in that language (the page says which, and its direction)
// and clean under axe.
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const languages = [
  { code: "zh", label: "中文", heading: "案件", dir: "ltr" },
  { code: "ru", label: "Русский", heading: "Дела", dir: "ltr" },
  { code: "es", label: "Español", heading: "Casos", dir: "ltr" },
  { code: "ar", label: "العربية", heading: "القضايا", dir: "rtl" },
  { code: "fr", label: "Français", heading: "Dossiers", dir: "ltr" },
  { code: "en", label: "English", heading: "Cases", dir: "ltr" },
];
const languageField = /^(Language|Langue|Idioma|Язык|语言|اللغة)$/;

let officer: Awaited<ReturnType<TestApp["createStaff"]>>;
let pages: string[];
beforeAll(async () => {
  officer = await t.createStaff("cds_officer");
  const api = await t.tokenFor(officer);
  await api.request({
    method: "POST",
    url: "/api/reports",
    payload: {
      channel: "hotline",
      report: {
        whatHappened: "A caller says a peacekeeper at the Bangui gate asked a girl for sex for food.",
        missionCode: "MINUSCA",
        anonymous: true,
      },
    },
  });
  const [report] = (await api.request({ method: "GET", url: "/api/reports" })).json().items;
  const opened = (
    await api.request({ method: "POST", url: `/api/reports/${report.id}/case`, payload: { version: report.version } })
  ).json();
  pages = [
    "/work",
    "/reports",
    "/reports/new",
    "/cases",
    `/cases/${opened.caseId}`,
    "/figures",
    "/accountability",
    "/training",
  ];
});

describe("the staff app in six languages", () => {
  // One language a test: a journey each, so that a slow machine gives each its own time.
  it.each(languages)("draws the main pages in $label, clean under axe", async (language) => {
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, officer);
    await page.getByRole("combobox", { name: languageField }).click();
    await page.getByRole("option", { name: language.label }).click();
    await page.getByRole("link", { name: language.heading, exact: true }).waitFor();
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        language.code,
        language.dir,
      ]);
      await expectAccessible(page);
      if (path.startsWith("/cases/") && (language.code === "es" || language.code === "ru"))
        await page.screenshot({ path: `docs/screenshots/field-reach/case-${language.code}.png`, fullPage: true });
    }
    await page.context().close();
  });
});
