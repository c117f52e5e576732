// The public table's PDF in Arabic and Chinese, read as a browser reads it (pdf.js in Chromium):
// its words in the reader's language, Chinese with its glyphs, Arabic letters joined and set right
// to left, plurals by the language's rules; a photograph of each first page is kept.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases, perpetrators } from "../../src/db/schema.js";
import { systemActor } from "../../src/server/auth/actor.js";
import { inTransaction } from "../../src/server/transaction.js";
import type { TestApp } from "../helpers/app.js";
import { withBrowserHarness } from "./browser.js";
import { readPdfPage } from "./pdf-pages.js";

let t: TestApp;
let browser: Browser;
let base: string;
withBrowserHarness((harness) => ({ t, browser, base } = harness));

describe("the table of allegations as PDF", () => {
  it("reads in Arabic and in Chinese, with each State's row in the reader's words", async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: "MINUSCA-2024-0042",
        missionCode: "MINUSCA",
        dateReported: "2024-06-12",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA", "RWA"],
        allegationCodes: ["SA_RAPE"],
        victimsGirls: 2,
        victimsWomen: 1,
        publishedAt: new Date(),
      });
      await tx.insert(perpetrators).values([
        { caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" },
        { caseId, code: "P-02", categoryCode: "MIL_MC", nationalityCode: "RWA" },
      ]);
    });
    mkdirSync("test-results", { recursive: true });
    const read = async (lang: string) => {
      const response = await fetch(`${base}/api/public/allegations?format=pdf&lang=${lang}&mission=MINUSCA`);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      return readPdfPage(browser, Buffer.from(await response.arrayBuffer()), `test-results/allegations-${lang}.png`);
    };
    // Words pdf.js gives back whole (the lam-alef ligature it splits is avoided): the column of
    // alleged perpetrators, Ghana and Rwanda as the UN writes them, "two girls" in the dual.
    const arabic = await read("ar");
    for (const word of ["الجناة", "المزعومون", "غانا", "رواندا", "فتاتان", "امرأة", "واحدة", "MINUSCA"])
      expect(arabic, word).toContain(word);
    expect(arabic).not.toContain("Alleged perpetrators");
    const chinese = await read("zh");
    for (const word of ["指控一览表", "被指控者", "加纳", "卢旺达", "名女童", "名妇女", "MINUSCA"])
      expect(chinese, word).toContain(word);
    // Plurals by English rules too: "1 woman", never "1 women".
    const english = await read("en");
    expect(english).toContain("3 (1 woman and 2 girls)");
  });
});
