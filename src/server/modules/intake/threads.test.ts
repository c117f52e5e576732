// Threads that arrive: a reporter's message on a report already part of a case reaches the case's
// officers (mark, notification, email), and reading it clears the mark for that person only.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { startSmtpSink } from "../../../../test/helpers/smtp-sink.js";
import { sendPendingEmail } from "../deadlines/reminders.js";

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
const plea = "He came back yesterday and threatened her. Please help";

/** A public report on a mission, made into a case by the mission's officer; answers the receipt and case. */
async function reportInACase(missionCode: string, officer: Client, extra: Record<string, unknown> = {}) {
  const receipt = (
    await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        whatHappened: "A soldier threatened a woman near the water point at Katindo.",
        missionCode,
        place: "Goma, Katindo camp",
        childrenInvolved: "yes",
        anonymous: true,
        ...extra,
      },
    })
  ).json().receipt as string;
  const [queued] = (
    await officer.request({ method: "GET", url: `/api/reports?mission=${missionCode}&unlinked=true` })
  ).json().items as { id: string; version: number }[];
  const linked = await officer.request({
    method: "POST",
    url: `/api/reports/${queued.id}/case`,
    payload: { version: queued.version },
  });
  return { receipt, reportId: queued.id, ...(linked.json() as { caseId: string; reference: string }) };
}

const writeAsReporter = (receipt: string, message: string, key?: string, app = t.app) =>
  app.inject({
    method: "POST",
    url: "/api/public/reports/messages",
    payload: { receipt, message },
    headers: key ? { "idempotency-key": key } : {},
  });

