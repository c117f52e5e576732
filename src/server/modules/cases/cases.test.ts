import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { allocateCaseReference } from "./queries.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("case numbers", () => {
  it("skip numbers already taken, even by a case the allocating officer cannot see", async () => {
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values([
        { reference: "UNMISS-2026-0001", missionCode: "UNMISS", dateReported: "2026-01-01" },
        { reference: "UNMISS-2026-0002", missionCode: "UNMISS", dateReported: "2026-01-01" },
      ]),
    );
    const otherMission: Actor = {
      userId: "x",
      role: "cdt_officer",
      missionCodes: ["MONUSCO"],
      countryCode: null,
      via: "token",
    };
    expect(
      await inTransaction(t.app.services.db, otherMission, (tx) => allocateCaseReference(tx, "UNMISS", 2026)),
    ).toBe("UNMISS-2026-0003");
  });

  it("concurrent intakes never share a number", async () => {
    const references = await Promise.all(
      Array.from({ length: 12 }, () =>
        inTransaction(t.app.services.db, systemActor, (tx) => allocateCaseReference(tx, "MINURSO", 2026)),
      ),
    );
    expect(new Set(references).size).toBe(12);
    expect(references.every((reference) => /^MINURSO-2026-\d{4}$/.test(reference))).toBe(true);
  });
});
