// The advocate's journey in Chromium: from a case, register the victim → record consent and a
// needs assessment → refer to two services and move one on → record a child → reveal the identity
// with a reason → open a paternity claim with DNA samples, a chain-of-custody gap flagged and a result →
// the Member State's focal point sees the claim by its codes, never her identity. The case's officer
// sees the victim's code only. The record is checked with axe in
// English, French and Arabic (right to left), and photographed into test-results/victims/.
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases, perpetrators, serviceProviders } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";
import { patience } from "../helpers/patience.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const shots = "test-results/victims";
let step = 0;
async function photograph(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${shots}/${String(++step).padStart(2, "0")}-${name}.png`, fullPage: true });
}

/**
 * Picks an option of a Mantine select inside the dialog. A click that lands while the dialog is
 * still opening can be swallowed by its focus trap, so the list is opened again if it did not show.
 */
async function choose(page: Page, label: string, option: string) {
  const choice = page.getByRole("option", { name: option, exact: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByRole("dialog").getByLabel(label).first().click();
    if (
      await choice.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      break;
  }
  await choice.click();
}

describe("the victim assistance journey", () => {
  // The longest journey: twenty-odd steps through three pages and two people.
  it("an advocate registers a victim from a case and assists her; the case officer sees only a code", {
    timeout: patience(150_000),
  }, async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: "MONUSCO-2026-0777",
        missionCode: "MONUSCO",
        status: "referred",
        dateReported: "2026-06-01",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      });
      await tx.insert(perpetrators).values({ caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" });
      await tx.insert(serviceProviders).values([
        {
          missionCode: "MONUSCO",
          name: "Goma hospital SGBV unit",
          serviceTypes: ["medical", "psychosocial"],
          location: "Goma",
        },
        { missionCode: "MONUSCO", name: "Tumaini school programme", serviceTypes: ["education"], location: "Bukavu" },
      ]);
    });
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
    await page.goto(`${base}/cases/${caseId}`);
    await page.getByRole("heading", { name: "Victims", level: 2 }).waitFor();

    // Registered from the case: the mission is the case's, the identity sealed.
    await page.getByRole("button", { name: "Register a victim" }).click();
    const register = page.getByRole("dialog");
    await register.getByLabel("Age at the time of the incident").fill("17");
    await register.getByLabel("Name", { exact: true }).fill("Neema Journey Example");
    await register.getByLabel("Contact").fill("Through her mother, Goma");
    await register.getByRole("button", { name: "Register a victim" }).click();
    await page.getByRole("heading", { name: "V-MONUSCO-0001", level: 1 }).waitFor();
    await page.getByText("Identity recorded and protected.").waitFor();
    expect(await page.getByText("Neema").count()).toBe(0);
    await page.getByText("No consent recorded yet").waitFor();

    // Consent to share with service providers, then the needs assessment and plan.
    await page.getByRole("button", { name: "Record consent" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByText("Agreed", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Record a needs assessment" }).click();
    const assess = page.getByRole("dialog");
    await assess.getByLabel("Medical").check();
    await assess.getByLabel("Education").check();
    await assess.getByLabel("Assistance plan").fill("Medical care now; school fees for the next term.");
    await assess.getByRole("button", { name: "Save" }).click();
    await page.getByText("Medical care now; school fees for the next term.").waitFor();

    // She is told where the case stands, in person; the record keeps each time.
    await page.getByText("No record yet of the victim being told how things stand.").waitFor();
    await page.getByRole("button", { name: "Record that the victim was informed" }).click();
    const informed = page.getByRole("dialog");
    await informed.getByLabel("Where the case stands").check();
    await informed.getByLabel("The investigation").check();
    await informed.getByLabel(/What was said/).fill("Told her Ghana was notified; she asked when she will hear more.");
    await informed.getByRole("button", { name: "Save" }).click();
    await page.getByText("Told her Ghana was notified; she asked when she will hear more.").waitFor();
    await page.getByRole("heading", { name: "Keeping the victim informed" }).waitFor();

    // Two referrals: medical (sharing her identity, which her consent allows), then education.
    await page.getByRole("button", { name: "Refer to a service" }).click();
    await choose(page, "Provider", "Goma hospital SGBV unit (Goma)");
    await choose(page, "Service", "Medical");
    await page.getByRole("dialog").getByLabel("Send the victim's identity to the provider").check();
    await page.getByRole("dialog").getByRole("button", { name: "Refer to a service" }).click();
    await page.getByRole("cell", { name: "Goma hospital SGBV unit" }).waitFor();
    await page.getByRole("button", { name: "Refer to a service" }).click();
    await choose(page, "Provider", "Tumaini school programme (Bukavu)");
    await choose(page, "Service", "Education");
    await page.getByRole("dialog").getByRole("button", { name: "Refer to a service" }).click();
    await page.getByRole("cell", { name: "Tumaini school programme" }).waitFor();
    await page
      .getByRole("row", { name: /Goma hospital/ })
      .getByRole("button", { name: "Mark accepted" })
      .click();
    await page
      .getByRole("row", { name: /Goma hospital/ })
      .getByText("Accepted", { exact: true })
      .first()
      .waitFor();
    await page
      .getByRole("row", { name: /Goma hospital/ })
      .getByRole("button", { name: "Outcome" })
      .click();
    await page
      .getByRole("dialog")
      .getByLabel("Outcome of the referral")
      .fill("First consultation done; follow-up in a month.");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByText("First consultation done; follow-up in a month.").waitFor();

    // A child, with a code of their own.
    await page.getByRole("button", { name: "Record a child" }).click();
    await page.getByRole("dialog").getByLabel("Year of birth").fill("2025");
    await page.getByRole("dialog").getByRole("button", { name: "Record a child" }).click();
    await page.getByRole("cell", { name: "V-MONUSCO-0001-C1" }).waitFor();
    // Axe reads colours: a dialog still fading out would be measured half transparent.
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expectAccessible(page);
    await photograph(page, "victim-record");

    // The identity, revealed for a stated reason.
    await page.getByRole("button", { name: "Reveal identity" }).click();
    await page.getByRole("dialog").getByLabel("Reason").fill("Booking her medical appointment");
    await page.getByRole("dialog").getByRole("button", { name: "Reveal identity" }).click();
    await page.getByText("Neema Journey Example").waitFor();

    // The caseload shows her, with her open referrals; the mission's directory of providers grows.
    await page.getByRole("link", { name: "Victims" }).click();
    await page.getByRole("row", { name: /V-MONUSCO-0001/ }).waitFor();
    await page.getByRole("button", { name: "Service providers" }).click();
    const directory = page.getByRole("dialog");
    await directory
      .getByRole("cell", { name: /Goma hospital SGBV unit/ })
      .first()
      .waitFor();
    await directory.getByLabel(/^Provider/).fill("Goma legal clinic");
    await directory.getByLabel("Legal").check();
    await directory.getByRole("button", { name: "Add a provider" }).click();
    await directory.getByRole("cell", { name: "Goma legal clinic", exact: true }).waitFor();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await directory.waitFor({ state: "detached" });
    await expectAccessible(page);
    await photograph(page, "caseload");

    // French and Arabic (right to left), also without accessibility violations.
    for (const [language, heading] of [
      ["fr", "Consentement au partage"],
      ["ar", "الموافقة على المشاركة"],
    ] as const) {
      await page
        .getByRole("link", { name: /V-MONUSCO-0001/ })
        .first()
        .click();
      await page.getByRole("combobox", { name: /Language|Langue|اللغة/ }).click();
      await page.getByRole("option", { name: language === "fr" ? "Français" : "العربية" }).click();
      await page.getByRole("heading", { name: heading }).waitFor();
      if (language === "ar") expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await expectAccessible(page);
      await photograph(page, `victim-record-${language}`);
      await page.goBack();
    }

    // A paternity claim for the child against P-01 (a Ghanaian contingent member), with her consent to tell Ghana.
    await page
      .getByRole("link", { name: /V-MONUSCO-0001/ })
      .first()
      .click();
    await page.getByRole("combobox", { name: /Language|Langue|اللغة/ }).click();
    await page.getByRole("option", { name: "English" }).click();
    await page.getByRole("button", { name: "Record consent" }).click();
    await choose(page, "Shared with", "Member State (paternity)");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByText("Entries recorded: 2", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Open a paternity claim" }).click();
    await choose(page, "Alleged father", "P-01 · Ghana");
    await page.getByRole("dialog").getByRole("button", { name: "Open a paternity claim" }).click();
    await page.getByRole("link", { name: "V-MONUSCO-0001-C1" }).click();
    await page.getByRole("heading", { name: "Paternity claim for V-MONUSCO-0001-C1" }).waitFor();
    for (const [donor, code] of [
      ["Child", "DNA-C-0777"],
      ["Mother", "DNA-M-0777"],
    ] as const) {
      await page.getByRole("button", { name: "Register a sample" }).click();
      await choose(page, "Taken from", donor);
      await page.getByRole("dialog").getByLabel("Sample identifier").fill(code);
      await page.getByRole("dialog").getByRole("button", { name: "Register a sample" }).click();
      await page.getByText(code).waitFor();
    }
    const addStep = async (code: string, kind: string, fill: Record<string, string>) => {
      await page
        .getByRole("button", { name: "Add a step" })
        .nth(code === "DNA-C-0777" ? 0 : 1)
        .click();
      await choose(page, "Step", kind);
      for (const [label, value] of Object.entries(fill)) await page.getByRole("dialog").getByLabel(label).fill(value);
      await page.getByRole("dialog").getByRole("button", { name: "Add a step" }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
    };
    await addStep("DNA-C-0777", "Collected", { "By whom": "Nurse Kahindo", "Kit number": "KIT-0777" });
    await addStep("DNA-C-0777", "Sealed", { "By whom": "Nurse Kahindo" });
    await addStep("DNA-C-0777", "Received by the laboratory", { "By whom": "Lab reception" });
    await addStep("DNA-M-0777", "Collected", { "By whom": "Nurse Kahindo", "Kit number": "KIT-0778" });
    // The mother's sample went to the laboratory unsealed: the gap is flagged.
    await addStep("DNA-M-0777", "Received by the laboratory", { "By whom": "Lab reception" });
    await page.getByText("Missing step: Sealed").waitFor();
    await addStep("DNA-C-0777", "Analysed", { "By whom": "Laboratory" });
    await addStep("DNA-C-0777", "Result", { "By whom": "Laboratory", Result: "Probability of paternity 99.99%" });
    await page.getByText("Probability of paternity 99.99%").waitFor();
    await expectAccessible(page);
    await photograph(page, "paternity-claim");

    // Ghana's focal point sees the claim by its codes and records the paternity focal point; no name reaches them.
    const ghana = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(ghana, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await ghana.getByRole("link", { name: "Paternity claims" }).click();
    await ghana.getByRole("link", { name: "V-MONUSCO-0001-C1" }).waitFor();
    await expectAccessible(ghana);
    await ghana.getByRole("link", { name: "V-MONUSCO-0001-C1" }).click();
    await ghana.getByText("Probability of paternity 99.99%").waitFor();
    await ghana.getByRole("button", { name: "Record the paternity focal point" }).click();
    await ghana.getByRole("dialog").getByLabel("Paternity focal point").fill("Col. A. Owusu");
    await ghana.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await ghana.getByText("Col. A. Owusu", { exact: false }).waitFor();
    await ghana.getByRole("dialog").waitFor({ state: "detached" });
    expect(await ghana.getByText("Neema").count()).toBe(0);
    expect(await ghana.getByRole("link", { name: /Back to V-/ }).count()).toBe(0);
    await expectAccessible(ghana);
    await photograph(ghana, "paternity-member-state");
    for (const [language, heading] of [
      ["fr", "Échantillons d'ADN et chaîne de possession"],
      ["ar", "عينات الحمض النووي وسلسلة الحيازة"],
    ] as const) {
      await ghana.getByRole("combobox", { name: /Language|Langue|اللغة/ }).click();
      await ghana.getByRole("option", { name: language === "fr" ? "Français" : "العربية" }).click();
      await ghana.getByRole("heading", { name: heading }).waitFor();
      await expectAccessible(ghana);
    }

    // The advocate records a Trust Fund project in her mission and its reach; the overview adds it up.
    await page.getByRole("link", { name: "Trust Fund" }).click();
    await page.getByRole("button", { name: "Add a project" }).click();
    const project = page.getByRole("dialog");
    await project.getByLabel(/^Project/).fill("School fees for children born of SEA, Goma");
    await project.getByLabel("Implementing partner").fill("Tumaini school programme");
    await project.getByLabel("Budget").fill("45000");
    await project.getByLabel("Ends on").fill("2027-12-31");
    await project.getByLabel("Education").check();
    await project.getByRole("button", { name: "Add a project" }).click();
    await page.getByRole("cell", { name: "School fees for children born of SEA, Goma" }).waitFor();
    await page.getByRole("button", { name: "Report people reached" }).click();
    await page.getByRole("dialog").getByLabel("Number of people").fill("17");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await page.getByRole("cell", { name: "17", exact: true }).waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expectAccessible(page);
    await photograph(page, "trust-fund");
    // The fund and the caseload in Arabic, right to left.
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "العربية" }).click();
    await page.getByRole("heading", { name: "الصندوق الاستئماني", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "الضحايا" }).click();
    await page.getByRole("row", { name: /V-MONUSCO-0001/ }).waitFor();
    await expectAccessible(page);

    // The case's officer sees that a victim exists — code, sex, age group — and nothing more.
    const officer = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(officer, base, await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    await officer.goto(`${base}/cases/${caseId}`);
    await officer.getByText("V-MONUSCO-0001 · Female · Child").waitFor();
    expect(await officer.getByText("Neema").count()).toBe(0);
    expect(await officer.getByRole("button", { name: "Register a victim" }).count()).toBe(0);
    await photograph(officer, "case-officer-sees-code");
  });
});
