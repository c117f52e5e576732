// The two layers of need-to-know must agree: for any actor and any case, the server's policy and
// PostgreSQL row-level security give the same answer. Random actors and cases, fixed seed.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { caseAssignments, caseShares, cases } from "../../../db/schema.js";
import { entityNarrowable, roles, scopeOfRole, scopeProblem } from "../../../domain/roles.js";
import { type Actor, systemActor } from "../actor.js";
import { inTransaction } from "../../transaction.js";
import { casePolicy } from "./index.js";

const missions = ["MONUSCO", "MINUSCA", "UNMISS"];
const countries = ["GHA", "RWA", "IND"];
let t: TestApp;
const userIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 2; i++) userIds.push((await t.createStaff("investigator")).id);
});
afterAll(() => t.close());

const actorArbitrary = fc.record({
  role: fc.constantFrom(...roles),
  missionCodes: fc.subarray(missions),
  countryCode: fc.option(fc.constantFrom(...countries), { nil: null }),
  userIndex: fc.nat(1),
  // A headquarters role narrowed to an entity (an entity's own publisher) covers its units only.
  narrowed: fc.boolean(),
});
const caseArbitrary = fc.record({
  missionCode: fc.constantFrom(...missions),
  nationalityCodes: fc.subarray(countries),
  assignedIndexes: fc.subarray([0, 1]),
  headquartersOnly: fc.boolean(),
  // Shared with units (one UN); an ended share grants nothing.
  sharedWith: fc.subarray(missions),
  endedShares: fc.subarray(missions),
});

describe("need-to-know", () => {
  it("the server policy and row-level security agree for any actor and case", async () => {
    await fc.assert(
      fc.asyncProperty(actorArbitrary, caseArbitrary, async (a, c) => {
        const actor: Actor = {
          userId: userIds[a.userIndex],
          role: a.role,
          missionCodes: a.missionCodes,
          entityCodes: a.narrowed ? ["UNICEF"] : [],
          countryCode: a.countryCode,
          via: "token",
        };
        const assignedUserIds = c.assignedIndexes.map((i) => userIds[i]);
        const id = randomUUID();
        await inTransaction(t.app.services.db, systemActor, async (tx) => {
          await tx.insert(cases).values({
            id,
            reference: `T-${id}`,
            missionCode: c.missionCode,
            dateReported: "2026-01-01",
            nationalityCodes: c.nationalityCodes,
            headquartersOnly: c.headquartersOnly,
          });
          if (assignedUserIds.length)
            await tx.insert(caseAssignments).values(assignedUserIds.map((userId) => ({ caseId: id, userId })));
          const shares = [
            ...c.sharedWith.map((unitCode) => ({ unitCode, endedAt: null })),
            ...c.endedShares.map((unitCode) => ({ unitCode, endedAt: new Date() })),
          ];
          if (shares.length)
            await tx.insert(caseShares).values(shares.map((share) => ({ ...share, caseId: id, reason: "Agreement" })));
        });
        const seenByDatabase =
          (
            await inTransaction(t.app.services.db, actor, (tx) =>
              tx.select({ id: cases.id }).from(cases).where(eq(cases.id, id)),
            )
          ).length === 1;
        const seenByPolicy = casePolicy.view(actor, {
          missionCode: c.missionCode,
          nationalityCodes: c.nationalityCodes,
          assignedUserIds,
          headquartersOnly: c.headquartersOnly,
          sharedUnitCodes: c.sharedWith,
        });
        expect(seenByDatabase).toBe(seenByPolicy);
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });

  it("a scope fits its role exactly when the role's kind of scope is the one given", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.subarray(missions),
        fc.subarray(["UNICEF", "UNHCR"]),
        fc.option(fc.constantFrom(...countries), { nil: null }),
        (role, missionCodes, entityCodes, countryCode) => {
          const kind = scopeOfRole[role];
          // Units come one by one or a whole entity at a time; either gives a unit-scoped role its scope.
          const units = missionCodes.length + entityCodes.length;
          const fits =
            (kind === "missions"
              ? units > 0
              : missionCodes.length === 0 && (entityNarrowable.includes(role) || entityCodes.length === 0)) &&
            (kind === "country" ? countryCode !== null : countryCode === null);
          expect(scopeProblem(role, { missionCodes, entityCodes, countryCode }) === null).toBe(fits);
        },
      ),
      { seed: 7 },
    );
  });
});
