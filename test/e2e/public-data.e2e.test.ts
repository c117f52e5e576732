// The public figures in Chromium: a publisher releases cases in the web app and what the public sees
// (the chart's table, the headline, the table of allegations) changes with it; the public pages pass
// axe-core in all six languages of the UN.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { publicLanguages } from "../../src/server/public/messages.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";
import { patience } from "../helpers/patience.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

/** The number in the figures' table for a row, as the page shows it. */
const cell = (page: Page, caption: string, row: string) =>
  page
    .getByRole("table", { name: caption })
    .getByRole("row", { name: new RegExp(`^${row}`) })
    .getByRole("cell")
    .first();

/** The case page's publish button: the public row previewed, then confirmed. */
async function publishFromCasePage(page: Page) {
  await page.getByRole("button", { name: "Preview and publish" }).click();
  // The button waits for the preview; a case outside the table's scope (not SEA) previews no row.
  await page.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("button", { name: "Withdraw…" }).waitFor();
}

describe("public figures", () => {
  it("change as a publisher releases cases", async () => {
    const [observer, official] = [randomUUID(), randomUUID()];
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values([
        {
          id: observer,
          reference: "UNMOGIP-2025-0001",
          missionCode: "UNMOGIP",
          dateReported: "2025-02-03",
          categoryCodes: ["MIL_MO"],
          nationalityCodes: ["URY"],
          allegationCodes: ["SE_TRANSACTIONAL_SEX"],
          victimsWomen: 1,
        },
        {
          id: official,
          reference: "UNMOGIP-2025-0002",
          missionCode: "UNMOGIP",
          dateReported: "2025-06-09",
          categoryCodes: ["CIV_INT", "MIL_MO"],
          nationalityCodes: ["HRV"],
          allegationCodes: ["SA_MINOR"],
          victimsGirls: 2,
        },
      ]),
    );
    const visitor = await (await browser.newContext({ locale: "en-GB", javaScriptEnabled: false })).newPage();
    await visitor.goto(`${base}/data?view=allegations&groupBy=category&mission=UNMOGIP&year=2025`);
    await visitor.getByRole("status").getByText("No published figures match these filters.").waitFor();

    const publisher = await t.createStaff("publisher");
    const staff = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(staff, base, publisher);
    await staff.goto(`${base}/cases/${observer}`);
    await publishFromCasePage(staff);

    await visitor.reload();
    const caption = "Allegations — Category of personnel";
    expect(await cell(visitor, caption, "Military \\(MO\\)").textContent()).toBe("1");
    expect(await visitor.locator(".headline").textContent()).toBe("1");

    await staff.goto(`${base}/cases/${official}`);
    await publishFromCasePage(staff);
    await visitor.reload();
    // The second case counts once for each category: Military (MO) for Croatia, Civilian (INT).
    expect(await cell(visitor, caption, "Military \\(MO\\)").textContent()).toBe("2");
    expect(await cell(visitor, caption, "Civilian \\(INT\\)").textContent()).toBe("1");
    expect(await visitor.locator(".headline").textContent()).toBe("3");

    await visitor.goto(`${base}/data?view=victims&groupBy=group&mission=UNMOGIP&year=2025`);
    expect(await cell(visitor, "Victims — Victims", "Girls").textContent()).toBe("2");
    expect(await cell(visitor, "Victims — Victims", "Women").textContent()).toBe("1");

    await visitor.goto(`${base}/data/allegations?mission=UNMOGIP`);
    const rows = visitor.getByRole("table", { name: "Table of allegations" }).getByRole("row");
    await expect.poll(() => rows.count()).toBe(4);
    // Newest first: June's two allegations, then February's.
    expect(await rows.nth(1).textContent()).toContain("Jun 2025");
    expect(await rows.nth(3).textContent()).toContain("Uruguay");
    await visitor.screenshot({ path: "test-results/public-table.png", fullPage: true });

    await staff.goto(`${base}/cases/${observer}`);
    await staff.getByRole("button", { name: "Withdraw…" }).click();
    await staff.getByRole("dialog").getByRole("button", { name: "Withdraw", exact: true }).click();
    await staff.getByRole("button", { name: "Preview and publish" }).waitFor();
    // Pages may be kept a minute by the browser: a reader who reloads sees the change at once.
    await visitor.goto(`${base}/data?view=allegations&groupBy=category&mission=UNMOGIP&year=2025`);
    await visitor.reload();
    expect(await cell(visitor, caption, "Military \\(MO\\)").textContent()).toBe("1");
  });

  for (const language of publicLanguages) {
    it(`the public pages pass axe-core in ${language}`, { timeout: patience(120_000) }, async () => {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      for (const path of [
        "/data",
        "/data?view=investigations&groupBy=status",
        "/data/allegations",
        "/data/good-practices",
        "/data/commitments",
        "/data/member-states",
        "/report",
      ]) {
        await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lang=${language}`);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        await expectAccessible(page);
      }
      await page.goto(`${base}/data?lang=${language}`);
      await page.screenshot({ path: `test-results/public-data-${language}.png`, fullPage: true });
      await page.context().close();
    });
  }
});
