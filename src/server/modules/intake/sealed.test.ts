// Reports written offline reach the server sealed to its key: opened, checked and recorded like
// any staff report, once under their idempotency key; a damaged envelope, one sealed to another
// key or one holding no valid report is refused with its reason and nothing is stored.
import { createECDH } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealJson, type SealingKey } from "../../../domain/sealing.js";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { pngFile } from "../../../../test/helpers/files.js";

let t: TestApp;
let officer: Awaited<ReturnType<TestApp["tokenFor"]>>;
let serverKey: SealingKey;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  serverKey = (await officer.request({ method: "GET", url: "/api/reports/sealing-key" })).json();
});
afterAll(() => t.close());

const report = (whatHappened: string) => ({
  channel: "in_person",
  report: { whatHappened, missionCode: "MONUSCO", place: "Bunia, market", anonymous: true },
});
const countReports = async () =>
  (await t.handle.asOwner((owner) => owner.query<{ n: number }>("SELECT count(*)::int AS n FROM reports")))[0].n;
const send = (body: unknown, key: string) =>
  officer.request({
    method: "POST",
    url: "/api/reports/sealed",
    payload: body as object,
    headers: { "idempotency-key": key },
  });

describe("sealed reports", () => {
  it("are opened and recorded once under their key, with their files, and say nothing on the way", async () => {
    const photo = await pngFile("sealed-photo-MARKER");
    const body = {
      report: await sealJson(serverKey, report("A peacekeeper asked for sex for food at the market. SEALED-MARKER")),
      evidence: [await sealJson(serverKey, { fileName: "market.png", contentBase64: photo.toString("base64") })],
    };
    expect(JSON.stringify(body)).not.toContain("SEALED-MARKER");
    expect(JSON.stringify(body)).not.toContain("market.png");

    const first = await send(body, "offline-report-0001");
    expect(first.statusCode, first.body).toBe(201);
    // The link dropped before the answer: the same envelope again gives the same receipt.
    const again = await send(body, "offline-report-0001");
    expect(again.statusCode).toBe(200);
    expect(again.json().receipt).toBe(first.json().receipt);

    const { items } = (await officer.request({ method: "GET", url: "/api/reports?mission=MONUSCO" })).json();
    expect(items).toHaveLength(1);
    const stored = (await officer.request({ method: "GET", url: `/api/reports/${items[0].id}` })).json();
    expect(stored.whatHappened).toContain("SEALED-MARKER");
    expect(stored.channel).toBe("in_person");
    expect(stored.evidence.map((file: { fileName: string }) => file.fileName)).toEqual(["market.png"]);
  });

  it("refuse a changed byte, another server's key and a report without words, storing nothing", async () => {
    const before = await countReports();
    const sealed = await sealJson(serverKey, report("Tampered on the way."));
    const flipped = Buffer.from(sealed.ciphertext, "base64");
    flipped[3] ^= 1;
    const damaged = await send({ report: { ...sealed, ciphertext: flipped.toString("base64") } }, "offline-bad-0001");
    expect(damaged.statusCode).toBe(400);
    expect(damaged.json().code).toBe("sealed_report_damaged");

    const elsewhere = createECDH("prime256v1");
    elsewhere.generateKeys();
    const otherKey = { keyId: "0123456789abcdef", publicKey: elsewhere.getPublicKey().toString("base64") };
    const foreign = await send(
      { report: await sealJson(otherKey, report("Sealed to another server.")) },
      "offline-bad-0002",
    );
    expect(foreign.json().code).toBe("sealing_key_unknown");
    // The right id on another key's envelope does not open either.
    const lying = await send(
      { report: { ...(await sealJson(otherKey, report("Lies about its key."))), keyId: serverKey.keyId } },
      "offline-bad-0003",
    );
    expect(lying.json().code).toBe("sealed_report_damaged");

    const empty = await send({ report: await sealJson(serverKey, report("")) }, "offline-bad-0004");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((error: { path: string }) => error.path)).toContain("report.report.whatHappened");
    expect(await countReports()).toBe(before);
  });

  it("keep the caller's scope: another mission's officer cannot record through a sealed report", async () => {
    const content = report("A report about another mission's contingent.");
    const body = {
      report: await sealJson(serverKey, { ...content, report: { ...content.report, missionCode: "UNMISS" } }),
    };
    const refused = await send(body, "offline-scope-0001");
    expect(refused.statusCode, refused.body).toBe(403);
  });
});
