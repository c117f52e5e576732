// The second layer on its own: queries straight to the tables, as the application role, under an
// actor context — no server policy involved.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { systemActor, type Actor } from "../server/auth/actor.js";
import { inTransaction } from "../server/transaction.js";
import { caseAssignments, cases } from "./schema.js";

let t: TestApp;
let investigatorId = "";
const actor = (role: Actor["role"], scope: Partial<Actor> = {}): Actor => ({ ...systemActor, userId: "someone", role, via: "token", ...scope });
const visibleReferences = async (who: Actor) =>
  inTransaction(t.app.services.db, who, async (tx) => (await tx.select({ reference: cases.reference }).from(cases).orderBy(cases.reference)).map((row) => row.reference));

beforeAll(async () => {
  t = await createTestApp();
  investigatorId = (await t.createStaff("investigator")).id;
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    const rows = await tx
      .insert(cases)
      .values([
        { reference: "MONUSCO-2026-0001", missionCode: "MONUSCO", dateReported: "2026-01-01", nationalityCodes: ["GHA"] },
        { reference: "MINUSCA-2026-0001", missionCode: "MINUSCA", dateReported: "2026-01-02", nationalityCodes: ["RWA"] },
        { reference: "UNMISS-2026-0001", missionCode: "UNMISS", dateReported: "2026-01-03", nationalityCodes: [] },
      ])
      .returning();
    await tx.insert(caseAssignments).values({ caseId: rows[2].id, userId: investigatorId });
  });
});
afterAll(() => t.close());

describe("row-level security on cases", () => {
  it("the application role really is a non-owner, non-superuser role", async () => {
    const result = (await t.app.services.db.execute(sql`select current_user as name, (select rolsuper from pg_roles where rolname = current_user) as superuser`)) as unknown as { rows: unknown[] };
    const [row] = result.rows as unknown as { name: string; superuser: boolean }[];
    expect(row).toEqual({ name: "conduct_app", superuser: false });
  });

  it("without an actor context a query sees no case at all", async () => {
    const rows = await t.app.services.db.select().from(cases);
    expect(rows).toEqual([]);
  });

  it("a CDT officer's unfiltered query sees only their mission's cases", async () => {
    expect(await visibleReferences(actor("cdt_officer", { missionCodes: ["MINUSCA"] }))).toEqual(["MINUSCA-2026-0001"]);
  });

  it("a Member State focal point sees only cases involving its nationals", async () => {
    expect(await visibleReferences(actor("member_state_focal_point", { countryCode: "GHA" }))).toEqual(["MONUSCO-2026-0001"]);
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
      tx.update(cases).set({ status: "closed" }).where(sql`${cases.missionCode} = 'MONUSCO'`).returning(),
    );
    expect(updated).toEqual([]);
  });
});
