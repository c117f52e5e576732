// Federation between installations (src/domain/federation.ts). A member writes its published
// figures and screening hashes into a signed bundle; a hub merges a bundle from a member it knows,
// replacing what that member sent before, in one transaction: a bundle refused for any reason
// changes nothing, and the refusal is audited with its reason. Bundles are streamed both ways, so a
// million lines never sit in memory.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { asc, eq, sql } from "drizzle-orm";
import { createGunzip } from "node:zlib";
import { federationIdentity, federationMembers, missions, unEntities } from "../../../db/schema.js";
import type { AddFederationMemberBody, Federation, MergedBundle } from "../../../domain/contracts/federation.js";
import {
  BUNDLE_FORMAT,
  type BundleHeader,
  type BundleRefusal,
  bundleHeaderSchema,
  figureLineSchema,
  hashLineSchema,
  signatureLineSchema,
} from "../../../domain/federation.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { federationPolicy } from "../../auth/policies/index.js";
import { Conflict, DomainError, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { keyFingerprint, screeningHashKey } from "../screening/index.js";

const PAGE = 10_000;
/** Lines a merge writes per statement. */
const BATCH = 10_000;
const isUniqueViolation = (error: unknown) =>
  [error, (error as { cause?: unknown })?.cause].some((e) => (e as { code?: string } | undefined)?.code === "23505");

export function assertMayFederate(actor: Actor) {
  if (!federationPolicy.manage(actor)) throw new Forbidden("Only an administrator keeps the federation.");
}

/** A public key's short fingerprint, to compare with the member's administrator over the phone. */
export const publicKeyFingerprint = (publicKey: string) =>
  createHash("sha256").update(Buffer.from(publicKey, "base64")).digest("base64url").slice(0, 22);

const identities = new WeakMap<Services, { publicKey: string; privateKey: KeyObject }>();
const identityContext = fieldContext("federation_identity", "private_key_encrypted", "1");

/** This installation's signing key pair: made on first use (Ed25519), the private half kept encrypted. */
async function signingIdentity(services: Services, tx: Transaction) {
  const known = identities.get(services);
  if (known) return known;
  let [row] = await tx.select().from(federationIdentity).where(eq(federationIdentity.id, 1));
  if (!row) {
    const pair = generateKeyPairSync("ed25519");
    const made = await tx
      .insert(federationIdentity)
      .values({
        id: 1,
        publicKey: pair.publicKey.export({ format: "der", type: "spki" }).toString("base64"),
        privateKeyEncrypted: await services.encryption.encrypt(
          tx,
          pair.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
          identityContext,
        ),
      })
      .onConflictDoNothing()
      .returning({ publicKey: federationIdentity.publicKey });
    if (made.length)
      await recordAuditEvent(tx, systemActor, {
        action: "federation.identity.create",
        subjectType: "federation",
        details: { fingerprint: publicKeyFingerprint(made[0].publicKey) },
      });
    [row] = await tx.select().from(federationIdentity).where(eq(federationIdentity.id, 1));
  }
  const privateKey = createPrivateKey({
    key: Buffer.from(await services.encryption.decrypt(tx, row.privateKeyEncrypted, identityContext), "base64"),
    format: "der",
    type: "pkcs8",
  });
  const identity = { publicKey: row.publicKey, privateKey };
  identities.set(services, identity);
  return identity;
}

const presentMember = (row: typeof federationMembers.$inferSelect) => ({
  code: row.code,
  name: row.name,
  entityCodes: row.entityCodes,
  keyFingerprint: publicKeyFingerprint(row.publicKey),
  lastMadeAt: row.lastMadeAt?.toISOString() ?? null,
  lastMergedAt: row.lastMergedAt?.toISOString() ?? null,
  figures: row.figures,
  hashes: row.hashes,
});

/** What an administrator needs: this installation's key (to register it at a hub) and its members. */
export async function federationStatus(services: Services, actor: Actor): Promise<Federation> {
  assertMayFederate(actor);
  return inTransaction(services.db, actor, async (tx) => {
    const identity = await signingIdentity(services, tx);
    const members = await tx.select().from(federationMembers).orderBy(asc(federationMembers.code));
    return {
      publicKey: identity.publicKey,
      keyFingerprint: publicKeyFingerprint(identity.publicKey),
      screeningKey: keyFingerprint(await screeningHashKey(services, tx)),
      members: members.map(presentMember),
    };
  });
}

function ed25519Key(publicKey: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

/**
 * Registers an installation whose bundles this hub merges, for the entities it reports. An entity
 * with units here is counted here: a member reporting it too would count it twice.
 */
export async function addFederationMember(services: Services, actor: Actor, body: AddFederationMemberBody) {
  assertMayFederate(actor);
  if (!ed25519Key(body.publicKey))
    throw new ValidationFailed("The public key is not an Ed25519 key as another installation shows it.", [
      { path: "body.publicKey", message: "not an Ed25519 public key (base64 DER)" },
    ]);
  const entityCodes = [...new Set(body.entityCodes)];
  return inTransaction(services.db, actor, async (tx) => {
    if ((await signingIdentity(services, tx)).publicKey === body.publicKey)
      throw new ValidationFailed("This is this installation's own key.", [
        { path: "body.publicKey", message: "own key" },
      ]);
    const known = new Set((await tx.select({ code: unEntities.code }).from(unEntities)).map((e) => e.code));
    const unknown = entityCodes.filter((code) => !known.has(code));
    if (unknown.length)
      throw new ValidationFailed(`No UN entity ${unknown.join(", ")}.`, [
        { path: "body.entityCodes", message: "unknown entity" },
      ]);
    const here = await tx
      .selectDistinct({ code: missions.entityCode })
      .from(missions)
      .where(sql`${missions.entityCode} = any (string_to_array(${entityCodes.join(",")}, ','))`);
    if (here.length)
      throw new ValidationFailed(
        `${here.map((e) => e.code).join(", ")} has units on this installation and is counted here.`,
        [{ path: "body.entityCodes", message: "entity counted here" }],
        "entity_counted_here",
      );
    const taken = await tx
      .select({ code: federationMembers.code, publicKey: federationMembers.publicKey })
      .from(federationMembers)
      .where(
        sql`${federationMembers.code} = ${body.code} or ${federationMembers.publicKey} = ${body.publicKey}
          or ${federationMembers.entityCodes} && string_to_array(${entityCodes.join(",")}, ',')`,
      );
    if (taken.length)
      throw new Conflict(
        `Member ${taken[0].code} already has this code, this key or one of these entities.`,
        {},
        "member_taken",
      );
    const [row] = await tx
      .insert(federationMembers)
      .values({ code: body.code, name: body.name, publicKey: body.publicKey, entityCodes, createdBy: actor.userId })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "federation.member.add",
      subjectType: "federation",
      subjectId: row.code,
      details: { member: row.code, entityCodes, fingerprint: publicKeyFingerprint(row.publicKey) },
    });
    return presentMember(row);
  });
}

