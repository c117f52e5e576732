// Real files for tests that upload them, made by the same libraries that read them, and hostile
// ones: a polyglot, a PDF with a script, an archive bomb.
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import sharp from "sharp";

/** A small picture; `text` travels in a PNG text chunk, so a test can look for it in stored bytes. */
export async function pngFile(text?: string): Promise<Buffer> {
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background: "#3366cc" } }).png();
  return text ? image.withMetadata({ exif: { IFD0: { ImageDescription: text } } }).toBuffer() : image.toBuffer();
}

export const jpegFile = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: "#cc6633" } })
    .jpeg()
    .toBuffer();

/** A one-page PDF; `title` is stored in the clear in its information dictionary. */
export async function pdfFile(title = "A letter"): Promise<Buffer> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.addPage([200, 200]).drawText("Letter", { x: 20, y: 100, size: 12 });
  // A literal string, not hex: its words can be looked for in the bytes.
  document.context.trailerInfo.Info = document.context.register(document.context.obj({ Title: PDFString.of(title) }));
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A PDF that runs a script when it is opened. */
export async function pdfWithScript(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  const action = document.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert('hi')") });
  document.catalog.set(PDFName.of("OpenAction"), action);
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A tenth of a second of silence, 8 kHz mono, as a WAV recording. */
export function wavFile(): Buffer {
  const samples = Buffer.alloc(1600);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** Starts as an MP3's ID3 tag, then is a web page: what a browser might run. */
export function id3ThenHtml(): Buffer {
  const tag = Buffer.concat([Buffer.from("ID3"), Buffer.from([4, 0, 0, 0, 0, 0, 0])]);
  return Buffer.concat([tag, Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>")]);
}

/** A real picture with a ZIP archive riding behind it. */
export async function pictureWithArchive(): Promise<Buffer> {
  return Buffer.concat([await pngFile(), await xlsxFile([["a"]])]);
}

export async function xlsxFile(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet1").addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A ZIP archive named like a workbook whose one part inflates to `megabytes` of zeros but says it
 * holds a few bytes: the sizes it declares cannot be trusted.
 */
export function zipBomb(megabytes = 200): Buffer {
  const name = Buffer.from("xl/workbook.xml");
  const data = deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 14); // crc, not checked before the size is
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22); // the lie
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralStart = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
