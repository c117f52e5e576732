// Leadership commitments, in Chromium: the mission's team has drafted the head of mission's plan;
// the head of mission certifies it in French; the team reads it certified, with its late item, in
// Arabic, right to left. Each page passes axe.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("leadership commitments", () => {
  it("the head of mission certifies the plan the team drafted; the team reads it certified", async () => {
    const teamUser = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
    const team = await t.tokenFor(teamUser);
    const year = new Date().getFullYear();
    const plan = await team.request({
      method: "POST",
      url: "/api/leadership/plans",
      payload: { missionCode: "MONUSCO", year, post: "head_of_mission", leaderName: "Aïssata Touré" },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    for (const [commitment, dueOn] of [
      ["Off-limits areas reviewed with the communities", `${year}-01-15`],
      ["Every contingent commander briefed within 30 days of arrival", `${year + 1}-06-30`],
    ])
      expect(
        (
          await team.request({
            method: "POST",
            url: `/api/leadership/plans/${plan.json().id}/commitments`,
            payload: { commitment, owner: "Chief of staff", dueOn },
          })
        ).statusCode,
      ).toBe(201);

    const head = await (await browser.newContext({ locale: "en" })).newPage();
    await head.addInitScript(() => localStorage.setItem("conduct.language", "fr"));
    await signInThroughBrowser(head, base, await t.createStaff("head_of_mission", { missionCodes: ["MONUSCO"] }));
    await head.goto(`${base}/leadership`);
    await head.getByRole("heading", { name: "Engagements des responsables" }).waitFor();
    await head.getByText("En attente de la certification du chef de mission").waitFor();
    await head.getByRole("main").getByText("En retard", { exact: true }).waitFor();
    await head.getByRole("button", { name: "Certifier le plan" }).click();
    await head.getByText(/^Certifié le/).waitFor();
    expect(await head.getByRole("button", { name: "Certifier le plan" }).count()).toBe(0);
    await expectAccessible(head);
    if (process.env.SCREENSHOTS)
      await head.screenshot({ path: `${process.env.SCREENSHOTS}/leadership-fr.png`, fullPage: true });

    const reader = await (await browser.newContext({ locale: "en" })).newPage();
    await reader.addInitScript(() => localStorage.setItem("conduct.language", "ar"));
    await signInThroughBrowser(reader, base, teamUser);
    await reader.goto(`${base}/leadership`);
    await reader.getByRole("heading", { name: "التزامات القادة" }).waitFor();
    await reader.getByText(/^صُدِّق عليها في/).waitFor();
    await reader.getByRole("main").getByText("متأخر", { exact: true }).waitFor();
    expect(await reader.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAccessible(reader);
    if (process.env.SCREENSHOTS)
      await reader.screenshot({ path: `${process.env.SCREENSHOTS}/leadership-ar.png`, fullPage: true });
  });
});
