// Sign-in through an organisation's identity provider, against a local OpenID provider: the rules
// give the role and scope at every sign-in, and every refusal leaves no session and no account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookiesOf, createTestApp, ORIGIN, type TestApp } from "../../../test/helpers/app.js";
import { type IdentityProvider, startIdentityProvider } from "../../../test/helpers/identity-provider.js";
import { createMission } from "../modules/reference/index.js";
import { systemActor } from "./actor.js";
import { signedOutAddress } from "./sso-sign-out.js";
import { patience } from "../../../test/helpers/patience.js";

let t: TestApp;
let unicef: IdentityProvider;
let admin: Awaited<ReturnType<TestApp["signIn"]>>;
const form = { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "sec-fetch-site": "same-origin" };

beforeAll(async () => {
  unicef = await startIdentityProvider("unicef");
  t = await createTestApp({ ssoProviders: [unicef.config("UNICEF")] });
  admin = await t.signIn(await t.createStaff("administrator"));
  for (const rule of [
    { claim: "groups", value: "conduct-field", role: "cdt_officer", missionCodes: ["MONUSCO"] },
    { claim: "groups", value: "conduct-analysts", role: "analyst" },
  ]) {
    const response = await admin.request({
      method: "POST",
      url: "/api/sso/rules",
      payload: { providerId: "unicef", ...rule },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
}, patience(60_000));
afterAll(async () => {
  await t?.close();
  await unicef?.close();
});

const sql = <T>(text: string, values: unknown[] = []) => t.handle.asOwner((owner) => owner.query<T>(text, values));

/** The whole journey from the sign-in page's button: where the browser lands, and its cookies. */
async function signInThrough(sub: string, next = "/cases", jar = new Map<string, string>(), asked: string[] = []) {
  const start = await t.app.inject({
    method: "POST",
    url: "/sign-in/sso",
    headers: form,
    payload: new URLSearchParams({ provider: "unicef", next }).toString(),
  });
  expect(start.statusCode, start.body).toBe(303);
  expect(start.headers.location).toMatch(new RegExp(`^${unicef.issuer}/`));
  const callback = new URL(await unicef.authorize(String(start.headers.location), sub, jar, asked));
  expect(callback.pathname).toBe("/api/auth/callback/unicef");
  const answer = await t.app.inject({
    method: "GET",
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: cookiesOf(start.headers["set-cookie"]) },
  });
  expect(answer.statusCode).toBe(303);
  return { location: String(answer.headers.location), cookie: cookiesOf(answer.headers["set-cookie"]) };
}

const me = async (cookie: string) => t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });

