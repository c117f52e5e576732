// The server's key for reports sealed in a browser while offline (see domain/sealing.ts). It is
// derived from the master key, so every instance holds the same one and nothing new is stored; a
// new master key gives a new sealing key, and reports sealed to the old one say so by its id.
import { createECDH, createHash } from "node:crypto";
import type { SealingKey } from "../../domain/sealing.js";
import { deriveSecret } from "./encryption.js";

export interface ServerSealingKey {
  published: SealingKey;
  privateKey: CryptoKey;
}

export async function deriveSealingKey(masterKey: Buffer): Promise<ServerSealingKey> {
  const ecdh = createECDH("prime256v1");
  // A 256-bit secret is a valid P-256 scalar but for a chance of about 2^-32; another derivation then.
  for (let round = 0; ; round++) {
    try {
      ecdh.setPrivateKey(Buffer.from(deriveSecret(masterKey, `report-sealing:${round}`), "base64url"));
      break;
    } catch (error) {
      if (round > 3) throw error;
    }
  }
  const point = ecdh.getPublicKey();
  const base64url = (bytes: Buffer) => bytes.toString("base64url");
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    {
      kty: "EC",
      crv: "P-256",
      d: base64url(ecdh.getPrivateKey()),
      x: base64url(point.subarray(1, 33)),
      y: base64url(point.subarray(33, 65)),
    },
    { name: "ECDH", namedCurve: "P-256" },
    false,
    ["deriveBits"],
  );
  return {
    published: {
      keyId: createHash("sha256").update(point).digest("hex").slice(0, 16),
      publicKey: point.toString("base64"),
    },
    privateKey,
  };
}
