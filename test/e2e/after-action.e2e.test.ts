// After-action reviews in the web app: a mission's officer records a review of one of its cases with
// a follow-up action and marks it done; an officer of another mission, working in French, finds the
// lesson by searching (stemmed: "patrols" finds "patrol") and reads it without what happened.
// Axe-checked in English, French and Arabic.
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("after-action reviews in the web app", () => {
  it("one mission records a review; another finds its lesson but not what happened", async () => {
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values({
        id: randomUUID(),
        reference: "UNMISS-2026-0311",
        missionCode: "UNMISS",
        dateReported: "2026-03-11",
        nationalityCodes: ["RWA"],
      }),
    );
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    await page.getByRole("link", { name: "After-action reviews" }).click();
    await page.getByText("No after-action review yet.").waitFor();
    await page.getByRole("button", { name: "New review" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Title/).fill("Exploitation at the Malakal water point");
    await dialog.getByLabel(/^Cases reviewed/).fill("unmiss-2026-0311");
    await dialog
      .getByLabel(/^What happened/)
      .fill("A peacekeeper offered food to a woman at the water point in exchange for sex.");
    await dialog.getByLabel("Proximity to communities").check();
    await dialog.getByLabel("Command and control").check();
    await dialog
      .getByLabel(/^Lessons/)
      .fill(
        "Water points used by the community need a mixed patrol and a female engagement officer; the complaint box must be visible.",
      );
    await dialog.getByRole("button", { name: "Add a follow-up action" }).click();
    await dialog.getByLabel(/^Follow-up action/).fill("Female engagement officer at the water point");
    await dialog.getByLabel(/^Owner/).fill("Force headquarters");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Save the review" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "Exploitation at the Malakal water point", level: 1 }).waitFor();
    await page.getByRole("link", { name: "UNMISS-2026-0311" }).waitFor();
    await page
      .getByRole("row", { name: /Female engagement officer/ })
      .getByRole("button", { name: "Mark as done" })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page
      .getByRole("row", { name: /Female engagement officer/ })
      .getByText(/Done on/)
      .waitFor();
    await expectAccessible(page);

    const other = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(other, base, await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    await other.getByRole("combobox", { name: /Language|Langue/ }).click();
    await other.getByRole("option", { name: "Français" }).click();
    await other.getByRole("link", { name: "Examens a posteriori" }).click();
    await other.getByLabel(/^Chercher dans les enseignements/).fill("water points patrols");
    await other.getByRole("button", { name: "Chercher", exact: true }).click();
    await other.getByText("enseignements partagés par une autre mission", { exact: false }).waitFor();
    await expectAccessible(other);
    await other.getByRole("link", { name: "Exploitation at the Malakal water point" }).click();
    await other.getByText(/Cet examen a été tenu par une autre mission/).waitFor();
    expect(await other.getByText(/offered food/).count()).toBe(0);
    expect(await other.getByText("UNMISS-2026-0311").count()).toBe(0);
    await expectAccessible(other);
    await other.getByRole("combobox", { name: "Langue" }).click();
    await other.getByRole("option", { name: "العربية" }).click();
    await other.getByText(/أجرت هذا الاستعراض بعثة أخرى/).waitFor();
    await expectAccessible(other);
  });
});
