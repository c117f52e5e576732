// A federation bundle written independently of the server's writer, from the format the domain
// states (src/domain/federation.ts): what another installation would send.
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { gzipSync } from "node:zlib";
import { BUNDLE_FORMAT } from "../../src/domain/federation.js";

export function federationKeys() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"), privateKey };
}

let lastMade = 0;
/** A signed, gzipped bundle of these lines, made now (later than any made before in this process). */
export function signedBundle(keys: { publicKey: string; privateKey: KeyObject }, lines: unknown[], screeningKey = "-") {
  lastMade = Math.max(Date.now(), lastMade + 1);
  const header = {
    format: BUNDLE_FORMAT,
    publicKey: keys.publicKey,
    madeAt: new Date(lastMade).toISOString(),
    screeningKey,
  };
  const body = [header, ...lines].map((line) => `${JSON.stringify(line)}\n`).join("");
  const signature = sign(null, createHash("sha256").update(body).digest(), keys.privateKey).toString("base64");
  return gzipSync(`${body}${JSON.stringify({ signature })}\n`);
}
