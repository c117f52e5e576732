// Outreach in the web app: a mission's officer records a complaint network, links a community focal
// point's account to it and records an outreach activity; the focal point's reports are counted on
// the network. Axe-checked in English, French and Arabic.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("outreach in the web app", () => {
  it("an officer records a network, its focal point and an activity; the focal point's reports are counted", async () => {
    const focal = await t.createStaff("cbcm_focal_point", { missionCodes: ["UNMISS"] });
    const page = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    await page.getByRole("link", { name: "Outreach" }).click();
    await page.getByText("No complaint network recorded for this mission.").waitFor();

    await page.getByRole("button", { name: "Add a network" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Name of the network/).fill("Malakal community complaint network");
    await dialog.getByLabel(/^Area covered/).fill("Malakal protection of civilians site");
    await dialog.getByLabel(/^Languages/).fill("Arabic, Shilluk, English");
    await dialog.getByLabel("Complaint box").check();
    await dialog.getByLabel("Phone").check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Add a member" }).click();
    await dialog.getByLabel(/^Member/).fill("Women's committee chair, sector 2");
    await dialog.getByLabel(/^Location/).fill("Malakal");
    await dialog.getByLabel(/^Languages/).fill("Arabic, Shilluk");
    // Test accounts are named after their role and sequence number, which their email carries.
    await dialog.getByLabel(/^Account/).selectOption({ label: `cbcm_focal_point ${focal.email.split(".")[1]}` });
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Record an activity" }).click();
    await dialog.getByLabel(/^Language/).fill("Arabic");
    await dialog.getByLabel(/^Place/).fill("Sector 2 community hall");
    await dialog.getByLabel(/^Community/).fill("Women's groups");
    await dialog.getByLabel("Women").fill("48");
    await dialog.getByLabel("Girls").fill("20");
    await dialog.getByLabel("How to report").check();
    await dialog.getByLabel("Theatre").check();
    await dialog
      .getByLabel(/^Held with a complaint network/)
      .selectOption({ label: "Malakal community complaint network" });
    await dialog.getByRole("button", { name: "Record an activity" }).click();
    await dialog.waitFor({ state: "detached" });
    await page
      .getByRole("row", { name: /Sector 2 community hall/ })
      .getByText("68")
      .waitFor();

    const focalClient = await t.tokenFor(focal);
    const report = await focalClient.request({
      method: "POST",
      url: "/api/reports",
      payload: {
        channel: "cbcm",
        report: {
          whatHappened: "A woman at the site says a peacekeeper asked for sex for food.",
          missionCode: "UNMISS",
          anonymous: true,
        },
      },
    });
    expect(report.statusCode).toBe(201);
    await page.reload();
    const member = page.getByRole("row", { name: /Women's committee chair/ });
    expect(await member.getByRole("cell").last().textContent()).toBe("1");
    await expectAccessible(page);
    for (const [language, heading] of [
      ["Français", "Sensibilisation et réseaux de plaintes"],
      ["العربية", "التوعية وشبكات الشكاوى"],
    ]) {
      await page.getByRole("combobox", { name: /Language|Langue/ }).click();
      await page.getByRole("option", { name: language }).click();
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectAccessible(page);
    }
  });
});
