// Leadership commitments: the mission's team drafts its leaders' plans and items, the head of
// mission certifies (and only that mission's), a certified plan's items no longer change, late items
// are reminded to the team and the head of mission; another mission sees nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { leadershipPlans } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { sweepReminders } from "../deadlines/reminders.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let team: Client;
let head: Client;
let otherHead: Client;
let otherTeam: Client;
let headId: string;
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  const teamUser = await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] });
  const headUser = await t.createStaff("head_of_mission", { missionCodes: ["MONUSCO"] });
  teamId = teamUser.id;
  headId = headUser.id;
  team = await t.tokenFor(teamUser);
  head = await t.tokenFor(headUser);
  otherHead = await t.tokenFor(await t.createStaff("head_of_mission", { missionCodes: ["MINUSCA"] }));
  otherTeam = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
});
afterAll(() => t?.close());

const read = async (client: Client) => {
  const response = await client.request({ method: "GET", url: "/api/leadership?mission=MONUSCO&year=2026" });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe("leadership commitments", () => {
  let planId: string;

  it("the team drafts the head of mission's plan and its items; only the head of that mission certifies it", async () => {
    const plan = { missionCode: "MONUSCO", year: 2026, post: "head_of_mission", leaderName: "Bintou Keita" };
    for (const client of [head, otherTeam]) {
      const refused = await client.request({ method: "POST", url: "/api/leadership/plans", payload: plan });
      expect(refused.statusCode).toBe(403);
    }
    const made = await team.request({ method: "POST", url: "/api/leadership/plans", payload: plan });
    expect(made.statusCode, made.body).toBe(201);
    planId = made.json().id;
    const twice = await team.request({ method: "POST", url: "/api/leadership/plans", payload: plan });
    expect(twice.statusCode).toBe(409);

    // An empty plan is not certified.
    const empty = await head.request({
      method: "POST",
      url: `/api/leadership/plans/${planId}/certify`,
      payload: { version: 1 },
    });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe("empty_plan");
    for (const item of [
      {
        commitment: "Off-limits areas around Bunia reviewed with the communities",
        owner: "Chief of staff",
        dueOn: "2026-03-31",
      },
      {
        commitment: "Every contingent inducted within 30 days of arrival",
        owner: "Force commander",
        dueOn: `${new Date().getFullYear() + 2}-06-30`,
      },
    ]) {
      const added = await team.request({
        method: "POST",
        url: `/api/leadership/plans/${planId}/commitments`,
        payload: item,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    // The plan the head of mission opened before the second item is not the one to certify.
    const stale = await head.request({
      method: "POST",
      url: `/api/leadership/plans/${planId}/certify`,
      payload: { version: 2 },
    });
    expect(stale.json().code).toBe("stale_version");
    const { plans } = await read(head);
    expect(plans[0]).toMatchObject({ post: "head_of_mission", can: { draft: false, certify: true } });
    const elsewhere = await otherHead.request({
      method: "POST",
      url: `/api/leadership/plans/${planId}/certify`,
      payload: { version: plans[0].version },
    });
    expect(elsewhere.statusCode).toBe(404);
    const certified = await head.request({
      method: "POST",
      url: `/api/leadership/plans/${planId}/certify`,
      payload: { version: plans[0].version },
    });
    expect(certified.statusCode, certified.body).toBe(204);
    const after = (await read(team)).plans[0];
    expect(after.certifiedOn).not.toBeNull();
    expect(after.can).toEqual({ draft: true, certify: false });
    // The first item is past due and not done: late.
    expect(after.commitments.map((item: { late: boolean }) => item.late)).toEqual([true, false]);
    const more = await team.request({
      method: "POST",
      url: `/api/leadership/plans/${planId}/commitments`,
      payload: { commitment: "Added later", owner: "Someone", dueOn: "2026-12-31" },
    });
    expect(more.json().code).toBe("certified");
  });

  it("late items are reminded to the mission's team and its head of mission, once", async () => {
    const before = await t.handle.asOwner((owner) =>
      owner.query<{ user_id: string }>(
        "select user_id from notifications where kind = 'leadership_commitment_overdue'",
      ),
    );
    expect(before).toEqual([]);
    await sweepReminders(t.app.services, "2026-12-03");
    await sweepReminders(t.app.services, "2026-12-03");
    const after = await t.handle.asOwner((owner) =>
      owner.query<{ user_id: string; subject_path: string }>(
        "select user_id, subject_path from notifications where kind = 'leadership_commitment_overdue' order by user_id",
      ),
    );
    expect(after.map((row) => row.user_id).sort()).toEqual([headId, teamId].sort());
    expect(after[0].subject_path).toBe("/leadership?mission=MONUSCO&year=2026");
  });

  it("the team tracks items after certification; a done item carries its day", async () => {
    const item = (await read(team)).plans[0].commitments[0];
    const noDay = await team.request({
      method: "PUT",
      url: `/api/leadership/commitments/${item.id}/status`,
      payload: { status: "done" },
    });
    expect(noDay.statusCode).toBe(400);
    const done = await team.request({
      method: "PUT",
      url: `/api/leadership/commitments/${item.id}/status`,
      payload: { status: "done", doneOn: "2026-04-10" },
    });
    expect(done.statusCode, done.body).toBe(204);
    const byHead = await head.request({
      method: "PUT",
      url: `/api/leadership/commitments/${item.id}/status`,
      payload: { status: "dropped" },
    });
    expect(byHead.statusCode).toBe(403);
    expect((await read(team)).plans[0].commitments[0]).toMatchObject({ status: "done", late: false });
  });

  it("another mission's team and head see nothing of it, also without the server", async () => {
    expect((await read(otherTeam)).plans).toEqual([]);
    expect((await read(otherHead)).plans).toEqual([]);
    const asMinusca: Actor = {
      ...systemActor,
      role: "head_of_mission",
      missionCodes: ["MINUSCA"],
      userId: "someone",
      via: "token",
    };
    const rows = await inTransaction(t.app.services.db, asMinusca, (tx) => tx.select().from(leadershipPlans));
    expect(rows).toEqual([]);
  });
});