describe("single sign-on through an organisation's identity provider", () => {
  it("signs a person in with the role and scope of the first rule their groups hold, keeping no token", async () => {
    unicef.people.set("amina", {
      email: "amina@unicef.test",
      name: "Amina Diallo",
      groups: ["staff", "conduct-field"],
    });
    const landed = await signInThrough("amina");
    expect(landed.location).toBe("/cases");
    const answer = await me(landed.cookie);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      email: "amina@unicef.test",
      name: "Amina Diallo",
      role: "cdt_officer",
      missionCodes: ["MONUSCO"],
      signInWith: "unicef",
      // Her second factor is her organisation's: nothing to enrol here.
      twoFactorRequired: false,
      twoFactorPending: false,
    });
    const [account] = await sql<{ access_token: string | null; id_token: string | null; password: string | null }>(
      'SELECT a.access_token, a.id_token, a.password FROM account a JOIN "user" u ON u.id = a.user_id WHERE u.email = $1',
      ["amina@unicef.test"],
    );
    expect(account).toEqual({ access_token: null, id_token: null, password: null });
    const events = await sql<{ outcome: string; details: Record<string, unknown> }>(
      "SELECT outcome, details FROM audit_events WHERE action = 'auth.sign_in_sso' AND subject_id = $1",
      [answer.json().id],
    );
    expect(events).toEqual([
      { outcome: "success", details: { provider: "unicef", role: "cdt_officer", changed: true } },
    ]);
  });

  it("follows the organisation's groups at the next sign-in", async () => {
    unicef.people.set("jonas", { email: "jonas@unicef.test", name: "Jonas Berg", groups: ["conduct-analysts"] });
    expect((await me((await signInThrough("jonas")).cookie)).json().role).toBe("analyst");
    unicef.people.set("jonas", { email: "jonas@unicef.test", name: "Jonas Berg", groups: ["conduct-field"] });
    const again = (await me((await signInThrough("jonas")).cookie)).json();
    expect(again).toMatchObject({ role: "cdt_officer", missionCodes: ["MONUSCO"] });
    // The administrator sees where the account signs in, and cannot hand it a password or a role.
    const account = await admin.request({ method: "GET", url: `/api/users/${again.id}` });
    expect(account.json()).toMatchObject({ signInWith: "unicef", twoFactorRequired: false });
    const password = await admin.request({ method: "POST", url: `/api/users/${again.id}/temporary-password` });
    expect(password.statusCode).toBe(409);
    expect(password.json().code).toBe("sso_account");
    const role = await admin.request({
      method: "PATCH",
      url: `/api/users/${again.id}`,
      payload: { role: "cds_officer", missionCodes: [], version: account.json().version },
    });
    expect(role.json().code).toBe("sso_account");
  });

  it("signs out at the organisation too, so the next person at this browser is asked for a password", async () => {
    unicef.people.set("shared", { email: "shared@unicef.test", name: "Field Laptop", groups: ["conduct-field"] });
    // One browser, its cookies at the provider kept from one sign-in to the next.
    const browser = new Map<string, string>();
    const asked: string[] = [];
    await signInThrough("shared", "/cases", browser, asked);
    expect(asked).toContain("login");
    // Without signing out there, the provider lets the browser straight back in.
    asked.length = 0;
    const again = await signInThrough("shared", "/cases", browser, asked);
    expect(asked).not.toContain("login");
    const endSession = new URL(`${unicef.issuer}/session/end`);
    endSession.search = new URLSearchParams({
      client_id: "conduct-ledger",
      post_logout_redirect_uri: `${ORIGIN}/sign-in`,
      ui_locales: "fr",
    }).toString();
    // The app is told where its sign-out leads, in the person's language.
    const french = await t.app.inject({
      method: "PATCH",
      url: "/api/me/preferences",
      headers: { cookie: again.cookie, "x-csrf-token": (await me(again.cookie)).json().csrfToken, origin: ORIGIN },
      payload: { language: "fr" },
    });
    expect(french.statusCode, french.body).toBe(200);
    expect((await me(again.cookie)).json().signOutTo).toBe(endSession.href);
    const signedOut = await t.app.inject({
      method: "POST",
      url: "/sign-out",
      headers: { ...form, cookie: `${again.cookie}; conduct_lang=fr` },
      payload: "",
    });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe(endSession.href);
    expect((await me(again.cookie)).statusCode).toBe(401);
    // The provider asks, ends its session and sends the browser back to the sign-in page.
    expect(await unicef.signOut(String(signedOut.headers.location), browser)).toBe(`${ORIGIN}/sign-in`);
    asked.length = 0;
    await signInThrough("shared", "/cases", browser, asked);
    expect(asked).toContain("login");
  });

  it("signs an account with a password here out to the sign-in page, as it does a provider that keeps its session", async () => {
    const local = await t.signIn(await t.createStaff("cds_officer"));
    expect((await local.request({ method: "GET", url: "/api/me" })).json().signOutTo).toBe("/sign-in");
    const keeping = {
      ...t.app.services.config,
      ssoProviders: [{ ...unicef.config("UNICEF"), signOutAtProvider: false }],
    };
    expect(await signedOutAddress(keeping, "unicef", "en")).toBe("/sign-in");
    // A provider that cannot be reached does not hold the sign-out up.
    const gone = { ...unicef.config("Gone"), id: "gone", issuer: "http://127.0.0.1:9/" };
    expect(await signedOutAddress({ ...t.app.services.config, ssoProviders: [gone] }, "gone", "en")).toBe("/sign-in");
  });

  it("refuses a person no rule gives a role, leaving no session and no account", async () => {
    unicef.people.set("visitor", { email: "visitor@unicef.test", name: "A Visitor", groups: ["staff"] });
    const landed = await signInThrough("visitor", "/victims");
    expect(landed.location).toBe("/sign-in?sso=no_matching_rule&next=%2Fvictims");
    expect(landed.cookie).not.toMatch(/session_token/);
    expect(await sql("SELECT id FROM \"user\" WHERE email = 'visitor@unicef.test'")).toEqual([]);
    const page = await t.app.inject({ method: "GET", url: landed.location });
    expect(page.body).toContain("gives you no role here");
    const [event] = await sql<{ outcome: string; details: Record<string, unknown> }>(
      "SELECT outcome, details FROM audit_events WHERE action = 'auth.sign_in_sso' AND outcome = 'failure' ORDER BY id DESC LIMIT 1",
    );
    expect(event).toEqual({ outcome: "failure", details: { provider: "unicef", reason: "no_matching_rule" } });
  });

  it("never lets the provider take over an account that signs in with a password here", async () => {
    const local = await t.createStaff("cds_officer");
    unicef.people.set("same", { email: local.email, name: "Same Email", groups: ["conduct-analysts"] });
    const landed = await signInThrough("same");
    expect(landed.location).toMatch(/^\/sign-in\?sso=local_account_exists/);
    expect(landed.cookie).not.toMatch(/session_token/);
    const accounts = await sql<{ provider_id: string }>("SELECT provider_id FROM account WHERE user_id = $1", [
      local.id,
    ]);
    expect(accounts).toEqual([{ provider_id: "credential" }]);
  });

  it("refuses a disabled account and ends its sessions", async () => {
    unicef.people.set("leaver", { email: "leaver@unicef.test", name: "A Leaver", groups: ["conduct-analysts"] });
    const first = await signInThrough("leaver");
    const { id, version } = (await me(first.cookie)).json() as { id: string; version?: number };
    const current = await admin.request({ method: "GET", url: `/api/users/${id}` });
    const disabled = await admin.request({
      method: "PATCH",
      url: `/api/users/${id}`,
      payload: { disabled: true, version: version ?? current.json().version },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const landed = await signInThrough("leaver");
    expect(landed.location).toMatch(/^\/sign-in\?sso=account_disabled/);
    expect((await me(first.cookie)).statusCode).toBe(401);
  });

  it("refuses a callback that this browser did not start, and audits it", async () => {
    const forged = await t.app.inject({ method: "GET", url: "/api/auth/callback/unicef?code=stolen&state=made-up" });
    expect(forged.statusCode).toBe(303);
    expect(forged.headers.location).toBe("/sign-in?sso=failed&next=%2Fstaff");
    expect(forged.headers["set-cookie"]).toBeUndefined();
    const unknown = await t.app.inject({
      method: "POST",
      url: "/sign-in/sso",
      headers: form,
      payload: "provider=nobody&next=/cases",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("did not complete");
  });

  it("keeps the rules: checked like an account's scope, in order, and removing one ends the sessions it gave", async () => {
    const bad = [
      [{ providerId: "unhcr", claim: "groups", value: "x", role: "analyst" }, 400],
      [{ providerId: "unicef", claim: "groups", value: "x", role: "cdt_officer" }, 400],
      [{ providerId: "unicef", claim: "groups", value: "x", role: "analyst", position: 1 }, 409],
      [{ providerId: "unicef", claim: "bad claim", value: "x", role: "analyst" }, 400],
    ] as const;
    for (const [payload, status] of bad) {
      const response = await admin.request({ method: "POST", url: "/api/sso/rules", payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
    }
    const list = (await admin.request({ method: "GET", url: "/api/sso/rules" })).json();
    expect(list.providers).toEqual([{ id: "unicef", name: "UNICEF" }]);
    expect(list.items.map((rule: { value: string; position: number }) => [rule.value, rule.position])).toEqual([
      ["conduct-field", 1],
      ["conduct-analysts", 2],
    ]);
    unicef.people.set("kofi", { email: "kofi@unicef.test", name: "Kofi", groups: ["conduct-analysts"] });
    const session = await signInThrough("kofi");
    expect((await me(session.cookie)).statusCode).toBe(200);
    const analysts = list.items.find((rule: { value: string }) => rule.value === "conduct-analysts");
    const removed = await admin.request({ method: "DELETE", url: `/api/sso/rules/${analysts.id}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await me(session.cookie)).statusCode).toBe(401);
    expect((await signInThrough("kofi")).location).toMatch(/sso=no_matching_rule/);
  });

  it("offers the organisation's button on the sign-in page, in the reader's language", async () => {
    const french = await t.app.inject({ method: "GET", url: "/sign-in?lang=fr" });
    expect(french.body).toContain("Se connecter avec UNICEF");
    expect(french.body).toContain('action="/sign-in/sso"');
    expect(String(french.headers["content-security-policy"])).toContain(`form-action 'self' ${unicef.issuer}`);
  });

  it("gives a whole entity by a rule: every unit of it, one opened later too", async () => {
    const rule = await admin.request({
      method: "POST",
      url: "/api/sso/rules",
      payload: {
        providerId: "unicef",
        claim: "groups",
        value: "conduct-hq",
        role: "cdt_officer",
        entityCodes: ["UNICEF"],
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(rule.json()).toMatchObject({ missionCodes: [], entityCodes: ["UNICEF"] });
    unicef.people.set("nadia", { email: "nadia@unicef.test", name: "Nadia Haddad", groups: ["conduct-hq"] });
    const before = (await me((await signInThrough("nadia")).cookie)).json();
    expect(before).toMatchObject({ role: "cdt_officer", entityCodes: ["UNICEF"] });
    expect(before.missionCodes).not.toContain("UNICEF-YEM");
    await createMission(t.app.services, systemActor, {
      code: "UNICEF-YEM",
      entityCode: "UNICEF",
      name: "UNICEF Yemen",
      nameFr: null,
      kind: "entity_office",
      hostCountryCode: "YEM",
      location: "Sana'a",
      startYear: 1990,
      endYear: null,
    });
    const session = await signInThrough("nadia");
    expect((await me(session.cookie)).json().missionCodes).toContain("UNICEF-YEM");
  });
});
