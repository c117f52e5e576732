// Files people attached, sent back: always a download, never rendered in the app's origin, with
// the type found from the content and the name encoded whatever it holds.
import type { FastifyReply } from "fastify";

export interface Download {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256?: string;
}

/** The name for clients that do not read the encoded one: ASCII letters, digits, dots and dashes only. */
const plainName = (fileName: string) => fileName.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100) || "download";

export function sendDownload(reply: FastifyReply, file: Download, cache = "no-store") {
  reply
    .header("content-type", file.contentType)
    .header(
      "content-disposition",
      `attachment; filename="${plainName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("x-content-type-options", "nosniff")
    .header("cache-control", cache);
  if (file.sha256) reply.header("x-content-sha256", file.sha256);
  return reply.send(file.content);
}
