// Every CSV and XLSX file the app writes goes through here, so that no cell carries a live formula:
// text that came from people (a contingent's list, a location's name, an imported row) is opened in
// a spreadsheet program by someone else, and `=HYPERLINK(…)` there is an attack on that reader.
import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null | undefined;

/** Text a spreadsheet program would read as a formula or a command: its first character says so. */
const formulaStart = /^[=+\-@\t\r]/;

/** The cell as inert text: a leading apostrophe makes the program show the text instead of running it. */
export function inertCell(value: Cell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return formulaStart.test(value) ? `'${value}` : value;
}

const inertRows = (rows: Cell[][]) => rows.map((row) => row.map(inertCell));

/** CSV text; with a byte order mark, spreadsheet programs read it as UTF-8 (names in six scripts). */
export function csvText(rows: Cell[][], options: { byteOrderMark?: boolean } = {}): string {
  return `${options.byteOrderMark ? "\uFEFF" : ""}${stringify(inertRows(rows))}`;
}

export interface Sheet {
  name: string;
  /** Shown in bold and kept in view while scrolling. */
  header: Cell[];
  rows: Cell[][];
  /** Rows (by index in `rows`) shown in bold, such as a second table's title. */
  boldRows?: number[];
  columnWidth?: number;
}

export const workbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function workbookBuffer(sheets: Sheet[]): Promise<Buffer> {
  // Loaded on first use: the spreadsheet library is large and most instances never export.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow(spec.header.map(inertCell)).font = { bold: true };
    inertRows(spec.rows).forEach((cells, index) => {
      const row = sheet.addRow(cells);
      if (spec.boldRows?.includes(index)) row.font = { bold: true };
    });
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    if (spec.columnWidth)
      sheet.columns.forEach((column) => {
        column.width = spec.columnWidth;
      });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
