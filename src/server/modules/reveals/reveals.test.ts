// The two-person rule, as a deployment that asks for it runs it: a reveal files a request and shows
// nothing; a custodian who is someone else approves or refuses it; an approval lets its requester
// reveal until it expires; every step is audited, and nobody decides their own request.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { cases, revealRequests } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let t: TestApp;
let advocate: Client;
let advocateId = "";
let custodian: Client;
let custodianId = "";
let victimId = "";
const secretName = "Nadège Mukamana";

beforeAll(async () => {
  t = await createTestApp({ revealApproval: { required: true, hours: 24 } });
  const advocateStaff = await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] });
  advocateId = advocateStaff.id;
  advocate = await t.tokenFor(advocateStaff);
  const custodianStaff = await t.createStaff("identity_custodian");
  custodianId = custodianStaff.id;
  custodian = await t.tokenFor(custodianStaff);
  const registered = await advocate.request({
    method: "POST",
    url: "/api/victims",
    payload: { missionCode: "MONUSCO", sex: "female", identity: { name: secretName } },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  victimId = registered.json().id;
});
afterAll(() => t.close());

const reveal = () =>
  advocate.request({
    method: "POST",
    url: `/api/victims/${victimId}/identity`,
    payload: { reason: "Arranging a medical appointment for her." },
  });
const pending = async () =>
  (await custodian.request({ method: "GET", url: "/api/reveal-requests" })).json().items as {
    id: string;
    subjectLabel: string;
    requester: { name: string; role: string };
    can: { decide: boolean };
  }[];
const auditActions = async () =>
  (
    await t.handle.asOwner((owner) =>
      owner.query<{ action: string; details: Record<string, unknown> }>(
        "select action, details from audit_events where action like 'identity.reveal.%' or action = 'victim.identity.reveal' order by id",
      ),
    )
  ).map((event) => event);

describe("revealing an identity under the two-person rule", () => {
  it("files a request and reveals nothing until a custodian approves; asking again keeps one request", async () => {
    const first = await reveal();
    expect(first.statusCode).toBe(202);
    expect(first.body).not.toContain(secretName);
    expect(first.json().approval).toMatchObject({ status: "pending" });
    const again = await reveal();
    expect(again.json().approval.id).toBe(first.json().approval.id);
    const waiting = await pending();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      subjectLabel: expect.stringMatching(/^V-MONUSCO-/),
      requester: { role: "victim_assistance" },
      can: { decide: true },
    });
    expect(JSON.stringify(waiting)).not.toContain(secretName);
    // The requester cannot decide, nor see the custodian's desk.
    expect(
      (
        await advocate.request({
          method: "POST",
          url: `/api/reveal-requests/${waiting[0].id}/decision`,
          payload: { decision: "approve" },
        })
      ).statusCode,
    ).toBe(404);
    expect((await advocate.request({ method: "GET", url: "/api/reveal-requests" })).statusCode).toBe(403);
  });

  it("reveals once approved, naming the approval in the audit trail, until the approval expires", async () => {
    const [request] = await pending();
    const approved = await custodian.request({
      method: "POST",
      url: `/api/reveal-requests/${request.id}/decision`,
      payload: { decision: "approve" },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ decision: "approved", expiresAt: expect.any(String) });
    const revealed = await reveal();
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().identity.name).toBe(secretName);
    const events = await auditActions();
    expect(events.map((e) => e.action)).toEqual([
      "identity.reveal.request",
      "identity.reveal.decide",
      "victim.identity.reveal",
    ]);
    expect(events[2].details.approvalId).toBe(request.id);
    // Expired: the next reveal files a new request.
    await t.handle.asOwner((owner) =>
      owner.query("update reveal_requests set expires_at = now() - interval '1 minute' where id = $1", [request.id]),
    );
    const afterExpiry = await reveal();
    expect(afterExpiry.statusCode).toBe(202);
    expect(afterExpiry.json().approval.id).not.toBe(request.id);
  });

  it("a refusal stands: the requester is told, with the custodian's note", async () => {
    const [request] = await pending();
    await custodian.request({
      method: "POST",
      url: `/api/reveal-requests/${request.id}/decision`,
      payload: { decision: "refuse", note: "Use her code: the clinic does not need her name." },
    });
    const refused = await reveal();
    expect(refused.statusCode).toBe(202);
    expect(refused.json().approval).toMatchObject({
      status: "refused",
      note: "Use her code: the clinic does not need her name.",
    });
    expect(refused.body).not.toContain(secretName);
  });

  it("nobody decides their own request, in the application or in the database", async () => {
    const asCustodian: Actor = { ...systemActor, userId: custodianId, role: "identity_custodian", via: "token" };
    const asAdvocate: Actor = { ...systemActor, userId: advocateId, role: "victim_assistance", via: "token" };
    // A custodian may file a request in their own name (the database allows it): they still cannot decide it.
    const [forged] = await inTransaction(t.app.services.db, asCustodian, (tx) =>
      tx
        .insert(revealRequests)
        .values({
          subjectType: "victim",
          subjectId: victimId,
          subjectLabel: "V-SELF",
          requestedBy: custodianId,
          requesterRole: "identity_custodian",
          reason: "Deciding my own request.",
        })
        .returning(),
    );
    const own = await custodian.request({
      method: "POST",
      url: `/api/reveal-requests/${forged.id}/decision`,
      payload: { decision: "approve" },
    });
    expect(own.statusCode).toBe(403);
    for (const [who, id] of [
      [asCustodian, forged.id],
      [asAdvocate, (await pending()).find((r) => r.requester.role === "victim_assistance")?.id ?? ""],
    ] as const) {
      const changed = await inTransaction(t.app.services.db, who, async (tx) => {
        const result = (await tx.execute(
          sql`update reveal_requests set decision = 'approved', decided_by = ${who.userId} where id = ${id} returning id`,
        )) as unknown as { rows: unknown[] };
        return result.rows.length;
      }).catch(() => 0);
      expect(changed, who.role).toBe(0);
    }
  });

  it("an alleged perpetrator's identity waits for a custodian the same way", async () => {
    const officer = await t.tokenFor(await t.createStaff("cds_officer"));
    const [{ id: caseId }] = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .insert(cases)
        .values({
          reference: "MONUSCO-RV-0001",
          missionCode: "MONUSCO",
          status: "preliminary_assessment",
          dateReported: "2026-10-01",
        })
        .returning({ id: cases.id }),
    );
    const added = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/perpetrators`,
      payload: { categoryCode: "MIL_MC", nationalityCode: "GHA", identity: { name: "Sgt. Hidden Name" } },
    });
    expect(added.statusCode, added.body).toBe(201);
    const asked = await officer.request({
      method: "POST",
      url: `/api/perpetrators/${added.json().id}/identity`,
      payload: { reason: "Preparing the referral to the State." },
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.body).not.toContain("Hidden Name");
    expect((await pending()).map((r) => r.subjectLabel)).toContain("MONUSCO-RV-0001 P-01");
  });
});
