// The enforcement record: case data, alleged perpetrators, investigations with their clock,
// findings per person and actions — and what a Member State sees and does through its portal.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { auditEvents, cases } from "../../../db/schema.js";
import { computeDueDate } from "../../../domain/deadlines.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { eq } from "drizzle-orm";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let officer: Client;
let ghana: Client;
let india: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  india = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "IND" }));
});
afterAll(() => t.close());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function referredCase(allegationCodes = ["SE_TRANSACTIONAL_SEX"]) {
  const id = randomUUID();
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values({
      id,
      reference: `MINUSCA-E-${id.slice(0, 8)}`,
      missionCode: "MINUSCA",
      status: "referred",
      dateReported: daysAgo(60),
      allegationCodes,
    }),
  );
  return id;
}

describe("case data", () => {
  it("officers record victims, paternity and types; unknown codes and stale versions are refused, and nothing is half-written", async () => {
    const caseId = await referredCase();
    const stale = await officer.request({
      method: "PATCH",
      url: `/api/cases/${caseId}`,
      payload: { paternityClaim: true, version: 99 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: caseId, version: 1 });
    const unknown = await officer.request({
      method: "PATCH",
      url: `/api/cases/${caseId}`,
      payload: { allegationCodes: ["SA_RAPE", "NOT_A_TYPE"], paternityClaim: true, version: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain("NOT_A_TYPE");
    const updated = await officer.request({
      method: "PATCH",
      url: `/api/cases/${caseId}`,
      payload: {
        allegationCodes: ["SA_MINOR"],
        victims: { women: 0, girls: 2, boys: 0, men: 0, unknown: 1 },
        paternityClaim: true,
        narrative: "Two girls were approached near the water point.",
        version: 1,
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      allegationCodes: ["SA_MINOR"],
      victims: { girls: 2, unknown: 1 },
      paternityClaim: true,
      narrative: "Two girls were approached near the water point.",
      version: 2,
    });
    // The audit event names the fields that changed, never the narrative.
    const [event] = await t.handle.asOwner((owner) =>
      owner.query<{ details: { changed: string[] } }>(
        "SELECT details FROM audit_events WHERE action = 'case.update' AND subject_id = $1",
        [caseId],
      ),
    );
    expect(event.details.changed).toContain("narrative");
    expect(JSON.stringify(event.details)).not.toContain("water point");
  });
});

describe("the enforcement record", () => {
  it("walks from perpetrators to findings and actions, on the investigation clock, with the case following the workflow", async () => {
    const caseId = await referredCase();
    const added = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/perpetrators`,
      payload: {
        categoryCode: "MIL_MC",
        nationalityCode: "GHA",
        unit: "GHANBATT 2",
        identity: { name: "Sgt. Example One", rank: "Sergeant", serviceNumber: "GH-0001" },
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ code: "P-01", identityRecorded: true });
    expect(JSON.stringify(added.json())).not.toContain("Example One");
    const second = (
      await officer.request({
        method: "POST",
        url: `/api/cases/${caseId}/perpetrators`,
        payload: { categoryCode: "MIL_MC", nationalityCode: "IND" },
      })
    ).json();
    expect(second.code).toBe("P-02");
    // The case now names both States, so each may see it.
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json()).toMatchObject({
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["GHA", "IND"],
    });

    // Ghana's NIO investigates; the clock is 90 days for SEA, from the policy in force.
    const startedOn = daysAgo(20);
    const opened = await ghana.request({
      method: "POST",
      url: `/api/cases/${caseId}/investigations`,
      payload: { entity: "nio", countryCode: "GHA", investigators: "Maj. K. Mensah (NIO)", startedOn },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      dueOn: computeDueDate("investigation_sea", startedOn).dueDate,
      deadlineKind: "investigation_sea",
      durationDays: 20,
      daysOverdue: 0,
    });
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status).toBe(
      "under_investigation",
    );
    const investigationId = opened.json().id;

    // India may not open an investigation for Ghana, nor see Ghana's national.
    expect(
      (
        await india.request({
          method: "POST",
          url: `/api/cases/${caseId}/investigations`,
          payload: { entity: "nio", countryCode: "GHA", startedOn },
        })
      ).statusCode,
    ).toBe(403);
    const indiaView = (await india.request({ method: "GET", url: `/api/cases/${caseId}/enforcement` })).json();
    expect(indiaView.perpetrators.map((p: { code: string }) => p.code)).toEqual(["P-02"]);
    expect(indiaView.investigations).toEqual([]);

    expect(
      (
        await ghana.request({
          method: "POST",
          url: `/api/investigations/${investigationId}/updates`,
          payload: { note: "Witness interviews completed." },
        })
      ).statusCode,
    ).toBe(201);
    const extended = await officer.request({
      method: "POST",
      url: `/api/investigations/${investigationId}/extensions`,
      payload: { days: 30, reason: "Witnesses relocated across the border." },
    });
    expect(extended.statusCode, extended.body).toBe(201);
    expect(
      (
        await ghana.request({
          method: "POST",
          url: `/api/investigations/${investigationId}/extensions`,
          payload: { days: 30, reason: "We would like more time." },
        })
      ).statusCode,
    ).toBe(403);

    // A final action needs a substantiated finding first.
    const early = await ghana.request({
      method: "POST",
      url: `/api/cases/${caseId}/actions`,
      payload: {
        perpetratorId: added.json().id,
        stage: "final",
        takenBy: "member_state",
        kind: "imprisonment",
        months: 12,
        decidedOn: daysAgo(1),
      },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe("needsSubstantiatedFinding");
    const interim = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/actions`,
      payload: {
        perpetratorId: added.json().id,
        stage: "interim",
        takenBy: "un",
        kind: "payment_suspension",
        amount: 4200,
        currency: "USD",
        decidedOn: daysAgo(15),
      },
    });
    expect(interim.statusCode, interim.body).toBe(201);

    const finding = await ghana.request({
      method: "PUT",
      url: `/api/investigations/${investigationId}/findings/${added.json().id}`,
      payload: { finding: "substantiated", recordedOn: daysAgo(2) },
    });
    expect(finding.statusCode, finding.body).toBe(200);
    expect(
      (
        await ghana.request({
          method: "PUT",
          url: `/api/investigations/${investigationId}/findings/${second.id}`,
          payload: { finding: "substantiated", recordedOn: daysAgo(2) },
        })
      ).statusCode,
    ).toBe(404);
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status).toBe("findings");
    const completed = await ghana.request({
      method: "PATCH",
      url: `/api/investigations/${investigationId}`,
      payload: { completedOn: daysAgo(2), reportReceivedOn: daysAgo(1), version: 2 },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().durationDays).toBe(18);

    // Ghana records its sanction; it cannot record one as the UN, nor one on India's national.
    const sanction = await ghana.request({
      method: "POST",
      url: `/api/cases/${caseId}/actions`,
      payload: {
        perpetratorId: added.json().id,
        stage: "final",
        takenBy: "member_state",
        kind: "imprisonment",
        months: 12,
        decidedOn: daysAgo(1),
      },
    });
    expect(sanction.statusCode, sanction.body).toBe(201);
    expect(
      (
        await ghana.request({
          method: "POST",
          url: `/api/cases/${caseId}/actions`,
          payload: {
            perpetratorId: added.json().id,
            stage: "final",
            takenBy: "un",
            kind: "repatriation_and_ban",
            decidedOn: daysAgo(1),
          },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await ghana.request({
          method: "POST",
          url: `/api/cases/${caseId}/actions`,
          payload: {
            perpetratorId: second.id,
            stage: "interim",
            takenBy: "member_state",
            kind: "repatriation",
            decidedOn: daysAgo(1),
          },
        })
      ).statusCode,
    ).toBe(404);

    // The UN side sees the State's updates at once, and the case moved to actions.
    const record = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/enforcement` })).json();
    expect(record.investigations[0]).toMatchObject({
      updates: [expect.objectContaining({ note: "Witness interviews completed." })],
      extensions: [expect.objectContaining({ days: 30 })],
      findings: [expect.objectContaining({ finding: "substantiated" })],
    });
    expect(record.actions.map((a: { kind: string }) => a.kind)).toEqual(["payment_suspension", "imprisonment"]);
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().status).toBe("actions");
    const history = (await officer.request({ method: "GET", url: `/api/cases/${caseId}/timeline` }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(history).toEqual(
      expect.arrayContaining([
        "perpetrator.add",
        "investigation.open",
        "investigation.extend",
        "finding.record",
        "action.record",
        "case.transition",
      ]),
    );
  });

  it("an identity is revealed only with a reason, to those who need it, and the reveal is audited", async () => {
    const caseId = await referredCase();
    const added = (
      await officer.request({
        method: "POST",
        url: `/api/cases/${caseId}/perpetrators`,
        payload: {
          categoryCode: "MIL_MC",
          nationalityCode: "GHA",
          identity: { name: "Cpl. Example Two", rank: null, serviceNumber: null },
        },
      })
    ).json();
    expect(
      (
        await officer.request({
          method: "POST",
          url: `/api/perpetrators/${added.id}/identity`,
          payload: { reason: "short" },
        })
      ).statusCode,
    ).toBe(400);
    const revealed = await officer.request({
      method: "POST",
      url: `/api/perpetrators/${added.id}/identity`,
      payload: { reason: "Vetting before the repatriation order." },
    });
    expect(revealed.json()).toMatchObject({ name: "Cpl. Example Two" });
    const analyst = await t.tokenFor(await t.createStaff("analyst"));
    expect(
      (
        await analyst.request({
          method: "POST",
          url: `/api/perpetrators/${added.id}/identity`,
          payload: { reason: "Curious about the statistics." },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await india.request({
          method: "POST",
          url: `/api/perpetrators/${added.id}/identity`,
          payload: { reason: "Checking our records please." },
        })
      ).statusCode,
    ).toBe(404);
    const events = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.subjectId, added.id)),
    );
    expect(events.find((e) => e.action === "perpetrator.identity.reveal")?.details).toMatchObject({
      reason: "Vetting before the repatriation order.",
    });
  });

  it("an urgent case runs on the three-month clock, other serious misconduct on six", async () => {
    const urgentCase = await referredCase();
    await officer.request({ method: "PATCH", url: `/api/cases/${urgentCase}`, payload: { urgent: true, version: 1 } });
    const urgent = (
      await officer.request({
        method: "POST",
        url: `/api/cases/${urgentCase}/investigations`,
        payload: { entity: "mission", startedOn: daysAgo(1) },
      })
    ).json();
    expect(urgent.deadlineKind).toBe("investigation_urgent");
    const fraudCase = await referredCase(["FRAUD_ENTITLEMENTS"]);
    const fraud = await officer.request({
      method: "POST",
      url: `/api/cases/${fraudCase}/investigations`,
      payload: { entity: "oios", startedOn: daysAgo(1) },
    });
    expect(fraud.json().deadlineKind, fraud.body).toBe("investigation_serious");
    const mismatch = await officer.request({
      method: "POST",
      url: `/api/cases/${fraudCase}/investigations`,
      payload: { entity: "nio", startedOn: daysAgo(1) },
    });
    expect(mismatch.statusCode).toBe(400);
  });

  it("a closed case takes no new enforcement records until it is reopened", async () => {
    const caseId = await referredCase();
    const added = (
      await officer.request({
        method: "POST",
        url: `/api/cases/${caseId}/perpetrators`,
        payload: { categoryCode: "MIL_MC", nationalityCode: "GHA" },
      })
    ).json();
    const version = (await officer.request({ method: "GET", url: `/api/cases/${caseId}` })).json().version;
    expect(
      (
        await officer.request({
          method: "POST",
          url: `/api/cases/${caseId}/transitions`,
          payload: { transition: "close", version },
        })
      ).statusCode,
    ).toBe(200);
    const refused = await officer.request({
      method: "POST",
      url: `/api/cases/${caseId}/actions`,
      payload: {
        perpetratorId: added.id,
        stage: "interim",
        takenBy: "un",
        kind: "repatriation",
        decidedOn: daysAgo(1),
      },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("case_closed");
    expect(
      (
        await officer.request({
          method: "POST",
          url: `/api/cases/${caseId}/perpetrators`,
          payload: { categoryCode: "MIL_MC" },
        })
      ).statusCode,
    ).toBe(409);
    expect((await officer.request({ method: "GET", url: `/api/cases/${caseId}/enforcement` })).json().can).toEqual({
      addPerpetrator: false,
      openInvestigation: false,
      recordAction: false,
    });
  });
});
