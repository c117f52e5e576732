// Hostile input on every public route: oversized, wrong types, script tags, SQL fragments, bad
// encodings and path tricks get a 4xx with a clear message (or are stored as plain text), never a
// 5xx, and whatever a page shows back is escaped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/app.js";

let t: TestApp;
let receipt = "";
beforeAll(async () => {
  t = await createTestApp();
  receipt = (
    await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: { whatHappened: "A report to follow up on.", anonymous: true },
    })
  ).json().receipt;
});
afterAll(() => t.close());

const script = "<script>alert(1)</script>";
const sql = "'; DROP TABLE reports; --";
const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };

interface Attempt {
  name: string;
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  /** Accepted answers; everything else (above all a 5xx) fails. */
  expect: number[];
}

const attempts: Attempt[] = [
  {
    name: "JSON intake: wrong types",
    method: "POST",
    url: "/api/public/reports",
    headers: json,
    payload: JSON.stringify({ whatHappened: 42, anonymous: "perhaps", missionCode: ["MONUSCO"] }),
    expect: [400],
  },
  {
    name: "JSON intake: a prototype-pollution key",
    method: "POST",
    url: "/api/public/reports",
    headers: json,
    payload: '{"whatHappened":"Something happened here.","anonymous":true,"__proto__":{"admin":true}}',
    expect: [400],
  },
  {
    name: "JSON intake: deeply nested",
    method: "POST",
    url: "/api/public/reports",
    headers: json,
    payload: `${"[".repeat(5000)}${"]".repeat(5000)}`,
    expect: [400],
  },
  {
    name: "JSON intake: not UTF-8",
    method: "POST",
    url: "/api/public/reports",
    headers: json,
    payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    expect: [400],
  },
  {
    name: "JSON intake: 2 MB of text",
    method: "POST",
    url: "/api/public/reports",
    headers: json,
    payload: JSON.stringify({ whatHappened: "x".repeat(2 * 1024 * 1024), anonymous: true }),
    expect: [400],
  },
  {
    name: "JSON follow-up: 2 MB",
    method: "POST",
    url: "/api/public/reports/follow-up",
    headers: json,
    payload: JSON.stringify({ receipt: "x".repeat(2 * 1024 * 1024) }),
    expect: [413],
  },
  {
    name: "JSON intake: evidence with a path in its name and a program inside",
    method: "POST",
    url: "/api/public/reports",
    headers: json,
    payload: JSON.stringify({
      whatHappened: "Something happened at the base.",
      anonymous: true,
      evidence: [
        {
          fileName: "../../../etc/passwd",
          contentBase64: Buffer.from("MZ\u0090 a program, not a photo").toString("base64"),
        },
      ],
    }),
    expect: [400],
  },
  {
    name: "JSON intake: no content type",
    method: "POST",
    url: "/api/public/reports",
    payload: "whatHappened=hello",
    expect: [415],
  },
  {
    name: "JSON intake: a mission code that is SQL",
    method: "POST",
    url: "/api/public/reports",
    headers: json,
    payload: JSON.stringify({ whatHappened: "Something happened here.", anonymous: true, missionCode: sql }),
    expect: [400],
  },
  {
    name: "JSON follow-up: SQL in the receipt",
    method: "POST",
    url: "/api/public/reports/follow-up",
    headers: json,
    payload: JSON.stringify({ receipt: sql }),
    expect: [400, 404],
  },
  {
    name: "JSON follow-up: a receipt of 10 kB",
    method: "POST",
    url: "/api/public/reports/follow-up",
    headers: json,
    payload: JSON.stringify({ receipt: "A".repeat(10_000) }),
    expect: [400],
  },
  {
    name: "JSON message: script to an unknown receipt",
    method: "POST",
    url: "/api/public/reports/messages",
    headers: json,
    payload: JSON.stringify({ receipt: script, message: script }),
    expect: [400, 404],
  },
  {
    name: "form: a language that is a script",
    method: "GET",
    url: `/report?lang=${encodeURIComponent(script)}`,
    expect: [200],
  },
  {
    name: "form: script tags with a missing field",
    method: "POST",
    url: "/report?lang=en",
    headers: form,
    payload: `whatHappened=${encodeURIComponent(script)}&place=${encodeURIComponent(script)}&anonymous=no`,
    expect: [400],
  },
  {
    name: "form: bad percent-encoding",
    method: "POST",
    url: "/report?lang=en",
    headers: form,
    payload: "whatHappened=%ff%fe%&anonymous=yes",
    expect: [400],
  },
  {
    name: "form: 100 kB of fields",
    method: "POST",
    url: "/report?lang=fr",
    headers: form,
    payload: `whatHappened=${"x".repeat(100_000)}`,
    expect: [413],
  },
  {
    name: "form: a mission that is SQL",
    method: "POST",
    url: "/report?lang=en",
    headers: form,
    payload: `whatHappened=${encodeURIComponent("Something happened at the base.")}&anonymous=yes&missionCode=${encodeURIComponent(sql)}`,
    expect: [400],
  },
  {
    name: "follow-up: a receipt that is a script",
    method: "POST",
    url: "/report/follow-up?lang=ar",
    headers: form,
    payload: `receipt=${encodeURIComponent(script)}`,
    expect: [404],
  },
  {
    name: "follow-up message: script to an unknown receipt",
    method: "POST",
    url: "/report/follow-up/message?lang=en",
    headers: form,
    payload: `receipt=${encodeURIComponent(sql)}&message=${encodeURIComponent(script)}`,
    expect: [404],
  },
  {
    name: "follow-up: the wrong content type",
    method: "POST",
    url: "/report/follow-up",
    headers: { "content-type": "application/xml" },
    payload: "<receipt/>",
    expect: [400, 415],
  },
];

