// Every write sent again with the same Idempotency-Key — as the web app does when an answer is
// lost on a poor link — is done once, and its first answer replayed; the answer is kept sealed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetOldIdempotencyKeys, IDEMPOTENCY_KEEP_DAYS } from "../src/server/idempotency.js";
import { createTestApp, type TestApp } from "./helpers/app.js";
import { freePort } from "./helpers/free-port.js";

let t: TestApp;
let officer: Awaited<ReturnType<TestApp["tokenFor"]>>;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
});
afterAll(() => t.close());

const activity = (place: string) => ({
  missionCode: "MONUSCO",
  heldOn: "2026-11-02",
  place,
  community: "Market vendors",
  women: 40,
  men: 25,
  girls: 12,
  boys: 8,
  language: "Swahili",
  topics: ["how_to_report"],
  materials: ["leaflets"],
});
const record = (place: string, key?: string) =>
  officer.request({
    method: "POST",
    url: "/api/outreach",
    payload: activity(place),
    headers: key ? { "idempotency-key": key } : {},
  });
const activitiesAt = async (place: string) =>
  Number(
    (
      await t.handle.asOwner((owner) =>
        owner.query<{ n: string }>("SELECT count(*) AS n FROM outreach_activities WHERE place = $1", [place]),
      )
    )[0].n,
  );

describe("idempotent writes", () => {
  it("a write sent again with its key is done once, and the first answer comes back", async () => {
    const first = await record("Bunia market", "lost-answer-000001");
    const again = await record("Bunia market", "lost-answer-000001");
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    expect(await activitiesAt("Bunia market")).toBe(1);
    // Without a key, or with another, it is another write.
    expect((await record("Bunia market")).statusCode).toBe(201);
    expect((await record("Bunia market", "lost-answer-000002")).statusCode).toBe(201);
    expect(await activitiesAt("Bunia market")).toBe(3);
  });

  it("the kept answer is sealed, and a refusal is replayed as it was", async () => {
    const nobody = { ...activity("Nobody reached"), women: 0, men: 0, girls: 0, boys: 0 };
    const send = () =>
      officer.request({
        method: "POST",
        url: "/api/outreach",
        payload: nobody,
        headers: { "idempotency-key": "refused-000001" },
      });
    const refused = await send();
    expect(refused.json().code).toBe("nobody_reached");
    const again = await send();
    expect(again.statusCode).toBe(refused.statusCode);
    expect(again.json()).toEqual(refused.json());
    const kept = JSON.stringify(await t.handle.asOwner((owner) => owner.query("SELECT * FROM idempotency_keys")));
    expect(kept).not.toContain("Bunia market");
    expect(kept).not.toContain("nobody_reached");
    expect(kept).toContain("enc:v1:");
  });

  it("a key used for a different request is refused, and writes nothing", async () => {
    expect((await record("Komanda", "reused-key-000001")).statusCode).toBe(201);
    const other = await record("Mambasa", "reused-key-000001");
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("idempotency_key_reused");
    expect(await activitiesAt("Mambasa")).toBe(0);
  });

  it("a retry arriving while the first is still being answered is told to wait, not written twice", async () => {
    // As if the first request had taken its key and not answered yet.
    await record("Mongbwalu", "in-flight-000001");
    await t.handle.asOwner((owner) =>
      owner.query(
        "UPDATE idempotency_keys SET status_code = 0, response_encrypted = NULL WHERE key = 'in-flight-000001'",
      ),
    );
    const retry = await record("Mongbwalu", "in-flight-000001");
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe("request_in_progress");
    expect(await activitiesAt("Mongbwalu")).toBe(1);
  });

  it("keys older than a week are forgotten", async () => {
    await record("Aru", "old-key-000001");
    const later = new Date(Date.now() + (IDEMPOTENCY_KEEP_DAYS + 1) * 86_400_000);
    expect(await forgetOldIdempotencyKeys(t.app.services.db, later)).toBeGreaterThan(0);
    expect(
      await t.handle.asOwner((owner) => owner.query("SELECT 1 FROM idempotency_keys WHERE key = 'old-key-000001'")),
    ).toEqual([]);
  });

  it("a reporter's message sent again with its key is written once", async () => {
    const { receipt } = (
      await t.app.inject({
        method: "POST",
        url: "/api/public/reports",
        payload: { whatHappened: "A report to write about, twice.", missionCode: "MONUSCO", anonymous: true },
      })
    ).json();
    const send = () =>
      t.app.inject({
        method: "POST",
        url: "/api/public/reports/messages",
        payload: { receipt, message: "Is there any news?" },
        headers: { "idempotency-key": "reporter-message-01" },
      });
    expect((await send()).statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    const thread = (
      await t.app.inject({ method: "POST", url: "/api/public/reports/follow-up", payload: { receipt } })
    ).json().messages;
    expect(thread).toHaveLength(1);
  });

  it("a body read as it arrives (a federation bundle) goes to its route with its key, over a real connection", async () => {
    // Injected requests carry a body that serialises; only a socket's stream showed the fault (500).
    const port = await freePort();
    await t.app.listen({ host: "127.0.0.1", port });
    const admin = await t.tokenFor(await t.createStaff("administrator"));
    const answer = await fetch(`http://127.0.0.1:${port}/api/federation/bundles`, {
      method: "POST",
      headers: { ...admin.headers, "content-type": "application/gzip", "idempotency-key": "bundle-upload-01" },
      body: new Uint8Array([1, 2, 3, 4]),
    });
    // Refused by the route for what it is (not a bundle), not by the key's bookkeeping.
    expect({ status: answer.status, code: (await answer.json()).code }).toEqual({ status: 422, code: "not_a_bundle" });
  });
});
