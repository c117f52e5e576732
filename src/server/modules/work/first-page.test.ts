// "My work" drawn by the server, where signing in lands: the person's own work list, in their
// language, without script, and the way on to the app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookiesOf, createTestApp, ORIGIN, type TestApp } from "../../../../test/helpers/app.js";
import { cases, referrals } from "../../../db/schema.js";
import { formatsFor } from "../../../web/formats.js";
import { systemActor } from "../../auth/actor.js";
import { totpCode } from "../../auth/two-factor.js";
import { addDays, todayIso } from "../../dates.js";
import { inTransaction } from "../../transaction.js";
import { WORK_ITEMS_SHOWN } from "./service.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const form = (url: string, fields: Record<string, string>, cookie = "", headers: Record<string, string> = {}) =>
  t.app.inject({
    method: "POST",
    url,
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    payload: new URLSearchParams(fields).toString(),
  });

/** Signs in through the server's page as a person does; answers where it led and the session cookie. */
async function signInWithForm(staff: Awaited<ReturnType<TestApp["createStaff"]>>, next?: string) {
  const first = await form("/sign-in?lang=fr", { email: staff.email, password: staff.password, ...(next && { next }) });
  let cookie = cookiesOf(first.headers["set-cookie"]);
  let last = first;
  if (first.statusCode === 200) {
    last = await form(
      "/sign-in/code?lang=fr",
      { code: await totpCode(staff.totpSecret as string), ...(next && { next }) },
      cookie,
    );
    cookie = cookiesOf(last.headers["set-cookie"]);
  }
  expect(last.statusCode, last.body).toBe(303);
  return { location: String(last.headers.location), cookie };
}

const page = (cookie: string, lang = "fr") =>
  t.app.inject({ method: "GET", url: `/start?lang=${lang}`, headers: { cookie } });

/** Reports sent to a mission through the public API: they wait in its officers' work. */
async function reportsTo(missionCode: string, count: number) {
  for (let n = 0; n < count; n++) {
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: { whatHappened: `A first page report ${n}.`, missionCode, anonymous: true },
    });
    expect(sent.statusCode, sent.body).toBe(201);
  }
}

describe("the first page after signing in", () => {
  it("is where signing in lands, and lists the officer's own work in French, without script", async () => {
    await reportsTo("UNMISS", WORK_ITEMS_SHOWN + 2);
    await reportsTo("UNIFIL", 1);
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] });
    const { location, cookie } = await signInWithForm(officer);
    expect(location).toBe("/start?lang=fr");

    const response = await page(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).not.toContain("<script");
    expect(response.body).toContain('<html lang="fr" dir="ltr">');
    expect(response.body).toContain("<h1>Mon travail</h1>");
    // Eight reports shown of ten, as links into the app; the two others counted in French's plural.
    const reportLinks = response.body.match(/<a href="\/reports\/[^"]+" dir="ltr">/g) ?? [];
    expect(reportLinks).toHaveLength(WORK_ITEMS_SHOWN);
    expect(response.body).toContain("et 2 autres");
    // Ten in all: the report sent to another mission is not this officer's.
    expect(response.body).toContain('<span class="count">10</span>');
    expect(response.body).not.toContain('<span class="count">11</span>');
    // Only the areas of the officer's role, and the way on to the whole app.
    expect(response.body).toContain('href="/cases"');
    expect(response.body).not.toContain('href="/users"');
    expect(response.body).toContain('<a href="/staff">Ouvrir l’application complète</a>');
    expect(response.body).toContain('<form method="post" action="/sign-out">');
  });

  it("dates what is late as the reader writes dates", async () => {
    const dueOn = addDays(todayIso(), -3);
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      const [row] = await tx
        .insert(cases)
        .values({
          reference: "UNMISS-2026-LATE",
          missionCode: "UNMISS",
          status: "referred",
          dateReported: "2026-01-05",
        })
        .returning({ id: cases.id });
      await tx.insert(referrals).values({
        caseId: row.id,
        entity: "member_state",
        countryCode: "GHA",
        sentOn: addDays(todayIso(), -20),
        replyDueOn: dueOn,
        policyVersion: "default-1",
      });
    });
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] });
    const { cookie } = await signInWithForm(officer);
    const body = (await page(cookie)).body;
    expect(body).toContain(">UNMISS-2026-LATE</a>");
    expect(body).toContain(`<span class="due late">échu le ${formatsFor("fr").date(dueOn)}</span>`);
  });

  it("speaks Arabic right to left, with Arabic's own plural", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] });
    const { cookie } = await signInWithForm(officer);
    const response = await page(cookie, "ar");
    expect(response.body).toContain('<html lang="ar" dir="rtl">');
    expect(response.body).toContain("<h1>عملي</h1>");
    expect(response.body).toContain("وعنصران آخران");
  });

  it("sends a page asked for by name to the app, and anyone else where they belong", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] });
    expect((await signInWithForm(officer, "/cases")).location).toBe("/cases?lang=fr");

    const anonymous = await t.app.inject({ method: "GET", url: "/start" });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/sign-in");
    // An auditor has no work list: the app opens at the audit trail.
    const auditor = await signInWithForm(await t.createStaff("auditor"));
    const landed = await page(auditor.cookie);
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe("/staff");
  });

  it("signs out with its form, audited, and a form from another site cannot", async () => {
    const officer = await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] });
    const { cookie } = await signInWithForm(officer);
    const forged = await form("/sign-out", {}, cookie, { origin: "https://evil.example" });
    expect(forged.statusCode).toBe(403);
    expect((await page(cookie)).statusCode).toBe(200);

    const before = await signOutsAudited();
    const signedOut = await form("/sign-out", {}, cookie);
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe("/sign-in");
    expect((await page(cookie)).headers.location).toBe("/sign-in");
    expect(await signOutsAudited()).toBe(before + 1);
  });
});

const signOutsAudited = async () =>
  (
    await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'auth.sign_out'"),
    )
  )[0].n;
