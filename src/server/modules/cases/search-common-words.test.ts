// A searched word that many cases share is found by walking the list in its order; a rare one by
// its matches first (queries.ts, fewMatchingIds). Both must give the same pages, in the same order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { FEW_MATCHES } from "./queries.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let officer: Client;
let minusca: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.tokenFor(await t.createStaff("cds_officer"));
  minusca = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MINUSCA"] }));
  // More cases than FEW_MATCHES share "garrison"; one in ten also says "ambulance"; MINUSCA holds a third.
  await t.handle.asOwner((owner) =>
    owner.query(
      `INSERT INTO cases (reference, mission_code, status, date_reported, search_vector)
       SELECT format('%s-2024-%s', m, lpad(n::text, 4, '0')), m, 'referred', date '2024-01-01' + (n % 300),
              to_tsvector('english', 'garrison' || CASE WHEN n % 10 = 0 THEN ' ambulance' ELSE '' END)
       FROM generate_series(1, $1::int) n, LATERAL (SELECT CASE WHEN n % 3 = 0 THEN 'MINUSCA' ELSE 'UNMISS' END AS m) mission`,
      [FEW_MATCHES + 100],
    ),
  );
});
afterAll(() => t.close());

async function allPages(client: Client, query: string) {
  const seen: { reference: string; dateReported: string; missionCode: string }[] = [];
  for (let offset = 0; ; offset += 200) {
    const response = await client.request({ method: "GET", url: `/api/cases?${query}&limit=200&offset=${offset}` });
    expect(response.statusCode, response.body).toBe(200);
    seen.push(...response.json().items);
    if (!response.json().hasMore) return seen;
  }
}

const newestFirst = (a: { dateReported: string; reference: string }, b: { dateReported: string; reference: string }) =>
  b.dateReported.localeCompare(a.dateReported) || b.reference.localeCompare(a.reference);

describe("text search, common words and rare ones", () => {
  it("pages through a word shared by more cases than the matches read first, newest first, none twice", async () => {
    const found = await allPages(officer, "q=garrison");
    expect(found).toHaveLength(FEW_MATCHES + 100);
    expect(new Set(found.map((item) => item.reference)).size).toBe(found.length);
    expect(found).toEqual([...found].sort(newestFirst));
  });

  it("gives a rarer word's cases in the same order, and keeps each officer to their missions", async () => {
    const rare = await allPages(officer, "q=ambulance");
    expect(rare).toHaveLength(Math.floor((FEW_MATCHES + 100) / 10));
    expect(rare).toEqual([...rare].sort(newestFirst));
    const inMission = await allPages(minusca, "q=garrison");
    expect(inMission.length).toBe(Math.floor((FEW_MATCHES + 100) / 3));
    expect(inMission.every((item) => item.missionCode === "MINUSCA")).toBe(true);
    expect((await allPages(minusca, "q=ambulance")).every((item) => item.missionCode === "MINUSCA")).toBe(true);
  });

  it("finds case numbers by their beginning, in any case", async () => {
    expect((await allPages(officer, "q=minusca-2024")).length).toBe(Math.floor((FEW_MATCHES + 100) / 3));
    expect((await allPages(officer, "q=MINUSCA-2024-0003")).map((item) => item.reference)).toEqual([
      "MINUSCA-2024-0003",
    ]);
  });
});
