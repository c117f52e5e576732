// Intake: public reports with receipts, the follow-up thread, and the intake queue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const report = (overrides: Record<string, unknown> = {}) => ({
  whatHappened: "A peacekeeper offered money for sex near the market.",
  missionCode: "MONUSCO",
  personnelCategoryCodes: ["MIL_MC"],
  nationalityCodes: ["GHA"],
  childrenInvolved: "unknown",
  anonymous: true,
  ...overrides,
});
const submit = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/public/reports", payload: body as object, headers });

describe("public intake", () => {
  it("a report naming a mission that does not exist is refused with a clear problem, and nothing is stored", async () => {
    const countReports = async () =>
      (await t.handle.asOwner((owner) => owner.query<{ n: number }>("SELECT count(*)::int AS n FROM reports")))[0].n;
    const before = await countReports();
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: { whatHappened: "Something happened at the base.", missionCode: "NOSUCHMISSION", anonymous: true },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: "unknown_mission", detail: "Unknown mission code: NOSUCHMISSION." });
    expect(await countReports()).toBe(before);
  });

  it("an anonymous report gets a receipt that follows it up, showing it received", async () => {
    const response = await submit(report());
    expect(response.statusCode).toBe(201);
    const { receipt } = response.json();
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const followUp = await t.app.inject({
      method: "POST",
      url: "/api/public/reports/follow-up",
      payload: { receipt: receipt.toLowerCase().replaceAll("-", " ") },
    });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.json()).toMatchObject({ status: "received", messages: [] });
  });

  it("a retried submission with the same idempotency key returns the same receipt, never a duplicate report", async () => {
    const cds = await t.tokenFor(await t.createStaff("cds_officer"));
    const before = (await cds.request({ method: "GET", url: "/api/reports?limit=200" })).json().items.length;
    const first = await submit(report({ whatHappened: "Retried submission over a poor connection." }), {
      "idempotency-key": "retry-report-000001",
    });
    const second = await submit(report({ whatHappened: "Retried submission over a poor connection." }), {
      "idempotency-key": "retry-report-000001",
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().receipt).toBe(first.json().receipt);
    expect((await cds.request({ method: "GET", url: "/api/reports?limit=200" })).json().items.length).toBe(before + 1);
  });

  it("stores no receipt, address or browser anywhere, and encrypts what the reporter wrote", async () => {
    // With an idempotency key, as the public form always sends: the kept answer holds the receipt.
    const { receipt } = (
      await submit(
        report({
          anonymous: false,
          contact: "+243 81 000 0000",
          whatHappened: "Sensitive words that must be encrypted.",
        }),
        { "user-agent": "Feature-phone/1.0", "idempotency-key": "stored-nowhere-0001" },
      )
    ).json();
    const columns = await t.handle.asOwner((owner) =>
      owner.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name IN ('reports', 'report_messages')",
      ),
    );
    expect(columns.map((c) => c.column_name).filter((name) => /(^|_)ip(_|$)|agent|address/i.test(name))).toEqual([]);
    const tables = await t.handle.asOwner((owner) =>
      owner.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      ),
    );
    const dump = (
      await Promise.all(tables.map(({ name }) => t.handle.asOwner((owner) => owner.query(`SELECT * FROM "${name}"`))))
    )
      .map((rows) => JSON.stringify(rows))
      .join("\n");
    for (const secret of [
      receipt,
      receipt.replaceAll("-", ""),
      "Sensitive words",
      "+243 81 000 0000",
      "Feature-phone",
      "127.0.0.1",
    ])
      expect(dump).not.toContain(secret);
    expect(dump).toContain("enc:v1:");
    // The sealed answer still serves the retry.
    const retried = await submit(
      report({
        anonymous: false,
        contact: "+243 81 000 0000",
        whatHappened: "Sensitive words that must be encrypted.",
      }),
      { "idempotency-key": "stored-nowhere-0001" },
    );
    expect(retried.json().receipt).toBe(receipt);
  });

  it("refuses a report without a way back: anonymous or a contact, not neither", async () => {
    const response = await submit(report({ anonymous: false }));
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: "body.contact", message: "contact_required" }),
    ]);
  });

  it("hostile input gets a 4xx with a clear message, never a 5xx", async () => {
    const cases: [unknown, number][] = [
      [{ ...report(), whatHappened: 42 }, 400],
      [{ ...report(), missionCode: "'; DROP TABLE reports; --" }, 400],
      [{ ...report(), missionCode: "NOSUCHMISSION" }, 400],
      [{ ...report(), incidentDate: "2999-01-01" }, 400],
      // The intake takes up to 45 MB (for evidence), so a long text is refused by its own limit.
      [{ ...report(), whatHappened: "x".repeat(1_100_000) }, 400],
      [{ ...report(), extra: "field" }, 400],
    ];
    for (const [body, status] of cases) {
      const response = await submit(body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
    const wrongEncoding = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      headers: { "content-type": "application/json" },
      payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(wrongEncoding.statusCode).toBe(400);
  });

  it("an unknown receipt answers 404 without saying whether any report exists", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/public/reports/follow-up",
      payload: { receipt: "0000-0000-0000-0000" },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("intake queue and the thread with the reporter", () => {
  it("the mission's CDT officer reads the report and writes to the reporter, who answers through the receipt", async () => {
    const { receipt } = (await submit(report({ whatHappened: "Reported at the MONUSCO base in Goma." }))).json();
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const queue = (await officer.request({ method: "GET", url: "/api/reports?mission=MONUSCO&unlinked=true" })).json()
      .items;
    const item = queue.find((entry: { id: string }) => entry.id);
    expect(item).toMatchObject({ missionCode: "MONUSCO", caseId: null, can: { view: true, reply: true } });
    const full = await officer.request({ method: "GET", url: `/api/reports/${queue[0].id}` });
    expect(full.json().whatHappened).toBe("Reported at the MONUSCO base in Goma.");
    expect(
      (
        await officer.request({
          method: "POST",
          url: `/api/reports/${queue[0].id}/messages`,
          payload: { message: "Thank you. Can you tell us the day it happened?" },
        })
      ).statusCode,
    ).toBe(201);
    const seen = (
      await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } })
    ).json();
    expect(seen.messages).toEqual([
      expect.objectContaining({ fromReporter: false, message: "Thank you. Can you tell us the day it happened?" }),
    ]);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/public/reports/messages",
          payload: { receipt, message: "It was a Tuesday." },
        })
      ).statusCode,
    ).toBe(201);
    const thread = (await officer.request({ method: "GET", url: `/api/reports/${queue[0].id}` })).json().messages;
    expect(thread.map((m: { message: string }) => m.message)).toEqual([
      "Thank you. Can you tell us the day it happened?",
      "It was a Tuesday.",
    ]);
  });

  it("another mission's officer neither lists nor opens the report; a report without mission goes to headquarters only", async () => {
    await submit(report({ missionCode: null, whatHappened: "I do not know which mission they belonged to." }));
    const other = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    const cds = await t.tokenFor(await t.createStaff("cds_officer"));
    const all = (await cds.request({ method: "GET", url: "/api/reports?limit=200" })).json().items;
    expect(all.some((item: { missionCode: string | null }) => item.missionCode === null)).toBe(true);
    expect((await other.request({ method: "GET", url: "/api/reports?limit=200" })).json().items).toEqual([]);
    for (const item of all)
      expect((await other.request({ method: "GET", url: `/api/reports/${item.id}` })).statusCode).toBe(404);
  });

  it("a CBCM focal point records a report for their mission and sees only their own submissions", async () => {
    const focal = await t.createStaff("cbcm_focal_point", { missionCodes: ["MONUSCO"] });
    const client = await t.tokenFor(focal);
    const filed = await client.request({
      method: "POST",
      url: "/api/reports",
      payload: {
        channel: "cbcm",
        report: report({ whatHappened: "Brought by a community member to the complaint network." }),
      },
    });
    expect(filed.statusCode).toBe(201);
    const mine = (await client.request({ method: "GET", url: "/api/reports" })).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: "cbcm", can: { view: true, reply: false } });
    const elsewhere = await client.request({
      method: "POST",
      url: "/api/reports",
      payload: { channel: "cbcm", report: report({ missionCode: "UNMISS" }) },
    });
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe("the follow-up page without JavaScript", () => {
  it("a message form sent twice (a slow link, a double tap) writes the message once", async () => {
    const { receipt } = (
      await submit(report({ whatHappened: "A report to write about from the follow-up page." }))
    ).json();
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const page = await t.app.inject({
      method: "POST",
      url: "/report/follow-up?lang=en",
      headers: form,
      payload: `receipt=${encodeURIComponent(receipt)}`,
    });
    const key = /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(page.body)?.[1] as string;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const send = () =>
      t.app.inject({
        method: "POST",
        url: "/report/follow-up/message?lang=en",
        headers: form,
        payload: `receipt=${encodeURIComponent(receipt)}&idempotencyKey=${key}&message=${encodeURIComponent("Has anyone looked at it?")}`,
      });
    expect((await send()).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(200);
    const thread = (
      await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } })
    ).json().messages;
    expect(thread.map((m: { message: string }) => m.message)).toEqual(["Has anyone looked at it?"]);
  });
});

