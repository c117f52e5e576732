// What crosses a field office's slow link: the web app's files compressed at build time and kept by
// the browser, reads compressed on the way out, and answers that can carry a secret never compressed.
import { existsSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayCarrySecrets, webRoot } from "../src/server/app.js";
import { createTestApp, type TestApp } from "./helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  if (!existsSync(path.join(webRoot, "index.html")))
    throw new Error("The web app is not built: run npm run build:web (npm test does it first).");
  t = await createTestApp();
});
afterAll(() => t?.close());

describe("the web app's files", () => {
  it("are sent as written compressed at build time, and kept by the browser for a year", async () => {
    // The app's main part (the entry is only the kilobyte that asks who is signed in).
    const script = t.app.routeList.find((route) => /^\/assets\/main-[\w-]+\.js$/.test(route.url))?.url as string;
    const plain = await t.app.inject({ method: "GET", url: script });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    for (const [encoding, decompress] of [
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const) {
      const response = await t.app.inject({ method: "GET", url: script, headers: { "accept-encoding": encoding } });
      expect(response.headers["content-encoding"]).toBe(encoding);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(decompress(response.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
  });

  it("the page that names them is asked for again each time, so a new release is seen at once", async () => {
    const response = await t.app.inject({ method: "GET", url: "/cases", headers: { "accept-encoding": "br, gzip" } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=0");
    // The page lists each file the first screen needs, so it may itself be sent compressed.
    const page =
      response.headers["content-encoding"] === "br"
        ? brotliDecompressSync(response.rawPayload).toString("utf8")
        : response.body;
    expect(page).toMatch(/<script type="module"[^>]+src="\/assets\/index-/);
  });

  it("the offline app's service worker, manifest and kept page are asked for again too; the worker keeps the app", async () => {
    for (const url of ["/sw.js", "/manifest.webmanifest", "/index.html"]) {
      const response = await t.app.inject({ method: "GET", url, headers: { "accept-encoding": "br, gzip" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("public, max-age=0");
    }
    const worker = (await t.app.inject({ method: "GET", url: "/sw.js" })).body;
    // The app's main part (the entry is only the kilobyte that asks who is signed in).
    const script = t.app.routeList.find((route) => /^\/assets\/main-[\w-]+\.js$/.test(route.url))?.url as string;
    expect(worker).toContain(script.slice(1));
    expect(worker).toContain("conduct-staff-session");
    const manifest = (await t.app.inject({ method: "GET", url: "/manifest.webmanifest" })).json();
    expect(manifest.start_url).toBe("/staff");
  });
});

describe("answers", () => {
  it("reads and public pages are compressed for a browser that accepts it, and say so to caches", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const plain = await officer.request({ method: "GET", url: "/api/reference/countries" });
    const compressed = await officer.request({
      method: "GET",
      url: "/api/reference/countries",
      headers: { "accept-encoding": "br" },
    });
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(compressed.headers.vary).toContain("accept-encoding");
    expect(JSON.parse(brotliDecompressSync(compressed.rawPayload).toString("utf8"))).toEqual(plain.json());
    const form = await t.app.inject({ method: "GET", url: "/report?lang=fr", headers: { "accept-encoding": "gzip" } });
    expect(form.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(form.rawPayload).toString("utf8")).toContain("<form");
  });

  it("an answer that can carry a secret is never compressed, whatever its size (its length would tell)", async () => {
    expect(mayCarrySecrets("GET", "/api/me")).toBe(true);
    expect(mayCarrySecrets(["GET", "POST"], "/api/auth/*")).toBe(true);
    expect(mayCarrySecrets("POST", "/api/tokens")).toBe(true);
    expect(mayCarrySecrets("POST", "/report/follow-up")).toBe(true);
    expect(mayCarrySecrets("GET", "/api/cases")).toBe(false);
    const officer = await t.signIn(await t.createStaff("cds_officer"));
    const me = await officer.request({ method: "GET", url: "/api/me", headers: { "accept-encoding": "br, gzip" } });
    expect(me.json().csrfToken).toEqual(expect.any(String));
    expect(me.headers["content-encoding"]).toBeUndefined();
    // A write whose answer is well over the size from which reads are compressed.
    const csv = [
      "name,date_of_birth,nationality,document_numbers",
      ...Array.from({ length: 40 }, (_, i) => `Candidate Number${i},1990-01-0${1 + (i % 9)},GHA,`),
    ].join("\n");
    const screened = await officer.request({
      method: "POST",
      url: "/api/screenings/batch",
      payload: { csv },
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(screened.statusCode).toBe(200);
    expect(screened.rawPayload.length).toBeGreaterThan(2048);
    expect(screened.headers["content-encoding"]).toBeUndefined();
  });
});
