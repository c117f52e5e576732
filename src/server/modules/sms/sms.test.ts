// An SMS conversation end to end against a simulated gateway on localhost: the report and its
// receipt by text message, the officer's message delivered by SMS, the reporter's reply on the case.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { readConfig } from "../../config.js";
import { genericSignature, twilioSignature } from "./gateways.js";
import { forgetOldNumbers, forwardOfficerReplies } from "./service.js";

const SECRET = "a shared secret for the generic gateway";
const TOKEN = "twilio-auth-token-for-tests";
const phone = "+243 81 555 0199";

let t: TestApp;
let gateway: Server;
const delivered: { path: string; body: string; headers: Record<string, unknown> }[] = [];
let failNext = 0;

beforeAll(async () => {
  gateway = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      if (failNext > 0) {
        failNext--;
        response.writeHead(503).end();
        return;
      }
      delivered.push({ path: request.url ?? "", body, headers: request.headers });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  const { port } = gateway.address() as AddressInfo;
  t = await createTestApp({
    sms: {
      ...readConfig({}).sms,
      gateway: "generic",
      genericSecret: SECRET,
      genericUrl: `http://127.0.0.1:${port}/send`,
      twilioAuthToken: TOKEN,
      twilioAccountSid: "AC123",
      from: "+1 212 555 0199",
    },
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => gateway.close(resolve));
});

async function text(message: string, id = crypto.randomUUID(), from = phone) {
  const body = JSON.stringify({ id, from, text: message });
  const response = await t.app.inject({
    method: "POST",
    url: "/api/sms/generic",
    headers: { "content-type": "application/json", "x-conduct-signature": genericSignature(SECRET, body) },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().reply as string;
}

describe("the SMS channel", () => {
  it("leads a reporter to a report and receipt, carries the officer's message out and the reply in", async () => {
    expect(await text("Hello")).toContain("Kiswahili");
    const languages = (await text("9")) as string;
    // The menu numbers the UN's six, then the communities' languages (ln, sg, sw): Kiswahili is 9.
    expect(languages).toBe("Nini kilitokea, wapi na lini? Kiandike katika ujumbe mmoja. Si lazima utaje jina lako.");
    expect(await text("Askari")).toBe("Tafadhali eleza kilichotokea kwa maneno machache zaidi.");
    const organisations = await text("Askari wa kambi ya Katindo aliomba ngono kwa chakula jana usiku.");
    // Who the people work for, in Swahili, the organisations by their short names.
    expect(organisations).toMatch(/^Wanafanya kazi kwa nani\? Jibu kwa namba yake: 1 /);
    const peaceOperations = /(\d+) DOP/.exec(organisations)?.[1] as string;
    expect(peaceOperations).toBeTruthy();
    const missions = await text(peaceOperations);
    expect(missions).toMatch(/MONUSCO/);
    const monusco = /(\d+) MONUSCO/.exec(missions)?.[1] as string;
    expect(await text("99")).toContain("Tafadhali jibu kwa moja ya namba.");
    expect(await text(monusco)).toContain("1 timu ya misheni");
    const repeatedId = crypto.randomUUID();
    const received = await text("1", repeatedId);
    expect(received).toMatch(/^Ripoti imepokelewa\. Risiti yako: [0-9A-Z]{4}(-[0-9A-Z]{4}){3} /);
    // The gateway delivers the same message again: the same answer, and still one report.
    expect(await text("1", repeatedId)).toBe(received);

    const officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const queue = (await officer.request({ method: "GET", url: "/api/reports?mission=MONUSCO" })).json().items as {
      id: string;
      channel: string;
      language: string;
    }[];
    const bySms = queue.filter((item) => item.channel === "sms");
    expect(bySms).toHaveLength(1);
    expect(bySms[0].language).toBe("sw");
    const report = (await officer.request({ method: "GET", url: `/api/reports/${bySms[0].id}` })).json();
    expect(report.whatHappened).toBe("Askari wa kambi ya Katindo aliomba ngono kwa chakula jana usiku.");
    expect(report.route).toBe("mission");
    expect(report.organisationCode).toBe("DPO");

    // The officer writes; the gateway is down once, then the message leaves, once.
    failNext = 1;
    await officer.request({
      method: "POST",
      url: `/api/reports/${bySms[0].id}/messages`,
      payload: { message: "Asante. Je, unaweza kutuambia kikosi chake?" },
    });
    // The reply's own request starts a cycle too, which may hold the message while this one runs:
    // cycles go on until one has got it out past the failure.
    const sendsOut = () => delivered.filter((d) => d.path === "/send");
    for (let cycle = 0; sendsOut().length === 0 && cycle < 40; cycle++) {
      await forwardOfficerReplies(t.app.services);
      if (sendsOut().length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await forwardOfficerReplies(t.app.services);
    expect(failNext).toBe(0);
    const sends = sendsOut();
    expect(sends).toHaveLength(1);
    const sent = JSON.parse(sends[0].body);
    expect(sent).toMatchObject({
      to: "+243815550199",
      text: "Afisa wa maadili: Asante. Je, unaweza kutuambia kikosi chake?",
    });
    expect(sends[0].headers["x-conduct-signature"]).toBe(genericSignature(SECRET, sends[0].body));

    expect(await text("Alikuwa na kofia ya buluu, kikosi cha Kaskazini.")).toBe("Ujumbe wako umepelekwa kwa afisa.");
    const thread = (await officer.request({ method: "GET", url: `/api/reports/${bySms[0].id}` })).json().messages as {
      fromReporter: boolean;
      message: string;
    }[];
    expect(thread.at(-1)).toEqual(
      expect.objectContaining({ fromReporter: true, message: "Alikuwa na kofia ya buluu, kikosi cha Kaskazini." }),
    );
  });

  it("never stores the number in the clear, and forgets it on STOP", async () => {
    await text("Hi", undefined, "+236 72 555 0177");
    const rows = await t.handle.asOwner((owner) =>
      owner.query<Record<string, unknown>>("SELECT * FROM sms_conversations"),
    );
    const stored =
      JSON.stringify(rows) + JSON.stringify(await t.handle.asOwner((o) => o.query("SELECT * FROM sms_messages")));
    expect(stored).not.toContain("555 0177");
    expect(stored).not.toContain("5550177");
    expect(await text("stop", undefined, "+236 72 555 0177")).toContain("Your number is forgotten");
    const [row] = await t.handle.asOwner((owner) =>
      owner.query<{ phone_encrypted: string | null }>(
        "SELECT phone_encrypted FROM sms_conversations ORDER BY created_at DESC LIMIT 1",
      ),
    );
    expect(row.phone_encrypted).toBeNull();
  });

  it("lets go of numbers kept past their time", async () => {
    await t.handle.asOwner((owner) =>
      owner.query("UPDATE sms_conversations SET last_inbound_at = now() - interval '400 days'"),
    );
    expect(await forgetOldNumbers(t.app.services)).toBeGreaterThan(0);
    const kept = await t.handle.asOwner((owner) =>
      owner.query("SELECT 1 FROM sms_conversations WHERE phone_encrypted IS NOT NULL"),
    );
    expect(kept).toHaveLength(0);
  });

  it("refuses a delivery without the gateway's signature, and reads Twilio's format when signed", async () => {
    const forged = await t.app.inject({
      method: "POST",
      url: "/api/sms/generic",
      headers: { "content-type": "application/json", "x-conduct-signature": "sha256=00" },
      payload: JSON.stringify({ from: phone, text: "hello" }),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers["content-type"]).toContain("application/problem+json");

    const fields = { From: "+221 77 555 0100", Body: "Hello", MessageSid: "SM1" };
    const url = `${t.app.services.config.publicUrl}/api/sms/twilio`;
    const signed = await t.app.inject({
      method: "POST",
      url: "/api/sms/twilio",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilioSignature(TOKEN, url, fields),
      },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.headers["content-type"]).toContain("text/xml");
    expect(signed.body).toMatch(/^<\?xml.*<Response><Message>Conduct Ledger: report misconduct/);
    const unsigned = await t.app.inject({
      method: "POST",
      url: "/api/sms/twilio",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(unsigned.statusCode).toBe(403);
  });
});
