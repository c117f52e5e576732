// Good practices: the source page's practices are published on first start; a State writes and
// submits its own, headquarters returns or publishes it, and the public sees only what is published.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfFile } from "../../../../test/helpers/files.js";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const publicList = async (query = "") =>
  (await t.app.inject({ method: "GET", url: `/api/public/good-practices${query}` })).json().items as {
    title: string;
    countryCodes: string[];
  }[];

describe("good practices", () => {
  it("the practices shared in 2021 are published and can be filtered and searched", async () => {
    const all = await publicList();
    expect(all).toHaveLength(9);
    expect((await publicList("?country=GHA")).map((p) => p.title)).toEqual([
      "Process to ensure effective national investigations and joint investigations with the Office of Internal Oversight Services",
    ]);
    expect((await publicList("?area=victim_support")).every((p) => p.title.length > 0)).toBe(true);
    expect((await publicList("?q=training")).length).toBeGreaterThanOrEqual(2);
    expect((await publicList("?q=100%25")).length).toBe(0);
  });

  it("a State submits its practice, headquarters returns it with comments, then publishes it", async () => {
    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const india = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "IND" }));
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const body = {
      title: "Pre-deployment vetting of contingent commanders",
      summary: "How Ghana vets commanders before deployment.",
      area: "prevention",
      theme: "Screening",
      countryCodes: ["GHA"],
    };
    expect((await india.request({ method: "POST", url: "/api/good-practices", payload: body })).statusCode).toBe(403);
    const created = await ghana.request({ method: "POST", url: "/api/good-practices", payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await india.request({ method: "GET", url: "/api/good-practices?status=draft" })).json().items).toEqual([]);
    expect(
      (await ghana.request({ method: "POST", url: `/api/good-practices/${id}/steps`, payload: { step: "publish" } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await ghana.request({ method: "POST", url: `/api/good-practices/${id}/steps`, payload: { step: "submit" } })
      ).json().status,
    ).toBe("submitted");
    expect(
      (await hq.request({ method: "POST", url: `/api/good-practices/${id}/steps`, payload: { step: "return" } }))
        .statusCode,
    ).toBe(400);
    const returned = (
      await hq.request({
        method: "POST",
        url: `/api/good-practices/${id}/steps`,
        payload: { step: "return", comment: "Add the vetting criteria." },
      })
    ).json();
    expect(returned).toMatchObject({ status: "returned", reviewComment: "Add the vetting criteria." });
    expect(await publicList("?country=GHA")).toHaveLength(1);
    const edited = await ghana.request({
      method: "PATCH",
      url: `/api/good-practices/${id}`,
      payload: { ...body, summary: "Criteria: record, training, references.", version: returned.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await ghana.request({ method: "POST", url: `/api/good-practices/${id}/steps`, payload: { step: "submit" } });
    const published = await hq.request({
      method: "POST",
      url: `/api/good-practices/${id}/steps`,
      payload: { step: "publish" },
    });
    expect(published.json()).toMatchObject({ status: "published", reviewComment: null });
    expect((await publicList("?country=GHA")).map((p) => p.title)).toContain(
      "Pre-deployment vetting of contingent commanders",
    );
    const again = await hq.request({
      method: "POST",
      url: `/api/good-practices/${id}/steps`,
      payload: { step: "publish" },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().allowed).toEqual(["withdraw"]);
  });
});

describe("a practice's files", () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await pdfFile("A guide to community committees");
  });
  const attach = (client: Awaited<ReturnType<TestApp["tokenFor"]>>, id: string, fileName: string, content: Buffer) =>
    client.request({
      method: "POST",
      url: `/api/good-practices/${id}/files`,
      payload: { fileName, contentBase64: content.toString("base64") },
    });

  it("the sharing State attaches them to its draft; the public gets them once the practice is published", async () => {
    const senegal = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "SEN" }));
    const india = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "IND" }));
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    const id = (
      await senegal.request({
        method: "POST",
        url: "/api/good-practices",
        payload: {
          title: "Community alert committees around camps",
          area: "prevention",
          theme: "Community engagement",
          countryCodes: ["SEN"],
        },
      })
    ).json().id;
    const added = await attach(senegal, id, "../../guide committees.pdf", pdf);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      fileName: "guide committees.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.length,
    });
    const fileId = added.json().id;
    // A script named as a document is refused by its content.
    const refused = await attach(senegal, id, "guide.pdf", Buffer.from("<script>alert(1)</script> not a pdf"));
    expect(refused.json()).toMatchObject({ status: 400, code: "file_type_not_accepted" });
    expect((await attach(india, id, "x.pdf", pdf)).statusCode).toBe(404);
    // A draft's file is not public, nor seen by another State.
    expect((await t.app.inject({ method: "GET", url: `/api/public/good-practices/files/${fileId}` })).statusCode).toBe(
      404,
    );
    expect((await india.request({ method: "GET", url: `/api/good-practices/files/${fileId}` })).statusCode).toBe(404);
    const own = await senegal.request({ method: "GET", url: `/api/good-practices/files/${fileId}` });
    expect(own.rawPayload.equals(pdf)).toBe(true);
    await senegal.request({ method: "POST", url: `/api/good-practices/${id}/steps`, payload: { step: "submit" } });
    expect((await attach(senegal, id, "late.pdf", pdf)).statusCode).toBe(403);
    await hq.request({ method: "POST", url: `/api/good-practices/${id}/steps`, payload: { step: "publish" } });
    const published = await t.app.inject({ method: "GET", url: `/api/public/good-practices/files/${fileId}` });
    expect(published.statusCode).toBe(200);
    expect(published.headers).toMatchObject({
      "content-type": "application/pdf",
      "x-content-type-options": "nosniff",
      "content-disposition": "attachment; filename=\"guide_committees.pdf\"; filename*=UTF-8''guide%20committees.pdf",
    });
    expect((await publicList("?country=SEN"))[0]).toMatchObject({
      files: [{ id: fileId, fileName: "guide committees.pdf" }],
    });
    expect((await t.app.inject({ method: "GET", url: "/data/good-practices?country=SEN" })).body).toContain(
      `/api/public/good-practices/files/${fileId}`,
    );
    expect((await hq.request({ method: "DELETE", url: `/api/good-practices/${id}/files/${fileId}` })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: "GET", url: `/api/public/good-practices/files/${fileId}` })).statusCode).toBe(
      404,
    );
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ action: string }>(
        "SELECT action FROM audit_events WHERE subject_id = $1 AND action LIKE 'good_practice.file%' ORDER BY occurred_at",
        [id],
      ),
    );
    expect(events.map((event) => event.action)).toEqual(["good_practice.file_add", "good_practice.file_remove"]);
  });
});
