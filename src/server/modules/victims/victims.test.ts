// Victim assistance: registration with encrypted identity, consent that the server enforces,
// needs and referrals followed up, children, the caseload's order, and — above all — that nobody
// but the mission's victim-assistance staff can obtain who a victim is, by any route.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { caseAssignments, cases, victims } from "../../../db/schema.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { defaultFollowUp } from "../../../domain/victims.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let advocate: Client;
let otherMissionAdvocate: Client;
const prying = {} as Record<
  | "cds_officer"
  | "cdt_officer"
  | "investigator"
  | "analyst"
  | "member_state_focal_point"
  | "publisher"
  | "auditor"
  | "administrator",
  Client
>;
const caseId = randomUUID();
const secretName = "Amani Zawadi Kibet";
const secretContact = "+243 81 555 0199, Goma";
let victimId = "";
let providerId = "";
let investigatorId = "";
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  advocate = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["MONUSCO"] }));
  otherMissionAdvocate = await t.tokenFor(await t.createStaff("victim_assistance", { missionCodes: ["UNMISS"] }));
  const investigator = await t.createStaff("investigator");
  investigatorId = investigator.id;
  prying.investigator = await t.tokenFor(investigator);
  prying.cds_officer = await t.tokenFor(await t.createStaff("cds_officer"));
  prying.cdt_officer = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
  prying.analyst = await t.tokenFor(await t.createStaff("analyst"));
  prying.publisher = await t.tokenFor(await t.createStaff("publisher"));
  prying.auditor = await t.tokenFor(await t.createStaff("auditor"));
  prying.administrator = await t.tokenFor(await t.createStaff("administrator"));
  prying.member_state_focal_point = await t.tokenFor(
    await t.createStaff("member_state_focal_point", { countryCode: "GHA" }),
  );
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values({
      id: caseId,
      reference: "MONUSCO-2026-0101",
      missionCode: "MONUSCO",
      dateReported: "2026-02-01",
      categoryCodes: ["MIL_MC"],
      nationalityCodes: ["GHA"],
      allegationCodes: ["SE_TRANSACTIONAL_SEX"],
    });
    await tx.insert(caseAssignments).values({ caseId, userId: investigatorId });
  });
  const registered = await advocate.request({
    method: "POST",
    url: "/api/victims",
    payload: {
      missionCode: "MONUSCO",
      sex: "female",
      ageAtIncident: 16,
      caseId,
      identity: { name: secretName },
      contact: secretContact,
      location: "Camp Kanyaruchinya, block 4",
      caregiver: "Aunt, same address",
    },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  victimId = registered.json().id;
  const provider = await advocate.request({
    method: "POST",
    url: "/api/service-providers",
    payload: {
      missionCode: "MONUSCO",
      name: "Heal Africa",
      serviceTypes: ["medical", "psychosocial"],
      location: "Goma",
    },
  });
  expect(provider.statusCode, provider.body).toBe(201);
  providerId = provider.json().id;
});
afterAll(() => t.close());

