// After-action reviews: the mission's team records one on its cases; every mission's team finds the
// lessons by searching (in English or French, accents or not); what happened, the cases and the
// follow-up actions stay with the mission; overdue follow-ups are reminded.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { todayIso } from "../../dates.js";
import { inTransaction } from "../../transaction.js";
import { sweepReminders } from "../deadlines/reminders.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let monusco: Client;
let minusca: Client;
let hq: Client;
let analyst: Client;
let ghana: Client;
const monuscoCase = randomUUID();
const minuscaCase = randomUUID();
let reviewId: string;

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const review = (over: object = {}) => ({
  missionCode: "MONUSCO",
  title: "Transactional sex near the Bunia market",
  heldOn: daysFromToday(-20),
  caseIds: [monuscoCase],
  whatHappened: "Two soldiers left the camp after curfew through the market gate; a woman reported being paid for sex.",
  contributingFactors: ["curfew", "proximity_to_communities", "welfare_and_recreation"],
  whatWorked: "The community complaint network reported within two days.",
  lessons:
    "Gates facing a market need a guard and lighting; curfew checks must be unannounced. Les contrôles du couvre-feu doivent être inopinés.",
  actions: [{ action: "Unannounced curfew checks every week", owner: "Military police", dueOn: daysFromToday(-5) }],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  monusco = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
  analyst = await t.tokenFor(await t.createStaff("analyst"));
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id: monuscoCase,
      reference: "MONUSCO-2026-0801",
      missionCode: "MONUSCO",
      dateReported: "2026-04-01",
      nationalityCodes: ["GHA"],
    });
    await tx
      .insert(cases)
      .values({ id: minuscaCase, reference: "MINUSCA-2026-0802", missionCode: "MINUSCA", dateReported: "2026-04-01" });
  });
});
afterAll(() => t.close());

const post = (client: Client, body: object) =>
  client.request({ method: "POST", url: "/api/after-action-reviews", payload: body });
const get = (client: Client, url: string) => client.request({ method: "GET", url });

