// Files proved by structure: real pictures, recordings, documents and workbooks pass; a polyglot, a
// PDF that runs a script, a picture with an archive behind it, a damaged file and an archive bomb
// are refused, each with its reason.
import { describe, expect, it } from "vitest";
import {
  id3ThenHtml,
  jpegFile,
  pdfFile,
  pdfWithScript,
  pictureWithArchive,
  pngFile,
  wavFile,
  xlsxFile,
  zipBomb,
} from "../../../test/helpers/files.js";
import { sniffEvidenceType } from "../../domain/evidence.js";
import { proveFile } from "./prove.js";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const refusal = (content: Buffer, type: string) =>
  proveFile("file", content, type).then(
    () => "accepted",
    (error: { code?: string }) => error.code,
  );

describe("proving a file by its structure", () => {
  it("accepts real pictures, recordings, documents and workbooks", async () => {
    expect(await refusal(await pngFile("hello"), "image/png")).toBe("accepted");
    expect(await refusal(await jpegFile(), "image/jpeg")).toBe("accepted");
    expect(await refusal(await pdfFile(), "application/pdf")).toBe("accepted");
    expect(await refusal(wavFile(), "audio/wav")).toBe("accepted");
    expect(await refusal(await xlsxFile([["name"], ["Kofi"]]), xlsxType)).toBe("accepted");
  });

  it("refuses an ID3 tag followed by a web page, though its first bytes say MP3", async () => {
    const polyglot = id3ThenHtml();
    expect(sniffEvidenceType(polyglot)).toBe("audio/mpeg");
    expect(await refusal(polyglot, "audio/mpeg")).toBe("file_active_content");
  });

  it("refuses a PDF that runs a script when opened", async () => {
    expect(await refusal(await pdfWithScript(), "application/pdf")).toBe("file_active_content");
  });

  it("refuses a picture with an archive behind it, and a picture cut short", async () => {
    expect(await refusal(await pictureWithArchive(), "image/png")).toBe("file_active_content");
    const png = await pngFile();
    const cut = Buffer.concat([png.subarray(0, 40), png.subarray(png.length - 12)]);
    expect(await refusal(cut, "image/png")).toBe("file_damaged");
  });

  it("refuses an archive that unpacks beyond its bounds, whatever sizes it declares", async () => {
    expect(await refusal(zipBomb(), xlsxType)).toBe("file_archive_too_large");
  });

  it("refuses a file that only starts like a PDF", async () => {
    expect(await refusal(Buffer.from("%PDF-1.7\nnot really a document\n%%EOF"), "application/pdf")).toBe(
      "file_damaged",
    );
  });
});
