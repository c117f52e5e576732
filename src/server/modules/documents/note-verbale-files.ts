// A note verbale written here, as the files it is sent as: a PDF to print, sign and stamp, and a
// DOCX for a protocol office that finishes its notes in Word. Both are made from the kept letter.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { letterDate, type NoteVerbaleLetter } from "../../../domain/notes-verbales.js";
import { openPdf } from "../../pdf.js";

const dated = (letter: NoteVerbaleLetter) => `${letter.place}, ${letterDate(letter.language, letter.datedOn)}`;

export async function noteVerbalePdf(letter: NoteVerbaleLetter): Promise<Buffer> {
  const { doc, done } = await openPdf({ title: letter.number, language: letter.language });
  const left = doc.page.margins.left + 36;
  const width = doc.page.width - left - doc.page.margins.right - 36;
  doc.font("regular").fontSize(10).text(letter.number, left, 72, { width });
  doc.moveDown(2).font("bold").fontSize(11).text(letter.addressee, { width });
  doc.moveDown(1.5).font("regular").fontSize(11);
  const [first, ...rest] = letter.paragraphs;
  doc.text(first, { width, align: "justify", indent: 36 });
  doc.moveDown(0.8);
  const labelWidth = 120;
  for (const [name, value] of letter.particulars) {
    const y = doc.y;
    doc.font("bold").text(name, left + 36, y, { width: labelWidth });
    const afterLabel = doc.y;
    doc.font("regular").text(value, left + 36 + labelWidth, y, { width: width - 36 - labelWidth });
    doc.y = Math.max(afterLabel, doc.y) + 2;
  }
  doc.moveDown(0.8);
  for (const paragraph of rest) {
    doc.text(paragraph, left, doc.y, { width, align: "justify", indent: 36 });
    doc.moveDown(0.8);
  }
  doc.moveDown(1).text(dated(letter), left, doc.y, { width, align: "right" });
  doc.end();
  return done;
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

export async function noteVerbaleDocx(letter: NoteVerbaleLetter): Promise<Buffer> {
  const body = (text: string) =>
    new Paragraph({
      children: [new TextRun(text)],
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 720 },
      spacing: { after: 200 },
    });
  const particulars = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
    rows: letter.particulars.map(
      ([name, value]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 30, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: [new TextRun({ text: name, bold: true })] })],
            }),
            new TableCell({ children: [new Paragraph(value)] }),
          ],
        }),
    ),
  });
  const [first, ...rest] = letter.paragraphs;
  const document = new Document({
    title: letter.number,
    creator: "Conduct Ledger",
    styles: { default: { document: { run: { font: "Times New Roman", size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun(letter.number)], spacing: { after: 400 } }),
          new Paragraph({ children: [new TextRun({ text: letter.addressee, bold: true })], spacing: { after: 400 } }),
          body(first),
          particulars,
          new Paragraph({ spacing: { after: 200 } }),
          ...rest.map(body),
          new Paragraph({ children: [new TextRun(dated(letter))], alignment: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
