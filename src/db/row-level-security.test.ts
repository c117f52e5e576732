// The second layer on its own: queries straight to the tables, as the application role, under an
// actor context — no server policy involved.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { systemActor, type Actor } from "../server/auth/actor.js";
import { inTransaction } from "../server/transaction.js";
import { auditEvents, caseAssignments, cases, perpetrators, referrals, reports } from "./schema.js";

let t: TestApp;
let investigatorId = "";
const actor = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({
  ...systemActor,
  userId: "someone",
  role,
  via: "token",
  ...scope,
});
const visibleReferences = async (who: Actor) =>
  inTransaction(t.app.services.db, who, async (tx) =>
    (await tx.select({ reference: cases.reference }).from(cases).orderBy(cases.reference)).map((row) => row.reference),
  );

beforeAll(async () => {
  t = await createTestApp();
  investigatorId = (await t.createStaff("investigator")).id;
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    const rows = await tx
      .insert(cases)
      .values([
        {
          reference: "MONUSCO-2026-0001",
          missionCode: "MONUSCO",
          dateReported: "2026-01-01",
          nationalityCodes: ["GHA"],
        },
        {
          reference: "MINUSCA-2026-0001",
          missionCode: "MINUSCA",
          dateReported: "2026-01-02",
          nationalityCodes: ["RWA"],
        },
        { reference: "UNMISS-2026-0001", missionCode: "UNMISS", dateReported: "2026-01-03", nationalityCodes: [] },
      ])
      .returning({ id: cases.id });
    await tx.insert(caseAssignments).values({ caseId: rows[2].id, userId: investigatorId });
  });
});
afterAll(() => t.close());

describe("row-level security on cases", () => {
  it("the lookup of cases by number, which runs past row-level security, answers ids only and to the application's role only", async () => {
    const [row] = await t.handle.asOwner((owner) =>
      owner.query<{ public: boolean; app: boolean }>(
        `select exists (select 1 from aclexplode((select coalesce(proacl, acldefault('f', proowner)) from pg_proc where proname = 'conduct_cases_numbered')) a where a.grantee = 0) as public,
                has_function_privilege('conduct_app', 'conduct_cases_numbered(text)', 'execute') as app`,
      ),
    );
    // No ACL at all would mean the default: anyone may call it.
    expect(row).toEqual({ public: false, app: true });
    const ids = await inTransaction(
      t.app.services.db,
      actor("cdt_officer", { missionCodes: ["MINUSCA"] }),
      async (tx) =>
        (
          (await tx.execute(sql`select conduct_cases_numbered('monusco-2026') as id`)) as unknown as {
            rows: { id: string }[];
          }
        ).rows,
    );
    // An id of another mission's case, but reading it back stays under row-level security.
    expect(ids).toHaveLength(1);
    expect(
      await inTransaction(t.app.services.db, actor("cdt_officer", { missionCodes: ["MINUSCA"] }), async (tx) =>
        tx.select({ id: cases.id }).from(cases).where(sql`${cases.id} = ${ids[0].id}`),
      ),
    ).toEqual([]);
  });

  it("the application role really is a non-owner, non-superuser role", async () => {
    const result = (await t.app.services.db.execute(
      sql`select current_user as name, (select rolsuper from pg_roles where rolname = current_user) as superuser`,
    )) as unknown as { rows: unknown[] };
    const [row] = result.rows as unknown as { name: string; superuser: boolean }[];
    expect(row).toEqual({ name: "conduct_app", superuser: false });
  });

  it("without an actor context a query sees no case at all", async () => {
    const rows = await t.app.services.db.select({ id: cases.id }).from(cases);
    expect(rows).toEqual([]);
  });

  it("a CDT officer's unfiltered query sees only their mission's cases", async () => {
    expect(await visibleReferences(actor("cdt_officer", { missionCodes: ["MINUSCA"] }))).toEqual(["MINUSCA-2026-0001"]);
  });

  it("a Member State focal point sees only cases involving its nationals", async () => {
    expect(await visibleReferences(actor("member_state_focal_point", { countryCode: "GHA" }))).toEqual([
      "MONUSCO-2026-0001",
    ]);
    expect(await visibleReferences(actor("member_state_focal_point", { countryCode: "FRA" }))).toEqual([]);
  });

  it("an investigator sees only the cases assigned to them", async () => {
    expect(await visibleReferences(actor("investigator", { userId: investigatorId }))).toEqual(["UNMISS-2026-0001"]);
    expect(await visibleReferences(actor("investigator", { userId: "another-investigator" }))).toEqual([]);
  });

  it("an administrator and an auditor see no case content", async () => {
    expect(await visibleReferences(actor("administrator"))).toEqual([]);
    expect(await visibleReferences(actor("auditor"))).toEqual([]);
  });

  it("a CDT officer cannot write a case into another mission", async () => {
    await expect(
      inTransaction(t.app.services.db, actor("cdt_officer", { missionCodes: ["MINUSCA"] }), (tx) =>
        tx.insert(cases).values({ reference: "UNMISS-2026-0099", missionCode: "UNMISS", dateReported: "2026-02-01" }),
      ),
    ).rejects.toThrow();
  });

  it("an update under an out-of-scope context changes nothing", async () => {
    const updated = await inTransaction(t.app.services.db, actor("cdt_officer", { missionCodes: ["MINUSCA"] }), (tx) =>
      tx
        .update(cases)
        .set({ status: "closed" })
        .where(sql`${cases.missionCode} = 'MONUSCO'`)
        .returning({ id: cases.id }),
    );
    expect(updated).toEqual([]);
  });
});

