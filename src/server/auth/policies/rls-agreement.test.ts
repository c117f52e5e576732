// The two layers of need-to-know agree in every area that has row-level security: for any actor and
// any record, the server's policy and PostgreSQL give the same answer to "may this actor see it?".
// Random actors and records, fixed seeds; the case tables have their own test in policies.test.ts.
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import {
  afterActionReviews,
  cases,
  cbcmNetworks,
  importedAllegationRows,
  importedAllegations,
  outreachActivities,
  paternityClaims,
  perpetrators,
  reports,
  riskAssessments,
  trainingCourses,
  trainingSessions,
  victimConsents,
  victims,
} from "../../../db/schema.js";
import { roles } from "../../../domain/roles.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { type Actor, systemActor } from "../actor.js";
import {
  casePolicy,
  outreachPolicy,
  paternityPolicy,
  preventionPolicy,
  publicationPolicy,
  reportPolicy,
  trainingPolicy,
  victimPolicy,
} from "./index.js";

const missions = ["MONUSCO", "MINUSCA", "UNMISS"];
const countries = ["GHA", "RWA", "IND"];
let t: TestApp;
const userIds: string[] = [];
let courseId = "";

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 2; i++) userIds.push((await t.createStaff("cbcm_focal_point", { missionCodes: ["MONUSCO"] })).id);
  const [course] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(trainingCourses)
      .values({ code: `AGREE-${randomUUID()}`, title: "Agreement", kind: "induction", validityMonths: 12 })
      .returning(),
  );
  courseId = course.id;
});
afterAll(() => t.close());

const actorArbitrary = fc
  .record({
    role: fc.constantFrom(...roles),
    missionCodes: fc.subarray(missions),
    countryCode: fc.option(fc.constantFrom(...countries), { nil: null }),
    userIndex: fc.nat(1),
    // Given an entity, a headquarters role that may be narrowed covers its units (missionCodes) only.
    narrowed: fc.boolean(),
  })
  .map(
    (a): Actor => ({
      userId: userIds[a.userIndex],
      role: a.role,
      missionCodes: a.missionCodes,
      entityCodes: a.narrowed ? ["DPO"] : [],
      countryCode: a.countryCode,
      via: "token",
    }),
  );

/**
 * Writes a random record as the system, then asks the database, as the actor, whether the record is
 * visible, and the policy whether it should be.
 */
async function agreeFor<R>(
  records: fc.Arbitrary<R>,
  write: (tx: Transaction, record: R) => Promise<{ id: string; read: (tx: Transaction) => Promise<unknown[]> }>,
  policy: (actor: Actor, record: R) => boolean,
  seed: number,
) {
  await fc.assert(
    fc.asyncProperty(actorArbitrary, records, async (actor, record) => {
      const written = await inTransaction(t.app.services.db, systemActor, (tx) => write(tx, record));
      const seenByDatabase = (await inTransaction(t.app.services.db, actor, written.read)).length === 1;
      expect(seenByDatabase, `${actor.role} ${JSON.stringify(record)}`).toBe(policy(actor, record));
    }),
    { numRuns: 60, seed },
  );
}

const mission = fc.constantFrom(...missions);
const country = fc.constantFrom(...countries);

