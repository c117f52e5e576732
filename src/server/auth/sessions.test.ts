// Sessions live in the database: they expire when idle, are shared by every server instance, and
// sign-in attempts are rate limited across instances.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, ORIGIN, type TestApp } from "../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ authRateLimit: { window: 60, max: 3 } });
});
afterAll(() => t.close());

describe("sessions", () => {
  it("a session left idle past the timeout is refused", async () => {
    const officer = await t.createStaff("cds_officer");
    const client = await t.signIn(officer);
    expect((await client.request({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    await t.handle.asOwner((owner) =>
      owner.query(`UPDATE "session" SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [officer.id]),
    );
    const stale = await client.request({ method: "GET", url: "/api/me" });
    expect(stale.statusCode).toBe(401);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
  });

  it("a session made on one server instance works on another", async () => {
    const officer = await t.createStaff("analyst");
    const client = await t.signIn(officer);
    const second = await t.secondInstance();
    try {
      const response = await second.app.inject({ method: "GET", url: "/api/me", headers: client.headers });
      expect(response.statusCode).toBe(200);
      expect(response.json().id).toBe(officer.id);
      const write = await second.app.inject({
        method: "PATCH",
        url: "/api/me/preferences",
        headers: client.headers,
        payload: { language: "ar" },
      });
      expect(write.statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("too many sign-in attempts from one address are slowed down with 429", async () => {
    const officer = await t.createStaff("auditor");
    const attempt = () =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        remoteAddress: "10.9.8.7",
        headers: { origin: ORIGIN },
        payload: { email: officer.email, password: "certainly-wrong" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await attempt();
    expect(limited.headers["content-type"]).toContain("application/problem+json");
    expect(limited.json().code).toBe("too_many_requests");
  });
});
