// A server on PostgreSQL refuses to start while its application role needs no password; the
// embedded database has no network port and nothing to refuse.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/database.js";
import { appRoleOpensWithoutPassword } from "../db/connection.js";
import { readConfig } from "./config.js";
import { openRuntime } from "./runtime.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const configFor = (env: Record<string, string>) =>
  readConfig({
    CONDUCT_DATA_DIR: mkdtempSync(path.join(tmpdir(), "conduct-runtime-")),
    CONDUCT_MASTER_KEY: "b".repeat(64),
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });

describe("the application's database role", () => {
  it("is not taken for passwordless where nothing answers", async () => {
    expect(await appRoleOpensWithoutPassword("postgres://postgres@127.0.0.1:9/postgres")).toBe(false);
  });

  it("stops a server on PostgreSQL that trusts it, saying what to set, unless development allows it", async () => {
    if (!database.url) {
      // The embedded database has no network port: the server starts with nothing to check.
      const runtime = await openRuntime(configFor({}), "server");
      expect(runtime.handle.kind).toBe("pglite");
      return runtime.release();
    }
    await expect(openRuntime(configFor({}), "server")).rejects.toThrow(
      /conduct_app can log in to PostgreSQL at 127\.0\.0\.1:5432 without a password\. Set CONDUCT_APP_DB_PASSWORD/,
    );
    expect(await appRoleOpensWithoutPassword(database.url)).toBe(true);
    const allowed = await openRuntime(configFor({ CONDUCT_ALLOW_PASSWORDLESS_DB_ROLE: "on" }), "server");
    expect(allowed.handle.kind).toBe("postgres");
    await allowed.release();
    // The command line's own tasks are not held to it.
    const cli = await openRuntime(configFor({}), "conduct users");
    await cli.release();
  });
});
