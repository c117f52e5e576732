// Importing historical allegations: a bad row (named by its line) writes nothing; skipping invalid
// rows imports the rest and hands back the rejects; importing again changes nothing; what the
// published table said comes out of the public table as it went in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { headerProblem, importColumns, parseImportRow } from "../../../domain/allegation-import.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let hq: Client;
const header = importColumns.join(",");
const good = [
  "MINUSCA-HIST-001,2017-03,MINUSCA,Military (MC),Gabon,SA,2,1,Yes,NIO,120,Substantiated,Repatriation,Imprisonment,Yes",
  'MINUSCA-HIST-002,2017-05,MINUSCA,"Civilian (INT);Police (FPU)",COG,SE;SA,1,0,No,OIOS,200,Not substantiated,,,No',
  "MONUSCO-HIST-003,2018-11,MONUSCO,Civilian (UNV),,SE,0,0,,,,,,,",
];
const csv = (...rows: string[]) => `${[header, ...rows].join("\n")}\n`;
const importCsv = (client: Client, text: string, skipInvalid = false) =>
  client.request({
    method: "POST",
    url: "/api/publication/import",
    payload: { csv: text, skipInvalid, fileName: "history.csv" },
  });
const publicTable = async () =>
  (await t.app.inject({ method: "GET", url: "/api/public/allegations?limit=500" })).json().items as {
    reference: string;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  hq = await t.tokenFor(await t.createStaff("cds_officer"));
});
afterAll(() => t.close());

describe("reading a row", () => {
  const lookups = {
    missionCodes: new Set(["MINUSCA"]),
    countryByKey: new Map([
      ["GAB", "GAB"],
      ["gabon", "GAB"],
    ]),
  };
  const row = (values: Partial<Record<(typeof importColumns)[number], string>>) =>
    parseImportRow(
      {
        ...Object.fromEntries(importColumns.map((c) => [c, ""])),
        reference: "R-1",
        date_reported: "2017-03",
        mission: "MINUSCA",
        category_of_personnel: "Military (MC)",
        allegation: "SE",
        ...values,
      } as never,
      lookups,
    );

  it("accepts names or codes of countries, and SE;SA", () => {
    expect(row({ nationality: "gabon;GAB", allegation: "SE;SA" })).toMatchObject({
      ok: true,
      value: {
        nationalityCodes: ["GAB"],
        allegationCodes: ["SE_UNSPECIFIED", "SA_UNSPECIFIED"],
        dateReported: "2017-03-01",
      },
    });
  });

  it("names the first problem of a bad row", () => {
    expect(row({ date_reported: "2017-13" })).toMatchObject({ ok: false, reason: expect.stringContaining("YYYY-MM") });
    expect(row({ mission: "ATLANTIS" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not a known mission"),
    });
    expect(row({ category_of_personnel: "Sailor" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Sailor"),
    });
    expect(row({ nationality: "Narnia" })).toMatchObject({ ok: false, reason: expect.stringContaining("Narnia") });
    expect(row({ allegation: "XX" })).toMatchObject({ ok: false });
    expect(row({ victims: "1", victims_children: "2" })).toMatchObject({
      ok: false,
      reason: "victims_children is more than victims",
    });
    expect(row({ paternity_claim: "maybe" })).toMatchObject({ ok: false });
    expect(row({ victims: "-1" })).toMatchObject({ ok: false });
  });

  it("wants the layout's header, in order", () => {
    expect(headerProblem([...importColumns])).toBeNull();
    expect(headerProblem(["\uFEFFreference", ...importColumns.slice(1)])).toBeNull();
    expect(headerProblem([...importColumns].reverse())).toContain("reference,date_reported");
  });
});

describe("importing allegations", () => {
  it("a file with a bad row is refused whole, naming the line, and writes nothing", async () => {
    const refused = await importCsv(hq, csv(good[0], "BAD-1,2017-03,ATLANTIS,Military (MC),,SE,0,0,,,,,,,", good[1]));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: "import_rows_invalid",
      errors: [{ path: "line 3", message: expect.stringContaining("ATLANTIS") }],
    });
    expect(await publicTable()).toEqual([]);
    expect((await importCsv(hq, "a,b\n1,2\n")).json().code).toBe("bad_header");
  });

  it("imports published cases whose facts come out of the public table as they went in; again, it changes nothing", async () => {
    const first = await importCsv(hq, csv(...good));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 3, created: 3, unchanged: 0, rejected: [], rejectCsv: null });
    const again = (await importCsv(hq, csv(...good))).json();
    expect(again).toMatchObject({ created: 0, unchanged: 3 });
    const table = await t.app.inject({ method: "GET", url: "/api/public/allegations?format=csv&limit=500" });
    const lines = table.body.trim().split("\n");
    expect(lines).toContain(
      "MINUSCA-HIST-001,2017-03,MINUSCA,Military (MC),GAB,SA,2,1,Yes,NIO,120,Substantiated,Repatriation,Imprisonment,Yes",
    );
    // One allegation per category: the civilian and the police unit of MINUSCA-HIST-002.
    expect(lines.filter((line) => line.startsWith("MINUSCA-HIST-002"))).toHaveLength(2);
    // Re-importing the public table's own CSV changes nothing either.
    expect((await importCsv(hq, table.body)).json()).toMatchObject({ created: 0, unchanged: 3 });
  });

  it("skipping invalid rows imports the rest and gives the rejects back with their line and reason", async () => {
    const result = (
      await importCsv(
        hq,
        csv(
          "UNMISS-HIST-010,2019-02,UNMISS,Police (UNPOL),IND,SE,1,0,No,OIOS,90,Substantiated,,,No",
          "UNMISS-HIST-011,2019-02,UNMISS,Police (UNPOL),IND,SE,one,0,No,,,,,,",
        ),
        true,
      )
    ).json();
    expect(result).toMatchObject({
      created: 1,
      rejected: [{ line: 3, reason: expect.stringContaining("whole number") }],
    });
    expect(result.rejectCsv.split("\n")[0]).toBe(`${header},line,reason`);
    expect(result.rejectCsv).toContain("UNMISS-HIST-011");
  });

  it("refuses a reference that belongs to a case recorded here, naming its line", async () => {
    await t.handle.asOwner((owner) =>
      owner.query(
        "insert into cases (reference, mission_code, date_reported) values ('MONUSCO-2019-0007', 'MONUSCO', '2019-01-10')",
      ),
    );
    const refused = (
      await importCsv(
        hq,
        csv(
          good[2].replace("MONUSCO-HIST-003", "NEW-HIST-9"),
          "MONUSCO-2019-0007,2019-01,MONUSCO,Military (MC),GHA,SE,1,0,No,,,,,,",
        ),
      )
    ).json();
    expect(refused).toMatchObject({
      code: "import_rows_invalid",
      errors: [
        { path: "line 3", message: expect.stringContaining("MONUSCO-2019-0007 is a case recorded in Conduct Ledger") },
      ],
    });
    expect((await publicTable()).map((row) => row.reference)).not.toContain("NEW-HIST-9");
  });

  it("is headquarters' alone", async () => {
    for (const role of ["cdt_officer", "publisher", "analyst"] as const) {
      const client = await t.tokenFor(
        await t.createStaff(role, role === "cdt_officer" ? { missionCodes: ["MINUSCA"] } : {}),
      );
      expect((await importCsv(client, csv(good[0]))).statusCode).toBe(403);
    }
  });
});
