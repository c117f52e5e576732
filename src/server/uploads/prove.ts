// Files that people send are proved by their structure, not taken at their first bytes: a picture
// must decode, a recording must hold audio frames, a PDF must parse and carry nothing that acts
// (scripts, launch actions, embedded files), an Office file's archive must unpack within bounds.
// Anything else, or anything that is two formats at once, is refused with a reason, and nothing is
// stored. Well-kept parsers do the reading (sharp, music-metadata, pdf-lib, yauzl).
import { parseBuffer } from "music-metadata";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from "pdf-lib";
import sharp from "sharp";
import yauzl from "yauzl";
import { ValidationFailed } from "../errors.js";

/** Why a file is refused; the public form and the staff app say each in the reader's language. */
export type FileRefusal = "file_type_not_accepted" | "file_damaged" | "file_active_content" | "file_archive_too_large";

export class FileRefused extends ValidationFailed {
  constructor(fileName: string, reason: FileRefusal, detail: string) {
    super(`${fileName}: ${detail}`, [{ path: "file", message: reason }], reason);
  }
}

/** A picture larger than this many pixels is refused before it is decoded (a decompression bomb). */
const MAX_PIXELS = 40_000_000;
/** An Office file's archive: at most this much once unpacked, in at most this many parts. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ARCHIVE_ENTRIES = 5_000;

// Markup a browser or a viewer would run, whatever file it hides in.
const markup = /<(script|html|svg|iframe|object|embed|body|\?php)[\s>/]/i;

/** Proves a file is the type its first bytes claim; refuses it otherwise. */
export async function proveFile(fileName: string, content: Buffer, claimedType: string): Promise<void> {
  if (claimedType.startsWith("image/")) return provePicture(fileName, content, claimedType);
  if (claimedType.startsWith("audio/")) return proveRecording(fileName, content, claimedType);
  if (claimedType === "application/pdf") return provePdf(fileName, content);
  if (claimedType.startsWith("application/vnd.openxmlformats")) return proveArchive(fileName, content);
  throw new FileRefused(fileName, "file_type_not_accepted", "this kind of file is not accepted.");
}

function refuseMarkup(fileName: string, content: Buffer) {
  if (markup.test(content.toString("latin1")))
    throw new FileRefused(fileName, "file_active_content", "the file carries web page code as well as its content.");
}

/** Where a picture's own data ends, so that nothing can ride behind it. */
function pictureEnd(content: Buffer, type: string): number | null {
  if (type === "image/png") {
    const end = content.lastIndexOf("IEND");
    return end < 0 ? null : end + 8; // the chunk's name, then its 4-byte checksum
  }
  if (type === "image/jpeg") {
    const end = content.lastIndexOf(Buffer.from([0xff, 0xd9]));
    return end < 0 ? null : end + 2;
  }
  if (type === "image/webp") return content.readUInt32LE(4) + 8;
  return null;
}

async function provePicture(fileName: string, content: Buffer, type: string) {
  refuseMarkup(fileName, content);
  const end = pictureEnd(content, type);
  if (end === null || content.subarray(end).some((byte) => byte !== 0))
    throw new FileRefused(fileName, "file_active_content", "something else is attached behind the picture.");
  try {
    const image = sharp(content, { limitInputPixels: MAX_PIXELS, failOn: "error" });
    const { format } = await image.metadata();
    if (`image/${format}` !== type) throw new Error(`decoded as ${format}`);
    await image.raw().toBuffer();
  } catch (error) {
    throw new FileRefused(fileName, "file_damaged", `the picture cannot be read (${(error as Error).message}).`);
  }
}

async function proveRecording(fileName: string, content: Buffer, type: string) {
  refuseMarkup(fileName, content);
  try {
    const { format } = await parseBuffer(content, { mimeType: type }, { duration: true, skipCovers: true });
    if (!format.container || !format.duration || !format.numberOfChannels) throw new Error("no audio in it");
  } catch (error) {
    throw new FileRefused(fileName, "file_damaged", `the recording cannot be played (${(error as Error).message}).`);
  }
}

// Names in a PDF that act rather than show: scripts, actions run on opening or on events, launching
// programs, embedded files, multimedia and forms that send data away.
const activeNames = new Set(
  ["JS", "JavaScript", "OpenAction", "AA", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"].concat([
    "SubmitForm",
    "ImportData",
    "GoToR",
    "GoToE",
  ]),
);

function activeNameIn(value: unknown, seen = new Set<unknown>()): string | null {
  if (seen.has(value)) return null;
  seen.add(value);
  if (value instanceof PDFName) return activeNames.has(value.decodeText()) ? value.decodeText() : null;
  if (value instanceof PDFStream) return activeNameIn(value.dict, seen);
  if (value instanceof PDFDict) {
    for (const [key, inner] of value.entries()) {
      if (activeNames.has(key.decodeText())) return key.decodeText();
      const found = activeNameIn(inner, seen);
      if (found) return found;
    }
  }
  if (value instanceof PDFArray) {
    for (const inner of value.asArray()) {
      const found = activeNameIn(inner, seen);
      if (found) return found;
    }
  }
  return null;
}

async function provePdf(fileName: string, content: Buffer) {
  const text = content.toString("latin1");
  const end = text.lastIndexOf("%%EOF");
  if (end < 0 || text.slice(end + 5).trim() !== "")
    throw new FileRefused(fileName, "file_active_content", "something else is attached behind the document.");
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(content, { throwOnInvalidObject: true, updateMetadata: false });
    if (document.getPageCount() === 0) throw new Error("it has no page");
  } catch (error) {
    throw new FileRefused(fileName, "file_damaged", `the document cannot be read (${(error as Error).message}).`);
  }
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const found = activeNameIn(object instanceof PDFRawStream ? object.dict : object);
    if (found)
      throw new FileRefused(
        fileName,
        "file_active_content",
        `the document carries active content (${found}): save it again as a plain PDF (print to PDF) and send that.`,
      );
  }
  refuseMarkup(fileName, content);
}

/** Unpacks every part of a ZIP-based file, counting the bytes as they come, and stops at the bounds. */
export function proveArchive(fileName: string, content: Buffer): Promise<void> {
  const tooLarge = () =>
    new FileRefused(fileName, "file_archive_too_large", "the file unpacks to more than 100 MB or too many parts.");
  const damaged = (error: Error) =>
    new FileRefused(fileName, "file_damaged", `the file cannot be unpacked (${error.message}).`);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(damaged(error ?? new Error("no archive")));
      let unpacked = 0;
      let entries = 0;
      const fail = (refusal: FileRefused) => {
        zip.close();
        reject(refusal);
      };
      zip.on("error", (cause: Error) => fail(damaged(cause)));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        entries += 1;
        if (entries > MAX_ARCHIVE_ENTRIES || unpacked + entry.uncompressedSize > MAX_UNPACKED_BYTES)
          return fail(tooLarge());
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return fail(damaged(openError ?? new Error("unreadable part")));
          stream.on("data", (chunk: Buffer) => {
            unpacked += chunk.length;
            if (unpacked > MAX_UNPACKED_BYTES) {
              stream.destroy();
              fail(tooLarge());
            }
          });
          // A part that inflates beyond the size it declared is a bomb that lied about it.
          stream.on("error", (cause: Error) =>
            fail(/too many bytes/.test(cause.message) ? tooLarge() : damaged(cause)),
          );
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}
