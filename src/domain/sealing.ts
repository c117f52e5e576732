// Reports written without a connection wait in the browser sealed to the server's public key, as
// field-data tools seal their forms: the device that holds them, or whoever takes it, cannot read
// them back; only the server opens them. Each part is its own envelope — an ephemeral P-256 key
// agreed with the server's, HKDF-SHA-256, then AES-256-GCM — so a file the server refuses can be
// left out without opening the rest. The same code seals in the browser and opens on the server
// (both have WebCrypto).
// (No schema here: the staff app's first screen would carry the validation library with it; the
// API's schemas are in contracts/reports.ts.)

const INFO = new TextEncoder().encode("conduct-ledger sealed report v1");
const curve = { name: "ECDH", namedCurve: "P-256" } as const;

export interface Envelope {
  /** Which of the server's keys it was sealed to. */
  keyId: string;
  /** The sender's one-time public key, uncompressed point, base64. */
  ephemeralKey: string;
  iv: string;
  ciphertext: string;
}

/** The server's public key as it gives it: a raw P-256 point in base64, and its id. */
export interface SealingKey {
  keyId: string;
  publicKey: string;
}

export const toBase64 = (bytes: Uint8Array) => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
export const fromBase64 = (text: string) => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/** The AES key both sides reach: HKDF over the agreed secret, salted with the sender's public key. */
async function contentKey(privateKey: CryptoKey, publicKey: CryptoKey, salt: Uint8Array, usage: KeyUsage) {
  const secret = await crypto.subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, 256);
  const material = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: salt as BufferSource, info: INFO },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    [usage],
  );
}

const importPublic = (raw: Uint8Array) => crypto.subtle.importKey("raw", raw as BufferSource, curve, false, []);

/** Seals bytes to the server's key; the key id is bound into the ciphertext. */
export async function seal(server: SealingKey, plaintext: Uint8Array): Promise<Envelope> {
  const ephemeral = (await crypto.subtle.generateKey(curve, false, ["deriveBits"])) as CryptoKeyPair;
  const ephemeralRaw = new Uint8Array(await crypto.subtle.exportKey("raw", ephemeral.publicKey));
  const key = await contentKey(
    ephemeral.privateKey,
    await importPublic(fromBase64(server.publicKey)),
    ephemeralRaw,
    "encrypt",
  );
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(server.keyId) },
    key,
    plaintext as BufferSource,
  );
  return {
    keyId: server.keyId,
    ephemeralKey: toBase64(ephemeralRaw),
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
}

export const sealJson = (server: SealingKey, value: unknown) =>
  seal(server, new TextEncoder().encode(JSON.stringify(value)));

/** Opens an envelope with the server's private key; a changed byte or another key fails. */
export async function open(privateKey: CryptoKey, envelope: Envelope): Promise<Uint8Array> {
  const ephemeralRaw = fromBase64(envelope.ephemeralKey);
  const key = await contentKey(privateKey, await importPublic(ephemeralRaw), ephemeralRaw, "decrypt");
  const plaintext = await crypto.subtle.decrypt(
    {
      name: "AES-GCM",
      iv: fromBase64(envelope.iv) as BufferSource,
      additionalData: new TextEncoder().encode(envelope.keyId),
    },
    key,
    fromBase64(envelope.ciphertext) as BufferSource,
  );
  return new Uint8Array(plaintext);
}
