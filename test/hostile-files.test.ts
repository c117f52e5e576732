// Hostile files on every route that takes one: a polyglot (an MP3 tag, then a web page), a PDF that
// runs a script, a picture with an archive behind it, an archive bomb named like an Office file.
// Each is refused with a clear message in the sender's language, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/app.js";
import { id3ThenHtml, pdfWithScript, pictureWithArchive, zipBomb } from "./helpers/files.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (table: string) =>
  (await t.handle.asOwner((owner) => owner.query<{ n: number }>(`select count(*)::int as n from ${table}`)))[0].n;

async function reportForm(file: { name: string; type: string; content: Buffer }, language: string) {
  const form = new FormData();
  form.append("whatHappened", "A soldier offered money for sex near the river crossing.");
  form.append("missionCode", "MONUSCO");
  form.append("anonymous", "yes");
  form.append("language", language);
  form.append("evidence", new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  const request = new Request("http://localhost/report", { method: "POST", body: form });
  return t.app.inject({
    method: "POST",
    url: `/report?lang=${language}`,
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { "content-type": request.headers.get("content-type") as string },
  });
}

describe("hostile files", () => {
  it("the public form refuses a polyglot and a scripted PDF, saying why in the reporter's language", async () => {
    const before = { reports: await count("reports"), files: await count("evidence_files") };
    const polyglot = await reportForm({ name: "voice.mp3", type: "audio/mpeg", content: id3ThenHtml() }, "fr");
    expect(polyglot.statusCode).toBe(400);
    expect(polyglot.body).toContain("Par sécurité, il n&#39;a pas été accepté");
    const scripted = await reportForm(
      { name: "letter.pdf", type: "application/pdf", content: await pdfWithScript() },
      "ar",
    );
    expect(scripted.statusCode).toBe(400);
    expect(scripted.body).toContain("لم يُقبل حفاظًا على سلامتك");
    const smuggled = await reportForm(
      { name: "photo.png", type: "image/png", content: await pictureWithArchive() },
      "en",
    );
    expect(smuggled.statusCode).toBe(400);
    expect(smuggled.body).toContain("For your safety it was not accepted");
    expect({ reports: await count("reports"), files: await count("evidence_files") }).toEqual(before);
  });

  it("the public API and staff intake refuse them as problem+json naming the file and the reason", async () => {
    const before = await count("reports");
    const viaApi = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        whatHappened: "A report with a recording.",
        anonymous: true,
        evidence: [{ fileName: "voice.mp3", contentBase64: id3ThenHtml().toString("base64") }],
      },
    });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.headers["content-type"]).toContain("application/problem+json");
    expect(viaApi.json()).toMatchObject({ code: "file_active_content", detail: expect.stringContaining("voice.mp3") });
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const viaStaff = await officer.request({
      method: "POST",
      url: "/api/reports",
      payload: {
        channel: "letter",
        report: { whatHappened: "A letter with a scripted PDF.", missionCode: "MONUSCO", anonymous: true },
        evidence: [{ fileName: "letter.pdf", contentBase64: (await pdfWithScript()).toString("base64") }],
      },
    });
    expect(viaStaff.json()).toMatchObject({
      code: "file_active_content",
      detail: expect.stringContaining("active content (OpenAction)"),
    });
    expect(await count("reports")).toBe(before);
  });

  it("a good practice refuses an archive bomb named like a Word document", async () => {
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const practice = await hq.request({
      method: "POST",
      url: "/api/good-practices",
      payload: { title: "Community committees", area: "prevention", theme: "Outreach", countryCodes: ["SEN"] },
    });
    expect(practice.statusCode, practice.body).toBe(201);
    const before = await count("good_practice_files");
    const bomb = await hq.request({
      method: "POST",
      url: `/api/good-practices/${practice.json().id}/files`,
      payload: { fileName: "guide.docx", contentBase64: zipBomb().toString("base64") },
    });
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json()).toMatchObject({ code: "file_archive_too_large" });
    expect(await count("good_practice_files")).toBe(before);
  });
});