/** Takes out of the hub's figures and screening list what a member sent. */
async function forgetWhatMemberSent(tx: Transaction, memberCode: string) {
  await tx.execute(sql`delete from federation_allegation_counts where member_code = ${memberCode}`);
  await tx.execute(sql`delete from federation_screening_keys where member_code = ${memberCode}`);
}

/**
 * Removes a member installation (it left, or lost its key): what it sent stops counting in the
 * system-wide figures and screening here at once; it may be registered again, under a new key.
 */
export async function removeFederationMember(services: Services, actor: Actor, code: string) {
  assertMayFederate(actor);
  return inTransaction(services.db, actor, async (tx) => {
    const [member] = await tx.delete(federationMembers).where(eq(federationMembers.code, code)).returning();
    if (!member) throw new NotFound("federation member");
    await forgetWhatMemberSent(tx, member.code);
    await recordAuditEvent(tx, actor, {
      action: "federation.member.remove",
      subjectType: "federation",
      subjectId: member.code,
      details: { member: member.code, figures: member.figures, hashes: member.hashes },
    });
    return { member: member.code, figures: member.figures, hashes: member.hashes };
  });
}

/** Writes this installation's signed bundle to `out` (not ended): its published figures and its screening hashes. */
export async function writeBundle(services: Services, actor: Actor, out: Writable) {
  assertMayFederate(actor);
  return inTransaction(services.db, actor, async (tx) => {
    const identity = await signingIdentity(services, tx);
    const digest = createHash("sha256");
    // Lines go out in chunks of about a megabyte: compressing line by line waits on zlib each time.
    let chunk = "";
    const send = async () => {
      digest.update(chunk);
      const full = !out.write(chunk);
      chunk = "";
      if (full) await once(out, "drain");
    };
    const write = async (line: string) => {
      chunk += `${line}\n`;
      if (chunk.length >= 1 << 20) await send();
    };
    const header: BundleHeader = {
      format: BUNDLE_FORMAT,
      publicKey: identity.publicKey,
      madeAt: new Date().toISOString(),
      screeningKey: keyFingerprint(await screeningHashKey(services, tx)),
    };
    await write(JSON.stringify(header));
    let figures = 0;
    let after = [0, 0, "", "", ""] as [number, number, string, string, string];
    for (;;) {
      const page = (
        (await tx.execute(sql`select year, quarter, entity_code, category, status, count
          from system_wide_allegation_counts
          where count > 0 and (year, quarter, entity_code, category, status)
            > (${after[0]}::int, ${after[1]}::int, ${after[2]}, ${after[3]}, ${after[4]})
          order by year, quarter, entity_code, category, status limit ${PAGE}`)) as unknown as {
          rows: {
            year: number;
            quarter: number;
            entity_code: string;
            category: string;
            status: string;
            count: number;
          }[];
        }
      ).rows;
      for (const row of page)
        await write(JSON.stringify(["f", row.year, row.quarter, row.entity_code, row.category, row.status, row.count]));
      figures += page.length;
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = [last.year, last.quarter, last.entity_code, last.category, last.status];
    }
    let hashes = 0;
    let afterKey = ["00000000-0000-0000-0000-000000000000", ""];
    for (;;) {
      const page = (
        (await tx.execute(sql`select entry_id, key_hash, strength, reason, listed_by
          from conduct_screening_export(${afterKey[0]}::uuid, ${afterKey[1]}, ${PAGE})`)) as unknown as {
          rows: { entry_id: string; key_hash: string; strength: string; reason: string; listed_by: string | null }[];
        }
      ).rows;
      for (const row of page)
        await write(JSON.stringify(["s", row.entry_id, row.key_hash, row.strength, row.reason, row.listed_by]));
      hashes += page.length;
      if (page.length < PAGE) break;
      afterKey = [page[page.length - 1].entry_id, page[page.length - 1].key_hash];
    }
    await send();
    const signature = sign(null, digest.digest(), identity.privateKey).toString("base64");
    if (!out.write(`${JSON.stringify({ signature })}\n`)) await once(out, "drain");
    await recordAuditEvent(tx, actor, {
      action: "federation.bundle.export",
      subjectType: "federation",
      details: { figures, hashes },
    });
    return { figures, hashes, madeAt: header.madeAt };
  });
}

