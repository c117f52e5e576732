// A PDF document with the fonts every report uses, collected into a buffer when it ends.
import { createRequire } from "node:module";

export async function openPdf(options: { title: string; language: string; layout?: "portrait" | "landscape" }) {
  const { default: PDFDocument } = await import("pdfkit");
  // DejaVu covers Latin, Greek and Cyrillic, so names print as written.
  const fonts = createRequire(import.meta.url)
    .resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")
    .replace(/DejaVuSans\.ttf$/, "");
  const doc = new PDFDocument({
    size: "A4",
    layout: options.layout ?? "portrait",
    margin: 36,
    info: { Title: options.title },
    lang: options.language,
  });
  doc.registerFont("regular", `${fonts}DejaVuSans.ttf`);
  doc.registerFont("bold", `${fonts}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}
