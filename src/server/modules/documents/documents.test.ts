// A case's documents: notes verbales written from templates, numbered, as PDF and DOCX; a State's
// reply attached on its own referral only; versions kept; bad files refused with nothing stored;
// each referral's correspondence in order; every write and read on the case's trail.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfFile, pdfWithScript } from "../../../../test/helpers/files.js";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { pdfText } from "../../../../test/helpers/pdf-text.js";
import { auditEvents, caseDocuments, cases, referrals } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A referred case of Ghanaian and Rwandan contingent members, referred to both States. */
async function referredCase() {
  const caseId = randomUUID();
  return inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id: caseId,
      reference: `MONUSCO-D-${caseId.slice(0, 8)}`,
      missionCode: "MONUSCO",
      status: "referred",
      dateReported: daysAgo(30),
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["GHA", "RWA"],
      allegationCodes: ["SA"],
    });
    const refer = async (countryCode: string) =>
      (
        await tx
          .insert(referrals)
          .values({ caseId, entity: "member_state", countryCode, sentOn: daysAgo(20), replyDueOn: daysAgo(6) })
          .returning({ id: referrals.id })
      )[0].id;
    return { caseId, ghana: await refer("GHA"), rwanda: await refer("RWA") };
  });
}

const upload = async (kind: string, referralId: string | null, file?: Buffer, seriesId: string | null = null) => ({
  kind,
  referralId,
  seriesId,
  datedOn: daysAgo(2),
  fileName: "reply.pdf",
  contentBase64: (file ?? (await pdfFile())).toString("base64"),
});

describe("notes verbales", () => {
  it("are written from a template, numbered in order, kept on the referral and sent as PDF and DOCX", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const { caseId, ghana } = await referredCase();
    const issue = (template: string, language: string) =>
      officer.request({
        method: "POST",
        url: `/api/referrals/${ghana}/notes-verbales`,
        payload: { template, language, datedOn: daysAgo(19) },
      });
    const first = await issue("notification", "en");
    expect(first.statusCode).toBe(201);
    const second = await issue("reminder", "fr");
    const [a, b] = [first.json().number, second.json().number];
    expect(a).toMatch(/^CDS\/NV\/\d{4}\/\d{4}$/);
    expect(Number(b.slice(-4))).toBe(Number(a.slice(-4)) + 1);

    // The notification's number becomes the referral's reference.
    const listed = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json();
    expect(listed.items.find((r: { id: string }) => r.id === ghana).noteVerbaleReference).toBe(a);

    const pdf = await officer.request({
      method: "GET",
      url: `/api/case-documents/${first.json().id}/content?format=pdf`,
    });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain(encodeURIComponent(`${a.replaceAll("/", "-")}.pdf`));
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(a);
    expect(text).toContain("Permanent Mission of Ghana");
    expect(text).toContain("National Investigation Officer");
    expect(text).not.toContain("undefined");

    const docx = await officer.request({
      method: "GET",
      url: `/api/case-documents/${second.json().id}/content?format=docx`,
    });
    const words = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")?.async("string");
    // The reminder, in French, names the note it follows and the State with its article.
    expect(words).toContain(b);
    expect(words).toContain(`sa note ${a}`);
    expect(words).toContain("Mission permanente du Ghana");
    expect(words).toContain("Atteinte sexuelle");

    const asFile = await officer.request({ method: "GET", url: `/api/case-documents/${first.json().id}/content` });
    expect(asFile.statusCode).toBe(400);
    expect(asFile.json().code).toBe("format_not_available");
  });

  it("go only to a State, from the officers who refer, dated on or after the referral", async () => {
    const { caseId, ghana } = await referredCase();
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const early = await officer.request({
      method: "POST",
      url: `/api/referrals/${ghana}/notes-verbales`,
      payload: { template: "notification", language: "en", datedOn: daysAgo(25) },
    });
    expect(early.json().code).toBe("dated_before_referral");
    const [oios] = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .insert(referrals)
        .values({ caseId, entity: "oios", sentOn: daysAgo(3) })
        .returning({ id: referrals.id }),
    );
    const toOios = await officer.request({
      method: "POST",
      url: `/api/referrals/${oios.id}/notes-verbales`,
      payload: { template: "notification", language: "en", datedOn: daysAgo(1) },
    });
    expect(toOios.json().code).toBe("not_a_state_referral");
    const state = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const byState = await state.request({
      method: "POST",
      url: `/api/referrals/${ghana}/notes-verbales`,
      payload: { template: "notification", language: "en", datedOn: daysAgo(1) },
    });
    expect(byState.statusCode).toBe(403);
  });
});

