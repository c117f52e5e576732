// Importing historical allegations: a bad row (named by its line) writes nothing; skipping invalid
// rows imports the rest and hands back the rejects; importing again changes nothing; what the
// published table said comes out of the public table as it went in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.js";
import {
  headerLayout,
  importColumns,
  parseImportRow,
  recordOf,
  shortImportColumns,
} from "../../../domain/allegation-import.js";

let t: TestApp;
type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;
let hq: Client;
// The 15 columns published before 2015 still import; the full table is what comes out.
const header = shortImportColumns.join(",");
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
    findCountry: (text: string) => (["GAB", "gabon"].includes(text) ? "GAB" : null),
    thisMonth: "2025-06",
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
        allegationCodes: ["SA_UNSPECIFIED", "SE_UNSPECIFIED"],
        dateReported: "2017-03-01",
      },
    });
  });

  it("names the first problem of a bad row", () => {
    expect(row({ date_reported: "2017-13" })).toMatchObject({ ok: false, reason: expect.stringContaining("YYYY-MM") });
    // Reported after the month the import began (2025-06 here): in the future; that month itself is not.
    expect(row({ date_reported: "2025-07" })).toMatchObject({ ok: false, reason: "date_reported is in the future" });
    expect(row({ date_reported: "2025-06" })).toMatchObject({ ok: true });
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

  it("wants one of the layouts' headers, in order", () => {
    expect(headerLayout([...importColumns])).toEqual({ layout: importColumns });
    expect(headerLayout([...shortImportColumns])).toEqual({ layout: shortImportColumns });
    expect(headerLayout(["\uFEFFreference", ...importColumns.slice(1)])).toEqual({ layout: importColumns });
    expect(headerLayout([...importColumns].reverse())).toMatchObject({
      problem: expect.stringContaining("reference,date_reported"),
    });
  });

  it("reads the full table: subtypes, a period of incident, victims by group, paternity, UN and State actions", () => {
    const full = parseImportRow(
      recordOf(importColumns, [
        "R-2",
        "2021-04",
        "MINUSCA",
        "Military (MC)",
        "GAB",
        "SA",
        "Rape",
        "2021-01/2021-03",
        "2",
        "3",
        "1",
        "2",
        "0",
        "0",
        "2",
        "Yes",
        "Paternity established",
        "NIO",
        "150",
        "Substantiated",
        "Payment suspension",
        "Imprisonment;Repatriation and ban",
        "Repatriation and ban",
        "Imprisonment",
        "Yes",
      ]),
      lookups,
    );
    expect(full).toMatchObject({
      ok: true,
      value: {
        allegationCodes: ["SA_RAPE"],
        victims: 3,
        victimsByGroup: { women: 1, girls: 2, boys: 0, men: 0 },
        paternityClaim: true,
      },
    });
    if (!full.ok) return;
    expect(full.value.rows.get("MIL_MC:GAB")).toMatchObject({
      incidentPeriod: "2021-01/2021-03",
      allegedPerpetrators: 2,
      childVictims: 2,
      paternityStatus: "established",
      unAction: "Repatriation and ban",
      memberStateAction: "Imprisonment",
    });
    expect(row({ allegation: "SE", allegation_subtype: "Rape" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("is not of the allegation SE"),
    });
    expect(row({ date_of_incident: "2021-05/2021-01" })).toMatchObject({ ok: false });
    expect(row({ paternity_claim: "No", paternity_status: "Pending" })).toMatchObject({ ok: false });
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
    // A finding written over two lines is one row: the bad row after it is named by its own line.
    const twoLines = good[0].replace(",Substantiated,", ',"Substantiated\n(two of three)",');
    expect(
      (await importCsv(hq, csv(twoLines, "BAD-2,2017-13,MINUSCA,Military (MC),,SE,0,0,,,,,,,"))).json(),
    ).toMatchObject({
      errors: [{ path: "line 4", message: expect.stringContaining("date_reported") }],
    });
    const unreadable = await importCsv(hq, csv(good[0], 'BAD-3,2017-03,MINUSCA,"Military (MC)" x,,SE,0,0,,,,,,,'));
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({
      code: "csv_unreadable",
      detail: expect.stringContaining("The file is not readable CSV: line 3: text follows a closing quote"),
    });
    expect(await publicTable()).toEqual([]);
  });

  it("imports published cases whose facts come out of the public table as they went in; again, it changes nothing", async () => {
    const first = await importCsv(hq, csv(...good));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 3, created: 3, unchanged: 0, rejected: [], rejectCsv: null });
    const again = (await importCsv(hq, csv(...good))).json();
    expect(again).toMatchObject({ created: 0, unchanged: 3 });
    const table = await t.app.inject({ method: "GET", url: "/api/public/allegations?format=csv&limit=500" });
    const lines = table.body.trim().split("\n");
    expect(lines[0]).toBe(importColumns.join(","));
    expect(lines).toContain(
      "MINUSCA-HIST-001,2017-03,MINUSCA,Military (MC),GAB,SA,,,,2,0,0,0,0,1,Yes,Pending,NIO,120,Substantiated,Repatriation,Imprisonment,,,Yes",
    );
    // One allegation per category: the civilian and the police unit of MINUSCA-HIST-002.
    expect(lines.filter((line) => line.startsWith("MINUSCA-HIST-002"))).toHaveLength(2);
    // Re-importing the public table's own CSV changes nothing either.
    expect((await importCsv(hq, table.body)).json()).toMatchObject({ created: 0, unchanged: 3 });
    // Rows imported before, between and around new ones: only the new ones are written.
    const fresh = (n: number) => `MINUSCA-HIST-10${n},2017-08,MINUSCA,Military (MC),GAB,SE,1,0,No,,,,,,`;
    const mixed = (await importCsv(hq, csv(good[0], fresh(1), fresh(2), good[1], fresh(3), good[2]))).json();
    expect(mixed).toMatchObject({ rows: 6, created: 3, unchanged: 3, rejected: [] });
    const references = (await publicTable()).map((row) => row.reference);
    for (const n of [1, 2, 3]) expect(references).toContain(`MINUSCA-HIST-10${n}`);
  });

  it("imports a file in the UN's layout that names States as the UN does, in English and in French", async () => {
    const rows = [
      ["UN-EN-1", "2016-02", "MONUSCO", "Military (MC)", "Congo", "SA"],
      ["UN-EN-2", "2016-03", "MINUSCA", "Police (FPU)", "Côte d'Ivoire", "SE"],
      ["UN-EN-3", "2016-04", "MONUSCO", "Military (MC)", "United Republic of Tanzania", "SE"],
      ["UN-FR-1", "2016-05", "MINUSCA", "Military (MC)", "République démocratique du Congo", "SA"],
      ["UN-FR-2", "2016-06", "MINUSCA", "Police (UNPOL)", "Fédération de Russie", "SE"],
      ["UN-FR-3", "2016-07", "MINUSCA", "Military (MO)", "République de Corée", "SE"],
    ].map((start) => [...start, ...Array(importColumns.length - start.length).fill("")].join(","));
    const response = await importCsv(hq, `${[importColumns.join(","), ...rows].join("\n")}\n`);
    expect(response.statusCode, response.body).toBe(200);
    const table = (await t.app.inject({ method: "GET", url: "/api/public/allegations?year=2016&limit=50" })).json()
      .items as { reference: string; nationalityCode: string }[];
    expect(Object.fromEntries(table.map((row) => [row.reference, row.nationalityCode]))).toEqual({
      "UN-EN-1": "COG",
      "UN-EN-2": "CIV",
      "UN-EN-3": "TZA",
      "UN-FR-1": "COD",
      "UN-FR-2": "RUS",
      "UN-FR-3": "KOR",
    });
    // An unknown name is named with its line.
    const refused = await importCsv(hq, `${importColumns.join(",")}\n${rows[0].replace("Congo", "Ruritania")}\n`);
    expect(refused.json()).toMatchObject({
      errors: [{ path: "line 2", message: expect.stringContaining('nationality "Ruritania" is not a country') }],
    });
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

  // More rows than a batch holds, so that the two rows of FAR-1 are staged apart; and a few rows, in one batch.
  it.each([
    ["thousands of rows", "FAR", 2_500, 2015],
    ["a few rows", "NEAR", 8, 2014],
  ])(
    "merges a reference met again %s further down, and refuses one that disagrees",
    async (_, prefix, fillerRows, year) => {
      const filler = Array.from(
        { length: fillerRows },
        (_, n) => `${prefix}-FILL-${n},${year}-06,UNMISS,Civilian (INT),,SE,1,0,No,,,,,,`,
      );
      const first = `${prefix}-1,${year}-01,UNMISS,Military (MC),GHA,SA,3,1,No,NIO,30,Substantiated,Repatriation,,Yes`;
      const again = `${prefix}-1,${year}-01,UNMISS,Police (FPU),SEN,SE,2,0,Yes,OIOS,60,Not substantiated,,,No`;
      // The pair of the first row again: the first row's facts stand.
      const samePair = `${prefix}-1,${year}-01,UNMISS,Military (MC),GHA,SA,1,0,No,NIO,30,Unsubstantiated,,,No`;
      const disagreeing = `${prefix}-FILL-7,${year}-09,UNMISS,Civilian (INT),,SE,1,0,No,,,,,,`;
      const file = csv(first, ...filler, again, samePair, disagreeing);
      const lastLine = filler.length + 5;
      const reason = `reference ${prefix}-FILL-7 appears earlier with another date_reported or mission`;
      expect((await importCsv(hq, file)).json()).toMatchObject({
        code: "import_rows_invalid",
        errors: [{ path: `line ${lastLine}`, message: reason }],
      });
      const imported = () =>
        t.handle.asOwner((owner) =>
          owner.query<Record<string, unknown>>(`select a.category_codes, a.nationality_codes, a.allegation_codes,
          a.victims_unknown, a.paternity_claim, a.finding_outcome,
          array(select r.category_code || ':' || r.nationality_code || ':' || r.findings from imported_allegation_rows r
            where r.reference = a.reference order by 1) as rows
          from imported_allegations a where a.reference like '${prefix}-%' order by a.reference limit 1`),
        );
      expect(await imported()).toEqual([]);

      const skipped = (await importCsv(hq, file, true)).json();
      expect(skipped).toMatchObject({
        rows: filler.length + 4,
        created: filler.length + 1,
        rejected: [{ line: lastLine, reason }],
      });
      // The row comes back as it was read, to fix and import again.
      expect(skipped.rejectCsv).toContain(`${disagreeing},${lastLine},${reason}`);
      expect(await imported()).toEqual([
        {
          category_codes: ["MIL_MC", "POL_FPU"],
          nationality_codes: ["GHA", "SEN"],
          allegation_codes: ["SA_UNSPECIFIED", "SE_UNSPECIFIED"],
          // The most victims any row gave: the first row's three.
          victims_unknown: 3,
          paternity_claim: true,
          finding_outcome: "substantiated",
          rows: ["MIL_MC:GHA:Substantiated", "POL_FPU:SEN:Not substantiated"],
        },
      ]);
      // Counted once, a unit per row: the soldier and the police unit.
      const [units] = await t.handle.asOwner((owner) =>
        owner.query<{ n: number }>(`select sum(count)::int as n from public_allegation_counts
        where year = ${year} and mission_code = 'UNMISS' and category_code in ('MIL_MC', 'POL_FPU')`),
      );
      expect(units.n).toBe(2);
      // The trail says what the import did, of the publication (not of a case).
      const [event] = await t.handle.asOwner((owner) =>
        owner.query<{ subject_type: string; details: Record<string, unknown> }>(
          "select subject_type, details from audit_events where action = 'publication.import' order by id desc limit 1",
        ),
      );
      expect(event).toMatchObject({
        subject_type: "publication",
        details: { rows: filler.length + 4, created: filler.length + 1, rejected: 1 },
      });
    },
  );

  it("is headquarters' alone", async () => {
    for (const role of ["cdt_officer", "publisher", "analyst"] as const) {
      const client = await t.tokenFor(
        await t.createStaff(role, role === "cdt_officer" ? { missionCodes: ["MINUSCA"] } : {}),
      );
      expect((await importCsv(client, csv(good[0]))).statusCode).toBe(403);
    }
  });
});
