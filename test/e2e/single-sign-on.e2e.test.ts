// Browser journey for one UN: an administrator gives UNICEF's conduct group a role in UNICEF's office;
// a UNICEF officer signs in at her organisation's identity provider (a local OpenID provider) and
// lands in the app, without a password or code here; a reporter without JavaScript names the
// organisation on the public form: a partner's worker reaches UNICEF's office, UNHCR's staff go to
// headquarters; she records a report herself, naming the partner; she screens a candidate listed by a
// peace operation and learns who listed him, not the case; headquarters sends the UNHCR report to
// UNHCR's office; both become cases and, once published, the system-wide page counts them under
// UNICEF and UNHCR; someone no rule covers is turned back, in their language.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { cases } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import { seedSystemUnits } from "../../src/seed/demo.js";
import type { TestApp } from "../helpers/app.js";
import { type IdentityProvider, startIdentityProvider } from "../helpers/identity-provider.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
let unicef: IdentityProvider;
withBrowserHarness(
  (harness) => ({ t, browser, base } = harness),
  async (address) => {
    unicef = await startIdentityProvider("unicef", address);
    return { ssoProviders: [unicef.config("UNICEF")] };
  },
);
afterAll(() => unicef?.close());

async function newPage(language = "en") {
  const context = await browser.newContext({ locale: language });
  await context.addInitScript((lang) => localStorage.setItem("conduct.language", lang), language);
  return context.newPage();
}