describe("case documents", () => {
  it("a State attaches its reply on its own referral and sees nothing of another State's", async () => {
    const { caseId, ghana, rwanda } = await referredCase();
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const toRwanda = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("note_verbale", rwanda),
    });
    expect(toRwanda.statusCode).toBe(201);
    const internal = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("investigation_report", null),
    });
    expect(internal.statusCode).toBe(201);

    const ghanaToken = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const reply = await ghanaToken.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("reply", ghana),
    });
    expect(reply.statusCode).toBe(201);
    const onRwanda = await ghanaToken.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("reply", rwanda),
    });
    expect(onRwanda.json().code).toBe("referral_not_on_case");
    const notAReply = await ghanaToken.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("other", ghana),
    });
    expect(notAReply.statusCode).toBe(403);

    const seen = (await ghanaToken.request({ method: "GET", url: `/api/cases/${caseId}/documents` })).json();
    expect(seen.items.map((d: { referralId: string }) => d.referralId)).toEqual([ghana]);
    expect(seen.items[0].versions[0].byName).toBeNull();
    for (const hidden of [toRwanda.json().id, internal.json().id]) {
      const read = await ghanaToken.request({ method: "GET", url: `/api/case-documents/${hidden}/content` });
      expect(read.statusCode).toBe(404);
    }
    // Its history shows the documents of its own referral only.
    const timeline = (await ghanaToken.request({ method: "GET", url: `/api/cases/${caseId}/timeline` })).json().items;
    const documentEvents = timeline.filter((e: { action: string }) => e.action === "case.document.attach");
    expect(documentEvents.map((e: { details: { referralId: string } }) => e.details.referralId)).toEqual([ghana]);
    const ownReply = await ghanaToken.request({ method: "GET", url: `/api/case-documents/${reply.json().id}/content` });
    expect(ownReply.statusCode).toBe(200);
    expect(ownReply.headers["content-type"]).toBe("application/pdf");
    expect(ownReply.headers["content-security-policy"]).toContain("sandbox");

    // The whole case's documents for the officer, with who attached each.
    const all = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/documents` })).json();
    expect(all.items).toHaveLength(3);
    expect(all.can).toEqual({ attach: true, writeNoteVerbale: true });
    expect(all.items.find((d: { kind: string }) => d.kind === "reply").direction).toBe("received");
  });

  it("keeps every version, and a new version keeps its document's kind and referral", async () => {
    const { caseId, ghana } = await referredCase();
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const first = (
      await officer.request({
        method: "POST",
        url: `/api/cases/${caseId}/documents`,
        payload: await upload("reply", ghana),
      })
    ).json();
    const second = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("reply", ghana, await pdfFile("Corrected"), first.seriesId),
    });
    expect(second.json()).toMatchObject({ seriesId: first.seriesId, version: 2 });
    const mismatch = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("other", null, undefined, first.seriesId),
    });
    expect(mismatch.json().code).toBe("version_mismatch");
    const listed = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/documents` })).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0].versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(listed.items[0].versions[0].sha256).not.toBe(listed.items[0].versions[1].sha256);
  });

  it("refuses a file that acts or is not a document, and stores nothing", async () => {
    const { caseId } = await referredCase();
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    for (const [file, code] of [
      [html, "file_type_not_accepted"],
      [await pdfWithScript(), "file_active_content"],
    ] as const) {
      const refused = await officer.request({
        method: "POST",
        url: `/api/cases/${caseId}/documents`,
        payload: await upload("other", null, file),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe(code);
    }
    const kept = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.select().from(caseDocuments).where(eq(caseDocuments.caseId, caseId)),
    );
    expect(kept).toEqual([]);
  });

  it("a referral's correspondence reads in order, and the case's trail and history name each document", async () => {
    const { caseId, ghana } = await referredCase();
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const note = await officer.request({
      method: "POST",
      url: `/api/referrals/${ghana}/notes-verbales`,
      payload: { template: "notification", language: "en", datedOn: daysAgo(19) },
    });
    await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: await upload("reply", ghana),
    });
    const referral = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/referrals` })).json().items[0];
    await officer.request({
      method: "PATCH",
      url: `/api/referrals/${ghana}/reply`,
      payload: { reply: "will_investigate", repliedOn: daysAgo(1), version: referral.version },
    });
    const log = (await officer.request({ method: "GET", url: `/api/referrals/${ghana}/correspondence` })).json();
    expect(log.items.map((e: { kind: string }) => e.kind)).toEqual([
      "referral",
      "note_verbale",
      "reply",
      "reply_recorded",
    ]);
    expect(log.items[1]).toMatchObject({ direction: "sent", number: note.json().number, formats: ["pdf", "docx"] });
    expect(log.items[2]).toMatchObject({ direction: "received", fileName: "reply.pdf", formats: ["file"] });

    await officer.request({ method: "GET", url: `/api/case-documents/${note.json().id}/content?format=docx` });
    const trail = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.subjectId, caseId)),
    );
    const actions = trail.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "case.note_verbale.issue",
        "case.document.attach",
        "case.document.read",
        "case.documents.read",
      ]),
    );
    const history = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/timeline` })).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["case.note_verbale.issue", "case.document.attach"]),
    );
  });
});

