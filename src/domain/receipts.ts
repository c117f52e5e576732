// Receipt codes people write down: 16 characters of Crockford base32 (80 bits), in groups of four,
// without the letters that are easy to misread (I, L, O, U).
export const RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 10 random bytes → "K7QM-3XPA-9RWD-T2HF". */
export function formatReceipt(randomBytes: Uint8Array): string {
  if (randomBytes.length !== 10) throw new Error("A receipt needs exactly 10 random bytes (80 bits).");
  let bits = 0n;
  for (const byte of randomBytes) bits = (bits << 8n) | BigInt(byte);
  let text = "";
  for (let i = 15; i >= 0; i--) text += RECEIPT_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return text.match(/.{4}/g)?.join("-") ?? text;
}

/** What a person typed, as the canonical 16 characters: case, spaces, dashes and look-alikes forgiven. */
export function normaliseReceipt(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (text.length !== 16 || [...text].some((character) => !RECEIPT_ALPHABET.includes(character))) return null;
  return text;
}