describe("hostile input on public routes", () => {
  for (const attempt of attempts) {
    it(`${attempt.name}: ${attempt.expect.join(" or ")}, never a 5xx, nothing unescaped`, async () => {
      const response = await t.app.inject({
        method: attempt.method,
        url: attempt.url,
        headers: attempt.headers,
        payload: attempt.payload,
      });
      expect(attempt.expect, response.body.slice(0, 300)).toContain(response.statusCode);
      expect(response.body).not.toContain(script);
      const type = String(response.headers["content-type"]);
      if (attempt.url.startsWith("/api/")) expect(type).toContain("application/problem+json");
      else expect(type).toContain("text/html");
      // A page says what went wrong in words, not a stack trace.
      expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/);
    });
  }

  it("script tags typed into the form come back escaped, keeping what was typed", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/report?lang=en",
      headers: form,
      payload: `whatHappened=${encodeURIComponent(script)}&anonymous=no`,
    });
    expect(response.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("a report whose text is a script or SQL is stored as the plain text it is", async () => {
    const accepted = await t.app.inject({
      method: "POST",
      url: "/api/public/reports",
      headers: json,
      payload: JSON.stringify({ whatHappened: `${script} ${sql}`, anonymous: true }),
    });
    expect(accepted.statusCode).toBe(201);
    const followed = await t.app.inject({
      method: "POST",
      url: "/report/follow-up?lang=en",
      headers: form,
      payload: `receipt=${encodeURIComponent(accepted.json().receipt)}`,
    });
    expect(followed.statusCode).toBe(200);
    const [row] = await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("SELECT count(*)::int AS n FROM reports"),
    );
    expect(row.n).toBeGreaterThan(1);
  });

  it("a message with a script tag reaches the officer as text and shows escaped on the follow-up page", async () => {
    const sent = await t.app.inject({
      method: "POST",
      url: "/report/follow-up/message?lang=en",
      headers: form,
      payload: `receipt=${encodeURIComponent(receipt)}&message=${encodeURIComponent(script)}`,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain("&lt;script&gt;");
    expect(sent.body).not.toContain(script);
  });
});
