// Help for people who report: kept by each mission's team in versions, shown on the form, the
// receipt and the follow-up page in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
const form = (fields: Record<string, string>) => ({
  method: "POST" as const,
  url: "/report?lang=fr",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
});

describe("help for reporters", () => {
  let hq: Client;
  let monusco: Client;
  beforeAll(async () => {
    hq = await t.tokenFor(await t.createStaff("cds_officer"));
    monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  });

  it("a mission's team keeps its own help in versions, never another's, and each edit is audited", async () => {
    const first = await monusco.request({
      method: "PUT",
      url: "/api/help-information/MONUSCO",
      payload: {
        contacts: [
          { kind: "emergency", value: "+243 81 555 0112", hours: "24/7" },
          { kind: "victim_assistance", value: "+243 81 555 0130" },
        ],
        texts: {
          fr: { nextSteps: "L'équipe de la MONUSCO lit chaque signalement sous deux jours.", timeline: "" },
          en: { nextSteps: "MONUSCO's team reads every report within two days.", timeline: "" },
          es: { nextSteps: "", timeline: "" },
        },
        version: 0,
      },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ scope: "MONUSCO", version: 1, canEdit: true });
    expect(Object.keys(first.json().texts).sort()).toEqual(["en", "fr"]);

    const stale = await monusco.request({
      method: "PUT",
      url: "/api/help-information/MONUSCO",
      payload: { contacts: [], texts: {}, version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const elsewhere = await monusco.request({
      method: "PUT",
      url: "/api/help-information/UNMISS",
      payload: { contacts: [], texts: {}, version: 0 },
    });
    expect(elsewhere.statusCode).toBe(403);
    const wrong = await monusco.request({
      method: "PUT",
      url: "/api/help-information/MONUSCO",
      payload: { contacts: [{ kind: "pigeon", value: "x" }], texts: {}, version: 1 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");

    const second = await hq.request({
      method: "PUT",
      url: "/api/help-information/MONUSCO",
      payload: { contacts: first.json().contacts, texts: first.json().texts, version: 1 },
    });
    expect(second.json().version).toBe(2);
    const history = (await monusco.request({ method: "GET", url: "/api/help-information/MONUSCO/versions" })).json();
    expect(history.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    const audited = await t.handle.asOwner((owner) =>
      owner.query<{ action: string }>("SELECT action FROM audit_events WHERE action = 'help.update'"),
    );
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it("the form offers headquarters' contacts, and the receipt the mission's help in the reader's language", async () => {
    await hq.request({
      method: "PUT",
      url: "/api/help-information/HQ",
      payload: { contacts: [{ kind: "hotline", value: "+1 212 555 0100", hours: "24/7" }], texts: {}, version: 0 },
    });
    const page = await t.app.inject({ method: "GET", url: "/report?lang=fr" });
    expect(page.body).toContain('href="tel:+12125550100"');
    expect(page.body).toContain('href="/help?lang=fr"');

    const receipt = await t.app.inject(
      form({ whatHappened: "Un soldat a demandé des faveurs au marché.", missionCode: "MONUSCO", anonymous: "yes" }),
    );
    expect(receipt.statusCode).toBe(201);
    expect(receipt.body).toContain("L&#39;équipe de la MONUSCO lit chaque signalement sous deux jours.");
    expect(receipt.body).toContain('href="tel:+243815550112"');

    // A mission without help of its own: headquarters' contacts, and the platform's words.
    const elsewhere = await t.app.inject(
      form({ whatHappened: "Un policier a demandé de l'argent au poste.", missionCode: "UNMISS", anonymous: "yes" }),
    );
    expect(elsewhere.body).toContain('href="tel:+12125550100"');
    expect(elsewhere.body).toContain("Un agent lit chaque signalement.");
  });

  it("a page in a language the mission did not write shows its English words, marked as English", async () => {
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: { whatHappened: "A soldier asked for favours at the market.", missionCode: "MONUSCO", anonymous: true },
    });
    const followUp = await t.app.inject({
      method: "POST",
      url: "/report/follow-up?lang=ru",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ receipt: sent.json().receipt }).toString(),
    });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.body).toContain('<p lang="en">MONUSCO&#39;s team reads every report within two days.</p>');
    expect(followUp.body).toContain("Что будет дальше");
  });

  it("the public help page lists headquarters and every mission that keeps help", async () => {
    const page = await t.app.inject({ method: "GET", url: "/help?lang=ar" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('id="MONUSCO"');
    expect(page.body).not.toContain("<script");
  });
});