describe("threads that arrive", () => {
  it("the reporter's message on a linked report is marked new on the queue, the case list and the case, until each officer reads it", async () => {
    const first = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    const second = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    const ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
    const { receipt, reportId, caseId, reference } = await reportInACase("UNMISS", first);

    const opened = (await first.request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(opened).toMatchObject({ place: "Goma, Katindo camp", childrenInvolved: "yes", unreadMessages: false });

    expect((await writeAsReporter(receipt, plea)).statusCode).toBe(201);

    for (const officer of [first, second]) {
      const unread = (await officer.request({ method: "GET", url: "/api/reports?unread=true" })).json().items;
      expect(unread.map((item: { id: string }) => item.id)).toEqual([reportId]);
      expect(unread[0]).toMatchObject({ unread: true, caseReference: reference, place: "Goma, Katindo camp" });
      const listed = (await officer.request({ method: "GET", url: "/api/cases?mission=UNMISS" })).json().items;
      expect(listed.find((item: { id: string }) => item.id === caseId).unreadMessages).toBe(true);
      const inbox = (await officer.request({ method: "GET", url: "/api/notifications" })).json();
      expect(inbox.items).toContainEqual(
        expect.objectContaining({ kind: "reporter_message", caseId, caseReference: reference, read: false }),
      );
    }

    // The first officer reads the case's reports and their threads: the message is there, and now read.
    const sources = (await first.request({ method: "GET", url: `/api/cases/${caseId}/reports` })).json().items;
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ id: reportId, unread: true, place: "Goma, Katindo camp" });
    expect(sources[0].messages.map((m: { message: string }) => m.message)).toEqual([plea]);
    expect((await first.request({ method: "GET", url: `/api/cases/${caseId}` })).json().unreadMessages).toBe(false);
    expect((await first.request({ method: "GET", url: "/api/reports?unread=true" })).json().items).toEqual([]);
    const firstInbox = (await first.request({ method: "GET", url: "/api/notifications" })).json();
    expect(firstInbox.items.find((item: { kind: string }) => item.kind === "reporter_message").read).toBe(true);

    // The second officer has not read it yet; the Member State never sees reports or their threads.
    expect((await second.request({ method: "GET", url: `/api/cases/${caseId}` })).json().unreadMessages).toBe(true);
    expect((await ghana.request({ method: "GET", url: `/api/cases/${caseId}/reports` })).statusCode).toBe(404);

    // The officer's answer keeps the thread read for them; a new message from the reporter marks it again.
    await first.request({
      method: "POST",
      url: `/api/reports/${reportId}/messages`,
      payload: { message: "We hear you." },
    });
    expect((await first.request({ method: "GET", url: `/api/cases/${caseId}` })).json().unreadMessages).toBe(false);
    await writeAsReporter(receipt, "Thank you. He is still at the camp.");
    expect((await first.request({ method: "GET", url: `/api/cases/${caseId}` })).json().unreadMessages).toBe(true);
  });

  it("a notification for a new message is raised once, even sent twice to two server instances, and emailed once", async () => {
    const staff = await t.createStaff("cdt_officer", { missionCodes: ["UNFICYP"] });
    const officer = await t.tokenFor(staff);
    const { receipt, reference } = await reportInACase("UNFICYP", officer);
    const second = await t.secondInstance();
    try {
      const key = "message-key-0001";
      const answers = await Promise.all([
        writeAsReporter(receipt, plea, key),
        writeAsReporter(receipt, plea, key, second.app),
      ]);
      // One of the two may be told the first is still being answered; neither writes a second message.
      expect(answers.some((answer) => answer.statusCode === 201)).toBe(true);
      for (const answer of answers) expect([201, 409]).toContain(answer.statusCode);
      await writeAsReporter(receipt, plea, key);

      const thread = (
        await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } })
      )
        .json()
        .messages.filter((m: { fromReporter: boolean }) => m.fromReporter);
      expect(thread).toHaveLength(1);
      const mine = (await officer.request({ method: "GET", url: "/api/notifications" })).json().items;
      expect(mine.filter((item: { kind: string }) => item.kind === "reporter_message")).toHaveLength(1);

      const transports = [nodemailer.createTransport(sink.url), nodemailer.createTransport(sink.url)];
      await Promise.all([
        sendPendingEmail(t.app.services, transports[0]),
        sendPendingEmail(second.app.services, transports[1]),
      ]);
      for (const transport of transports) transport.close();
      const mail = sink.received.filter((message) => message.to.includes(staff.email));
      expect(mail).toHaveLength(1);
      expect(mail[0].raw).toContain(reference);
      // The email names the case and links to it; the reporter's words stay in the application.
      expect(mail[0].raw).not.toContain("threatened");
    } finally {
      await second.close();
    }
  });

  it("the queue shows what to triage on: an excerpt, the place, type and urgency, and filters and searches them", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINURSO"] }));
    const file = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: "/api/public/reports",
        payload: { missionCode: "MINURSO", anonymous: true, ...payload },
      });
    await file({
      whatHappened: "A driver from the logistics base asked for money to deliver the food parcels.",
      kind: "other_misconduct",
    });
    await file({
      whatHappened: "Un soldat a agressé une femme près du puits de la Réunion hier soir.",
      place: "Quartier de la Réunion",
      kind: "sea",
      needs: ["medical"],
      incidentDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    });
    const queue = async (query: string) =>
      (await officer.request({ method: "GET", url: `/api/reports?mission=MINURSO&${query}` })).json().items as {
        excerpt: string;
        kind: string;
        urgency: string;
        place: string | null;
        code: string;
      }[];
    const waiting = await queue("unlinked=true");
    // Not yet in a case, the most urgent comes first.
    expect(waiting.map((item) => [item.kind, item.urgency])).toEqual([
      ["sea", "urgent"],
      ["other_misconduct", "routine"],
    ]);
    expect(waiting[0].excerpt).toMatch(/^Un soldat a agressé/);
    expect(waiting[0].place).toBe("Quartier de la Réunion");
    expect((await queue("kind=other_misconduct")).map((item) => item.excerpt)).toEqual([waiting[1].excerpt]);
    expect((await queue("urgency=urgent")).map((item) => item.code)).toEqual([waiting[0].code]);
    // Words are found whatever their case and accents, in what happened or the place; a code finds its report.
    expect((await queue("q=reunion%20PUITS")).map((item) => item.code)).toEqual([waiting[0].code]);
    expect((await queue("q=food%20parcels")).map((item) => item.code)).toEqual([waiting[1].code]);
    expect((await queue(`q=${waiting[1].code}`)).map((item) => item.code)).toEqual([waiting[1].code]);
    expect(await queue("q=helicopter")).toEqual([]);
  });
});