describe("a case's nationalities, projected for a Member State in the database", () => {
  const ghana = actor("member_state_focal_point", { countryCode: "GHA" });
  const rows = async <T>(who: Actor, query: ReturnType<typeof sql>) =>
    inTransaction(t.app.services.db, who, async (tx) => ((await tx.execute(query)) as unknown as { rows: T[] }).rows);
  let jointCase = "";

  beforeAll(async () => {
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      const [row] = await tx
        .insert(cases)
        .values({
          reference: "MINUSCA-2026-0002",
          missionCode: "MINUSCA",
          dateReported: "2026-03-01",
          categoryCodes: ["MIL_MC", "FPU"],
          nationalityCodes: ["RWA", "GHA"],
          allegationCodes: ["SA_RAPE"],
          allegationPairs: ["FPU:RWA", "MIL_MC:GHA"],
        })
        .returning({ id: cases.id });
      jointCase = row.id;
    });
  });

  it("the application role may not read the case's arrays that name nationalities, whoever acts", async () => {
    const refusal = (who: Actor, query: ReturnType<typeof sql>) =>
      rows(who, query).then(
        () => "read",
        (error: { cause?: { code?: string } }) => error.cause?.code,
      );
    // 42501: insufficient privilege.
    expect(await refusal(systemActor, sql`select nationality_codes from cases`)).toBe("42501");
    expect(await refusal(systemActor, sql`select allegation_pairs from cases`)).toBe("42501");
    expect(await refusal(ghana, sql`select * from cases`)).toBe("42501");
    expect(await refusal(ghana, sql`select reference from cases`)).toBe("read");
  });

  it("a State reads its own nationals only; headquarters reads all, in the recorded order; another mission nothing", async () => {
    const nationalities = (who: Actor) =>
      rows<{ code: string }>(
        who,
        sql`select nationality_code as code from case_nationalities where case_id = ${jointCase} order by position`,
      ).then((found) => found.map((row) => row.code));
    expect(await nationalities(ghana)).toEqual(["GHA"]);
    expect(await nationalities(actor("member_state_focal_point", { countryCode: "RWA" }))).toEqual(["RWA"]);
    expect(await nationalities(actor("cds_officer"))).toEqual(["RWA", "GHA"]);
    expect(await nationalities(actor("cdt_officer", { missionCodes: ["MONUSCO"] }))).toEqual([]);
    expect(await nationalities(actor("member_state_focal_point", { countryCode: "SEN" }))).toEqual([]);
  });

  it("the rows follow the case's list when it changes", async () => {
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .update(cases)
        .set({ nationalityCodes: ["GHA", "SEN"] })
        .where(sql`${cases.id} = ${jointCase}`),
    );
    const all = await rows<{ code: string }>(
      systemActor,
      sql`select nationality_code as code from case_nationalities where case_id = ${jointCase} order by position`,
    );
    expect(all.map((row) => row.code)).toEqual(["GHA", "SEN"]);
    // The rows carry the case's scope: a case moved to another mission is that mission's team's to read.
    const readBy = (missionCode: string) =>
      rows<{ code: string }>(
        actor("cdt_officer", { missionCodes: [missionCode] }),
        sql`select nationality_code as code from case_nationalities where case_id = ${jointCase}`,
      );
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.update(cases).set({ missionCode: "MONUSCO" }).where(sql`${cases.id} = ${jointCase}`),
    );
    expect(await readBy("MONUSCO")).toHaveLength(2);
    expect(await readBy("MINUSCA")).toEqual([]);
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.update(cases).set({ missionCode: "MINUSCA" }).where(sql`${cases.id} = ${jointCase}`),
    );
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx
        .update(cases)
        .set({ nationalityCodes: ["RWA", "GHA"] })
        .where(sql`${cases.id} = ${jointCase}`),
    );
  });

  it("pairs and counted allegations come to a State without another State's nationals", async () => {
    const [pairs] = await rows<{ pairs: string[] }>(
      ghana,
      sql`select conduct_known_allegation_pairs(${jointCase}) as pairs`,
    );
    expect(pairs.pairs).toEqual(["MIL_MC:GHA"]);
    const [hidden] = await rows<{ pairs: string[] }>(
      actor("cdt_officer", { missionCodes: ["MONUSCO"] }),
      sql`select conduct_known_allegation_pairs(${jointCase}) as pairs`,
    );
    expect(hidden.pairs).toEqual([]);
    const units = await rows<{ nationality: string }>(
      ghana,
      sql`select nationality_code as nationality from conduct_known_allegation_units() where case_id = ${jointCase}`,
    );
    expect(units.map((unit) => unit.nationality)).toEqual(["GHA"]);
    const everyUnit = await rows<{ nationality: string }>(
      actor("cds_officer"),
      sql`select nationality_code as nationality from conduct_known_allegation_units() where case_id = ${jointCase} order by 1`,
    );
    expect(everyUnit.map((unit) => unit.nationality)).toEqual(["GHA", "RWA"]);
  });
});

