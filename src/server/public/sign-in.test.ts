import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookiesOf, createTestApp, ORIGIN, type TestApp } from "../../../test/helpers/app.js";
import { totpCode } from "../auth/two-factor.js";
import { certainlySignedOut, nextAddress, staffAppFiles } from "./sign-in.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ signInLockout: { maxFailures: 3, lockMinutes: 15 } });
});
afterAll(() => t?.close());

const post = (
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
  remoteAddress?: string,
) =>
  t.app.inject({
    method: "POST",
    url,
    remoteAddress,
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", ...headers },
    payload: new URLSearchParams(form).toString(),
  });

const auditCount = async (action: string) =>
  (
    await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("select count(*)::int as n from audit_events where action = $1", [action]),
    )
  )[0].n;

describe("the sign-in page", () => {
  it("is a page without script, in the reader's language, that fetches the app ahead", async () => {
    const response = await t.app.inject({ method: "GET", url: "/sign-in?next=/cases&lang=fr" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).not.toContain("<script");
    expect(response.body).toContain('<html lang="fr" dir="ltr">');
    expect(response.body).toContain('<form method="post" action="/sign-in">');
    expect(response.body).toContain('name="next" value="/cases"');
    expect(response.body).toContain('autocomplete="current-password"');
    // The six UN languages, not the communities' (the staff app speaks the six).
    expect(response.body).toContain('hreflang="ar"');
    expect(response.body).not.toContain('hreflang="sw"');
  });

  it("opens at a staff page visited without a session, and the app's page when one may be there", async () => {
    const signedOut = await t.app.inject({ method: "GET", url: "/cases", headers: { "sec-fetch-site": "none" } });
    expect(signedOut.body).toContain('name="next" value="/cases"');
    // A link followed from another site arrives without the SameSite=Strict cookie even when signed in.
    const fromElsewhere = { "sec-fetch-site": "cross-site" };
    expect(certainlySignedOut({ headers: fromElsewhere } as never)).toBe(false);
    const withCookie = { "sec-fetch-site": "same-origin", cookie: "__Secure-conduct.session_token=abc" };
    expect(certainlySignedOut({ headers: withCookie } as never)).toBe(false);
    expect(certainlySignedOut({ headers: { "sec-fetch-site": "same-origin" } } as never)).toBe(true);
  });

  it("goes on only to a page of the staff app on this site", () => {
    expect(nextAddress("/cases/abc?tab=notes")).toBe("/cases/abc?tab=notes");
    for (const elsewhere of [
      "//evil.example/cases",
      "https://evil.example/staff",
      "/api/cases",
      "/\\evil",
      42,
      "/report",
    ])
      expect(nextAddress(elsewhere)).toBe("/staff");
  });

  it("lists the app's entry, its main part, what they import and their styles, but not the pages", () => {
    const root = mkdtempSync(path.join(tmpdir(), "conduct-web-"));
    mkdirSync(path.join(root, ".vite"));
    writeFileSync(
      path.join(root, ".vite", "manifest.json"),
      JSON.stringify({
        "index.html": { file: "assets/boot.js", imports: ["_shared.js"], dynamicImports: ["main.tsx"] },
        "_shared.js": { file: "assets/shared.js" },
        "main.tsx": {
          file: "assets/main.js",
          imports: ["_shared.js"],
          css: ["assets/main.css"],
          dynamicImports: ["cases.tsx"],
        },
        "cases.tsx": { file: "assets/cases.js" },
      }),
    );
    expect(staffAppFiles(root)).toEqual([
      "/assets/boot.js",
      "/assets/shared.js",
      "/assets/main.js",
      "/assets/main.css",
    ]);
    expect(staffAppFiles(path.join(root, "missing"))).toEqual([]);
  });
});

describe("signing in on the page", () => {
  it("password, then the authenticator code, then the page asked for, in the language read", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
    const before = await auditCount("auth.verify_totp");
    const password = await post(
      "/sign-in?lang=es",
      { email: officer.email, password: officer.password, next: "/cases" },
      {},
    );
    expect(password.statusCode).toBe(200);
    expect(password.body).toContain('action="/sign-in/code"');
    expect(password.body).toContain("Código de autenticación");
    const code = await post(
      "/sign-in/code",
      { code: await totpCode(officer.totpSecret as string), next: "/cases" },
      { cookie: cookiesOf(password.headers["set-cookie"]) },
    );
    expect(code.statusCode).toBe(303);
    expect(code.headers.location).toBe("/cases?lang=es");
    const me = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: cookiesOf(code.headers["set-cookie"]) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().role).toBe("cdt_officer");
    expect(await auditCount("auth.verify_totp")).toBe(before + 1);
    // Signed in, the page itself goes straight on.
    const again = await t.app.inject({
      method: "GET",
      url: "/sign-in?next=/work",
      headers: { cookie: cookiesOf(code.headers["set-cookie"]) },
    });
    expect(again.statusCode).toBe(303);
    // No language chosen on the page: the app keeps the one it remembers.
    expect(again.headers.location).toBe("/work");
  });

  it("a wrong password or code says so in the reader's language, keeps the email, and is audited", async () => {
    const officer = await t.createStaff("cds_officer");
    const before = await auditCount("auth.sign_in_password");
    const wrong = await post(
      "/sign-in",
      { email: officer.email, password: "not the password" },
      { cookie: "conduct_lang=fr" },
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('role="alert"');
    expect(wrong.body).toContain("Le courriel ou le mot de passe est incorrect.");
    expect(wrong.body).toContain(`value="${officer.email}"`);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect(await auditCount("auth.sign_in_password")).toBe(before + 1);

    const password = await post("/sign-in", { email: officer.email, password: officer.password }, {}, "10.9.9.9");
    const right = await totpCode(officer.totpSecret as string);
    const badCode = await post(
      "/sign-in/code",
      { code: String((Number(right) + 7) % 1_000_000).padStart(6, "0") },
      { cookie: cookiesOf(password.headers["set-cookie"]) },
      "10.9.9.9",
    );
    expect(badCode.statusCode).toBe(401);
    expect(badCode.body).toContain("That code is not correct or has expired.");
    expect(badCode.body).toContain('action="/sign-in/code"');
  });

  it("a form sent from another site signs nobody in; the page's own (Origin: null) does", async () => {
    const officer = await t.createStaff("cbcm_focal_point", { missionCodes: ["MONUSCO"] });
    const form = { email: officer.email, password: officer.password };
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { origin: "null", "sec-fetch-site": "cross-site" },
      { origin: "null" },
      { origin: ORIGIN, "sec-fetch-site": "same-site" },
    ]) {
      const response = await post("/sign-in", form, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.headers["set-cookie"]).toBeUndefined();
      expect(response.body).toContain("You do not have permission to do this.");
    }
    const own = await post("/sign-in", form, { origin: "null", "sec-fetch-site": "same-origin" });
    expect(own.statusCode).toBe(303);
  });

  it("a throttled connection is told to wait, on the page, with Retry-After", async () => {
    const officer = await t.createStaff("cds_officer");
    const address = "10.77.0.1";
    let last = await post("/sign-in", { email: officer.email, password: "guess 0" }, {}, address);
    for (let i = 1; i < 4 && last.statusCode !== 429; i++)
      last = await post("/sign-in", { email: officer.email, password: `guess ${i}` }, {}, address);
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect(last.headers["content-type"]).toContain("text/html");
    expect(last.body).toContain("Too many failed sign-ins from this connection");
  });
});
