// Bad input gets a clear 4xx problem+json, never a 5xx, and OpenAPI describes the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/app.js";

let t: TestApp;
let admin: Awaited<ReturnType<TestApp["signIn"]>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn(await t.createStaff("administrator"));
});
afterAll(() => t.close());

const expectProblem = (
  response: { statusCode: number; headers: Record<string, unknown>; json(): { detail?: string } },
  status: number,
) => {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toContain("application/problem+json");
  expect(response.json().detail).toEqual(expect.any(String));
  expect(JSON.stringify(response.json())).not.toMatch(/at .*\.ts:\d+/);
};

describe("bad requests", () => {
  it("malformed JSON is a 400 with a clear message", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/users",
      headers: { "content-type": "application/json" },
      payload: '{"email": ',
    });
    expectProblem(response, 400);
    expect(response.json().code).toBe("malformed_json");
  });

  it("unknown fields are refused with 400, naming the field", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "x@test.conduct.org", name: "X", role: "analyst", isRoot: true },
    });
    expectProblem(response, 400);
    expect(response.json().detail).toContain("isRoot");
  });

  it("wrong types are refused with 400 naming the path", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: { email: 12, name: ["a"], role: "emperor" },
    });
    expectProblem(response, 400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["body.email", "body.role"]),
    );
  });

  it("an oversized body is a 413", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "x@test.conduct.org", name: "x".repeat(1_100_000), role: "analyst" },
    });
    expectProblem(response, 413);
  });

  it("a body that is not JSON is a 415", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/users",
      headers: { "content-type": "text/xml" },
      payload: "<user/>",
    });
    expectProblem(response, 415);
  });

  it("an unknown API route is a 404 problem", async () => {
    expectProblem(await admin.request({ method: "GET", url: "/api/nothing-here" }), 404);
  });

  it("a role's scope must fit the role", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: { email: "cdt@test.conduct.org", name: "CDT", role: "cdt_officer" },
    });
    expectProblem(response, 400);
    expect(response.json().code).toBe("users.errors.missionsRequired");
  });

  it("a stale version is a 409 that loses nothing", async () => {
    const created = (
      await admin.request({
        method: "POST",
        url: "/api/users",
        payload: { email: "v@test.conduct.org", name: "Version", role: "analyst" },
      })
    ).json().user;
    expect(
      (
        await admin.request({
          method: "PATCH",
          url: `/api/users/${created.id}`,
          payload: { name: "First", version: 1 },
        })
      ).statusCode,
    ).toBe(200);
    const stale = await admin.request({
      method: "PATCH",
      url: `/api/users/${created.id}`,
      payload: { name: "Second", version: 1 },
    });
    expectProblem(stale, 409);
    expect(stale.json().current.name).toBe("First");
  });

  it("a retried creation with the same idempotency key returns the first result, not a duplicate", async () => {
    const request = () =>
      admin.request({
        method: "POST",
        url: "/api/users",
        headers: { "idempotency-key": "create-retry-0001" },
        payload: { email: "retry@test.conduct.org", name: "Retry", role: "analyst" },
      });
    const first = await request();
    const second = await request();
    expect(first.statusCode).toBe(201);
    expect(second.json().user.id).toBe(first.json().user.id);
    const list = (await admin.request({ method: "GET", url: "/api/users" })).json().items;
    expect(list.filter((u: { email: string }) => u.email === "retry@test.conduct.org")).toHaveLength(1);
  });
});

describe("API description", () => {
  it("serves an OpenAPI document that lists the routes", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(["/api/reference/missions", "/api/users", "/api/cases/{id}", "/healthz"]),
    );
  });

  it("health names the database", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.json()).toMatchObject({
      status: "ok",
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
      databaseReachable: true,
    });
    expect((await t.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ready" });
  });

  it("answers with security headers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("API documentation", () => {
  it("the browsable docs are public and answer HTML", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
  });

  it("even routes added by plugins answer errors as problem+json", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/static/no-such-file.js" });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });
});
