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
const leftToRight = (word: string) => latin.test(word) && !arabic.test(word);
// The layout engine joins an Arabic word's letters and sets them right to left, but does not mirror
// brackets: an opening one before an Arabic word must show as the closing shape on its right.
// Digits and signs alone ("(67%)") are not turned, so they keep theirs.
const mirrored: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "«": "»", "»": "«" };
const mirror = (word: string) => (arabic.test(word) ? word.replace(/[()[\]«»]/g, (c) => mirrored[c]) : word);

/** A right-to-left line's pieces in reading order: words, with runs of Latin words kept whole ("Military (MC)"). */
export function readingUnits(line: string): string[] {
  const units: string[] = [];
  for (const word of line.split(" ").filter(Boolean)) {
    const last = units.at(-1);
    if (last !== undefined && leftToRight(word) && leftToRight(last)) units[units.length - 1] = `${last} ${word}`;
    else units.push(mirror(word));
  }
  return units;
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

/**
 * Writes a paragraph at (x, y) within `width`. Right to left, each line is set from the right edge
 * piece by piece in reading order, so words keep their order and their spaces whatever their script.
 */
export function writeParagraph(doc: Doc, text: string, x: number, y: number, width: number, rtl: boolean) {
  if (!rtl) {
    doc.text(text, x, y, { width });
    return;
  }
  const height = doc.currentLineHeight(true);
  const space = doc.widthOfString(" ");
  const lines = readingLines(doc, text, width);
  lines.forEach((line, i) => {
    let right = x + width;
    for (const unit of readingUnits(line)) {
      const unitWidth = doc.widthOfString(unit);
      doc.text(unit, right - unitWidth, y + i * height, { lineBreak: false });
      right -= unitWidth + space;
    }
  });
  doc.x = x;
  doc.y = y + lines.length * height;
}
