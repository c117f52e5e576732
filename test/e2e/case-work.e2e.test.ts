// Case work that never drops a thread, in Chromium at desktop and phone sizes, in English, French
// and Arabic: the reporter writes on a report already part of a case → the officer sees the mark on
// My work, the queue and the case list → reads the thread on the case; an officer refers by
// recording the referral and is asked before referring twice, writes a numbered note verbale and
// attaches the State's reply, which the State reads in Arabic on a phone. Screenshots go to
// test-results/case-work/ (copied to docs/screenshots/case-work/ for the README).
import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import type { Role } from "../../src/domain/roles.js";
import { pdfFile } from "../helpers/files.js";
import { readPdfPage } from "./pdf-pages.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const shots = "test-results/case-work";
async function photograph(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

const phone = { width: 390, height: 844 };
const plea = "He came back yesterday and threatened her. Please help";

/** Nothing on the page is wider than the screen: no sideways scrolling on a phone. */
async function expectFitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function reportInACase(missionCode: string) {
  const receipt = (
    await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        whatHappened: "A soldier threatened a woman at the water point of Katindo camp and asked her for sex.",
        missionCode,
        place: "Goma, Katindo camp",
        childrenInvolved: "no",
        kind: "sea",
        personnelCategoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        anonymous: true,
      },
    })
  ).json().receipt as string;
  const officer = await t.tokenFor(await t.createStaff("cds_officer"));
  const [queued] = (
    await officer.request({ method: "GET", url: `/api/reports?mission=${missionCode}&unlinked=true` })
  ).json().items as { id: string; version: number }[];
  const linked = (
    await officer.request({
      method: "POST",
      url: `/api/reports/${queued.id}/case`,
      payload: { version: queued.version },
    })
  ).json() as { caseId: string; reference: string };
  return { receipt, ...linked };
}

