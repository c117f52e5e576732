// Every encrypted column of the schema is known to the data-key rotation, which re-encrypts them all.
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers/app.js";
import * as schema from "../../db/schema.js";
import { encryptedColumns, rotateDataKey } from "./encryption.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("encrypted columns", () => {
  it("every column holding sealed values is re-encrypted by a data-key rotation", () => {
    const inSchema = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .flatMap((table) => {
        const config = getTableConfig(table as PgTable);
        return config.columns
          .filter((column) => column.name.endsWith("_encrypted"))
          .map((column) => `${config.name}.${column.name}`);
      });
    expect(inSchema.length).toBeGreaterThan(15);
    expect(encryptedColumns.map(({ table, column }) => `${table}.${column}`).sort()).toEqual(inSchema.sort());
  });

  it("a kept first answer is re-encrypted with the rest, and still answers the retry", async () => {
    const report = { whatHappened: "A retried report across a key rotation.", missionCode: "MONUSCO", anonymous: true };
    const headers = { "idempotency-key": "across-rotation-01" };
    const first = await t.app.inject({ method: "POST", url: "/api/public/reports", payload: report, headers });
    const sealed = async () =>
      (
        await t.handle.asOwner((owner) =>
          owner.query<{ value: string }>(
            "SELECT response_encrypted AS value FROM idempotency_keys WHERE key = 'across-rotation-01'",
          ),
        )
      )[0].value;
    const before = await sealed();
    const { keyId } = await rotateDataKey(t.handle, t.masterKey);
    expect(await sealed()).toMatch(new RegExp(`^enc:v1:${keyId}:`));
    expect(await sealed()).not.toBe(before);
    const retried = await t.app.inject({ method: "POST", url: "/api/public/reports", payload: report, headers });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().receipt).toBe(first.json().receipt);
  });
});
