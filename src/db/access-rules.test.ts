import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { accessRulesFile, describeAccessRules } from "./access-rules.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("the access rules in one place", () => {
  it("access-rules.sql says what the migrated database enforces (else run npm run access-rules)", async () => {
    const database = await t.app.services.handle.asOwner(describeAccessRules);
    const checkedIn = readFileSync(accessRulesFile, "utf8");
    const firstDifference = database.split("\n").findIndex((line, index) => line !== checkedIn.split("\n")[index]);
    expect(
      firstDifference === -1 ? "" : `line ${firstDifference + 1}: ${database.split("\n")[firstDifference]}`,
      "src/db/access-rules.sql is out of date: run npm run access-rules and commit it",
    ).toBe("");
    expect(database).toBe(checkedIn);
  });

  it("every table holding case, person or prevention records has row-level security", async () => {
    const rules = readFileSync(accessRulesFile, "utf8");
    for (const table of ["cases", "reports", "victims", "perpetrators", "paternity_claims", "risk_assessments"]) {
      expect(rules).toMatch(new RegExp(`^-- ${table}: RLS`, "m"));
    }
  });
});