describe("row-level security on reports", () => {
  const seed = async () => {
    const focal = await t.createStaff("cbcm_focal_point", { missionCodes: ["MINUSCA"] });
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      const base = {
        channel: "web_form",
        language: "en",
        whatHappenedEncrypted: "enc:v1:0:x",
        childrenInvolved: "unknown",
        reporterIsVictim: "no",
        anonymous: true,
      };
      await tx.insert(reports).values([
        { ...base, missionCode: "MONUSCO", receiptHash: "rls-1" },
        { ...base, missionCode: "MINUSCA", receiptHash: "rls-2", submittedBy: focal.id },
        { ...base, missionCode: null, receiptHash: "rls-3" },
      ]);
    });
    return focal.id;
  };
  const visibleReceipts = (who: Actor) =>
    inTransaction(t.app.services.db, who, async (tx) =>
      (await tx.select({ hash: reports.receiptHash }).from(reports).orderBy(reports.receiptHash)).map(
        (row) => row.hash,
      ),
    );

  it("each actor sees only the reports of their scope, and the public sees none", async () => {
    const focalId = await seed();
    expect(await visibleReceipts(actor("cdt_officer", { missionCodes: ["MONUSCO"] }))).toEqual(["rls-1"]);
    expect(await visibleReceipts(actor("cds_officer"))).toEqual(["rls-1", "rls-2", "rls-3"]);
    expect(await visibleReceipts(actor("cbcm_focal_point", { userId: focalId, missionCodes: ["MINUSCA"] }))).toEqual([
      "rls-2",
    ]);
    expect(
      await visibleReceipts(actor("cbcm_focal_point", { userId: "another-focal-point", missionCodes: ["MINUSCA"] })),
    ).toEqual([]);
    for (const role of [
      "public",
      "member_state_focal_point",
      "investigator",
      "analyst",
      "auditor",
      "administrator",
      "victim_assistance",
    ] as const) {
      expect(await visibleReceipts(actor(role, { countryCode: "GHA", missionCodes: ["MONUSCO"] }))).toEqual([]);
    }
  });

  it("the public may insert a report but not one claiming a staff submitter", async () => {
    const base = {
      channel: "api",
      language: "en",
      whatHappenedEncrypted: "enc:v1:0:x",
      childrenInvolved: "unknown",
      reporterIsVictim: "no",
      anonymous: true,
      missionCode: "MONUSCO",
    };
    await inTransaction(t.app.services.db, actor("public", { userId: null }), (tx) =>
      tx.insert(reports).values({ ...base, receiptHash: "rls-public" }),
    );
    await expect(
      inTransaction(t.app.services.db, actor("public", { userId: null }), (tx) =>
        tx.insert(reports).values({ ...base, receiptHash: "rls-forged", submittedBy: investigatorId }),
      ),
    ).rejects.toThrow();
  });
});

