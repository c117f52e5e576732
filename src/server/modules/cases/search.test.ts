// The case list: filters, full-text search in English and French, pages, saved filters and export,
// always within the caller's scope.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { caseAssignments, cases, referrals } from "../../../db/schema.js";
import { systemActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let hq: Client;
let unmiss: Client;
let ghana: Client;
const ids: Record<string, string> = {};

async function seedCase(
  key: string,
  values: Partial<typeof cases.$inferInsert> & { missionCode: string; dateReported: string },
) {
  const id = randomUUID();
  ids[key] = id;
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values({
      id,
      reference: `${values.missionCode}-${values.dateReported.slice(0, 4)}-900${"abc".indexOf(key) + 1}`,
      ...values,
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const hqOfficer = await t.createStaff("cds_officer");
  hq = await t.tokenFor(hqOfficer);
  unmiss = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["UNMISS"] }));
  ghana = await t.tokenFor(await t.createStaff("member_state_focal_point", { countryCode: "GHA" }));
  await seedCase("a", {
    missionCode: "UNMISS",
    dateReported: "2025-03-01",
    status: "referred",
    categoryCodes: ["MIL_MC"],
    nationalityCodes: ["GHA"],
    allegationCodes: ["SA_RAPE"],
  });
  await seedCase("b", {
    missionCode: "UNMISS",
    dateReported: "2025-05-01",
    status: "closed",
    categoryCodes: ["CIV_INT"],
    allegationCodes: ["SE_TRANSACTIONAL_SEX"],
  });
  await seedCase("c", {
    missionCode: "MINUSCA",
    dateReported: "2024-02-01",
    status: "referred",
    categoryCodes: ["MIL_MC"],
    nationalityCodes: ["IND"],
    allegationCodes: ["SA_RAPE"],
  });
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(caseAssignments).values({ caseId: ids.c, userId: hqOfficer.id }),
  );
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(referrals).values({
      caseId: ids.a,
      entity: "member_state",
      countryCode: "GHA",
      sentOn: "2025-03-05",
      replyDueOn: "2025-03-19",
    }),
  );
  // Narratives and notes, written through the API so that the search document is built as in use.
  const narrate = async (key: string, narrative: string, confidential = false) =>
    expect(
      (
        await hq.request({
          method: "PATCH",
          url: `/api/cases/${ids[key]}`,
          payload: { narrative, narrativeConfidential: confidential, version: 1 },
        })
      ).statusCode,
    ).toBe(200);
  await narrate("a", "Les soldats ont été vus près de l'hôpital avec des mineures.");
  await narrate("b", "A driver solicited transactional sex at the market.");
  await narrate("c", "Confidential: the victim named the commander of the hospital guard.", true);
  await hq.request({
    method: "POST",
    url: `/api/cases/${ids.b}/notes`,
    payload: { body: "Témoin entendu à l'hôpital de Juba." },
  });
});
afterAll(() => t.close());

const references = async (client: Client, query: string) => {
  const response = await client.request({ method: "GET", url: `/api/cases?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { id: string }[])
    .map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0])
    .filter(Boolean);
};

describe("case list", () => {
  it("filters by mission, year, status, category, nationality, type and overdue, and stays within scope", async () => {
    expect(await references(hq, "mission=UNMISS")).toEqual(["b", "a"]);
    expect(await references(hq, "year=2025&status=referred&category=MIL_MC")).toEqual(["a"]);
    expect(await references(hq, "nationality=IND&type=SA_RAPE")).toEqual(["c"]);
    expect(await references(hq, "overdue=true")).toEqual(["a"]);
    expect(await references(hq, "overdue=false")).toEqual(["b", "c"]);
    expect(await references(hq, "mission=UNMISS&overdue=false&published=false")).toEqual(["b"]);
    expect(await references(hq, "published=true")).toEqual([]);
    expect(await references(hq, "assignedToMe=true")).toEqual(["c"]);
    expect(await references(unmiss, "assignedToMe=true")).toEqual([]);
    expect(await references(unmiss, "type=SA_RAPE")).toEqual(["a"]);
    expect(await references(ghana, "")).toEqual(["a"]);
    expect(await references(hq, "mission=UNMISS&sort=dateReported&direction=asc")).toEqual(["a", "b"]);
    const page = (await hq.request({ method: "GET", url: "/api/cases?limit=1" })).json();
    expect(page).toMatchObject({ limit: 1, hasMore: true });
    expect((await hq.request({ method: "GET", url: "/api/cases?status=lost" })).statusCode).toBe(400);
  });

  it("full-text search finds words across accents and French/English forms, in narratives and notes, never in confidential narratives", async () => {
    expect(await references(hq, "q=hopital")).toEqual(["b", "a"]);
    expect(await references(hq, `q=${encodeURIComponent("soldat")}`)).toEqual(["a"]);
    expect(await references(hq, "q=soliciting")).toEqual(["b"]);
    expect(await references(hq, "q=commander")).toEqual([]);
    expect(await references(hq, "q=UNMISS-2025-9001")).toEqual(["a"]);
    expect(await references(unmiss, "q=hopital")).toEqual(["b", "a"]);
    expect(await references(unmiss, "q=MINUSCA-2024-9003")).toEqual([]);
  });

  it("a Member State searches by case number only: its role does not read narratives", async () => {
    const refused = await ghana.request({ method: "GET", url: "/api/cases?q=hopital" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("full_text_not_allowed");
    expect(await references(ghana, "q=MINUSCA-2024-9003")).toEqual([]);
    expect(await references(ghana, "q=UNMISS-2025-9001")).toEqual(["a"]);
  });

  it("saved filters belong to their owner", async () => {
    const saved = await hq.request({
      method: "POST",
      url: "/api/saved-filters",
      payload: { name: "Late in UNMISS", query: { mission: "UNMISS", overdue: "true" } },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await hq.request({ method: "GET", url: "/api/saved-filters" })).json().items).toEqual([
      expect.objectContaining({ name: "Late in UNMISS", query: { mission: "UNMISS", overdue: "true" } }),
    ]);
    expect((await unmiss.request({ method: "GET", url: "/api/saved-filters" })).json().items).toEqual([]);
    expect((await unmiss.request({ method: "DELETE", url: `/api/saved-filters/${saved.json().id}` })).statusCode).toBe(
      404,
    );
    expect((await hq.request({ method: "DELETE", url: `/api/saved-filters/${saved.json().id}` })).statusCode).toBe(200);
  });

  it("exports the filtered list as CSV and XLSX within scope, without narratives", async () => {
    const csv = await unmiss.request({ method: "GET", url: "/api/cases/export?format=csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toContain(".csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toContain("reference,mission,status");
    expect(lines).toHaveLength(3);
    expect(csv.body).not.toContain("MINUSCA");
    expect(csv.body).not.toContain("market");
    const xlsx = await ghana.request({ method: "GET", url: "/api/cases/export?format=xlsx" });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Cases");
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(1).value).toBe("UNMISS-2025-9001");
  });
});
