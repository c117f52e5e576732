// A document staff attach (a practice's guideline, a case's note verbale or a State's reply): at
// most 10 MB, a PDF, a picture or an Office file by its content, proved by its structure.
import { createHash } from "node:crypto";
import { documentFileType, safeFileName } from "../../domain/evidence.js";
import { ValidationFailed } from "../errors.js";
import { proveFile } from "./prove.js";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface AcceptedDocument {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

/** Refuses what is too large, not a document, or not what it claims, with the reason; nothing is stored before. */
export async function acceptDocument(file: { fileName: string; content: Buffer }): Promise<AcceptedDocument> {
  if (file.content.length > MAX_DOCUMENT_BYTES)
    throw new ValidationFailed(
      "A file is at most 10 MB.",
      [{ path: "body.content", message: "too_large" }],
      "file_too_large",
    );
  const fileName = safeFileName(file.fileName);
  const contentType = documentFileType(file.content, fileName);
  if (!contentType)
    throw new ValidationFailed(
      "Attach a PDF, a picture (JPEG, PNG, WebP) or an Office document (DOCX, PPTX, XLSX).",
      [{ path: "body.content", message: "type_not_accepted" }],
      "file_type_not_accepted",
    );
  await proveFile(fileName, file.content, contentType);
  return {
    fileName,
    contentType,
    content: file.content,
    sha256: createHash("sha256").update(file.content).digest("hex"),
  };
}