describe("row-level security on referrals", () => {
  it("a Member State focal point sees only the referral addressed to their State, even on a case they may see", async () => {
    const caseId = randomUUID();
    await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values({
        id: caseId,
        reference: "MINUSCA-2026-0777",
        missionCode: "MINUSCA",
        dateReported: "2026-01-01",
        nationalityCodes: ["GHA", "RWA"],
      });
      await tx.insert(referrals).values([
        { caseId, entity: "member_state", countryCode: "GHA", sentOn: "2026-02-01" },
        { caseId, entity: "member_state", countryCode: "RWA", sentOn: "2026-02-01" },
      ]);
    });
    const visible = (who: Actor) =>
      inTransaction(t.app.services.db, who, async (tx) =>
        (await tx.select({ country: referrals.countryCode }).from(referrals).orderBy(referrals.countryCode)).map(
          (r) => r.country,
        ),
      );
    expect(await visible(actor("member_state_focal_point", { countryCode: "GHA" }))).toEqual(["GHA"]);
    expect(await visible(actor("cdt_officer", { missionCodes: ["MINUSCA"] }))).toEqual(["GHA", "RWA"]);
    expect(await visible(actor("cdt_officer", { missionCodes: ["MONUSCO"] }))).toEqual([]);
    expect(await visible(actor("member_state_focal_point", { countryCode: "IND" }))).toEqual([]);
  });
});

