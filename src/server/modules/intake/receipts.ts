// Issues receipt codes and finds reports by them. A receipt is stored only as a slow, peppered
// hash: a copy of the database alone does not let anyone follow a report up.
import { randomBytes, scrypt } from "node:crypto";
import { promisify } from "node:util";
import { formatReceipt, normaliseReceipt } from "../../../domain/receipts.js";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

/**
 * Cost: about 2 ms on one core (1 MiB), on the thread pool. A receipt already carries 80 random bits
 * and the pepper is secret, so the work factor is defence in depth, kept low enough for intake at
 * 300 reports a second on two cores. The version prefix lets hashes of an earlier cost still be found.
 */
const VERSIONS = { s2: { N: 2 ** 10, r: 8, p: 1 }, s1: { N: 2 ** 12, r: 8, p: 1 } } as const;
type Version = keyof typeof VERSIONS;
const CURRENT: Version = "s2";

export function issueReceipt(): string {
  return formatReceipt(randomBytes(10));
}

async function hashWith(version: Version, normalised: string, pepper: Buffer) {
  return `${version}:${(await scryptAsync(normalised, pepper, 32, VERSIONS[version])).toString("base64url")}`;
}

/** The hash stored for a new receipt, or null when the text is not a receipt at all. */
export async function hashReceipt(receipt: string, pepper: Buffer): Promise<string | null> {
  const normalised = normaliseReceipt(receipt);
  return normalised ? hashWith(CURRENT, normalised, pepper) : null;
}

/** Every hash a receipt may have been stored under (current cost first), to look a report up. */
export async function receiptHashCandidates(receipt: string, pepper: Buffer): Promise<string[]> {
  const normalised = normaliseReceipt(receipt);
  if (!normalised) return [];
  return Promise.all((Object.keys(VERSIONS) as Version[]).map((version) => hashWith(version, normalised, pepper)));
}