describe("case work that never drops a thread", () => {
  it("the reporter writes on a linked report; the officer sees it on My work, the queue and the cases, and reads it on the case", async () => {
    const { receipt, caseId, reference } = await reportInACase("MINUSCA");
    await t.app.inject({ method: "POST", url: "/api/public/reports/messages", payload: { receipt, message: plea } });

    const page = await (await browser.newContext({ locale: "en", viewport: { width: 1280, height: 900 } })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    // My work is the officer's first page.
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    const messages = page.getByRole("region", { name: "New messages from reporters" });
    await messages.getByRole("link", { name: reference }).waitFor();
    await expectAccessible(page);
    await photograph(page, "my-work-desktop-en");

    await page.getByRole("link", { name: "Reports", exact: true }).click();
    await page.getByText("In a case", { exact: true }).click();
    const card = page.getByRole("listitem").filter({ hasText: reference });
    await card.getByText("New message").waitFor();
    await card.getByText("Goma, Katindo camp").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Cases", exact: true }).click();
    await page
      .getByRole("row", { name: new RegExp(reference) })
      .getByText("New message")
      .waitFor();

    await page.goto(`${base}/cases/${caseId}`);
    const thread = page.getByRole("heading", { name: "Reports and messages" });
    await thread.waitFor();
    await page.getByText(plea).waitFor();
    await page.getByText("Goma, Katindo camp").first().waitFor();
    await page.getByText("The reporter wrote").waitFor();
    await expectAccessible(page);
    await photograph(page, "case-threads-desktop-en");

    await page.getByRole("link", { name: "My work" }).click();
    await messages.getByText("Nothing waiting.").waitFor();
  });

  it("on a phone, in French and in Arabic, My work, the queue and a case fit the screen and read in order", async () => {
    const { receipt, caseId } = await reportInACase("UNMISS");
    await t.app.inject({ method: "POST", url: "/api/public/reports/messages", payload: { receipt, message: plea } });
    const staff = await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] });

    const french = await (await browser.newContext({ locale: "en", viewport: phone, isMobile: true })).newPage();
    await signInThroughBrowser(french, base, staff);
    await french.getByRole("combobox", { name: "Language" }).click();
    await french.getByRole("option", { name: "Français" }).click();
    await french.getByRole("heading", { name: "Mon travail", level: 1 }).waitFor();
    await french.getByRole("region", { name: "Nouveaux messages des personnes qui ont signalé" }).waitFor();
    await expectFitsWidth(french);
    await expectAccessible(french);
    await photograph(french, "my-work-phone-fr");
    await french.goto(`${base}/reports`);
    await french.getByRole("heading", { name: "Signalements reçus", level: 1 }).waitFor();
    await french.getByText("Tous", { exact: true }).click();
    await french
      .getByRole("link", { name: /^Ouvrir/ })
      .first()
      .waitFor();
    await expectFitsWidth(french);
    await expectAccessible(french);
    await photograph(french, "queue-phone-fr");

    const arabic = await (await browser.newContext({ locale: "en", viewport: phone, isMobile: true })).newPage();
    await signInThroughBrowser(arabic, base, staff);
    await arabic.getByRole("combobox", { name: "Language" }).click();
    await arabic.getByRole("option", { name: "العربية" }).click();
    await arabic.goto(`${base}/cases/${caseId}`);
    await arabic.getByRole("heading", { name: "البلاغات والرسائل" }).waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe("rtl");
    // The English message keeps its own direction inside the Arabic page.
    expect(await arabic.getByText(plea).getAttribute("dir")).toBe("auto");
    await expectFitsWidth(arabic);
    await expectAccessible(arabic);
    await photograph(arabic, "case-threads-phone-ar");
  });

  it("an officer refers by recording the referral, and is asked before referring the same people to the same State again", async () => {
    const { caseId } = await reportInACase("MINUSCA");
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/transitions`,
      payload: { transition: "assess", version: 1 },
    });
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    await page.goto(`${base}/cases/${caseId}`);
    await page.getByText("To refer the case, record the referral under Referrals").waitFor();
    expect(await page.getByRole("button", { name: "Refer for investigation" }).count()).toBe(0);
    await page.getByRole("button", { name: "Record a referral" }).click();
    await page.getByRole("dialog").getByLabel("Note verbale").fill("NV/MINUSCA/2026/88");
    await page.getByRole("dialog").getByRole("button", { name: "Record the referral" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByText("Awaiting reply").waitFor();
    await page.getByText("Moved to Referred").waitFor();

    await page.getByRole("button", { name: "Record a further referral" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Record the referral" }).click();
    await page.getByRole("dialog").getByText("Already referred to this recipient").waitFor();
    await expectAccessible(page);
    await photograph(page, "referral-twice-en");
    await page.getByRole("dialog").getByRole("button", { name: "Record a second referral" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json().items).toHaveLength(
      2,
    );
  });

  it("an officer writes a numbered note verbale on the referral and attaches the State's reply; the State reads the correspondence", async () => {
    const { caseId } = await reportInACase("MINUSCA");
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/transitions`,
      payload: { transition: "assess", version: 1 },
    });
    const today = new Date().toISOString().slice(0, 10);
    await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: { entity: "member_state", countryCode: "GHA", sentOn: today, caseVersion: 2 },
    });

    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "Français" }).click();
    await page.goto(`${base}/cases/${caseId}`);
    await page.getByRole("heading", { name: "Correspondance" }).waitFor();
    await page.getByRole("button", { name: "Rédiger une note verbale" }).click();
    const noteDialog = page.getByRole("dialog");
    await noteDialog.getByText("jamais une victime").waitFor();
    await expectAccessible(page);
    await photograph(page, "note-verbale-dialog-fr");
    await noteDialog.getByRole("button", { name: "Rédiger et numéroter la note" }).click();
    await noteDialog.waitFor({ state: "detached" });
    const note = page.getByRole("listitem").filter({ hasText: "Notification à l'État" }).first();
    const number = (await note.locator("bdi").first().textContent()) ?? "";
    expect(number).toMatch(/^CDS\/NV\/\d{4}\/\d{4}$/);
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      note.getByRole("link", { name: /\(PDF\)/ }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`${number.replaceAll("/", "-")}.pdf`);
    mkdirSync(shots, { recursive: true });
    const letter = await readPdfPage(browser, readFileSync(await pdf.path()), `${shots}/note-verbale-pdf-fr.png`);
    expect(letter).toContain("Mission permanente du Ghana");
    expect(letter).toContain(number);

    await page.getByRole("button", { name: "Joindre la réponse de l'État" }).click();
    const replyDialog = page.getByRole("dialog");
    await replyDialog
      .locator('input[type="file"]')
      .setInputFiles({ name: "reponse-ghana.pdf", mimeType: "application/pdf", buffer: await pdfFile("Reply") });
    await replyDialog.getByRole("button", { name: "Joindre", exact: true }).click();
    await replyDialog.waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Télécharger reponse-ghana.pdf" }).first().waitFor();
    await page.getByRole("heading", { name: "Documents", level: 2 }).waitFor();
    await expectAccessible(page);
    await photograph(page, "correspondence-fr");

    // Ghana's focal point, in Arabic on a phone, reads the same exchanges on its own referral.
    const state = await (await browser.newContext({ locale: "en", viewport: phone, isMobile: true })).newPage();
    await signInThroughBrowser(state, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await state.getByRole("combobox", { name: "Language" }).click();
    await state.getByRole("option", { name: "العربية" }).click();
    await state.goto(`${base}/cases/${caseId}`);
    await state.getByRole("heading", { name: "المراسلات" }).waitFor();
    await state.getByText(number).first().waitFor();
    await state.getByRole("link", { name: "تنزيل reponse-ghana.pdf" }).first().waitFor();
    await expectFitsWidth(state);
    await expectAccessible(state);
    await photograph(state, "correspondence-phone-ar");
    // The State prints the case as it may see it, in Arabic.
    const [summary] = await Promise.all([
      state.waitForEvent("download"),
      state.getByRole("link", { name: "طباعة ملخص (PDF)" }).click(),
    ]);
    const summaryText = await readPdfPage(
      browser,
      readFileSync(await summary.path()),
      `${shots}/case-summary-pdf-ar.png`,
    );
    expect(summaryText).toContain(number);
    expect(summaryText).not.toContain("Katindo");
  });

  it("an analyst counts the cases by mission, narrows to one by its bar, then by nationality, and opens its cases", async () => {
    for (const missionCode of ["MINUSCA", "MINUSCA", "UNISFA"]) await reportInACase(missionCode);
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("analyst"));
    await page.goto(`${base}/figures`);
    await page.getByRole("heading", { name: "Figures", level: 1 }).waitFor();
    const chart = page.getByRole("img", { name: "Cases by Mission" });
    await chart.locator("svg").waitFor();
    const minusca = page.getByRole("row", { name: /MINUSCA/ });
    const counted = Number(await minusca.getByRole("cell").nth(1).textContent());
    expect(counted).toBeGreaterThanOrEqual(2);
    // The bar itself narrows the figures to its mission, and the next dimension is counted.
    const missions = await page.locator("tbody tr td:first-child").allTextContents();
    await chart.locator('path[fill="#1864ab"]').nth(missions.indexOf("MINUSCA")).click();
    await page.getByRole("group", { name: "Narrowed to" }).getByText("Mission: MINUSCA").waitFor();
    await page.getByRole("img", { name: "Cases by Year reported" }).waitFor();
    await page.getByRole("radiogroup", { name: "Count by" }).getByText("Nationality", { exact: true }).click();
    await page.getByRole("img", { name: "Cases by Nationality" }).waitFor();
    await page.getByRole("row", { name: /Ghana/ }).waitFor();
    await expectAccessible(page);
    await photograph(page, "figures-en");
    await page.getByRole("link", { name: "Open the cases of Ghana" }).click();
    await page.waitForURL(/\/cases\?.*mission=MINUSCA.*nationality=GHA|\/cases\?.*nationality=GHA.*mission=MINUSCA/);
    await page
      .getByRole("link", { name: /^MINUSCA-/ })
      .first()
      .waitFor();

    const arabic = await (await browser.newContext({ locale: "en", viewport: phone, isMobile: true })).newPage();
    await signInThroughBrowser(arabic, base, await t.createStaff("analyst"));
    await arabic.getByRole("combobox", { name: "Language" }).click();
    await arabic.getByRole("option", { name: "العربية" }).click();
    await arabic.goto(`${base}/figures`);
    await arabic.getByRole("heading", { name: "الأرقام", level: 1 }).waitFor();
    await arabic.getByRole("img", { name: "القضايا حسب البعثة" }).locator("svg").waitFor();
    await expectFitsWidth(arabic);
    await expectAccessible(arabic);
    await photograph(arabic, "figures-phone-ar");
  });

  // Every role's pages at the narrowest phone width: each fits the screen, and each page passes axe
  // as the first role that sees it (headquarters first, which sees the most): axe takes seconds a
  // page, and another role's view of a page is made of the same components, with fewer controls.
  const narrowest = { width: 360, height: 780 };
  const checkedByAxe = new Set<string>();
  const phoneRoles: [Role, { missionCodes?: string[]; countryCode?: string }][] = [
    ["cds_officer", {}],
    ["cdt_officer", { missionCodes: ["MONUSCO"] }],
    ["administrator", {}],
    ["auditor", {}],
    ["analyst", {}],
    ["publisher", {}],
    ["investigator", {}],
    ["identity_custodian", {}],
    ["cbcm_focal_point", { missionCodes: ["MONUSCO"] }],
    ["victim_assistance", { missionCodes: ["MONUSCO"] }],
    ["member_state_focal_point", { countryCode: "GHA" }],
  ];
  for (const [role, scope] of phoneRoles)
    it(`every page of the ${role} role fits a 360-pixel screen, tables shown as cards`, async () => {
      if (role === "cds_officer") await reportInACase("MONUSCO");
      const staff = await t.createStaff(role, scope);
      const me = (await (await t.tokenFor(staff)).request({ method: "GET", url: "/api/me" })).json() as {
        can: Record<string, boolean>;
      };
      const page = await (await browser.newContext({ locale: "en", viewport: narrowest, isMobile: true })).newPage();
      await signInThroughBrowser(page, base, staff);
      const paths = Object.entries(me.can)
        .filter(([area, allowed]) => allowed && area !== "importAllegations")
        .map(([area]) => `/${area.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        await page.goto(`${base}${path}`);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        await page.waitForLoadState("networkidle");
        await expectFitsWidth(page);
        if (!checkedByAxe.has(path)) await expectAccessible(page);
        checkedByAxe.add(path);
        if (["/users", "/audit"].includes(path)) await photograph(page, `${path.slice(1)}-phone-360-${role}`);
      }
    });

  it("a publisher reviews three cases, previews their public rows and publishes them at once", async () => {
    const references: string[] = [];
    for (let index = 0; index < 3; index++) {
      const { caseId, reference } = await reportInACase("UNIFIL");
      references.push(reference);
      await t.handle.asOwner((owner) =>
        owner.query(
          "update cases set status = 'closed', allegation_codes = '{SA_RAPE}', victims_women = 1 where id = $1",
          [caseId],
        ),
      );
      await t.handle.asOwner((owner) =>
        owner.query(
          "insert into perpetrators (case_id, code, category_code, nationality_code) values ($1, 'P-01', 'MIL_MC', 'GHA')",
          [caseId],
        ),
      );
    }
    const page = await (await browser.newContext({ locale: "en", viewport: { width: 1280, height: 900 } })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("publisher"));
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    await page
      .getByRole("region", { name: "Cases ready to publish" })
      .getByRole("link", { name: references[0] })
      .waitFor();
    await page.getByRole("link", { name: "Publish", exact: true }).click();
    for (const reference of references) await page.getByRole("checkbox", { name: `Choose ${reference}` }).check();
    await page.getByRole("button", { name: "Preview and publish (3)" }).click();
    const dialog = page.getByRole("dialog");
    for (const reference of references) await dialog.getByRole("cell", { name: reference }).waitFor();
    await dialog.getByRole("cell", { name: "Rape" }).first().waitFor();
    await expectAccessible(page);
    await photograph(page, "publish-preview-en");
    await dialog.getByRole("button", { name: "Publish 3 cases" }).click();
    await dialog.waitFor({ state: "detached" });
    const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?mission=UNIFIL" })).json().items;
    expect(table.map((row: { reference: string }) => row.reference).sort()).toEqual(
      expect.arrayContaining([...references].sort()),
    );
  });

  it("an officer sends a victim to victim assistance from the case, and the advocate picks it up", async () => {
    const { caseId, reference } = await reportInACase("MONUSCO");
    const officer = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(officer, base, await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    await officer.goto(`${base}/cases/${caseId}`);
    await officer.getByRole("button", { name: "Send to victim assistance" }).click();
    const dialog = officer.getByRole("dialog");
    await dialog.getByText("Urgent", { exact: true }).click();
    await dialog.getByLabel("Medical care").check();
    await dialog.getByLabel("For the advocate").fill("Through the women's committee chair, mornings only.");
    await expectAccessible(officer);
    await dialog.getByRole("button", { name: "Send the request" }).click();
    await dialog.getByText(/advocates? (was|were) told/).waitFor();

    const advocate = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(advocate, base, await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
    await advocate.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    await advocate
      .getByRole("region", { name: "Victims sent to you by officers" })
      .getByRole("link", { name: reference })
      .click();
    const request = advocate.getByRole("listitem").filter({ hasText: reference });
    await request.getByText("Through the women's committee chair, mornings only.").waitFor();
    await request.getByText("Urgent").waitFor();
    await expectAccessible(advocate);
    await photograph(advocate, "assistance-request-en");
    await request.getByRole("button", { name: "Take it up" }).click();
    await advocate.getByText("No request waiting.").waitFor();
  });
});