describe("public rate limits", () => {
  it("too many submissions from one connection are slowed with 429, and the address is not kept", async () => {
    const limited = await createTestApp({ publicRateLimitFactor: 1 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (
            await limited.app.inject({
              method: "POST",
              url: "/api/public/reports",
              remoteAddress: "10.1.2.3",
              payload: report(),
            })
          ).statusCode,
        );
      expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      const other = await limited.app.inject({
        method: "POST",
        url: "/api/public/reports",
        remoteAddress: "10.9.9.9",
        payload: report(),
      });
      expect(other.statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe("from report to case", () => {
  it("an officer opens a case from a report, links a second report to it, and moves it through the workflow", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
    const first = (
      await submit(report({ missionCode: "MINUSCA", whatHappened: "First account of what happened in Bangui." }))
    ).json().receipt;
    await submit(report({ missionCode: "MINUSCA", whatHappened: "A second person describes the same events." }));
    const queue = (await officer.request({ method: "GET", url: "/api/reports?unlinked=true" })).json().items as {
      id: string;
      version: number;
    }[];
    expect(queue).toHaveLength(2);
    const [second, original] = queue;

    const opened = await officer.request({
      method: "POST",
      url: `/api/reports/${original.id}/case`,
      payload: { version: original.version },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().reference).toMatch(/^MINUSCA-\d{4}-\d{4}$/);
    const { caseId } = opened.json();
    const linked = await officer.request({
      method: "POST",
      url: `/api/reports/${second.id}/case`,
      payload: { caseId, version: second.version },
    });
    expect(linked.json()).toEqual({ caseId, reference: opened.json().reference });
    expect(
      (await officer.request({ method: "POST", url: `/api/reports/${second.id}/case`, payload: { version: 2 } })).json()
        .code,
    ).toBe("report_already_linked");
    expect((await officer.request({ method: "GET", url: "/api/reports?unlinked=true" })).json().items).toEqual([]);

    const opened_case = (await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(opened_case).toMatchObject({
      status: "received",
      missionCode: "MINUSCA",
      narrative: "First account of what happened in Bangui.",
    });

    const step = (transition: string, version: number) =>
      officer.request({ method: "POST", url: `/api/cases/${caseId}/transitions`, payload: { transition, version } });
    expect((await step("assess", 1)).json().status).toBe("preliminary_assessment");
    const followUp = () =>
      t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt: first } });
    expect((await followUp()).json().status).toBe("under_review");

    const illegal = await step("recordFindings", 2);
    expect(illegal.statusCode).toBe(422);
    expect(illegal.json()).toMatchObject({ code: "invalid_transition", allowed: ["refer", "close"] });
    const stale = await step("close", 1);
    expect(stale.statusCode).toBe(409);
    const referred = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/referrals`,
      payload: { entity: "member_state", countryCode: "GHA", sentOn: opened_case.dateReported, caseVersion: 2 },
    });
    expect(referred.statusCode).toBe(201);
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status).toBe("referred");
    expect((await followUp()).json().status).toBe("under_investigation");

    const timeline = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/timeline` })).json().items;
    // The case's own steps, with the reports it was built from (their submission and linking) in between.
    expect(timeline.map((e: { action: string; details: { to?: string } }) => e.details.to ?? e.action)).toEqual([
      "report.submit",
      "report.submit",
      "case.create",
      "report.link",
      "report.link",
      "preliminary_assessment",
      "referred",
      "case.refer",
    ]);
    // Each step names who took it; the reporter's submissions name nobody.
    expect(timeline.find((e: { action: string }) => e.action === "case.refer").actorName).toMatch(/^cdt_officer /);
    expect(timeline[0].actorName).toBeNull();
  });

  it("a report like a case already open in its mission is flagged, with the case named, until it joins a case", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
    const queue = async () =>
      (await officer.request({ method: "GET", url: "/api/reports?mission=UNMISS" })).json().items as {
        id: string;
        version: number;
        nationalityCodes: string[];
        personnelCategoryCodes: string[];
        possibleDuplicate: boolean;
      }[];
    await submit(
      report({
        missionCode: "UNMISS",
        nationalityCodes: ["NPL"],
        personnelCategoryCodes: ["POL_FPU"],
        whatHappened: "A police officer at the Juba site asked for sex for food.",
      }),
    );
    const [first] = await queue();
    expect(first.possibleDuplicate).toBe(false);
    const opened = (
      await officer.request({
        method: "POST",
        url: `/api/reports/${first.id}/case`,
        payload: { version: first.version },
      })
    ).json();

    await submit(
      report({
        missionCode: "UNMISS",
        nationalityCodes: ["NPL"],
        personnelCategoryCodes: [],
        whatHappened: "Her neighbour reports the same police officer at the Juba site.",
      }),
    );
    await submit(
      report({
        missionCode: "UNMISS",
        nationalityCodes: ["RWA"],
        personnelCategoryCodes: ["CIV_INT"],
        whatHappened: "A civilian driver in Malakal, another matter entirely.",
      }),
    );
    await submit(
      report({
        missionCode: "MINUSCA",
        nationalityCodes: ["NPL"],
        personnelCategoryCodes: ["POL_FPU"],
        whatHappened: "The same kind of thing, in another mission.",
      }),
    );
    const items = await queue();
    const same = items.find(
      (item) => item.nationalityCodes.join() === "NPL" && item.personnelCategoryCodes.length === 0,
    ) as (typeof items)[number];
    const other = items.find((item) => item.nationalityCodes.join() === "RWA") as (typeof items)[number];
    expect(same.possibleDuplicate).toBe(true);
    expect(other.possibleDuplicate).toBe(false);
    const cds = await t.tokenFor(await t.createStaff("cds_officer"));
    const elsewhere = (await cds.request({ method: "GET", url: "/api/reports?mission=MINUSCA&limit=200" }))
      .json()
      .items.find((item: { nationalityCodes: string[] }) => item.nationalityCodes.join() === "NPL");
    expect(elsewhere.possibleDuplicate).toBe(false);

    const read = (await officer.request({ method: "GET", url: `/api/reports/${same.id}` })).json();
    expect(read.possibleDuplicate).toBe(true);
    expect(read.possibleDuplicates).toEqual([
      {
        caseId: opened.caseId,
        reference: opened.reference,
        dateReported: expect.any(String),
        sameNationality: true,
        sameCategory: false,
      },
    ]);
    await officer.request({
      method: "POST",
      url: `/api/reports/${same.id}/case`,
      payload: { caseId: opened.caseId, version: same.version },
    });
    expect((await queue()).find((item) => item.id === same.id)?.possibleDuplicate).toBe(false);
    expect(
      (await officer.request({ method: "GET", url: `/api/reports/${same.id}` })).json().possibleDuplicates,
    ).toEqual([]);
  });

  it("two reports of the same events both waiting in the queue are flagged, each naming the other", async () => {
    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMIK"] }));
    await submit(
      report({
        missionCode: "UNMIK",
        nationalityCodes: ["SEN"],
        personnelCategoryCodes: ["POL_UNPOL"],
        whatHappened: "An officer at the Pristina station asked for sex to drop a fine.",
      }),
    );
    await submit(
      report({
        missionCode: "UNMIK",
        nationalityCodes: ["SEN"],
        personnelCategoryCodes: [],
        whatHappened: "My cousin says an officer at the station asked her for sex over a fine.",
      }),
    );
    const items = (await officer.request({ method: "GET", url: "/api/reports?mission=UNMIK&unlinked=true" })).json()
      .items as { id: string; possibleDuplicate: boolean }[];
    expect(items.map((item) => item.possibleDuplicate)).toEqual([true, true]);
    const [newer, older] = items;
    const read = (await officer.request({ method: "GET", url: `/api/reports/${newer.id}` })).json();
    expect(read.possibleDuplicates).toEqual([]);
    expect(read.similarReports).toEqual([
      {
        reportId: older.id,
        code: expect.stringMatching(/^R-[0-9A-F]{8}$/),
        receivedAt: expect.any(String),
        sameNationality: true,
        sameCategory: false,
      },
    ]);
  });

  it("a report naming no mission becomes a case only once a mission is chosen", async () => {
    await submit(report({ missionCode: null, whatHappened: "Somewhere in the east, I do not know the mission." }));
    const cds = await t.tokenFor(await t.createStaff("cds_officer"));
    const item = (await cds.request({ method: "GET", url: "/api/reports?unlinked=true&limit=200" }))
      .json()
      .items.find((entry: { missionCode: string | null }) => entry.missionCode === null);
    const refused = await cds.request({
      method: "POST",
      url: `/api/reports/${item.id}/case`,
      payload: { version: item.version },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("mission_required");
    const opened = await cds.request({
      method: "POST",
      url: `/api/reports/${item.id}/case`,
      payload: { version: item.version, missionCode: "MONUSCO" },
    });
    expect(opened.json().reference).toMatch(/^MONUSCO-/);
  });
});
