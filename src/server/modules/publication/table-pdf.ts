// The table of published allegations as a PDF in any of the six languages: landscape pages, the
// header repeated on each, the columns the web page shows (allegation-columns.ts), Chinese in a
// font with its glyphs, Arabic joined and set right to left with its first column on the right.
import { openPdf, paragraphHeight, rightToLeft, writeParagraph } from "../../pdf.js";
import { allegationColumns } from "./allegation-columns.js";
import { dataMessages } from "../../public/data-messages.js";
import type { PublicLanguage } from "../../public/messages.js";
import type { PublicAllegation } from "./service.js";

export async function publicAllegationsPdf(
  items: PublicAllegation[],
  language: PublicLanguage,
  countryNames: Map<string, string>,
): Promise<Buffer> {
  const words = dataMessages[language];
  const rtl = rightToLeft(language);
  const { doc, done } = await openPdf({ title: words.tableTitle, language, layout: "landscape" });
  const columns = allegationColumns(language, countryNames);
  const left = doc.page.margins.left;
  const pageWidth = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (column.weight / total) * pageWidth);
  // Right to left, the first column is on the right.
  const xs = widths.map((_, i) =>
    rtl
      ? left + pageWidth - widths.slice(0, i + 1).reduce((a, b) => a + b, 0)
      : left + widths.slice(0, i).reduce((a, b) => a + b, 0),
  );
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const header = columns.map((column) => column.header);

  function row(cells: string[], font: "regular" | "bold") {
    doc.font(font).fontSize(6.5);
    const height = Math.max(...cells.map((cell, i) => paragraphHeight(doc, cell, widths[i] - 4, rtl))) + 4;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (font === "regular") row(header, "bold");
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

  doc.font("bold").fontSize(13);
  writeParagraph(doc, words.tableTitle, left, doc.y, pageWidth, rtl);
  doc.font("regular").fontSize(8);
  const today = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date());
  writeParagraph(doc, `${words.tableIntro} ${today}`, left, doc.y + 4, pageWidth, rtl);
  doc.y += 8;
  row(header, "bold");
  for (const item of items)
    row(
      columns.map((column) => column.cell(item)),
      "regular",
    );
  if (items.length === 0) {
    doc.font("regular").fontSize(9);
    writeParagraph(doc, words.noRows, left, doc.y + 4, pageWidth, rtl);
  }
  doc.end();
  return done;
}
