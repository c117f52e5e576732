// Issues receipt codes and finds reports by them. A receipt is stored only as a slow, peppered
// hash: a copy of the database alone does not let anyone follow a report up.
import { randomBytes, scrypt } from "node:crypto";
import { promisify } from "node:util";
import { formatReceipt, normaliseReceipt } from "../../../domain/receipts.js";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

/**
 * Cost: about 10 ms on one core, on the thread pool. A receipt already carries 80 random bits and
 * the pepper is secret, so the work factor is defence in depth, kept low enough for intake at
 * hundreds of reports a second. The version prefix lets a later cost coexist with this one.
 */
const PARAMETERS = { N: 2 ** 12, r: 8, p: 1 };
const VERSION = "s1";

export function issueReceipt(): string {
  return formatReceipt(randomBytes(10));
}

export async function hashReceipt(receipt: string, pepper: Buffer): Promise<string | null> {
  const normalised = normaliseReceipt(receipt);
  if (!normalised) return null;
  return `${VERSION}:${(await scryptAsync(normalised, pepper, 32, PARAMETERS)).toString("base64url")}`;
}