describe("row-level security and the server's policy agree", () => {
  it("on reports", async () => {
    await agreeFor(
      fc.record({
        missionCode: fc.option(mission, { nil: null }),
        submitter: fc.option(fc.nat(1), { nil: null }),
        headquartersOnly: fc.boolean(),
      }),
      async (tx, r) => {
        const [row] = await tx
          .insert(reports)
          .values({
            missionCode: r.missionCode,
            headquartersOnly: r.headquartersOnly,
            submittedBy: r.submitter === null ? null : userIds[r.submitter],
            channel: "hotline",
            language: "en",
            whatHappenedEncrypted: "sealed",
            childrenInvolved: "no",
            reporterIsVictim: "no",
            anonymous: true,
            receiptHash: randomBytes(16).toString("hex"),
          })
          .returning({ id: reports.id });
        return { id: row.id, read: (as) => as.select({ id: reports.id }).from(reports).where(eq(reports.id, row.id)) };
      },
      (actor, r) =>
        reportPolicy.view(actor, {
          missionCode: r.missionCode,
          submittedBy: r.submitter === null ? null : userIds[r.submitter],
          headquartersOnly: r.headquartersOnly,
        }),
      20261201,
    );
  });

  it("on victims", async () => {
    await agreeFor(
      fc.record({ missionCode: mission }),
      async (tx, r) => {
        const [row] = await tx
          .insert(victims)
          .values({ code: `V-AGREE-${randomUUID()}`, missionCode: r.missionCode, sex: "female", ageGroup: "adult" })
          .returning({ id: victims.id });
        return { id: row.id, read: (as) => as.select({ id: victims.id }).from(victims).where(eq(victims.id, row.id)) };
      },
      (actor, r) => victimPolicy.work(actor, r.missionCode),
      20261202,
    );
  });

  it("on paternity claims, a State seeing one only with the mother's consent", async () => {
    await agreeFor(
      fc.record({ missionCode: mission, countryCode: country, stateConsent: fc.boolean() }),
      async (tx, r) => {
        const [victim] = await tx
          .insert(victims)
          .values({ code: `V-AGREE-${randomUUID()}`, missionCode: r.missionCode, sex: "female", ageGroup: "adult" })
          .returning({ id: victims.id });
        const [row] = await tx
          .insert(cases)
          .values({ reference: `T-${randomUUID()}`, missionCode: r.missionCode, dateReported: "2026-01-01" })
          .returning({ id: cases.id });
        const [father] = await tx
          .insert(perpetrators)
          .values({ caseId: row.id, code: "P-01", categoryCode: "MIL_MC", nationalityCode: r.countryCode })
          .returning({ id: perpetrators.id });
        await tx
          .insert(victimConsents)
          .values({ victimId: victim.id, recipient: "member_state", granted: r.stateConsent, givenOn: "2026-01-02" });
        const [claim] = await tx
          .insert(paternityClaims)
          .values({
            victimId: victim.id,
            caseId: row.id,
            perpetratorId: father.id,
            countryCode: r.countryCode,
            notifiedOn: "2026-01-03",
            responseDueOn: "2026-01-17",
          })
          .returning({ id: paternityClaims.id });
        return {
          id: claim.id,
          read: (as) =>
            as.select({ id: paternityClaims.id }).from(paternityClaims).where(eq(paternityClaims.id, claim.id)),
        };
      },
      (actor, r) => paternityPolicy.view(actor, r),
      20261203,
    );
  });

  it("on risk assessments and after-action reviews", async () => {
    await agreeFor(
      fc.record({ missionCode: mission }),
      async (tx, r) => {
        const [row] = await tx
          .insert(riskAssessments)
          .values({
            missionCode: r.missionCode,
            location: "Camp",
            locationKind: "camp",
            assessedOn: "2026-01-01",
            reviewOn: "2026-04-01",
          })
          .returning({ id: riskAssessments.id });
        return {
          id: row.id,
          read: (as) =>
            as.select({ id: riskAssessments.id }).from(riskAssessments).where(eq(riskAssessments.id, row.id)),
        };
      },
      (actor, r) => preventionPolicy.readMission(actor, r.missionCode),
      20261204,
    );
    await agreeFor(
      fc.record({ missionCode: mission }),
      async (tx, r) => {
        const [row] = await tx
          .insert(afterActionReviews)
          .values({
            missionCode: r.missionCode,
            title: "Review",
            heldOn: "2026-01-01",
            contributingFactors: ["alcohol"],
            lessons: "Lessons",
          })
          .returning({ id: afterActionReviews.id });
        return {
          id: row.id,
          read: (as) =>
            as.select({ id: afterActionReviews.id }).from(afterActionReviews).where(eq(afterActionReviews.id, row.id)),
        };
      },
      // Lessons are shared across missions; what happened is sealed in after_action_details.
      (actor) => preventionPolicy.read(actor),
      20261205,
    );
  });

  it("on outreach and complaint networks", async () => {
    const network = async (tx: Transaction, missionCode: string) =>
      (
        await tx
          .insert(cbcmNetworks)
          .values({ missionCode, name: `Network ${randomUUID()}`, area: "Area", languages: ["sw"], channels: ["sms"] })
          .returning({ id: cbcmNetworks.id })
      )[0].id;
    await agreeFor(
      fc.record({ missionCode: mission }),
      async (tx, r) => {
        const id = await network(tx, r.missionCode);
        return {
          id,
          read: (as) => as.select({ id: cbcmNetworks.id }).from(cbcmNetworks).where(eq(cbcmNetworks.id, id)),
        };
      },
      (actor, r) => outreachPolicy.readMission(actor, r.missionCode),
      20261206,
    );
    await agreeFor(
      fc.record({ missionCode: mission }),
      async (tx, r) => {
        const [row] = await tx
          .insert(outreachActivities)
          .values({
            missionCode: r.missionCode,
            heldOn: "2026-01-01",
            place: "Market",
            community: "Community",
            language: "sw",
            topics: ["how_to_report"],
            materials: ["radio"],
            networkId: await network(tx, r.missionCode),
          })
          .returning({ id: outreachActivities.id });
        return {
          id: row.id,
          read: (as) =>
            as.select({ id: outreachActivities.id }).from(outreachActivities).where(eq(outreachActivities.id, row.id)),
        };
      },
      (actor, r) => outreachPolicy.readMission(actor, r.missionCode),
      20261209,
    );
  });

  it("on training sessions, in-mission and national", async () => {
    await agreeFor(
      fc.oneof(
        fc.record({ missionCode: mission, countryCode: fc.constant(null) }),
        fc.record({ missionCode: fc.constant(null), countryCode: country }),
      ),
      async (tx, r) => {
        const [row] = await tx
          .insert(trainingSessions)
          .values({
            courseId,
            missionCode: r.missionCode,
            countryCode: r.countryCode,
            startsOn: "2026-01-01",
            endsOn: "2026-01-02",
            trainer: "Trainer",
            participants: 10,
            completions: 9,
          })
          .returning({ id: trainingSessions.id });
        return {
          id: row.id,
          read: (as) =>
            as.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.id, row.id)),
        };
      },
      (actor, r) => trainingPolicy.see(actor, r),
      20261207,
    );
  });

  it("on imported history, which only headquarters' import reads whole (the public, through the published table)", async () => {
    await agreeFor(
      fc.record({ missionCode: mission, nationality: country }),
      async (tx, r) => {
        const reference = `T-${randomUUID()}`;
        await tx.insert(importedAllegations).values({
          reference,
          missionCode: r.missionCode,
          dateReported: "2019-01-01",
          categoryCodes: ["MIL_MC"],
          nationalityCodes: [r.nationality],
          allegationCodes: ["SE_UNSPECIFIED"],
        });
        await tx.insert(importedAllegationRows).values({
          reference,
          categoryCode: "MIL_MC",
          nationalityCode: r.nationality,
          victims: 1,
          childVictims: 0,
        });
        return {
          id: reference,
          read: async (as) => {
            const rows = await as
              .select({ reference: importedAllegationRows.reference })
              .from(importedAllegationRows)
              .innerJoin(importedAllegations, eq(importedAllegations.reference, importedAllegationRows.reference))
              .where(eq(importedAllegationRows.reference, reference));
            // The allegation and its row are read together or not at all.
            const alone = await as
              .select({ reference: importedAllegations.reference })
              .from(importedAllegations)
              .where(eq(importedAllegations.reference, reference));
            expect(alone.length).toBe(rows.length);
            return rows;
          },
        };
      },
      (actor) => publicationPolicy.importAllegations(actor),
      20261208,
    );
  });

  it("on cases, one sent past its mission hidden from the mission's team", async () => {
    await agreeFor(
      fc.record({ missionCode: mission, nationalityCodes: fc.subarray(countries), headquartersOnly: fc.boolean() }),
      async (tx, r) => {
        const [row] = await tx
          .insert(cases)
          .values({ reference: `T-${randomUUID()}`, dateReported: "2026-01-01", ...r })
          .returning({ id: cases.id });
        return { id: row.id, read: (as) => as.select({ id: cases.id }).from(cases).where(eq(cases.id, row.id)) };
      },
      (actor, r) => casePolicy.view(actor, { ...r, assignedUserIds: [], sharedUnitCodes: [] }),
      20261209,
    );
  });
});