/** A bundle the hub will not merge, and why; the problem answer names the reason and the line. */
export class BundleRefused extends DomainError {
  constructor(
    readonly reason: BundleRefusal,
    message: string,
    line: number | null,
    readonly member: string | null = null,
  ) {
    super(422, reason, message, { errors: line === null ? [] : [{ path: `line ${line}`, message: reason }] });
  }
}

/** A stream's lines, decoded as UTF-8: a bundle is read as it arrives. */
async function* linesOf(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream) {
    rest += decoder.write(chunk);
    let start = 0;
    for (let end = rest.indexOf("\n"); end >= 0; end = rest.indexOf("\n", start)) {
      yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

type FigureRow = { y: number; q: number; e: string; c: string; s: string; n: number };
type HashRow = { i: string; h: string; t: string; r: string; l: string | null };

async function insertFigures(tx: Transaction, member: string, rows: FigureRow[]) {
  if (rows.length)
    await tx.execute(sql`insert into federation_allegation_counts
      (member_code, year, quarter, entity_code, category, status, count)
      select ${member}, y, q, e, c, s, n
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(y int, q int, e text, c text, s text, n int)`);
}

async function insertHashes(tx: Transaction, member: string, rows: HashRow[]) {
  if (rows.length)
    await tx.execute(sql`insert into federation_screening_keys
      (member_code, entry_id, key_hash, strength, reason, listed_by)
      select ${member}, i, h, t, r, l
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(i uuid, h text, t text, r text, l text)`);
}

/**
 * Merges a member's bundle (gzipped) in place of what it sent before. The signature is checked over
 * every line before any other reason is given, so a bundle changed on the way is called tampered.
 */
export async function mergeBundle(services: Services, actor: Actor, input: Readable): Promise<MergedBundle> {
  assertMayFederate(actor);
  try {
    return await inTransaction(services.db, actor, (tx) => mergeInto(services, tx, actor, input));
  } catch (error) {
    if (!(error instanceof BundleRefused)) throw error;
    input.resume();
    await inTransaction(services.db, actor, (tx) =>
      recordAuditEvent(tx, actor, {
        action: "federation.bundle.refuse",
        subjectType: "federation",
        subjectId: error.member ?? undefined,
        details: { member: error.member, reason: error.reason },
      }),
    );
    throw error;
  }
}

async function mergeInto(services: Services, tx: Transaction, actor: Actor, input: Readable): Promise<MergedBundle> {
  const gunzip = createGunzip();
  input.on("error", (error) => gunzip.destroy(error));
  const lines = linesOf(input.pipe(gunzip));
  const digest = createHash("sha256");
  let number = 1;
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch {
    throw new BundleRefused("not_a_bundle", "This is not a gzipped federation bundle.", null);
  }
  const header = bundleHeaderSchema.safeParse(first.done ? undefined : parsed(first.value));
  if (first.done || !header.success)
    throw new BundleRefused("not_a_bundle", `The first line is not a ${BUNDLE_FORMAT} header.`, 1);
  digest.update(`${first.value}\n`);
  const [member] = await tx
    .select()
    .from(federationMembers)
    .where(eq(federationMembers.publicKey, header.data.publicKey));
  const key = member && ed25519Key(member.publicKey);
  if (!member || !key)
    throw new BundleRefused(
      "unknown_installation",
      `No member of this federation has the key that made this bundle (fingerprint ${publicKeyFingerprint(header.data.publicKey)}).`,
      1,
    );
  const refuse = (reason: BundleRefusal, message: string, line: number | null) =>
    new BundleRefused(reason, `${member.name}: ${message}`, line, member.code);
  const ourScreeningKey = keyFingerprint(await screeningHashKey(services, tx));
  const entities = new Set(member.entityCodes);
  await forgetWhatMemberSent(tx, member.code);
  // The first thing wrong in the content; given only once the signature is known to hold.
  let problem: BundleRefused | null = null;
  let signature: string | null = null;
  let figureRows: FigureRow[] = [];
  let hashRows: HashRow[] = [];
  let figures = 0;
  let hashes = 0;
  const flush = async (all: boolean) => {
    try {
      if (all || figureRows.length >= BATCH) {
        await insertFigures(tx, member.code, figureRows);
        figureRows = [];
      }
      if (all || hashRows.length >= BATCH) {
        await insertHashes(tx, member.code, hashRows);
        hashRows = [];
      }
    } catch (error) {
      // The transaction is spoilt: nothing more is written, and the reason waits for the signature.
      if (!isUniqueViolation(error)) throw error;
      problem ??= refuse("bad_line", "the same figure or screening hash is given twice.", number);
    }
  };
  try {
    for await (const text of lines) {
      number++;
      if (signature !== null) {
        problem ??= refuse("bad_line", "There are lines after the signature.", number);
        continue;
      }
      const value = parsed(text);
      // A line is told by its shape first: a failed parse costs more than the rest of the line's work.
      const kind = Array.isArray(value) ? value[0] : "signature";
      const signed = kind === "signature" ? signatureLineSchema.safeParse(value) : null;
      if (signed?.success) {
        signature = signed.data.signature;
        continue;
      }
      digest.update(`${text}\n`);
      if (problem) continue;
      const figure = kind === "f" ? figureLineSchema.safeParse(value) : null;
      const hash = kind === "s" ? hashLineSchema.safeParse(value) : null;
      if (figure?.success) {
        const [, y, q, e, c, s, n] = figure.data;
        if (!entities.has(e)) {
          problem = refuse("entity_not_registered", `it reports ${e}, which it is not registered for.`, number);
          continue;
        }
        figureRows.push({ y, q, e, c, s, n });
        figures++;
      } else if (hash?.success) {
        if (header.data.screeningKey !== ourScreeningKey) {
          problem = refuse(
            "screening_key_differs",
            "its screening hashes are made with another key: it must adopt this hub's screening key first.",
            number,
          );
          continue;
        }
        const [, i, h, t, r, l] = hash.data;
        hashRows.push({ i, h, t, r, l });
        hashes++;
      } else {
        problem = refuse("bad_line", "a line is neither a figure nor a screening hash.", number);
        continue;
      }
      await flush(false);
    }
  } catch (error) {
    if (error instanceof BundleRefused) throw error;
    if ((error as { code?: string }).code?.startsWith("Z_"))
      throw refuse("not_a_bundle", "the bundle is not whole gzip.", number);
    throw error;
  }
  if (signature === null) throw refuse("not_signed", "the bundle has no signature (cut short?).", number);
  const hashed = digest.digest();
  if (!verify(null, hashed, key, Buffer.from(signature, "base64")))
    throw refuse("bad_signature", "the signature does not hold: the bundle was changed after it was signed.", null);
  if (problem) throw problem;
  if (member.lastMadeAt && new Date(header.data.madeAt) <= member.lastMadeAt)
    throw refuse(
      "replayed",
      `this bundle was made ${header.data.madeAt}, not after the last one merged (${member.lastMadeAt.toISOString()}).`,
      1,
    );
  await flush(true);
  if (problem) throw problem;
  await tx
    .update(federationMembers)
    .set({
      lastMadeAt: new Date(header.data.madeAt),
      lastMergedAt: new Date(),
      lastDigest: hashed.toString("hex"),
      figures,
      hashes,
    })
    .where(eq(federationMembers.code, member.code));
  await recordAuditEvent(tx, actor, {
    action: "federation.bundle.merge",
    subjectType: "federation",
    subjectId: member.code,
    details: { member: member.code, figures, hashes },
  });
  return { member: member.code, madeAt: header.data.madeAt, figures, hashes };
}
