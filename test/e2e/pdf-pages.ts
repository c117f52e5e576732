// Reads a PDF as a person's browser does: pdf.js (the viewer Firefox ships) draws its first page in
// headless Chromium, which is then photographed, and gives back the page's text in reading order.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";

const require = createRequire(import.meta.url);
const pdfjs = (file: string) => readFileSync(require.resolve(`pdfjs-dist/build/${file}`));
const ORIGIN = "http://pdf.invalid";

const viewer = `<!doctype html><meta charset="utf-8"><body style="margin:0"><canvas id="page"></canvas><script type="module">
import * as pdfjs from "/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
const pdf = await pdfjs.getDocument("/document.pdf").promise;
const page = await pdf.getPage(1);
const viewport = page.getViewport({ scale: 1.6 });
const canvas = document.getElementById("page");
canvas.width = viewport.width;
canvas.height = viewport.height;
await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
const content = await page.getTextContent();
document.body.dataset.text = content.items.map((item) => item.str).join(" ");
document.body.dataset.pages = String(pdf.numPages);
</script>`;

/** The first page's text (as pdf.js extracts it) and a screenshot of it saved at `screenshot`. */
export async function readPdfPage(browser: Browser, pdf: Buffer, screenshot: string) {
  const page = await browser.newPage();
  try {
    const files: Record<string, [string, Buffer | string]> = {
      "/": ["text/html", viewer],
      "/pdf.mjs": ["text/javascript", pdfjs("pdf.min.mjs")],
      "/pdf.worker.mjs": ["text/javascript", pdfjs("pdf.worker.min.mjs")],
      "/document.pdf": ["application/pdf", pdf],
    };
    await page.route(`${ORIGIN}/**`, (route) => {
      const [contentType, body] = files[new URL(route.request().url()).pathname] ?? ["text/plain", ""];
      return route.fulfill({ status: contentType === "text/plain" ? 404 : 200, contentType, body });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForSelector("body[data-text]", { state: "attached" });
    await page.locator("#page").screenshot({ path: screenshot });
    const text = (await page.locator("body").getAttribute("data-text")) ?? "";
    // Arabic is drawn in its joined (presentation) forms: read back as the letters they are.
    return text.normalize("NFKC");
  } finally {
    await page.close();
  }
}
