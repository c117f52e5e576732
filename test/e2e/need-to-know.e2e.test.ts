// Need-to-know, hardened, as people meet it in Chromium: an advocate's reveal waits for an identity
// custodian, who approves it from their desk (English, then Arabic); Ghana's focal point sees a case
// with its own national only (French); the public form refuses a file that hides a web page, saying
// why in French; and one connection that keeps guessing passwords is slowed down before it can
// lock anyone out. Pages are checked with axe and photographed into test-results/need-to-know/.
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases, perpetrators } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { fieldContext } from "../../src/server/security/encryption.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { id3ThenHtml } from "../helpers/files.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const shots = "test-results/need-to-know";
async function photograph(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

describe("need-to-know in the browser", () => {
  it("an advocate's reveal waits for an identity custodian, who approves it from their desk", async () => {
    // This deployment asks for a second person, as the documented production settings do.
    t.app.services.config.revealApproval.required = true;
    try {
      const advocate = await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] });
      const registered = await (await t.tokenFor(advocate)).request({
        method: "POST",
        url: "/api/victims",
        payload: { missionCode: "MONUSCO", sex: "female", identity: { name: "Esperance Kahindo" } },
      });
      const victim = registered.json() as { id: string; code: string };

      const advocatePage = await (await browser.newContext({ locale: "en" })).newPage();
      await signInThroughBrowser(advocatePage, base, advocate);
      await advocatePage.goto(`${base}/victims/${victim.id}`);
      const ask = async () => {
        await advocatePage.getByRole("button", { name: "Reveal identity" }).click();
        const dialog = advocatePage.getByRole("dialog");
        await dialog.getByLabel(/^Reason/).fill("Arranging her medical appointment in Goma.");
        await dialog.getByRole("button", { name: "Reveal identity" }).click();
      };
      await ask();
      await advocatePage.getByText("Waiting for an identity custodian").waitFor();
      expect(await advocatePage.getByText("Esperance Kahindo").count()).toBe(0);
      await photograph(advocatePage, "01-advocate-waiting-en");

      const custodianPage = await (await browser.newContext({ locale: "en" })).newPage();
      await signInThroughBrowser(custodianPage, base, await t.createStaff("identity_custodian"));
      await custodianPage.getByRole("link", { name: "Reveal requests" }).click();
      await custodianPage.getByRole("heading", { name: "Requests to reveal an identity" }).waitFor();
      await custodianPage.getByText(victim.code).waitFor();
      await custodianPage.getByText("Arranging her medical appointment in Goma.").waitFor();
      expect(await custodianPage.getByText("Esperance Kahindo").count()).toBe(0);
      await expectAccessible(custodianPage);
      await photograph(custodianPage, "02-custodian-desk-en");
      await custodianPage.getByRole("button", { name: "Approve" }).click();
      await custodianPage.getByText("No request.").waitFor();
      await custodianPage.getByText("Decided").click();
      await custodianPage.getByText("Approved").waitFor();

      await ask();
      await advocatePage.getByText("Esperance Kahindo").waitFor();

      // The custodian's desk right to left, in Arabic.
      await custodianPage.getByRole("combobox", { name: "Language" }).click();
      await custodianPage.getByRole("option", { name: "العربية" }).click();
      await custodianPage.getByRole("heading", { name: "طلبات كشف الهوية" }).waitFor();
      expect(await custodianPage.locator("html").getAttribute("dir")).toBe("rtl");
      await expectAccessible(custodianPage);
      await photograph(custodianPage, "03-custodian-desk-ar");
    } finally {
      t.app.services.config.revealApproval.required = false;
    }
  });

  it("Ghana's focal point sees a case naming Ghana's national only, in French", async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: "MINUSCA-2026-0901",
        missionCode: "MINUSCA",
        status: "referred",
        dateReported: "2026-05-02",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA", "RWA"],
        allegationCodes: ["SA_RAPE"],
      });
      await tx.insert(perpetrators).values([
        { caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" },
        { caseId, code: "P-02", categoryCode: "MIL_MC", nationalityCode: "RWA" },
      ]);
    });
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "Français" }).click();
    await page.goto(`${base}/cases`);
    const row = page.getByRole("row", { name: /MINUSCA-2026-0901/ });
    // Countries are named once the reference list has come; until then the row shows the code.
    await row.getByText("Ghana").waitFor();
    expect(await row.textContent()).not.toMatch(/Rwanda|RWA/);
    await page.goto(`${base}/cases/${caseId}`);
    await page.getByText("P-01").first().waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/Rwanda|P-02|RWA/);
    await expectAccessible(page);
    await photograph(page, "04-member-state-case-fr");
  });

  it("the public form refuses a recording that hides a web page, and says why in French", async () => {
    const page = await (await browser.newContext({ locale: "fr" })).newPage();
    await page.goto(`${base}/report?lang=fr`);
    await page
      .getByLabel(/^Que s'est-il passé/)
      .fill("Un soldat a proposé de l'argent contre des relations sexuelles.");
    await page
      .getByLabel(/anonyme/i)
      .first()
      .check();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "message.mp3", mimeType: "audio/mpeg", buffer: id3ThenHtml() });
    const before = (
      await t.handle.asOwner((owner) => owner.query<{ n: number }>("select count(*)::int as n from reports"))
    )[0].n;
    await page.getByRole("button", { name: /Envoyer/ }).click();
    await page.getByText("Par sécurité, il n'a pas été accepté", { exact: false }).waitFor();
    const after = (
      await t.handle.asOwner((owner) => owner.query<{ n: number }>("select count(*)::int as n from reports"))
    )[0].n;
    expect(after).toBe(before);
    await photograph(page, "05-public-form-refused-fr");
  });

  it("headquarters strikes out a narrative that names a witness, with a reason", async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: "MONUSCO-2026-0902",
        missionCode: "MONUSCO",
        status: "preliminary_assessment",
        dateReported: "2026-05-02",
        narrativeEncrypted: await t.app.services.encryption.encrypt(
          tx,
          "The witness, Mr Jean Bosco of Goma, saw the soldier.",
          fieldContext("cases", "narrative_encrypted", caseId),
        ),
      });
    });
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cds_officer"));
    await page.goto(`${base}/cases/${caseId}`);
    await page.getByText("Mr Jean Bosco").waitFor();
    await page.getByRole("button", { name: "Strike out" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Why it must go/).fill("Names a witness who asked not to be named.");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Strike out" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("[Redacted]", { exact: true }).waitFor();
    expect(await page.getByText("Mr Jean Bosco").count()).toBe(0);
    await photograph(page, "06-narrative-redacted-en");
  });

  it("one connection guessing passwords is slowed down before it can lock an officer out", async () => {
    const officer = await t.createStaff("cds_officer");
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await page.goto(`${base}/staff`);
    const attempt = async () => {
      await page.getByLabel("Email").fill(officer.email);
      await page
        .getByLabel(/^Password/)
        .first()
        .fill("a wrong guess");
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    for (let i = 0; i < 4; i++) {
      await attempt();
      await page.getByText("The email or password is not correct.").waitFor();
    }
    await attempt();
    await page.getByText("Too many failed sign-ins from this connection").waitFor();
    await photograph(page, "07-sign-in-throttled-en");
    // The officer was not locked out: from their own connection, their password still works.
    const own = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      remoteAddress: "10.20.30.40",
      headers: { origin: base },
      payload: { email: officer.email, password: officer.password },
    });
    expect(own.json().twoFactorRedirect).toBe(true);
  });
});
