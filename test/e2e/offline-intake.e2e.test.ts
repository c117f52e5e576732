// Offline intake: a mission's officer signed in once; the link goes. The staff app opens from the
// device, two reports are written with a photo each and wait sealed (the device cannot read them
// back); the link returns, they are sent by themselves, stored once each — the first send's answer
// is lost on the way and the report is sent again under its key — and the receipts are shown.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { pngFile } from "../helpers/files.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";
import { patience } from "../helpers/patience.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

const count = async (sql: string) => Number((await t.handle.asOwner((owner) => owner.query<{ n: string }>(sql)))[0].n);
const offlineReports = () => count("select count(*) as n from reports where mission_code = 'MINUSCA'");

describe("offline intake", () => {
  it("reports written without a connection wait sealed, then are stored once each with their photos", async () => {
    const context = await browser.newContext({ locale: "en" });
    const page = await context.newPage();
    const keyFetched = page.waitForResponse((response) => response.url().endsWith("/api/reports/sealing-key"));
    await signInThroughBrowser(page, base, await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    expect((await keyFetched).status()).toBe(200);
    // The app is kept on the device once its worker has taken the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    });

    // ...and so are who is signed in and the lists the form reads.
    await page.waitForFunction(async () => (await (await caches.open("conduct-staff-session")).keys()).length >= 4);
    await context.setOffline(true);
    await page.goto(`${base}/reports/new`);
    await page.getByRole("heading", { name: "Record a report", level: 1 }).waitFor();
    const photo = await pngFile("offline-photo");
    const accounts = [
      "A girl selling bread says a peacekeeper at the Bria checkpoint touched her. OFFLINE-ONE",
      "The chief of Ndele says two soldiers paid women for sex near the market. OFFLINE-TWO",
    ];
    for (const [index, account] of accounts.entries()) {
      await page.getByLabel(/^What happened/).fill(account);
      await page.getByLabel("The reporter wishes to stay anonymous").check();
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: `photo-${index + 1}.png`, mimeType: "image/png", buffer: photo });
      await page.getByRole("button", { name: "Record the report" }).click();
      await page.getByRole("heading", { name: "Saved on this device", level: 1 }).waitFor();
      if (index === 0) {
        await expectAccessible(page);
        await page.getByRole("button", { name: "Record another report" }).click();
      }
    }
    const waiting = page.getByText("Waiting for a connection");
    await expect.poll(() => waiting.count()).toBe(2);
    expect(await offlineReports()).toBe(0);
    // Counted beside Reports, wherever the officer is in the app.
    await page.getByLabel("2 reports waiting on this device").waitFor();
    await page.screenshot({ path: "docs/screenshots/field-reach/offline-outbox-en.png", fullPage: true });

    // What rests on the device is sealed: neither the words nor the file names are in it.
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const request = indexedDB.open("conduct-offline");
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const all = request.result.transaction("outbox").objectStore("outbox").getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
          };
        }),
    );
    expect(stored).toContain("ciphertext");
    for (const secret of ["OFFLINE-ONE", "OFFLINE-TWO", "Bria", "photo-1.png"]) expect(stored).not.toContain(secret);

    // The link returns; the first send reaches the server but its answer is lost.
    const keys: string[] = [];
    await context.route("**/api/reports/sealed", async (route) => {
      keys.push(route.request().headers()["idempotency-key"]);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort("connectionreset");
    });
    await context.setOffline(false);
    const recorded = page.getByText("Recorded", { exact: true });
    await expect.poll(() => recorded.count(), { timeout: patience(60_000) }).toBe(2);
    expect(await offlineReports()).toBe(2);
    await expect.poll(() => page.getByLabel(/waiting on this device/).count()).toBe(0);
    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys).size).toBe(2);
    expect(
      await count(
        "select count(*) as n from evidence_files f join reports r on r.id = f.report_id where r.mission_code = 'MINUSCA'",
      ),
    ).toBe(2);

    // Each receipt, kept for the device only, opens its report on the public follow-up.
    await page.getByRole("button", { name: "Show the receipt" }).first().click();
    const receipt = ((await page.locator("pre, code").first().textContent()) ?? "").trim();
    expect(receipt).toMatch(/^[A-Z0-9-]{16,40}$/);
    const followUp = await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } });
    expect(followUp.json()).toMatchObject({ status: "received" });
    await page.screenshot({ path: "docs/screenshots/field-reach/offline-sent-en.png", fullPage: true });
    await page.getByRole("button", { name: "Receipt given on: remove" }).click();
    await expect.poll(() => recorded.count()).toBe(1);
    await context.close();
  });
});