describe("row-level security on the audit trail", () => {
  it("a State reads the history of its cases without another State's referral, investigation or nationals", async () => {
    const caseId = randomUUID();
    const otherCase = randomUUID();
    const ids = await inTransaction(t.app.services.db, systemActor, async (tx) => {
      await tx.insert(cases).values([
        {
          id: caseId,
          reference: "MINUSCA-2026-0888",
          missionCode: "MINUSCA",
          dateReported: "2026-01-01",
          nationalityCodes: ["GHA", "RWA"],
        },
        {
          id: otherCase,
          reference: "MINUSCA-2026-0889",
          missionCode: "MINUSCA",
          dateReported: "2026-01-01",
          nationalityCodes: ["RWA"],
        },
      ]);
      const [ghana, rwanda] = await tx
        .insert(referrals)
        .values([
          { caseId, entity: "member_state", countryCode: "GHA", sentOn: "2026-02-01" },
          { caseId, entity: "member_state", countryCode: "RWA", sentOn: "2026-02-01" },
        ])
        .returning({ id: referrals.id });
      const [p1, p2] = await tx
        .insert(perpetrators)
        .values([
          { caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: "GHA", identityEncrypted: "enc:v1:0:x" },
          { caseId, code: "P-02", categoryCode: "FPU", nationalityCode: "RWA", identityEncrypted: "enc:v1:0:y" },
        ])
        .returning({ id: perpetrators.id });
      const event = (action: string, subjectId: string, details: Record<string, unknown>) => ({
        occurredAt: new Date(),
        actorId: "hq-officer",
        actorRole: "cds_officer",
        action,
        subjectType: "case",
        subjectId,
        outcome: "success",
        details: { ...details, marker: action + JSON.stringify(details) },
        previousHash: "x",
        hash: randomUUID(),
      });
      await tx
        .insert(auditEvents)
        .values([
          event("case.create", caseId, {}),
          event("case.refer", caseId, { referralId: ghana.id, countryCode: "GHA" }),
          event("case.refer", caseId, { referralId: rwanda.id, countryCode: "RWA" }),
          event("perpetrator.add", caseId, { perpetratorId: p1.id, perpetratorCode: "P-01" }),
          event("perpetrator.add", caseId, { perpetratorId: p2.id, perpetratorCode: "P-02" }),
          event("case.document.attach", caseId, {}),
          event("case.create", otherCase, {}),
        ]);
      return { ghana: ghana.id, p1: p1.id };
    });
    const markers = (who: Actor) =>
      inTransaction(t.app.services.db, who, async (tx) =>
        (
          await tx
            .select({ details: auditEvents.details })
            .from(auditEvents)
            .where(sql`${auditEvents.subjectId} in (${caseId}, ${otherCase})`)
            .orderBy(auditEvents.id)
        ).map((row) => row.details.marker),
      );
    expect(await markers(actor("member_state_focal_point", { countryCode: "GHA" }))).toEqual([
      "case.create{}",
      `case.refer{"referralId":"${ids.ghana}","countryCode":"GHA"}`,
      `perpetrator.add{"perpetratorId":"${ids.p1}","perpetratorCode":"P-01"}`,
    ]);
    expect(await markers(actor("member_state_focal_point", { countryCode: "SEN" }))).toEqual([]);
    expect(await markers(actor("cds_officer"))).toHaveLength(7);
  });
});

describe("row-level security everywhere", () => {
  it("covers every table the app can read, except reference data, sign-in records and counters that hold nothing personal", async () => {
    const open = await t.handle.asOwner((owner) =>
      owner.query<{ relname: string }>(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity AND has_table_privilege('conduct_app', c.oid, 'SELECT') ORDER BY 1",
      ),
    );
    // A new table joins RLS, or this list with its reason.
    const withoutRls = [
      // Reference data everyone reads.
      "allegation_types",
      "countries",
      "misconduct_types",
      "missions",
      "personnel_categories",
      "un_entities",
      // Sign-in records, read by the authentication library for the person signing in.
      "account",
      "api_tokens",
      "rate_limit",
      "session",
      "sign_in_address_failures",
      "sign_in_failures",
      "staff_profiles",
      "two_factor",
      "user",
      "verification",
      // Counters, and keys and secrets kept encrypted.
      "case_number_counters",
      "document_numbers",
      "data_keys",
      "idempotency_keys",
      "screening_secrets",
      "federation_identity",
    ];
    expect(open.map((row) => row.relname)).toEqual(withoutRls.sort());
  });
});
