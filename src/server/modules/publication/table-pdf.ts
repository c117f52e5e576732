// The table of published allegations as a PDF: landscape pages, the header repeated on each,
// codes named in the reader's language (Latin and Cyrillic scripts; other languages print in English).
import { foldTerm } from "../../../domain/public-stats.js";
import { openPdf } from "../../pdf.js";
import { dataMessages, named } from "../../public/data-messages.js";
import type { PublicLanguage } from "../../public/messages.js";
import type { PublicAllegation } from "./service.js";

const printable = new Set<PublicLanguage>(["en", "fr", "ru", "es"]);
// Points per column on a landscape A4 page less margins (770 pt).
const widths = [44, 52, 62, 38, 64, 44, 44, 62, 46, 76, 76, 86, 76];

export async function publicAllegationsPdf(
  items: PublicAllegation[],
  asked: PublicLanguage,
  countryNames: Map<string, string>,
): Promise<Buffer> {
  const language = printable.has(asked) ? asked : "en";
  const words = dataMessages[language];
  const { doc, done } = await openPdf({ title: words.tableTitle, language, layout: "landscape" });
  const c = words.columns;
  const header = [
    c.month,
    c.mission,
    c.category,
    c.nationality,
    c.allegation,
    c.victims,
    c.paternity,
    c.entity,
    c.days,
    c.findings,
    c.interim,
    c.final,
    c.criminal,
  ];
  const yesNo = (value: boolean | null) => (value === null ? "" : value ? words.yes : words.no);
  const list = (names: Record<string, string>, codes: string[]) =>
    codes.map((code) => named(names, foldTerm(code))).join(", ");
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  function row(cells: string[], font: "regular" | "bold") {
    doc.font(font).fontSize(7);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 4 }))) + 4;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (font === "regular") row(header, "bold");
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc
        .font(font)
        .fontSize(7)
        .fillColor("#000")
        .text(cell, x + 2, top + 2, { width: widths[i] - 4 });
      x += widths[i];
    });
    doc
      .moveTo(left, top + height)
      .lineTo(x, top + height)
      .lineWidth(0.3)
      .strokeColor("#adb5bd")
      .stroke();
    doc.x = left;
    doc.y = top + height;
  }

  doc.font("bold").fontSize(13).text(words.tableTitle);
  doc
    .font("regular")
    .fontSize(8)
    .text(`${words.tableIntro} ${new Date().toISOString().slice(0, 10)}`)
    .moveDown(0.5);
  row(header, "bold");
  for (const item of items) {
    row(
      [
        item.monthReported,
        item.missionCode,
        named(words.categories, item.categoryCode),
        item.nationalityCode ? (countryNames.get(item.nationalityCode) ?? item.nationalityCode) : "",
        (item.allegation ?? "")
          .split(";")
          .filter(Boolean)
          .map((code) => named(words.allegationTypes, code))
          .join(", "),
        item.childVictims > 0 ? `${item.victims} (${item.childVictims} ${words.children})` : String(item.victims),
        yesNo(item.paternityClaim),
        list(words.entities, item.investigatingEntities),
        item.investigationDays === null ? "" : String(item.investigationDays),
        list(words.statuses, item.findings),
        list(words.actions, item.interimActions),
        list(words.actions, item.finalActions),
        yesNo(item.criminalReferral),
      ],
      "regular",
    );
  }
  if (items.length === 0) doc.font("regular").fontSize(9).text(words.noRows);
  doc.end();
  return done;
}
