// A PDF document with the fonts its language needs, collected into a buffer when it ends, and
// paragraphs that read right to left where the language does.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// DejaVu covers Latin, Greek, Cyrillic and Arabic (pdfkit's layout engine joins Arabic letters);
// Noto Sans SC covers Chinese, with Latin letters and digits of its own.
const dejaVu = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
const notoSc = (file: string) => require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`);
const fontsFor = (language: string) =>
  language === "zh"
    ? { regular: notoSc("400Regular/NotoSansSC_400Regular.ttf"), bold: notoSc("700Bold/NotoSansSC_700Bold.ttf") }
    : { regular: dejaVu("DejaVuSans.ttf"), bold: dejaVu("DejaVuSans-Bold.ttf") };

export const rightToLeft = (language: string) => language === "ar";

export async function openPdf(options: { title: string; language: string; layout?: "portrait" | "landscape" }) {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    layout: options.layout ?? "portrait",
    margin: 36,
    info: { Title: options.title },
    lang: options.language,
    displayTitle: true,
  });
  const fonts = fontsFor(options.language);
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

type Doc = Awaited<ReturnType<typeof openPdf>>["doc"];

const latin = /[A-Za-z]/;
const arabic = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * One right-to-left line in the order pdfkit sets it, left to right: the words reversed (the layout
 * engine turns each Arabic word itself), runs of Latin words kept in their own order ("Military (MC)").
 */
export function visualLine(line: string): string {
  const units: string[][] = [];
  for (const word of line.split(" ")) {
    const ltr = latin.test(word) && !arabic.test(word);
    const last = units.at(-1);
    if (ltr && last && latin.test(last[0]) && !arabic.test(last[0])) last.push(word);
    else units.push([word]);
  }
  return units
    .reverse()
    .map((unit) => unit.join(" "))
    .join(" ");
}

/** A paragraph broken into lines within `width`, in reading order, so right-to-left text wraps from its start. */
function readingLines(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && doc.widthOfString(candidate) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** The height a paragraph takes within `width`. */
export function paragraphHeight(doc: Doc, text: string, width: number, rtl: boolean): number {
  if (!rtl) return doc.heightOfString(text, { width });
  return readingLines(doc, text, width).length * doc.currentLineHeight(true);
}

/** Writes a paragraph at (x, y) within `width`: set from the right for a right-to-left language. */
export function writeParagraph(doc: Doc, text: string, x: number, y: number, width: number, rtl: boolean) {
  if (!rtl) {
    doc.text(text, x, y, { width });
    return;
  }
  const height = doc.currentLineHeight(true);
  readingLines(doc, text, width).forEach((line, i) => {
    doc.text(visualLine(line), x, y + i * height, { width, align: "right", lineBreak: false });
  });
  doc.x = x;
  doc.y = y + paragraphHeight(doc, text, width, true);
}
