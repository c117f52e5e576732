// Two installations federate through the Federation tab, in the browser: WFP's own installation
// hands its public key and downloads its signed bundle; the hub's administrator registers WFP as a
// member with that key and merges the bundle; the hub's public system-wide figures then count WFP's
// published allegations; the bundle changed on the way, or sent again, is refused with the reason
// and changes nothing. The tab passes axe.
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { publishOnUnit } from "../helpers/federation-bundle.js";
import { freePort } from "../helpers/free-port.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";
import { patience } from "../helpers/patience.js";

let hub: TestApp;
let browser: Browser;
let hubBase: string;
withBrowserHarness((harness) => ({ t: hub, browser, base: hubBase } = harness));

let member: TestApp;
let memberBase: string;
beforeAll(async () => {
  const port = await freePort();
  memberBase = `http://127.0.0.1:${port}`;
  member = await createTestApp({ publicUrl: memberBase, port });
  await member.app.listen({ host: "127.0.0.1", port });
  await publishOnUnit(member, "WFP-SSD", "WFP", 2);
}, patience(60_000));
afterAll(() => member?.close());

const wfpAtHub = async () => {
  const answer = await hub.app.inject({ method: "GET", url: "/api/public/system-wide?groupBy=entity&year=2025" });
  return (answer.json() as { key: string; count: number }[]).find((row) => row.key === "WFP")?.count ?? 0;
};

async function federationTab(page: Page, base: string, admin: Parameters<typeof signInThroughBrowser>[2]) {
  await signInThroughBrowser(page, base, admin);
  await page.goto(`${base}/reference`);
  await page.getByRole("tab", { name: "Federation" }).click();
  await page.getByRole("heading", { name: "This installation" }).waitFor();
}

describe("federation through the Federation tab", () => {
  it("a member's signed bundle, merged at the hub, counts there; changed on the way, it is refused", async () => {
    const memberPage = await (await browser.newContext({ locale: "en", acceptDownloads: true })).newPage();
    await federationTab(memberPage, memberBase, await member.createStaff("administrator"));
    const publicKey = await memberPage.getByLabel("Public key").inputValue();
    expect(publicKey.length).toBeGreaterThan(40);
    const [download] = await Promise.all([
      memberPage.waitForEvent("download"),
      memberPage.getByRole("link", { name: "Download this installation's signed bundle" }).click(),
    ]);
    const bundlePath = await download.path();

    const hubPage = await (await browser.newContext({ locale: "en" })).newPage();
    await federationTab(hubPage, hubBase, await hub.createStaff("administrator"));
    await hubPage.getByRole("button", { name: "Register a member" }).click();
    const dialog = hubPage.getByRole("dialog");
    await dialog.getByLabel(/^Code/).fill("WFP-HQ");
    await dialog.getByLabel(/^Name/).fill("World Food Programme");
    await dialog.getByLabel(/^Public key/).fill(publicKey);
    await dialog
      .getByLabel(/^Entities it reports/)
      .first()
      .click();
    await hubPage.getByRole("option", { name: /^WFP/ }).click();
    await hubPage.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "Register a member" }).click();
    await dialog.waitFor({ state: "detached" });
    await hubPage.getByRole("cell", { name: /World Food Programme/ }).waitFor();

    const before = await wfpAtHub();
    await hubPage.locator('input[type="file"]').setInputFiles(bundlePath);
    await hubPage.getByRole("button", { name: "Merge", exact: true }).click();
    await hubPage
      .getByRole("status")
      .getByText(/WFP-HQ's bundle of .* merged \(figures: 1; screening hashes: 0\)/)
      .waitFor();
    expect(await wfpAtHub()).toBe(before + 2);
    await expectAccessible(hubPage);
    await hubPage.screenshot({ path: "test-results/federation-merged.png", fullPage: true });

    // A figure raised on the way (2 allegations made 9): refused with the reason; nothing changes.
    const lines = gunzipSync(readFileSync(bundlePath)).toString("utf8").split("\n");
    const figure = lines.findIndex((line) => line.startsWith('["f"'));
    lines[figure] = lines[figure].replace(/,2\]$/, ",9]");
    const tampered = "test-results/federation-tampered.ndjson.gz";
    writeFileSync(tampered, gzipSync(lines.join("\n")));
    const refuse = async (file: string, reason: string) => {
      await hubPage.locator('input[type="file"]').setInputFiles(file);
      await hubPage.getByRole("button", { name: "Merge", exact: true }).click();
      await hubPage.getByRole("alert").filter({ hasText: reason }).waitFor();
    };
    await refuse(tampered, "The signature does not hold: the bundle was changed after it was signed.");
    // The same bundle again is not news.
    await refuse(bundlePath, "This bundle is not newer than the last one merged from this member.");
    expect(await wfpAtHub()).toBe(before + 2);
  });
});
