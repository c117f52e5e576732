// The text of a PDF as a reader's software extracts it (pdf.js), for tests that check its words.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  // Arabic letters come back in their joined (presentation) forms: read them as the letters they are.
  return pages.join("\n").normalize("NFKC");
}
