// Published tables as a PDF in any of the six languages: landscape pages, each table's header
// repeated on each page it runs onto, Chinese in a font with its glyphs, Arabic joined and set right
// to left with its first column on the right. The table of allegations shows the columns the web
// page shows (allegation-columns.ts).
import { openPdf, paragraphHeight, rightToLeft, writeParagraph } from "../../pdf.js";
import { allegationColumns } from "./allegation-columns.js";
import { dataMessages } from "../../public/data-messages.js";
import type { PublicLanguage } from "../../public/messages.js";
import type { PublicAllegation } from "./service.js";

export interface PdfTable {
  heading?: string;
  columns: { header: string; weight: number }[];
  rows: string[][];
  /** Rows (by index) set in bold, such as totals. */
  boldRows?: number[];
}

export async function tablesPdf(
  language: PublicLanguage,
  title: string,
  intro: string,
  tables: PdfTable[],
  empty: string,
): Promise<Buffer> {
  const rtl = rightToLeft(language);
  const { doc, done } = await openPdf({ title, language, layout: "landscape" });
  const left = doc.page.margins.left;
  const pageWidth = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  function writeTable(table: PdfTable) {
    const total = table.columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = table.columns.map((column) => (column.weight / total) * pageWidth);
    // Right to left, the first column is on the right.
    const xs = widths.map((_, i) =>
      rtl
        ? left + pageWidth - widths.slice(0, i + 1).reduce((a, b) => a + b, 0)
        : left + widths.slice(0, i).reduce((a, b) => a + b, 0),
    );
    const header = table.columns.map((column) => column.header);
    function row(cells: string[], font: "regular" | "bold", isHeader = false) {
      doc.font(font).fontSize(6.5);
      const height = Math.max(...cells.map((cell, i) => paragraphHeight(doc, cell, widths[i] - 4, rtl))) + 4;
      if (doc.y + height > bottom()) {
        doc.addPage();
        if (!isHeader) row(header, "bold", true);
      }
      const top = doc.y;
      cells.forEach((cell, i) => {
        doc.font(font).fontSize(6.5).fillColor("#000");
        writeParagraph(doc, cell, xs[i] + 2, top + 2, widths[i] - 4, rtl);
      });
      doc
        .moveTo(left, top + height)
        .lineTo(left + pageWidth, top + height)
        .lineWidth(0.3)
        .strokeColor("#adb5bd")
        .stroke();
      doc.x = left;
      doc.y = top + height;
    }
    if (table.heading) {
      doc.font("bold").fontSize(10);
      writeParagraph(doc, table.heading, left, doc.y + 10, pageWidth, rtl);
      doc.y += 4;
    }
    row(header, "bold", true);
    table.rows.forEach((cells, index) => {
      row(cells, table.boldRows?.includes(index) ? "bold" : "regular");
    });
    if (table.rows.length === 0) {
      doc.font("regular").fontSize(9);
      writeParagraph(doc, empty, left, doc.y + 4, pageWidth, rtl);
    }
  }

  doc.font("bold").fontSize(13);
  writeParagraph(doc, title, left, doc.y, pageWidth, rtl);
  doc.font("regular").fontSize(8);
  writeParagraph(doc, intro, left, doc.y + 4, pageWidth, rtl);
  doc.y += 8;
  for (const table of tables) writeTable(table);
  doc.end();
  return done;
}

/** The date a document was made, as its reader writes dates. */
export const madeOn = (language: PublicLanguage) =>
  new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date());

export async function publicAllegationsPdf(
  items: PublicAllegation[],
  language: PublicLanguage,
  countryNames: Map<string, string>,
): Promise<Buffer> {
  const words = dataMessages[language];
  const columns = allegationColumns(language, countryNames);
  return tablesPdf(
    language,
    words.tableTitle,
    `${words.tableIntro} ${madeOn(language)}`,
    [{ columns, rows: items.map((item) => columns.map((column) => column.cell(item))) }],
    words.noRows,
  );
}
