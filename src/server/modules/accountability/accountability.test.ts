// Member State accountability: the whole scorecard for headquarters and the State's own focal point
// (audited), the comparison for headquarters, the published part for everyone.
import { randomUUID } from "node:crypto";
import { pdfText } from "../../../../test/helpers/pdf-text.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { caseActions, cases, findings, investigations, perpetrators, referrals } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
const [childCase, exploitationCase, nepalCase] = [randomUUID(), randomUUID(), randomUUID()];

beforeAll(async () => {
  t = await createTestApp();
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values([
      {
        id: childCase,
        reference: "UNMISS-2024-0101",
        missionCode: "UNMISS",
        dateReported: "2024-03-04",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SA_MINOR"],
        publishedAt: new Date(),
      },
      {
        id: exploitationCase,
        reference: "UNMISS-2025-0102",
        missionCode: "UNMISS",
        dateReported: "2025-01-10",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      },
      {
        id: nepalCase,
        reference: "UNMISS-2025-0103",
        missionCode: "UNMISS",
        dateReported: "2025-02-10",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["NPL"],
        allegationCodes: ["SE_SOLICITATION"],
      },
    ]);
    const [soldier] = await tx
      .insert(perpetrators)
      .values({ caseId: childCase, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" })
      .returning();
    const [other] = await tx
      .insert(perpetrators)
      .values({ caseId: exploitationCase, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" })
      .returning();
    await tx
      .insert(perpetrators)
      .values({ caseId: nepalCase, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "NPL" });
    await tx.insert(referrals).values([
      {
        caseId: childCase,
        entity: "member_state",
        countryCode: "GHA",
        sentOn: "2024-03-05",
        replyDueOn: "2024-03-19",
        repliedOn: "2024-03-12",
        nioAppointedOn: "2024-03-20",
        policyVersion: "default-1",
      },
      {
        caseId: exploitationCase,
        entity: "member_state",
        countryCode: "GHA",
        sentOn: "2025-01-12",
        replyDueOn: "2025-01-26",
        repliedOn: "2025-02-20",
        policyVersion: "default-1",
      },
      {
        caseId: nepalCase,
        entity: "member_state",
        countryCode: "NPL",
        sentOn: "2025-02-11",
        replyDueOn: "2025-02-25",
        repliedOn: "2025-02-20",
        policyVersion: "default-1",
      },
    ]);
    const [first] = await tx
      .insert(investigations)
      .values({
        caseId: childCase,
        entity: "nio",
        countryCode: "GHA",
        startedOn: "2024-03-20",
        completedOn: "2024-05-19",
        dueOn: "2024-06-18",
        deadlineKind: "investigation_sea",
        policyVersion: "default-1",
      })
      .returning();
    const [second] = await tx
      .insert(investigations)
      .values({
        caseId: exploitationCase,
        entity: "nio",
        countryCode: "GHA",
        startedOn: "2025-02-20",
        completedOn: "2025-09-18",
        dueOn: "2025-05-21",
        deadlineKind: "investigation_sea",
        policyVersion: "default-1",
      })
      .returning();
    await tx.insert(findings).values([
      {
        caseId: childCase,
        investigationId: first.id,
        perpetratorId: soldier.id,
        finding: "substantiated",
        recordedOn: "2024-05-19",
      },
      {
        caseId: exploitationCase,
        investigationId: second.id,
        perpetratorId: other.id,
        finding: "substantiated",
        recordedOn: "2025-09-18",
      },
    ]);
    // A child abused, and only a reprimand: the penalty table shows it beside the gravity.
    await tx.insert(caseActions).values({
      caseId: childCase,
      perpetratorId: soldier.id,
      stage: "final",
      takenBy: "member_state",
      kind: "reprimand",
      decidedOn: "2024-07-01",
    });
  });
});
afterAll(() => t.close());

describe("Member State accountability", () => {
  it("headquarters sees a country's whole scorecard, audited, and as a PDF", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const response = await officer.request({ method: "GET", url: "/api/accountability/GHA" });
    expect(response.statusCode, response.body).toBe(200);
    const card = response.json();
    expect(card.allegationsByYear).toEqual([{ key: "2024", count: 1 }]);
    expect(card.allRecordedByYear).toEqual([
      { key: "2024", count: 1 },
      { key: "2025", count: 1 },
    ]);
    expect(card.measures.repliesOnTime).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(card.measures.nioAppointment).toEqual({ appointed: 1, notAppointed: 1, medianDays: 15 });
    expect(card.measures.investigations).toMatchObject({
      completed: 2,
      open: 0,
      medianDays: 60,
      p90Days: 210,
      withinDeadline: { count: 1, of: 2, share: 0.5 },
    });
    expect(card.measures.substantiatedWithFinalAction).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(card.measures.penalties).toEqual([
      { severity: "child_or_rape", substantiated: 1, actions: { reprimand: 1 }, noAction: 0 },
      { severity: "sexual_exploitation", substantiated: 1, actions: {}, noAction: 1 },
    ]);
    const pdf = await officer.request({ method: "GET", url: "/api/accountability/GHA?format=pdf&lang=fr" });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    // In Arabic too, in its own words: the scorecard's title and Ghana as the UN writes it.
    const arabic = await officer.request({ method: "GET", url: "/api/accountability/GHA?format=pdf&lang=ar" });
    expect(arabic.statusCode).toBe(200);
    const text = await pdfText(arabic.rawPayload);
    expect(text).toContain("غانا");
    expect(text).toContain("مساءلة");
    expect(text).not.toContain("Member State accountability");
    for (const [language, title, ghana] of [
      ["zh", "会员国问责", "加纳"],
      ["ru", "Подотчетность государств-членов", "Гана"],
      ["es", "Rendición de cuentas de los Estados Miembros", "Ghana"],
    ]) {
      const card = await officer.request({ method: "GET", url: `/api/accountability/GHA?format=pdf&lang=${language}` });
      const words = await pdfText(card.rawPayload);
      expect(words, language).toContain(title);
      expect(words, language).toContain(ghana);
    }
    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ subject_id: string; actor_role: string }>(
        "SELECT subject_id, actor_role FROM audit_events WHERE action = 'accountability.view' LIMIT 1",
      ),
    );
    expect(event).toEqual({ subject_id: "GHA", actor_role: "cds_officer" });
    const compared = (await officer.request({ method: "GET", url: "/api/accountability" })).json() as {
      countryCode: string;
      allegations: number;
    }[];
    expect(compared.map((row) => [row.countryCode, row.allegations])).toEqual([
      ["GHA", 2],
      ["NPL", 1],
    ]);
  });

  it("a State's focal point sees its own scorecard only; others see the published part", async () => {
    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    expect(
      (await ghana.request({ method: "GET", url: "/api/accountability/GHA" })).json().measures.repliesOnTime.of,
    ).toBe(2);
    expect((await ghana.request({ method: "GET", url: "/api/accountability/NPL" })).statusCode).toBe(403);
    expect((await ghana.request({ method: "GET", url: "/api/accountability" })).statusCode).toBe(403);
    const analyst = await t.tokenFor(await t.createStaff("analyst"));
    expect((await analyst.request({ method: "GET", url: "/api/accountability/GHA" })).statusCode).toBe(403);
    const published = await t.app.inject({ method: "GET", url: "/api/public/member-states/GHA" });
    expect(published.json()).toEqual({
      countryCode: "GHA",
      allegationsByYear: [{ key: "2024", count: 1 }],
      investigations: [{ key: "substantiated", count: 1, medianDays: 60 }],
      finalActions: [{ key: "reprimand", count: 1 }],
      command: [],
    });
    expect(published.body).not.toContain("repliesOnTime");
    expect((await t.app.inject({ method: "GET", url: "/api/public/member-states" })).json()).toContainEqual({
      countryCode: "GHA",
      allegations: 1,
      substantiated: 1,
      substantiatedWithFinalAction: 1,
      medianInvestigationDays: 60,
    });
    const page = await t.app.inject({ method: "GET", url: "/data/member-states/GHA?lang=fr" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<h1>Ghana</h1>");
    expect(page.body).toContain("Blâme");
    expect((await t.app.inject({ method: "GET", url: "/data/member-states?lang=es" })).body).toContain(
      'href="/data/member-states/GHA"',
    );
    expect((await t.app.inject({ method: "GET", url: "/data/member-states/XYZ" })).statusCode).toBe(404);
  });
});