describe("after-action reviews", () => {
  it("the mission's team records a review of its case, with follow-up actions", async () => {
    const created = await post(monusco, review());
    expect(created.statusCode, created.body).toBe(201);
    reviewId = created.json().id;
    const detail = (await get(monusco, `/api/after-action-reviews/${reviewId}`)).json();
    expect(detail.confidential.whatHappened).toMatch(/after curfew/);
    expect(detail.confidential.cases).toEqual([{ id: monuscoCase, reference: "MONUSCO-2026-0801" }]);
    expect(detail.confidential.actions.map((a: { state: string }) => a.state)).toEqual(["overdue"]);
    const sealed = await t.handle.asOwner((owner) =>
      owner.query<{ v: string }>("select what_happened_encrypted as v from after_action_details"),
    );
    expect(sealed[0].v).not.toMatch(/curfew/);
  });

  it("refuses another mission's case, a case outside the officer's scope, and a follow-up due before the review", async () => {
    expect((await post(monusco, review({ caseIds: [minuscaCase] }))).json().code).toBe("unknown_case");
    expect((await post(hq, review({ caseIds: [minuscaCase] }))).json().code).toBe("case_elsewhere");
    expect(
      (
        await post(monusco, review({ actions: [{ action: "Too early", owner: "X Y", dueOn: daysFromToday(-30) }] }))
      ).json().code,
    ).toBe("due_before_review");
    expect((await post(monusco, review({ heldOn: daysFromToday(1) }))).json().code).toBe("date_in_future");
    expect((await post(minusca, review({ caseIds: [] }))).statusCode).toBe(403);
    expect((await post(analyst, review({ caseIds: [] }))).statusCode).toBe(403);
  });

  it("another mission's team finds the lessons by searching, in English or French, but not what happened", async () => {
    for (const q of ["unannounced curfew", "couvre-feu inopines", "lighting gate"]) {
      const found = (await get(minusca, `/api/after-action-reviews?q=${encodeURIComponent(q)}`)).json().items;
      expect(
        found.map((r: { id: string; ownMission: boolean }) => [r.id, r.ownMission]),
        q,
      ).toEqual([[reviewId, false]]);
    }
    expect((await get(minusca, "/api/after-action-reviews?q=helicopter")).json().items).toEqual([]);
    expect((await get(minusca, "/api/after-action-reviews?factor=curfew")).json().items).toHaveLength(1);
    const seen = (await get(minusca, `/api/after-action-reviews/${reviewId}`)).json();
    expect(seen.lessons).toMatch(/guard and lighting/);
    expect(seen.confidential).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/MONUSCO-2026-0801|soldiers/);
    expect((await get(analyst, `/api/after-action-reviews/${reviewId}`)).json().confidential).toBeNull();
    expect((await get(ghana, "/api/after-action-reviews")).statusCode).toBe(403);
  });

  it("audits who read what happened, never the lessons' readers", async () => {
    const reads = await t.handle.asOwner((owner) =>
      owner.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'after_action.read'"),
    );
    expect(reads[0].n).toBe(1);
  });

  it("the mission completes its follow-up actions; another mission cannot touch them", async () => {
    const added = await monusco.request({
      method: "POST",
      url: `/api/after-action-reviews/${reviewId}/actions`,
      payload: { action: "Light the market gate", owner: "Engineering section", dueOn: daysFromToday(10) },
    });
    expect(added.statusCode).toBe(201);
    expect(
      (
        await minusca.request({
          method: "POST",
          url: `/api/after-action-reviews/${reviewId}/actions`,
          payload: { action: "X y z", owner: "X Y", dueOn: daysFromToday(10) },
        })
      ).statusCode,
    ).toBe(403);
    const action = (await get(monusco, `/api/after-action-reviews/${reviewId}`)).json().confidential.actions[0];
    const complete = (client: Client, version: number) =>
      client.request({
        method: "POST",
        url: `/api/after-action-actions/${action.id}/completion`,
        payload: { completedOn: todayIso(), note: "Weekly checks since October", version },
      });
    expect((await complete(minusca, action.version)).statusCode).toBe(404);
    expect((await complete(monusco, action.version)).json().state).toBe("done");
    expect((await complete(monusco, action.version)).json().code).toBe("stale_version");
  });

  it("reminds the mission's team of an overdue follow-up, leading to the review", async () => {
    await post(
      monusco,
      review({
        title: "Off-limits bar in Beni",
        caseIds: [],
        actions: [{ action: "Patrol the bar district", owner: "Military police", dueOn: daysFromToday(-2) }],
      }),
    );
    await sweepReminders(t.app.services);
    const mine = (await get(monusco, "/api/notifications"))
      .json()
      .items.filter((n: { kind: string }) => n.kind === "after_action_overdue");
    expect(mine.map((n: { caseReference: string }) => n.caseReference)).toEqual(["MONUSCO · Off-limits bar in Beni"]);
    expect(mine[0].subjectPath).toMatch(/^\/after-action\/[0-9a-f-]{36}$/);
  });

  it("row-level security alone keeps what happened and the actions to the mission", async () => {
    const as = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
      ...systemActor,
      userId: "someone",
      role,
      via: "token",
      ...scope,
    });
    const count = (who: Actor, table: string) =>
      inTransaction(
        t.app.services.db,
        who,
        async (tx) =>
          (
            (await tx.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
              rows: { n: number }[];
            }
          ).rows[0].n,
      );
    expect(await count(as("cdt_officer", { missionCodes: ["MINUSCA"] }), "after_action_reviews")).toBe(2);
    for (const table of ["after_action_details", "after_action_actions"]) {
      expect(await count(as("cdt_officer", { missionCodes: ["MINUSCA"] }), table), table).toBe(0);
      expect(await count(as("analyst"), table), table).toBe(0);
      expect(await count(as("cdt_officer", { missionCodes: ["MONUSCO"] }), table), table).toBeGreaterThan(0);
    }
    for (const role of [
      "member_state_focal_point",
      "victim_assistance",
      "investigator",
      "publisher",
      "auditor",
      "administrator",
    ] as const) {
      expect(
        await count(as(role, { missionCodes: ["MONUSCO"], countryCode: "GHA" }), "after_action_reviews"),
        role,
      ).toBe(0);
    }
  });
});