/** At the provider's own sign-in form (its development one takes any password), then its consent. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

describe("single sign-on", () => {
  it("an administrator adds a rule; a UNICEF officer signs in through UNICEF and finds her office's report", async () => {
    // UNICEF's office in the DRC, UNHCR's in the Central African Republic, and Hope Relief, UNICEF's partner.
    await seedSystemUnits(t.app.services);
    const admin = await t.createStaff("administrator");
    const adminPage = await newPage();
    await signInThroughBrowser(adminPage, base, admin);
    await adminPage.goto(`${base}/users`);
    await adminPage.getByRole("heading", { name: "Single sign-on", level: 2 }).waitFor();
    await adminPage.getByRole("button", { name: "New rule" }).click();
    const dialog = adminPage.getByRole("dialog");
    await dialog.getByLabel("Value").fill("unicef-conduct");
    await dialog.getByLabel("Missions").click();
    await adminPage.getByRole("option", { name: /^UNICEF-COD/ }).click();
    await dialog.getByLabel("Missions").press("Escape");
    await dialog.getByRole("button", { name: "New rule" }).click();
    await adminPage.getByRole("cell", { name: "groups = unicef-conduct" }).first().waitFor();
    await expectAccessible(adminPage);
    await adminPage.screenshot({ path: "test-results/sso-rules.png", fullPage: true });

    // Two reports from a basic phone, without JavaScript: a partner's worker, and UNHCR's staff at MINUSCA.
    const phone = await (
      await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })
    ).newPage();
    for (const [organisation, unit, text] of [
      [/^Hope Relief International/, "UNICEF-COD", "A food distributor from the partner asked for sex for rations."],
      [/^UNHCR/, "MINUSCA", "A refugee agency clerk asked for money and sex to register a family."],
    ] as const) {
      await phone.goto(`${base}/report`);
      await phone.getByLabel("What happened?").fill(text);
      const choice = await phone
        .getByLabel("Who do they work for?")
        .locator("option")
        .filter({ hasText: organisation });
      await phone.getByLabel("Who do they work for?").selectOption((await choice.getAttribute("value")) as string);
      await phone.getByLabel("Where? UN mission or office").selectOption(unit);
      await phone.getByRole("button", { name: "Send the report" }).click();
      await phone.getByRole("heading", { name: "Your report was received" }).waitFor();
    }

    unicef.people.set("amina", { email: "amina.diallo@unicef.test", name: "Amina Diallo", groups: ["unicef-conduct"] });
    const page = await newPage();
    await page.goto(`${base}/cases`);
    await page.getByRole("button", { name: "Sign in with UNICEF" }).click();
    await signInAtProvider(page, "amina");
    // Back in the app at the page she asked for, as a CDT officer of MONUSCO, no code asked here.
    await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
    const me = await page.evaluate(() => fetch("/api/me").then((response) => response.json()));
    expect(me).toMatchObject({ role: "cdt_officer", missionCodes: ["UNICEF-COD"], signInWith: "unicef" });
    await page.screenshot({ path: "test-results/sso-landed.png", fullPage: true });
    // Her office's report is hers; the one about UNHCR's staff is not (headquarters routes it).
    await page.getByRole("link", { name: "Reports", exact: true }).click();
    await page.getByRole("heading", { name: "Reports received", level: 1 }).waitFor();
    expect(await page.getByText("A refugee agency clerk").count()).toBe(0);
    await page.getByRole("link", { name: /^Open/ }).first().click();
    await page.getByText("Hope Relief International").waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/sso-partner-report.png", fullPage: true });

    // She records a report taken by phone, naming the partner the worker is with.
    await page.goto(`${base}/reports/new`);
    await page.getByRole("heading", { name: "Record a report", level: 1 }).waitFor();
    await page.getByLabel(/^What happened/).fill("A caller said a partner's driver offered lifts for sex.");
    await page.getByLabel("Who they work for, if known").selectOption("HOPE-RELIEF");
    await page.getByLabel("The reporter wishes to stay anonymous").check();
    await page.getByRole("button", { name: "Record the report" }).click();
    await page.getByRole("heading", { name: "Report recorded" }).waitFor();
    const recorded = await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>(
        "select count(*)::int as n from reports where organisation_code = 'HOPE-RELIEF' and submitted_by is not null",
      ),
    );
    expect(recorded[0].n).toBe(1);

    // She opens a case from it.
    await page.goto(`${base}/reports`);
    await page
      .getByRole("listitem")
      .filter({ hasText: "offered lifts for sex" })
      .getByRole("link", { name: /^Open/ })
      .click();
    await page.getByRole("button", { name: "Open a case from this report" }).click();
    await page.getByText(/^Part of case/).waitFor();

    // Headquarters sends the report about UNHCR's clerk, given at MINUSCA, to UNHCR's office.
    const headquarters = await t.createStaff("cds_officer");
    const hqPage = await newPage();
    await signInThroughBrowser(hqPage, base, headquarters);
    await hqPage.goto(`${base}/reports`);
    await hqPage
      .getByRole("listitem")
      .filter({ hasText: "A refugee agency clerk" })
      .getByRole("link", { name: /^Open/ })
      .click();
    await hqPage.getByText("Kept for headquarters: the people work for another organisation").waitFor();
    await hqPage.getByText(/work for UNHCR, which MINUSCA is not part of/).waitFor();
    await hqPage.getByRole("combobox", { name: "Unit", exact: true }).click();
    await hqPage.getByRole("option", { name: /^UNHCR-CAF/ }).click();
    await hqPage.getByRole("button", { name: "Send the report" }).click();
    await hqPage.getByRole("button", { name: "Confirm: send it to UNHCR-CAF" }).click();
    await hqPage.getByText("Sent to UNHCR-CAF.").waitFor();
    await hqPage
      .getByText("Kept for headquarters: the people work for another organisation")
      .waitFor({ state: "detached" });
    await expectAccessible(hqPage);
    await hqPage.screenshot({ path: "test-results/sso-routed.png", fullPage: true });
    const [routed] = await t.handle.asOwner((owner) =>
      owner.query<{ id: string; version: number }>(
        "select id, version from reports where mission_code = 'UNHCR-CAF' and organisation_code = 'UNHCR'",
      ),
    );
    const hq = await t.tokenFor(headquarters);
    const unhcrCase = await hq.request({
      method: "POST",
      url: `/api/reports/${routed.id}/case`,
      payload: { version: routed.version },
    });
    expect(unhcrCase.statusCode, unhcrCase.body).toBe(200);

    // What each case is about, recorded; a publisher publishes both; the public system-wide page counts them.
    const journeyCases = await t.handle.asOwner((owner) =>
      owner.query<{ id: string; version: number; mission_code: string }>(
        "select id, version, mission_code from cases where mission_code in ('UNICEF-COD', 'UNHCR-CAF') order by mission_code",
      ),
    );
    expect(journeyCases.map((c) => c.mission_code)).toEqual(["UNHCR-CAF", "UNICEF-COD"]);
    for (const [index, categoryCode] of ["CIV_INT", "IP_STAFF"].entries()) {
      const updated = await hq.request({
        method: "PATCH",
        url: `/api/cases/${journeyCases[index].id}`,
        payload: {
          categoryCodes: [categoryCode],
          allegationCodes: ["SE_TRANSACTIONAL_SEX"],
          version: journeyCases[index].version,
        },
      });
      expect(updated.statusCode, updated.body).toBe(200);
    }
    const publisherPage = await newPage();
    await signInThroughBrowser(publisherPage, base, await t.createStaff("publisher"));
    for (const { id } of journeyCases) {
      await publisherPage.goto(`${base}/cases/${id}`);
      await publisherPage.getByRole("button", { name: "Preview and publish" }).click();
      await publisherPage.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
      await publisherPage.getByRole("button", { name: "Withdraw…" }).waitFor();
    }
    const visitor = await newPage();
    const countOf = async (groupBy: string, row: RegExp) => {
      await visitor.goto(`${base}/data/system-wide?groupBy=${groupBy}`);
      const table = visitor.getByRole("table", { name: /^Sexual exploitation and abuse across the UN system — / });
      return table.getByRole("row", { name: row }).getByRole("cell").first().textContent();
    };
    expect(await countOf("entity", /^UNICEF/)).toBe("1");
    expect(await countOf("entity", /^UNHCR/)).toBe("1");
    expect(await countOf("category", /^Implementing partner personnel/)).toBe("1");
    await expectAccessible(visitor);
    await visitor.screenshot({ path: "test-results/sso-system-wide.png", fullPage: true });

    // A candidate a peace operation listed: the match says DPO listed him, and shows no case of theirs.
    const monuscoCase = randomUUID();
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values({
        id: monuscoCase,
        reference: "MONUSCO-2023-0042",
        missionCode: "MONUSCO",
        dateReported: "2023-05-02",
      }),
    );

    const listed = await hq.request({
      method: "POST",
      url: "/api/screening/entries",
      payload: {
        name: "Jean-Paul Mbeki",
        documentNumbers: ["P7788990"],
        reason: "substantiated_sea",
        caseId: monuscoCase,
      },
    });
    expect(listed.statusCode, listed.body).toBe(201);
    await page.goto(`${base}/screening`);
    await page.getByLabel("Full name").fill("MBEKI Jean Paul");
    await page.getByLabel("Passport, national ID or service number").fill("p 778 899 0");
    await page.getByRole("button", { name: "Screen", exact: true }).click();
    await page.getByText("listed by DPO").waitFor();
    await page.getByText("case not shown to your role").waitFor();
    expect(await page.getByText("MONUSCO-2023-0042").count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/sso-screening.png", fullPage: true });

    // The administrator sees where her account signs in; its role is not edited by hand.
    await adminPage.reload();
    await adminPage.getByRole("cell", { name: /amina\.diallo@unicef\.test/ }).waitFor();
    await adminPage.getByText("Through UNICEF").waitFor();

    // She signs out on the office's shared laptop: UNICEF asks whether to end her session there too.
    // Once it has, the next person pressing UNICEF's button is asked for their own password.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.getByRole("button", { name: "Sign in with UNICEF" }).click();
    await page.locator('input[name="login"]').waitFor();
    expect(new URL(page.url()).origin).toBe(unicef.issuer);
  });

  it("turns back someone no rule covers, saying why in their language", async () => {
    unicef.people.set("visitor", { email: "visitor@unicef.test", name: "Visitor", groups: ["staff"] });
    const page = await newPage("fr");
    await page.goto(`${base}/sign-in?lang=fr`);
    await page.getByRole("button", { name: "Se connecter avec UNICEF" }).click();
    await signInAtProvider(page, "visitor");
    await page.getByText("ne vous donne aucun rôle ici").waitFor();
    expect(new URL(page.url()).searchParams.get("sso")).toBe("no_matching_rule");
    await expectAccessible(page);

    const arabic = await newPage("ar");
    await arabic.goto(`${base}/sign-in?lang=ar`);
    await arabic.getByRole("button", { name: "تسجيل الدخول عبر UNICEF" }).waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(arabic);
    await arabic.screenshot({ path: "test-results/sso-sign-in-ar.png", fullPage: true });
  });
});
