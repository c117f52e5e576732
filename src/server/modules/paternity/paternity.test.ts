// Paternity claims: opened only with the mother's consent to share with the State, which is told at
// once and sees the claim by its codes, never her identity; the DNA chain of custody with gaps and
// disorder flagged; the outcome, the support order, payments, and reminders when payments stop.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { sql } from "drizzle-orm";
import { cases, custodyEvents, dnaSamples, notifications, paternityClaims, perpetrators } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { sweepReminders } from "../deadlines/reminders.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let advocate: Client;
let ghana: Client;
let india: Client;
let officer: Client;
let ghanaUserId = "";
const caseId = randomUUID();
const perpetratorId = randomUUID();
let victimId = "";
let childId = "";
let claimId = "";
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  advocate = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MINUSCA"] }));
  const ghanaStaff = await t.createStaff("member_state_focal_point", { countryCode: "GHA" });
  ghanaUserId = ghanaStaff.id;
  ghana = await t.tokenFor(ghanaStaff);
  india = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "IND" }));
  officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id: caseId,
      reference: "MINUSCA-2026-0500",
      missionCode: "MINUSCA",
      status: "findings",
      dateReported: "2025-06-01",
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["GHA"],
      allegationCodes: ["SE_EXPLOITATIVE_RELATIONSHIP"],
      paternityClaim: true,
    });
    await tx
      .insert(perpetrators)
      .values({ id: perpetratorId, caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA" });
  });
  victimId = (
    await advocate.request({
      method: "POST",
      url: "/api/victims",
      payload: {
        missionCode: "MINUSCA",
        sex: "female",
        ageAtIncident: 24,
        caseId,
        identity: { name: "Grace Claim Example" },
      },
    })
  ).json().id;
  childId = (
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/children`,
      payload: { sex: "female", birthYear: 2025, identity: { name: "Baby Claim Example" } },
    })
  ).json().id;
});
afterAll(() => t.close());

const claimBody = () => ({ childId, perpetratorId, notifiedOn: daysAgo(30) });

describe("paternity claims", () => {
  it("is refused until the mother agrees to share with the Member State", async () => {
    const refused = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/paternity-claims`,
      payload: claimBody(),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("consent_not_given");
  });

  it("opens with consent; the State's focal points are notified and the answer falls due on the reply clock", async () => {
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "member_state", granted: true, givenOn: daysAgo(31) },
    });
    const opened = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/paternity-claims`,
      payload: claimBody(),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const claim = opened.json();
    claimId = claim.id;
    expect(claim).toMatchObject({
      victimCode: "V-MINUSCA-0001",
      childCode: "V-MINUSCA-0001-C1",
      perpetratorCode: "P-01",
      caseReference: "MINUSCA-2026-0500",
      countryCode: "GHA",
      responseOverdue: true,
    });
    expect(claim.responseDueOn > claim.notifiedOn).toBe(true);
    const told = await inTransaction(t.app.services.db, systemActor, (tx) => tx.select().from(notifications));
    expect(told.filter((n) => n.kind === "paternity_claim_notified").map((n) => n.userId)).toEqual([ghanaUserId]);
  });

  it("the State sees its claim by codes only; another State and the case officer do not see it at all", async () => {
    const seen = await ghana.request({ method: "GET", url: `/api/paternity-claims/${claimId}` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ victimId: null, victimCode: "V-MINUSCA-0001", childCode: "V-MINUSCA-0001-C1" });
    expect(seen.body).not.toContain("Grace");
    expect(seen.body).not.toContain("Baby Claim");
    expect((await ghana.request({ method: "GET", url: `/api/victims/${victimId}` })).statusCode).toBe(404);
    expect((await india.request({ method: "GET", url: `/api/paternity-claims/${claimId}` })).statusCode).toBe(404);
    expect((await india.request({ method: "GET", url: "/api/paternity-claims" })).json().items).toEqual([]);
    expect((await officer.request({ method: "GET", url: `/api/paternity-claims/${claimId}` })).statusCode).toBe(404);
  });

  it("the DNA chain of custody is recorded by both sides and a skipped step is flagged", async () => {
    let claim = (
      await advocate.request({
        method: "POST",
        url: `/api/paternity-claims/${claimId}/samples`,
        payload: { donor: "child", sampleCode: "DNA-MINUSCA-0007-C" },
      })
    ).json();
    claim = (
      await ghana.request({
        method: "POST",
        url: `/api/paternity-claims/${claimId}/samples`,
        payload: { donor: "alleged_father", sampleCode: "DNA-GHA-0007-F" },
      })
    ).json();
    expect(claim.samples.map((s: { donor: string }) => s.donor)).toEqual(["child", "alleged_father"]);
    const duplicate = await ghana.request({
      method: "POST",
      url: `/api/paternity-claims/${claimId}/samples`,
      payload: { donor: "alleged_father", sampleCode: "DNA-GHA-0007-F" },
    });
    expect(duplicate.statusCode).toBe(409);
    const [child, father] = claim.samples;
    const step = (client: Client, sampleId: string, body: object) =>
      client.request({ method: "POST", url: `/api/dna-samples/${sampleId}/events`, payload: body });
    const at = (day: number) => `${daysAgo(20 - day)}T09:00:00Z`;
    expect(
      (
        await step(advocate, child.id, { kind: "collected", occurredAt: at(0), byWhom: "Nurse A.", place: "Bangui" })
      ).json().code,
    ).toBe("kit_number_required");
    await step(advocate, child.id, {
      kind: "collected",
      occurredAt: at(0),
      byWhom: "Nurse A.",
      place: "Bangui",
      kitNumber: "KIT-2026-114",
    });
    await step(advocate, child.id, { kind: "sealed", occurredAt: at(0), byWhom: "Nurse A.", toParty: "MINUSCA VRA" });
    await step(advocate, child.id, {
      kind: "transferred",
      occurredAt: at(1),
      byWhom: "Courier",
      fromParty: "MINUSCA VRA",
      toParty: "Accredited laboratory",
    });
    await step(advocate, child.id, {
      kind: "received_by_laboratory",
      occurredAt: at(3),
      byWhom: "Lab reception",
      toParty: "Accredited laboratory",
    });
    await step(ghana, father.id, {
      kind: "collected",
      occurredAt: at(2),
      byWhom: "GAF medical officer",
      place: "Accra",
      kitNumber: "KIT-2026-115",
    });
    // Not sealed before it went to the laboratory: the chain shows the gap.
    claim = (
      await step(ghana, father.id, {
        kind: "received_by_laboratory",
        occurredAt: at(5),
        byWhom: "Lab reception",
        toParty: "Accredited laboratory",
      })
    ).json();
    const flagsOf = (donor: string) => claim.samples.find((s: { donor: string }) => s.donor === donor).flags;
    expect(flagsOf("child")).toEqual([]);
    expect(flagsOf("alleged_father")).toContainEqual(
      expect.objectContaining({ problem: "missing_step", kind: "sealed" }),
    );
    const future = await step(ghana, father.id, {
      kind: "analysed",
      occurredAt: "2999-01-01T00:00:00Z",
      byWhom: "Lab",
    });
    expect(future.statusCode).toBe(400);
  });

  const sampleOf = async (donor: string) =>
    (await advocate.request({ method: "GET", url: `/api/paternity-claims/${claimId}` }))
      .json()
      .samples.find((s: { donor: string }) => s.donor === donor);

  it("the State records the alleged father's sample only, and learns of the child's chain only what the claim needs", async () => {
    const onChild = await ghana.request({
      method: "POST",
      url: `/api/dna-samples/${(await sampleOf("child")).id}/events`,
      payload: { kind: "analysed", occurredAt: `${daysAgo(1)}T09:00:00Z`, byWhom: "GAF" },
    });
    expect(onChild.statusCode).toBe(403);
    const mothers = await ghana.request({
      method: "POST",
      url: `/api/paternity-claims/${claimId}/samples`,
      payload: { donor: "mother", sampleCode: "DNA-GHA-0007-M" },
    });
    expect(mothers.statusCode).toBe(403);
    const seen = (await ghana.request({ method: "GET", url: `/api/paternity-claims/${claimId}` })).json();
    expect(seen.canTakeSamplesOf).toEqual(["alleged_father"]);
    const child = seen.samples.find((s: { donor: string }) => s.donor === "child");
    expect(child).toMatchObject({ detailWithheld: true, can: { recordStep: false } });
    expect(child.events.map((e: { kind: string }) => e.kind)).toContain("received_by_laboratory");
    expect(JSON.stringify(child)).not.toMatch(/Nurse A\.|Bangui|KIT-2026-114|MINUSCA VRA/);
    const father = seen.samples.find((s: { donor: string }) => s.donor === "alleged_father");
    expect(father).toMatchObject({ detailWithheld: false, can: { recordStep: true } });
    expect(JSON.stringify(father)).toContain("GAF medical officer");
    // The advocate keeps the whole chain of every sample.
    const advocates = (await advocate.request({ method: "GET", url: `/api/paternity-claims/${claimId}` })).json();
    expect(JSON.stringify(advocates)).toContain("Bangui");
    expect(advocates.canTakeSamplesOf).toEqual(["mother", "child", "alleged_father"]);
  });

  it("the outcome, then support ordered and paid; support before established paternity is refused; only the advocate closes", async () => {
    let claim = (await ghana.request({ method: "GET", url: `/api/paternity-claims/${claimId}` })).json();
    const early = await ghana.request({
      method: "PATCH",
      url: `/api/paternity-claims/${claimId}`,
      payload: {
        support: {
          amount: 80,
          currency: "USD",
          frequency: "monthly",
          authority: "High Court, Accra",
          orderedOn: daysAgo(5),
        },
        version: claim.version,
      },
    });
    expect(early.json().code).toBe("paternity_not_established");
    claim = (
      await ghana.request({
        method: "PATCH",
        url: `/api/paternity-claims/${claimId}`,
        payload: {
          focalPointName: "Col. A. Owusu",
          focalPointAppointedOn: daysAgo(25),
          paternity: "established",
          paternityDecidedOn: daysAgo(10),
          version: claim.version,
        },
      })
    ).json();
    expect(claim).toMatchObject({ paternity: "established", responseOverdue: false });
    claim = (
      await ghana.request({
        method: "PATCH",
        url: `/api/paternity-claims/${claimId}`,
        payload: {
          support: {
            amount: 80,
            currency: "USD",
            frequency: "monthly",
            authority: "High Court, Accra",
            orderedOn: daysAgo(70),
          },
          version: claim.version,
        },
      })
    ).json();
    expect(claim.support).toMatchObject({ amount: 80, frequency: "monthly" });
    expect(claim.paymentsStopped).toBe(true);
    // The sweep reminds the advocate and the State that payments have stopped, once.
    expect(await sweepReminders(t.app.services)).toBeGreaterThanOrEqual(2);
    const kinds = await inTransaction(t.app.services.db, systemActor, (tx) => tx.select().from(notifications));
    expect(kinds.filter((n) => n.kind === "child_support_overdue")).toHaveLength(2);
    expect(await sweepReminders(t.app.services)).toBe(0);
    claim = (
      await ghana.request({
        method: "POST",
        url: `/api/paternity-claims/${claimId}/payments`,
        payload: { paidOn: today, amount: 80, currency: "USD" },
      })
    ).json();
    expect(claim).toMatchObject({ paymentsStopped: false, payments: [{ paidOn: today, amount: 80 }] });
    const stale = await ghana.request({
      method: "PATCH",
      url: `/api/paternity-claims/${claimId}`,
      payload: { closedOn: today, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await ghana.request({
          method: "PATCH",
          url: `/api/paternity-claims/${claimId}`,
          payload: { closedOn: today, version: claim.version },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("when the mother withdraws her consent, the State no longer sees the claim", async () => {
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "member_state", granted: false, givenOn: today },
    });
    expect((await ghana.request({ method: "GET", url: `/api/paternity-claims/${claimId}` })).statusCode).toBe(404);
    expect((await advocate.request({ method: "GET", url: `/api/paternity-claims/${claimId}` })).statusCode).toBe(200);
  });
});

describe("row-level security on the paternity tables, on its own", () => {
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
        ((await tx.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] })
          .rows[0].n,
    );
  const tables = ["paternity_claims", "dna_samples", "custody_events", "support_payments"];

  it("the mission's advocates see every row; another State, the case officers and the analysts see none", async () => {
    for (const table of tables)
      expect(await count(as("victim_assistance", { missionCodes: ["MINUSCA"] }), table), table).toBeGreaterThan(0);
    for (const who of [
      as("victim_assistance", { missionCodes: ["MONUSCO"] }),
      as("member_state_focal_point", { countryCode: "IND" }),
      as("cdt_officer", { missionCodes: ["MINUSCA"] }),
      as("cds_officer"),
      as("analyst"),
      as("investigator"),
    ]) {
      for (const table of tables) expect(await count(who, table), `${who.role} ${table}`).toBe(0);
    }
  });

  it("the alleged father's State sees the claim only while the mother consents, and never the victim tables", async () => {
    const ghanaActor = as("member_state_focal_point", { countryCode: "GHA" });
    // The last test withdrew her consent.
    for (const table of tables) expect(await count(ghanaActor, table), table).toBe(0);
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "member_state", granted: true, givenOn: today },
    });
    for (const table of tables) expect(await count(ghanaActor, table), table).toBeGreaterThan(0);
    for (const table of ["victims", "victim_children", "victim_consents", "victim_cases"])
      expect(await count(ghanaActor, table), table).toBe(0);
  });

  it("the State cannot write on the mother's or the child's sample, even past the application", async () => {
    const ghanaActor = as("member_state_focal_point", { countryCode: "GHA" });
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "member_state", granted: true, givenOn: today },
    });
    const samples = await t.handle.asOwner((owner) =>
      owner.query<{ id: string; donor: string; claim_id: string }>("select id, donor, claim_id from dna_samples"),
    );
    const refused = async (work: (tx: Transaction) => Promise<unknown>) =>
      inTransaction(t.app.services.db, ghanaActor, work).then(
        () => "written",
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    const child = samples.find((s) => s.donor === "child");
    const father = samples.find((s) => s.donor === "alleged_father");
    expect(child && father).toBeTruthy();
    const step = (sampleId: string) => (tx: Transaction) =>
      tx.insert(custodyEvents).values({ sampleId, kind: "analysed", occurredAt: new Date(), byWhom: "GAF" });
    expect(await refused(step(child?.id ?? ""))).toMatch(/row-level security/);
    expect(await refused(step(father?.id ?? ""))).toBe("written");
    const mothers = (tx: Transaction) =>
      tx.insert(dnaSamples).values({ claimId: child?.claim_id ?? "", donor: "mother", sampleCode: "DNA-RLS-M" });
    expect(await refused(mothers)).toMatch(/row-level security/);
  });

  it("the State cannot open a claim itself, even on its own national", async () => {
    const write = inTransaction(t.app.services.db, as("member_state_focal_point", { countryCode: "GHA" }), (tx) =>
      tx.insert(paternityClaims).values({
        victimId,
        childId,
        caseId,
        perpetratorId,
        countryCode: "GHA",
        notifiedOn: today,
        responseDueOn: today,
      }),
    );
    const refusal = await write.then(
      () => null,
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(refusal).toMatch(/row-level security/);
  });
});
