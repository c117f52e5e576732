// The report pages in the communities' languages: shipped as drafts, loaded by an administrator
// from a translation file, every untranslated key read in the language it falls back to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
type Listed = { code: string; reviewed: boolean; translated: number; missing: string[] };

describe("community languages", () => {
  let admin: Client;
  let officer: Client;
  beforeAll(async () => {
    admin = await t.tokenFor(await t.createStaff("administrator"));
    officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  });

  it("Swahili, Lingala and Sango ship as drafts, each listing the keys it lacks", async () => {
    const listed = (await officer.request({ method: "GET", url: "/api/languages" })).json() as {
      items: Listed[];
      keys: number;
    };
    expect(listed.items.map((item) => item.code)).toEqual(["ln", "sg", "sw"]);
    for (const item of listed.items) {
      expect(item.reviewed).toBe(false);
      expect(item.translated + item.missing.length).toBe(listed.keys);
    }
    const swahili = listed.items.find((item) => item.code === "sw") as Listed;
    expect(swahili.missing).toContain("nav.table");
    expect(swahili.missing).not.toContain("form.title");
  });

  it("the home page in Swahili leads to the form, says it is a draft, and keeps the reporter's language", async () => {
    const home = await t.app.inject({ method: "GET", url: "/?lang=sw" });
    expect(home.body).toContain('<html lang="sw" dir="ltr">');
    expect(home.body).toContain("Ripoti utovu wa nidhamu wa wafanyakazi wa Umoja wa Mataifa, na upate msaada");
    expect(home.body).toContain("tafsiri ya awali ambayo bado haijakaguliwa");
    expect(home.body).toContain('href="/report?lang=sw"');
    const form = await t.app.inject({ method: "GET", url: "/report?lang=sw" });
    expect(form.body).toContain("Nini kilitokea? *");
    // A mission's host country, named by CLDR in Swahili.
    expect(form.body).toContain("MINUSCA — Jamhuri ya Afrika ya Kati");
    const sent = await t.app.inject({
      method: "POST",
      url: "/report?lang=sw",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        whatHappened: "Askari aliomba rushwa ya ngono sokoni.",
        anonymous: "yes",
      }).toString(),
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.body).toContain("Ripoti yako imepokelewa");
    const [row] = await t.handle.asOwner((owner) =>
      owner.query<{ language: string }>("SELECT language FROM reports ORDER BY received_at DESC LIMIT 1"),
    );
    expect(row.language).toBe("sw");
  });

  it("a key Lingala lacks reads in French, the language it falls back to; the data pages read in French", async () => {
    const form = await t.app.inject({ method: "GET", url: "/report?lang=ln" });
    expect(form.body).toContain("Nini esalemaki? *");
    expect(form.body).toContain("Type de personnel");
    const data = await t.app.inject({ method: "GET", url: "/data", headers: { cookie: "conduct_lang=ln" } });
    expect(data.statusCode).toBe(200);
    expect(data.body).toContain('<html lang="fr"');
  });

  it("an administrator adds a language from a translation file; its mistakes are named, nobody else may", async () => {
    const template = (await admin.request({ method: "GET", url: "/api/languages/template" })).json() as {
      messages: Record<string, string>;
    };
    expect(Object.keys(template.messages).length).toBeGreaterThan(100);
    const file = {
      code: "kg",
      name: "Kikongo",
      fallback: "fr",
      messages: { "home.heading": "Kusamuna mambu ya mabi ya bisadi ya ONU", "form.submit": "Tinda" },
    };
    const typo = await admin.request({
      method: "PUT",
      url: "/api/languages/kg",
      payload: { ...file, messages: { ...file.messages, "home.headnig": "x" } },
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.body).toContain("home.headnig");
    expect((await officer.request({ method: "PUT", url: "/api/languages/kg", payload: file })).statusCode).toBe(403);
    const saved = await admin.request({ method: "PUT", url: "/api/languages/kg", payload: file });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ code: "kg", reviewed: false, translated: 2 });

    const home = await t.app.inject({ method: "GET", url: "/?lang=kg" });
    expect(home.body).toContain("Kusamuna mambu ya mabi ya bisadi ya ONU");
    expect(home.body).toContain("Signaler une faute");
    expect((await t.app.inject({ method: "GET", url: "/?lang=en" })).body).toContain('hreflang="kg"');

    const back = (await admin.request({ method: "GET", url: "/api/languages/kg" })).json() as {
      messages: Record<string, string>;
    };
    expect(back.messages["home.heading"]).toBe(file.messages["home.heading"]);
    expect(back.messages["form.title"]).toBe("");
    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ subject_id: string }>("SELECT subject_id FROM audit_events WHERE action = 'language.save'"),
    );
    expect(event.subject_id).toBe("kg");
  });

  it("refuses to replace one of the six UN languages", async () => {
    const refused = await admin.request({
      method: "PUT",
      url: "/api/languages/fr",
      payload: { code: "fr", name: "Français", fallback: "en", messages: {} },
    });
    expect(refused.statusCode).toBe(400);
  });
});
