// Logs are for operators: they never carry passwords, tokens, cookies, email addresses, names or
// client addresses, whatever the request contained.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { loggerOptions } from "./logging.js";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { logger: { ...loggerOptions("trace"), stream: sink } });
});
afterAll(() => t.close());

describe("logs", () => {
  it("hold no secrets and no personal data from sign-in, account creation and API calls", async () => {
    const admin = await t.createStaff("administrator");
    const session = await t.signIn(admin);
    await session.request({
      method: "POST",
      url: "/api/users?note=secret.query@test.conduct.org",
      payload: {
        email: "logged.person@test.conduct.org",
        name: "Aïssatou Logged",
        role: "analyst",
        password: "a-very-private-password",
      },
    });
    const bearer = await t.tokenFor(admin);
    await bearer.request({ method: "GET", url: "/api/users" });
    await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: "http://127.0.0.1:3000" },
      payload: { email: admin.email, password: "wrong-password-typed" },
    });

    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [
      admin.email,
      admin.password,
      "logged.person@test.conduct.org",
      "Aïssatou",
      "a-very-private-password",
      "wrong-password-typed",
      "secret.query",
      "127.0.0.1",
      bearer.headers.authorization.slice(7),
      session.headers.cookie.split("=")[1].slice(0, 20),
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