describe("the printable case summary", () => {
  it("holds what the reader may see: the officer the narrative and every referral, a State neither", async () => {
    const { caseId } = await referredCase();
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const patched = await officer.request({
      method: "PATCH",
      url: `/api/cases/${caseId}`,
      payload: { narrative: "A soldier asked a girl for sex at the water point.", version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const officerPdf = await officer.request({ method: "GET", url: `/api/cases/${caseId}/summary?language=en` });
    expect(officerPdf.headers["content-type"]).toBe("application/pdf");
    const officerText = await pdfText(officerPdf.rawPayload);
    expect(officerText).toContain("Case summary");
    expect(officerText).toContain("water point");
    expect(officerText).toContain("Rwanda");
    expect(officerText).toContain("Ghana");

    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const statePdf = await ghana.request({ method: "GET", url: `/api/cases/${caseId}/summary?language=fr` });
    const stateText = await pdfText(statePdf.rawPayload);
    expect(stateText).toContain("Résumé du dossier");
    expect(stateText).toContain("Ghana");
    expect(stateText).not.toContain("water point");
    expect(stateText).not.toContain("Rwanda");

    const arabic = await officer.request({ method: "GET", url: `/api/cases/${caseId}/summary?language=ar` });
    expect(arabic.statusCode).toBe(200);
    expect(await pdfText(arabic.rawPayload)).toContain("MONUSCO-D-");
    // Every UN language, in the staff app's own words: Chinese with a font that has its glyphs.
    for (const [language, title] of [
      ["zh", "案件摘要"],
      ["ru", "Сводка по делу"],
      ["es", "Resumen del caso"],
    ]) {
      const summary = await officer.request({
        method: "GET",
        url: `/api/cases/${caseId}/summary?language=${language}`,
      });
      expect(await pdfText(summary.rawPayload), language).toContain(title);
    }
    const printed = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.subjectId, caseId)),
    );
    expect(printed.filter((event) => event.action === "case.summary.print")).toHaveLength(6);
  });
});
