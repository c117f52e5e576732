import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStaffAppPath, staffAppPaths } from "../../domain/contracts/staff-app.js";
import { createTestApp, type TestApp } from "../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe("the public home", () => {
  it("is a page without script, in the browser's language, with every way in", async () => {
    const response = await t.app.inject({ method: "GET", url: "/", headers: { "accept-language": "fr-CD,fr;q=0.9" } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).not.toContain("<script");
    expect(response.body).toContain('<html lang="fr" dir="ltr">');
    expect(response.body).toContain("Signaler une faute du personnel des Nations Unies, et trouver de l&#39;aide");
    for (const href of ["/report?lang=fr", "/report/follow-up?lang=fr", "/help?lang=fr", "/data?lang=fr", "/staff"])
      expect(response.body).toContain(`href="${href}"`);
  });

  it("is set right to left in Arabic", async () => {
    const response = await t.app.inject({ method: "GET", url: "/?lang=ar" });
    expect(response.body).toContain('<html lang="ar" dir="rtl">');
    expect(response.body).toContain("الإبلاغ عن سوء سلوك");
  });
});

describe("the report form's missions", () => {
  it("are named in the reader's language: the host country's UN name, or the place", async () => {
    const arabic = await t.app.inject({ method: "GET", url: "/report?lang=ar" });
    expect(arabic.body).toContain("MONUSCO — جمهورية الكونغو الديمقراطية");
    expect(arabic.body).toContain("UNDOF — الجولان");
    const french = await t.app.inject({ method: "GET", url: "/report?lang=fr" });
    expect(french.body).toContain("MINUSCA — République centrafricaine");
    expect(french.body).toContain("UNTSO — Moyen-Orient");
  });
});

describe("an address that does not exist", () => {
  it("answers a readable page in the reader's language that leads to the form", async () => {
    const response = await t.app.inject({ method: "GET", url: "/data/allegation?lang=fr" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain("Cette page n&#39;existe pas");
    expect(response.body).toContain('href="/report?lang=fr"');
    expect(response.body).not.toContain("<script");
  });

  it("in the API stays a problem the client can read", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const response = await officer.request({ method: "GET", url: "/api/nowhere" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("the staff app's addresses", () => {
  it("are exactly the pages its router draws", () => {
    const router = readFileSync(new URL("../../web/router.tsx", import.meta.url), "utf8");
    const drawn = [...router.matchAll(/page\("([^"]+)"/g)].map((match) => match[1]);
    expect([...drawn].sort()).toEqual([...staffAppPaths].sort());
  });

  it("match deep links with their parameters and nothing else", () => {
    expect(isStaffAppPath("/cases/3f1c2a9e-0000-4000-8000-000000000000")).toBe(true);
    expect(isStaffAppPath("/risk/assessments/abc")).toBe(true);
    expect(isStaffAppPath("/staff")).toBe(true);
    expect(isStaffAppPath("/")).toBe(false);
    expect(isStaffAppPath("/cases/a/b")).toBe(false);
    expect(isStaffAppPath("/data/allegation")).toBe(false);
  });
});
