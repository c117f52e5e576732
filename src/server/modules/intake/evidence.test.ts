// Evidence files on the public form and in staff intake: checked by content, stored encrypted with the report in one
// transaction, opened only by the report's intake officers, every download audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { pdfFile, pngFile } from "../../../../test/helpers/files.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const png = await pngFile("photo-bytes-MARKER-PNG");
const pdf = await pdfFile("A letter naming the unit. MARKER-PDF");

/** A multipart body as a browser sends the report form. */
async function formBody(fields: Record<string, string>, files: { name: string; type: string; content: Buffer }[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append("evidence", new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  const request = new Request("http://localhost/report", { method: "POST", body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { "content-type": request.headers.get("content-type") as string },
  };
}

const fields = {
  whatHappened: "A soldier offered money for sex near the river crossing.",
  missionCode: "UNMIK",
  anonymous: "yes",
};
const countReports = async () =>
  (await t.handle.asOwner((owner) => owner.query<{ n: number }>("SELECT count(*)::int AS n FROM reports")))[0].n;

describe("evidence files", () => {
  it("are stored encrypted with the report and opened, byte for byte, by the report's officer", async () => {
    const submitted = await t.app.inject({
      method: "POST",
      url: "/report?lang=en",
      ...(await formBody(fields, [
        { name: "../../etc/photo.png", type: "image/png", content: png },
        { name: "letter.pdf", type: "application/pdf", content: pdf },
      ])),
    });
    expect(submitted.statusCode, submitted.body.slice(0, 400)).toBe(201);

    const stored = await t.handle.asOwner((owner) =>
      owner.query<{ content_encrypted: string; file_name_encrypted: string }>(
        "SELECT content_encrypted, file_name_encrypted FROM evidence_files",
      ),
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(Buffer.from(row.content_encrypted).toString("latin1")).not.toContain("MARKER");
      expect(row.file_name_encrypted).not.toContain("photo");
    }

    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMIK"] }));
    const [queued] = (await officer.request({ method: "GET", url: "/api/reports?mission=UNMIK" })).json().items;
    const report = (await officer.request({ method: "GET", url: `/api/reports/${queued.id}` })).json();
    expect(
      report.evidence.map((file: { fileName: string; contentType: string }) => [file.fileName, file.contentType]),
    ).toEqual([
      ["photo.png", "image/png"],
      ["letter.pdf", "application/pdf"],
    ]);
    const download = await officer.request({
      method: "GET",
      url: `/api/reports/${queued.id}/evidence/${report.evidence[1].id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers["content-disposition"]).toBe(
      "attachment; filename=\"letter.pdf\"; filename*=UTF-8''letter.pdf",
    );
    expect(download.headers["content-security-policy"]).toContain("sandbox");
    expect(download.headers["x-content-sha256"]).toBe(report.evidence[1].sha256);
    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ actor_id: string }>("SELECT actor_id FROM audit_events WHERE action = 'report.evidence.read'"),
    );
    expect(event).toBeDefined();

    // Another mission's officer, and a Member State guessing the address, get nothing.
    const elsewhere = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    expect(
      (await elsewhere.request({ method: "GET", url: `/api/reports/${queued.id}/evidence/${report.evidence[1].id}` }))
        .statusCode,
    ).toBe(404);
    const state = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    expect([403, 404]).toContain(
      (await state.request({ method: "GET", url: `/api/reports/${queued.id}/evidence/${report.evidence[1].id}` }))
        .statusCode,
    );
  });

  it("a program dressed as a PDF is refused with the reason, the form keeps what was typed, and nothing is stored", async () => {
    const before = await countReports();
    const refused = await t.app.inject({
      method: "POST",
      url: "/report?lang=fr",
      ...(await formBody(fields, [
        {
          name: "scan.pdf",
          type: "application/pdf",
          content: Buffer.from("MZ\u0090\u0000 a Windows program, not a document"),
        },
      ])),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("ni une photo, ni un PDF");
    expect(refused.body).toContain("A soldier offered money");
    expect(await countReports()).toBe(before);
  });

  it("a file over 10 MB is stopped at the limit with a readable page, and nothing is stored", async () => {
    const before = await countReports();
    const huge = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const refused = await t.app.inject({
      method: "POST",
      url: "/report?lang=en",
      ...(await formBody(fields, [{ name: "big.pdf", type: "application/pdf", content: huge }])),
    });
    expect(refused.statusCode).toBe(413);
    expect(refused.headers["content-type"]).toContain("text/html");
    expect(refused.body).toContain("larger than 10 MB");
    expect(await countReports()).toBe(before);
  });

  it("the JSON intake takes the same evidence, base64-encoded, with the same checks", async () => {
    const accepted = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        ...fields,
        anonymous: true,
        missionCode: "UNDOF",
        evidence: [{ fileName: "photo.png", contentBase64: png.toString("base64") }],
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        ...fields,
        anonymous: true,
        evidence: [{ fileName: "note.pdf", contentBase64: Buffer.from("just text pretending").toString("base64") }],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: "file_type_not_accepted",
      detail: "note.pdf is not a photo (JPEG, PNG, WebP), a PDF or an audio recording.",
    });
    const four = Array.from({ length: 4 }, () => ({ fileName: "p.png", contentBase64: png.toString("base64") }));
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/public/reports",
          payload: { ...fields, anonymous: true, evidence: four },
        })
      ).statusCode,
    ).toBe(400);
  });

  it("staff intake takes the same evidence: kept with the report an officer records, refused whole when a file is not what it claims", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNFICYP"] }));
    const report = { ...fields, anonymous: true, missionCode: "UNFICYP" };
    const before = await countReports();
    const refused = await officer.request({
      method: "POST",
      url: "/api/reports",
      payload: {
        channel: "letter",
        report,
        evidence: [{ fileName: "letter.pdf", contentBase64: Buffer.from("just text pretending").toString("base64") }],
      },
    });
    expect(refused.json()).toMatchObject({ code: "file_type_not_accepted" });
    expect(await countReports()).toBe(before);
    const recorded = await officer.request({
      method: "POST",
      url: "/api/reports",
      payload: {
        channel: "letter",
        report,
        evidence: [{ fileName: "letter.pdf", contentBase64: pdf.toString("base64") }],
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const [queued] = (await officer.request({ method: "GET", url: "/api/reports?mission=UNFICYP" })).json().items;
    const opened = (await officer.request({ method: "GET", url: `/api/reports/${queued.id}` })).json();
    expect(opened.evidence).toMatchObject([{ fileName: "letter.pdf", contentType: "application/pdf" }]);
    const file = await officer.request({
      method: "GET",
      url: `/api/reports/${queued.id}/evidence/${opened.evidence[0].id}`,
    });
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });
});
