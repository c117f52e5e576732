// Good practices in the web app: Ghana's focal point shares a practice and submits it; headquarters
// returns it with a comment; Ghana edits and resubmits; headquarters publishes it, and the public
// API lists it. Axe-checked in English, French and Arabic.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { expectAccessible, signInThroughBrowser, withBrowserHarness } from "./browser.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("good practices in the web app", () => {
  it("a State shares a practice; headquarters returns it, then publishes it", async () => {
    const state = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(state, base, await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    await state.getByRole("link", { name: "Good practices" }).click();
    await state.getByRole("button", { name: "Share a practice" }).click();
    const dialog = state.getByRole("dialog");
    await dialog.getByLabel(/^Title/).fill("Pre-deployment vetting board for every rotation");
    await dialog.getByLabel(/^Theme/).fill("Vetting");
    await dialog.getByLabel(/^Summary/).fill("A board reviews every candidate's record before a rotation deploys.");
    await expectAccessible(state);
    await dialog.getByRole("button", { name: "Save as draft" }).click();
    await dialog.waitFor({ state: "detached" });
    const card = state
      .getByRole("heading", { name: "Pre-deployment vetting board for every rotation" })
      .locator("xpath=ancestor::div[contains(@class,'mantine-Paper-root')]");
    await card.getByText("Draft").waitFor();
    await card.getByRole("button", { name: "Submit for review" }).click();
    await card.getByText("Submitted for review").waitFor();

    const hq = await (await browser.newContext({ locale: "en" })).newPage();
    await signInThroughBrowser(hq, base, await t.createStaff("cds_officer"));
    await hq.getByRole("link", { name: "Good practices" }).click();
    await hq.getByLabel("Status").selectOption("submitted");
    const review = hq
      .getByRole("heading", { name: "Pre-deployment vetting board for every rotation" })
      .locator("xpath=ancestor::div[contains(@class,'mantine-Paper-root')]");
    await review.getByRole("button", { name: "Return with comments" }).click();
    await hq
      .getByRole("dialog")
      .getByLabel(/^Comments for the State/)
      .fill("Please say how many rotations used the board.");
    await hq.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await hq.getByRole("dialog").waitFor({ state: "detached" });

    await state.reload();
    await card.getByText(/Returned with comments: Please say how many rotations/).waitFor();
    await card.getByRole("button", { name: "Edit" }).click();
    await state
      .getByRole("dialog")
      .getByLabel(/^Summary/)
      .fill(
        "A board reviews every candidate's record before a rotation deploys; used for all six rotations since 2024.",
      );
    await state.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await state.getByRole("dialog").waitFor({ state: "detached" });
    await card.getByRole("button", { name: "Submit for review" }).click();
    await card.getByText("Submitted for review").waitFor();

    await hq.reload();
    await hq.getByLabel("Status").selectOption("submitted");
    await review.getByRole("button", { name: "Publish" }).click();
    // Published, it leaves the list of practices awaiting review.
    await review.waitFor({ state: "detached" });
    const published = await t.app.inject({ method: "GET", url: "/api/public/good-practices?q=rotations" });
    expect(published.json().items.map((p: { title: string }) => p.title)).toContain(
      "Pre-deployment vetting board for every rotation",
    );

    for (const [language, heading] of [
      ["Français", "Bonnes pratiques"],
      ["العربية", "الممارسات الجيدة"],
    ]) {
      await state.getByRole("combobox", { name: /Language|Langue/ }).click();
      await state.getByRole("option", { name: language }).click();
      await state.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await expectAccessible(state);
    }
  });
});
