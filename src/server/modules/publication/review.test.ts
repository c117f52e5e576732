// Publishing with a review: the publisher's queue, a preview of the public rows that keeps nothing,
// and publishing and withdrawing several cases at once, audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases, perpetrators } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Closed cases of one mission, each with one Ghanaian contingent member alleged to have committed rape. */
async function closedCases(count: number) {
  const ids = Array.from({ length: count }, () => randomUUID());
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values(
      ids.map((id, index) => ({
        id,
        reference: `REVIEW-${id.slice(0, 8)}-${index}`,
        missionCode: "UNMISS",
        status: "closed",
        dateReported: `2026-06-0${index + 1}`,
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SA_RAPE"],
        victimsWomen: 1,
      })),
    );
    await tx
      .insert(perpetrators)
      .values(ids.map((caseId) => ({ caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" })));
  });
  return ids;
}

describe("publishing with a review", () => {
  it("a publisher reviews three cases, previews their public rows without publishing, then publishes them at once", async () => {
    const publisher = await t.tokenFor(await t.createStaff("publisher"));
    const ids = await closedCases(3);
    const ready = (await publisher.request({ method: "GET", url: "/api/publication/review" })).json().items as {
      id: string;
    }[];
    expect(ready.map((item) => item.id)).toEqual(expect.arrayContaining(ids));

    const preview = await publisher.request({
      method: "POST",
      url: "/api/publication/preview",
      payload: { caseIds: ids },
    });
    expect(preview.statusCode).toBe(200);
    const rows = preview.json().items;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      missionCode: "UNMISS",
      categoryCode: "MIL_MC",
      nationalityCode: "GHA",
      allegationSubtypes: ["SA_RAPE"],
      victimsByGroup: { women: 1 },
    });
    // The preview published nothing: the public table has none of them, and they are still to review.
    const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?mission=UNMISS" })).json().items;
    expect(table.filter((row: { reference: string }) => row.reference.startsWith("REVIEW-"))).toEqual([]);

    const published = await publisher.request({
      method: "POST",
      url: "/api/publication",
      payload: { caseIds: ids, action: "publish" },
    });
    expect(published.json()).toEqual({ changed: 3 });
    const after = (await t.app.inject({ method: "GET", url: "/api/public/allegations?mission=UNMISS" })).json().items;
    // What the public reads is what the preview showed.
    expect(after.filter((row: { reference: string }) => row.reference.startsWith("REVIEW-")).length).toBe(3);
    for (const row of rows) expect(after).toContainEqual(row);
    const stillReady = (await publisher.request({ method: "GET", url: "/api/publication/review" })).json().items;
    expect(stillReady.filter((item: { id: string }) => (ids as string[]).includes(item.id))).toEqual([]);
    const publishedList = (await publisher.request({ method: "GET", url: "/api/publication/review?state=published" }))
      .json()
      .items.map((item: { id: string }) => item.id);
    expect(publishedList).toEqual(expect.arrayContaining(ids));

    const withdrawn = await publisher.request({
      method: "POST",
      url: "/api/publication",
      payload: { caseIds: ids.slice(0, 2), action: "withdraw" },
    });
    expect(withdrawn.json()).toEqual({ changed: 2 });
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ action: string; n: number }>(
        "select action, jsonb_array_length(details->'caseIds')::int as n from audit_events where action in ('case.publish', 'case.withdraw') and details->'caseIds' ? $1 order by id",
        [ids[0]],
      ),
    );
    expect(events).toEqual([
      { action: "case.publish", n: 3 },
      { action: "case.withdraw", n: 2 },
    ]);
  });

  it("only publishers and headquarters see the review queue and previews", async () => {
    const analyst = await t.tokenFor(await t.createStaff("analyst"));
    const [id] = await closedCases(1);
    expect((await analyst.request({ method: "GET", url: "/api/publication/review" })).statusCode).toBe(403);
    expect(
      (await analyst.request({ method: "POST", url: "/api/publication/preview", payload: { caseIds: [id] } }))
        .statusCode,
    ).toBe(403);
  });
});