describe("victim records", () => {
  it("registers a pseudonymous record: the code runs per mission, a child's age makes the age group, the private fields are sealed", async () => {
    const record = (await advocate.request({ method: "GET", url: `/api/victims/${victimId}` })).json();
    expect(record).toMatchObject({
      code: "V-MONUSCO-0001",
      sex: "female",
      ageGroup: "child",
      ageAtIncident: 16,
      recorded: { identity: true, contact: true, location: true, caregiver: true },
    });
    expect(record.cases).toEqual([{ id: caseId, reference: "MONUSCO-2026-0101", status: "received" }]);
    expect(JSON.stringify(record)).not.toContain("Amani");
    const [row] = await t.handle.asOwner((owner) =>
      owner.query<{ identity_encrypted: string; contact_encrypted: string }>(
        `select identity_encrypted, contact_encrypted from victims where id = '${victimId}'`,
      ),
    );
    expect(row.identity_encrypted).not.toContain("Amani");
    expect(row.contact_encrypted).not.toContain("555");
    const second = await advocate.request({
      method: "POST",
      url: "/api/victims",
      payload: { missionCode: "MONUSCO", sex: "unknown" },
    });
    expect(second.json()).toMatchObject({ code: "V-MONUSCO-0002", ageGroup: "unknown", recorded: { identity: false } });
  });

  it("an advocate registers only in their own missions, and a victim only on a case of that mission", async () => {
    const elsewhere = await otherMissionAdvocate.request({
      method: "POST",
      url: "/api/victims",
      payload: { missionCode: "MONUSCO", sex: "female" },
    });
    expect(elsewhere.statusCode).toBe(403);
    const wrongCase = await otherMissionAdvocate.request({
      method: "POST",
      url: "/api/victims",
      payload: { missionCode: "UNMISS", sex: "female", caseId },
    });
    expect(wrongCase.statusCode).toBe(404);
    expect((await otherMissionAdvocate.request({ method: "GET", url: `/api/victims/${victimId}` })).statusCode).toBe(
      404,
    );
  });

  it("reveals the identity to the advocate only with a reason, and the audit trail keeps the reason", async () => {
    const noReason = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/identity`,
      payload: { reason: "need" },
    });
    expect(noReason.statusCode).toBe(400);
    const revealed = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/identity`,
      payload: { reason: "Arranging a medical appointment" },
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({
      identity: { name: secretName, otherNames: null, dateOfBirth: null },
      contact: secretContact,
      location: "Camp Kanyaruchinya, block 4",
      caregiver: "Aunt, same address",
    });
    const events = await t.handle.asOwner((owner) =>
      owner.query<{ details: { reason: string; purpose: string } }>(
        `select details from audit_events where action = 'victim.identity.reveal' and subject_id = '${victimId}'`,
      ),
    );
    expect(events.map((event) => event.details)).toContainEqual(
      expect.objectContaining({ reason: "Arranging a medical appointment", purpose: "assistance" }),
    );
    expect(
      (
        await t.app.inject({ method: "GET", url: "/api/audit-events/verification", headers: prying.auditor.headers })
      ).json(),
    ).toMatchObject({ intact: true });
  });

  it("consent governs sharing: without it the server refuses, with it the identity goes, and withdrawal stops it again", async () => {
    const share = () =>
      advocate.request({
        method: "POST",
        url: `/api/victims/${victimId}/identity`,
        payload: { reason: "Investigators asked to interview her", purpose: "share_with_investigators" },
      });
    const refused = await share();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("consent_not_given");
    const granted = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "investigators", granted: true, givenOn: today },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json().inForce).toEqual({ investigators: true, service_providers: false, member_state: false });
    expect((await share()).statusCode).toBe(200);
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "investigators", granted: false, givenOn: today },
    });
    expect((await share()).statusCode).toBe(403);
    const future = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "member_state", granted: true, givenOn: "2999-01-01" },
    });
    expect(future.statusCode).toBe(400);
  });

  it("referrals: sharing the identity with a provider needs consent; steps follow the referral's workflow; follow-ups are sealed", async () => {
    const body = { providerId, serviceType: "medical", proposedOn: today, followUpOn: today, shareIdentity: true };
    const refused = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/referrals`,
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("consent_not_given");
    const notOffered = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/referrals`,
      payload: { ...body, serviceType: "legal", shareIdentity: false },
    });
    expect(notOffered.json()).toMatchObject({ status: 400, code: "service_not_offered" });
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/consents`,
      payload: { recipient: "service_providers", granted: true, givenOn: today },
    });
    const referred = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/referrals`,
      payload: body,
    });
    expect(referred.statusCode, referred.body).toBe(201);
    const referral = referred.json();
    expect(referral).toMatchObject({
      status: "proposed",
      identityShared: true,
      needsAction: true,
      providerName: "Heal Africa",
    });
    const skip = await advocate.request({
      method: "PATCH",
      url: `/api/assistance-referrals/${referral.id}`,
      payload: { status: "delivered", version: referral.version },
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().allowed).toEqual(["accepted", "declined", "closed"]);
    const accepted = (
      await advocate.request({
        method: "PATCH",
        url: `/api/assistance-referrals/${referral.id}`,
        payload: { status: "accepted", on: today, version: referral.version },
      })
    ).json();
    expect(accepted).toMatchObject({ status: "accepted", acceptedOn: today });
    const stale = await advocate.request({
      method: "PATCH",
      url: `/api/assistance-referrals/${referral.id}`,
      payload: { status: "delivered", version: referral.version },
    });
    expect(stale.statusCode).toBe(409);
    const followUp = await advocate.request({
      method: "POST",
      url: `/api/assistance-referrals/${referral.id}/follow-ups`,
      payload: { note: "Seen by the doctor; second visit booked.", recordedOn: today, nextFollowUpOn: "2099-01-01" },
    });
    expect(followUp.statusCode, followUp.body).toBe(201);
    const [sealed] = await t.handle.asOwner((owner) =>
      owner.query<{ note_encrypted: string }>(
        `select note_encrypted from assistance_follow_ups where referral_id = '${referral.id}'`,
      ),
    );
    expect(sealed.note_encrypted).not.toContain("doctor");
    const current = (await advocate.request({ method: "GET", url: `/api/victims/${victimId}` })).json().referrals[0];
    const outcome = await advocate.request({
      method: "PATCH",
      url: `/api/assistance-referrals/${referral.id}`,
      payload: { outcome: "Treatment completed; no further care needed.", version: current.version },
    });
    expect(outcome.json()).toMatchObject({ outcome: "Treatment completed; no further care needed." });
    const [stored] = await t.handle.asOwner((owner) =>
      owner.query<{ outcome_encrypted: string }>(
        `select outcome_encrypted from assistance_referrals where id = '${referral.id}'`,
      ),
    );
    expect(stored.outcome_encrypted).not.toContain("Treatment");
    const record = (await advocate.request({ method: "GET", url: `/api/victims/${victimId}` })).json();
    expect(record.referrals[0]).toMatchObject({
      status: "accepted",
      followUpOn: "2099-01-01",
      needsAction: false,
      outcome: "Treatment completed; no further care needed.",
      followUps: [{ note: "Seen by the doctor; second visit booked." }],
    });
  });

  it("a provider taken out of use stays in the directory but is no longer offered or referred to", async () => {
    const extra = (
      await advocate.request({
        method: "POST",
        url: "/api/service-providers",
        payload: { missionCode: "MONUSCO", name: "Closed clinic", serviceTypes: ["medical"] },
      })
    ).json();
    const closed = await advocate.request({
      method: "PATCH",
      url: `/api/service-providers/${extra.id}`,
      payload: { active: false },
    });
    expect(closed.json()).toMatchObject({ active: false });
    expect(
      (
        await otherMissionAdvocate.request({
          method: "PATCH",
          url: `/api/service-providers/${extra.id}`,
          payload: { active: true },
        })
      ).statusCode,
    ).toBe(403);
    const offered = (await advocate.request({ method: "GET", url: "/api/service-providers?mission=MONUSCO" }))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(offered).not.toContain("Closed clinic");
    const directory = (
      await advocate.request({ method: "GET", url: "/api/service-providers?mission=MONUSCO&all=true" })
    )
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(directory).toContain("Closed clinic");
    const refused = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/referrals`,
      payload: { providerId: extra.id, serviceType: "medical", proposedOn: today },
    });
    expect(refused.json().code).toBe("unknown_provider");
  });

  it("records a needs assessment with its plan, and a child with their own code", async () => {
    const assessed = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/assessments`,
      payload: {
        assessedOn: today,
        needs: ["medical", "education", "medical"],
        plan: "Medical care first; school fees for next term.",
        reviewOn: "2099-06-01",
      },
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    expect(assessed.json().needs).toEqual(["medical", "education"]);
    const backwards = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/assessments`,
      payload: { assessedOn: today, needs: ["legal"], reviewOn: "2000-01-01" },
    });
    expect(backwards.statusCode).toBe(400);
    const child = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/children`,
      payload: { sex: "male", birthYear: 2025, identity: { name: "Baby K." } },
    });
    expect(child.statusCode, child.body).toBe(201);
    expect(child.json()).toMatchObject({ code: "V-MONUSCO-0001-C1", identityRecorded: true });
    const childReferral = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/referrals`,
      payload: { providerId, serviceType: "psychosocial", childId: child.json().id, proposedOn: today },
    });
    expect(childReferral.statusCode, childReferral.body).toBe(201);
    const record = (await advocate.request({ method: "GET", url: `/api/victims/${victimId}` })).json();
    expect(record.assessments[0]).toMatchObject({
      plan: "Medical care first; school fees for next term.",
      needs: ["medical", "education"],
    });
    expect(record.children).toHaveLength(1);
    expect(JSON.stringify(record)).not.toContain("Baby K.");
  });

  it("the caseload puts what is due first and can show only what is due", async () => {
    const fresh = (
      await advocate.request({
        method: "POST",
        url: "/api/victims",
        payload: { missionCode: "MONUSCO", sex: "male", ageGroup: "adult" },
      })
    ).json();
    const load = (await advocate.request({ method: "GET", url: "/api/victims?limit=200" })).json();
    const codes = load.items.map((item: { code: string }) => item.code);
    // The new record has no consent or assessment yet: it is due today, ahead of records due later.
    expect(load.items.find((item: { code: string }) => item.code === fresh.code)).toMatchObject({
      due: true,
      nextActionOn: today,
    });
    const first = load.items.find((item: { code: string }) => item.code === "V-MONUSCO-0001");
    expect(first).toMatchObject({ cases: 1, openReferrals: 2, children: 1 });
    const dueOnly = (await advocate.request({ method: "GET", url: "/api/victims?dueOnly=true" }))
      .json()
      .items.map((item: { code: string }) => item.code);
    expect(dueOnly).toContain(fresh.code);
    expect(dueOnly).not.toContain("V-MONUSCO-0001");
    // V-MONUSCO-0001 next needs the advocate when the child's referral, given no date, is followed up: in two weeks.
    expect(first.nextActionOn).toBe(defaultFollowUp(today));
    expect(codes.indexOf(fresh.code)).toBeLessThan(codes.indexOf("V-MONUSCO-0001"));
    expect((await otherMissionAdvocate.request({ method: "GET", url: "/api/victims" })).json().items).toEqual([]);
  });
});

describe("nobody else can obtain a victim's identity", () => {
  const everyRoute = () =>
    [
      { method: "GET", url: `/api/victims/${victimId}` },
      { method: "GET", url: "/api/victims" },
      {
        method: "POST",
        url: `/api/victims/${victimId}/identity`,
        payload: { reason: "Just curious about this person" },
      },
      { method: "PATCH", url: `/api/victims/${victimId}`, payload: { contact: "changed", version: 1 } },
      {
        method: "POST",
        url: `/api/victims/${victimId}/consents`,
        payload: { recipient: "member_state", granted: true, givenOn: today },
      },
    ] as const;

  for (const role of [
    "cds_officer",
    "cdt_officer",
    "investigator",
    "analyst",
    "member_state_focal_point",
    "publisher",
    "auditor",
    "administrator",
  ] as const) {
    it(`a ${role} gets no identity from any victim route, the case search, the export or an error`, async () => {
      for (const route of everyRoute()) {
        const response = await prying[role].request({
          method: route.method,
          url: route.url,
          payload: "payload" in route ? route.payload : undefined,
        });
        expect([403, 404], `${route.method} ${route.url}`).toContain(response.statusCode);
        expect(response.body).not.toContain("Amani");
        expect(response.body).not.toContain("555");
      }
      const search = await prying[role].request({ method: "GET", url: "/api/cases?q=Amani" });
      expect(search.body).not.toContain("Amani");
      const exported = await prying[role].request({ method: "GET", url: "/api/cases/export" });
      expect(exported.body).not.toContain("Amani");
      expect(exported.body).not.toContain("V-MONUSCO");
    });
  }

  it("case officers and the assigned investigator see that victims exist on the case: code, sex and age group only", async () => {
    for (const role of ["cds_officer", "cdt_officer", "investigator"] as const) {
      const response = await prying[role].request({ method: "GET", url: `/api/cases/${caseId}/victims` });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().items).toEqual([{ code: "V-MONUSCO-0001", sex: "female", ageGroup: "child" }]);
    }
    for (const role of ["analyst", "member_state_focal_point", "publisher"] as const) {
      expect((await prying[role].request({ method: "GET", url: `/api/cases/${caseId}/victims` })).statusCode).toBe(403);
    }
  });
});

describe("row-level security on the victim tables, on its own", () => {
  const as = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
    ...systemActor,
    userId: "someone",
    role,
    via: "token",
    ...scope,
  });
  const visible = (who: Actor) =>
    inTransaction(t.app.services.db, who, async (tx) =>
      (await tx.select({ code: victims.code }).from(victims)).map((row) => row.code),
    );
  const count = (who: Actor, table: string) =>
    inTransaction(
      t.app.services.db,
      who,
      async (tx) =>
        ((await tx.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] })
          .rows[0].n,
    );

  it("only victim-assistance staff of the mission (and the system) read victim rows", async () => {
    expect(await visible(as("victim_assistance", { missionCodes: ["MONUSCO"] }))).toContain("V-MONUSCO-0001");
    expect(await visible(as("victim_assistance", { missionCodes: ["UNMISS"] }))).toEqual([]);
    for (const role of [
      "cds_officer",
      "cdt_officer",
      "investigator",
      "analyst",
      "member_state_focal_point",
      "publisher",
      "auditor",
      "administrator",
    ] as const) {
      const who = as(role, { missionCodes: ["MONUSCO"], countryCode: "GHA", userId: investigatorId });
      expect(await visible(who), role).toEqual([]);
      for (const table of [
        "victim_cases",
        "victim_consents",
        "needs_assessments",
        "victim_children",
        "assistance_referrals",
        "assistance_follow_ups",
      ]) {
        expect(await count(who, table), `${role} ${table}`).toBe(0);
      }
    }
  });

  it("a write outside the mission is refused by the database itself", async () => {
    const write = inTransaction(t.app.services.db, as("victim_assistance", { missionCodes: ["UNMISS"] }), (tx) =>
      tx.insert(victims).values({ code: "V-MONUSCO-9999", missionCode: "MONUSCO", sex: "female", ageGroup: "adult" }),
    );
    const refusal = await write.then(
      () => null,
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(refusal).toMatch(/row-level security/);
  });

  it("records each time the victim is told of progress, on a case of theirs, the note sealed and read back newest first", async () => {
    const told = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/updates`,
      payload: {
        informedOn: today,
        means: "in_person",
        topics: ["investigation", "assistance"],
        caseId,
        note: "Told her the State appointed an investigator; she asked about school fees.",
      },
    });
    expect(told.statusCode, told.body).toBe(201);
    expect(told.json()).toMatchObject({ caseReference: "MONUSCO-2026-0101", topics: ["investigation", "assistance"] });
    await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/updates`,
      payload: { informedOn: "2026-02-10", means: "phone", topics: ["case_progress"] },
    });
    const record = (await advocate.request({ method: "GET", url: `/api/victims/${victimId}` })).json();
    expect(record.updates.map((u: { informedOn: string }) => u.informedOn)).toEqual([today, "2026-02-10"]);
    expect(record.updates[0].note).toContain("school fees");
    const [row] = await t.handle.asOwner((owner) =>
      owner.query<{ note_encrypted: string }>(
        `select note_encrypted from victim_updates where id = '${told.json().id}'`,
      ),
    );
    expect(row.note_encrypted).not.toContain("school");

    const otherCase = randomUUID();
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values({
        id: otherCase,
        reference: `MONUSCO-U-${otherCase.slice(0, 6)}`,
        missionCode: "MONUSCO",
        dateReported: "2026-02-01",
      }),
    );
    const unlinked = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/updates`,
      payload: { informedOn: today, means: "phone", topics: ["outcome"], caseId: otherCase },
    });
    expect(unlinked.json().code).toBe("case_not_linked");
    const future = await advocate.request({
      method: "POST",
      url: `/api/victims/${victimId}/updates`,
      payload: { informedOn: "2999-01-01", means: "phone", topics: ["outcome"] },
    });
    expect(future.statusCode).toBe(400);
    for (const token of [otherMissionAdvocate, prying.cdt_officer, prying.member_state_focal_point]) {
      const refused = await token.request({
        method: "POST",
        url: `/api/victims/${victimId}/updates`,
        payload: { informedOn: today, means: "phone", topics: ["outcome"] },
      });
      expect(refused.statusCode).toBe(404);
    }
  });
});
