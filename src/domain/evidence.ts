// Evidence a reporter may attach: photos, PDF documents and audio recordings, recognised by their
// content (the first bytes), never by the name or the type the browser claims.
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 3;

const signatures: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/png",
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: "image/webp", test: (b) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP" },
  { type: "application/pdf", test: (b) => b.toString("latin1", 0, 5) === "%PDF-" },
  {
    type: "audio/mpeg",
    test: (b) => b.toString("latin1", 0, 3) === "ID3" || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0),
  },
  { type: "audio/mp4", test: (b) => b.toString("latin1", 4, 8) === "ftyp" },
  { type: "audio/ogg", test: (b) => b.toString("latin1", 0, 4) === "OggS" },
  { type: "audio/wav", test: (b) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WAVE" },
  { type: "audio/webm", test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
];

/** The file's real type if it is one we accept, from its first bytes; null otherwise. */
export function sniffEvidenceType(bytes: Buffer): string | null {
  if (bytes.length < 12) return null;
  return signatures.find((signature) => signature.test(bytes))?.type ?? null;
}

/**
 * A file name safe to keep and to show: no folders (`../`, `C:\`), no control or direction-override
 * characters, at most 120 characters; a name with nothing left becomes "evidence".
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/^[\s.]+/, "")
    .trim()
    .slice(0, 120);
  return cleaned || "evidence";
}

const officeTypes: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The type of a document staff attach (a good practice's guideline, a case's note verbale or reply):
 * PDF and pictures by their first bytes (as evidence is checked), Office documents by being a ZIP
 * archive named .docx, .pptx or .xlsx; null for anything else.
 */
export function documentFileType(content: Buffer, fileName: string): string | null {
  const sniffed = sniffEvidenceType(content);
  if (sniffed === "application/pdf" || sniffed?.startsWith("image/")) return sniffed;
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const zip = content.length > 4 && content.readUInt32LE(0) === 0x04034b50;
  return zip ? (officeTypes[extension] ?? null) : null;
}
