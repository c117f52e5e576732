// Screening candidates against the list of people with substantiated SEA or sexual harassment
// findings (or who left with an allegation pending). Only HMAC hashes of normalised identifiers are
// stored and compared; the case behind a hit is named only to those who may see that case. Every
// screening is an audit event — of its result, never of the person screened.
import { createHmac, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import {
  cases,
  findings,
  perpetrators,
  screeningEntries,
  screeningKeys,
  screeningSecrets,
} from "../../../db/schema.js";
import {
  type Identifiers,
  type KeyStrength,
  matchKeys,
  resultOf,
  type ScreeningReason,
  type ScreeningResult,
} from "../../../domain/screening.js";
import type { Services } from "../../services.js";
import { csvText } from "../../spreadsheets.js";
import { csvRefusal, csvRows } from "../../csv-reading.js";
import { type Actor, systemActor } from "../../auth/actor.js";
import { casePolicy, screeningPolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, ValidationFailed } from "../../errors.js";
import { fieldContext } from "../../security/encryption.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { findCaseWithFacts } from "../cases/index.js";

const secrets = new WeakMap<Services, Map<number, Buffer>>();
/** Row 1: this installation's own secret. Row 2: a federation's screening key, once adopted (never changed). */
const OWN_SECRET = 1;
const FEDERATION_SECRET = 2;
const secretContext = (id: number) => fieldContext("screening_secrets", "secret_encrypted", String(id));

async function storedSecret(services: Services, tx: Transaction, id: number): Promise<Buffer | null> {
  const known = secrets.get(services)?.get(id);
  if (known) return known;
  const [row] = await tx.select().from(screeningSecrets).where(eq(screeningSecrets.id, id));
  if (!row) return null;
  const secret = Buffer.from(await services.encryption.decrypt(tx, row.secretEncrypted, secretContext(id)), "base64");
  secrets.set(services, (secrets.get(services) ?? new Map()).set(id, secret));
  return secret;
}

/** This installation's own key: made once (random), stored encrypted, the same for every server instance. */
async function screeningSecret(services: Services, tx: Transaction): Promise<Buffer> {
  const known = await storedSecret(services, tx, OWN_SECRET);
  if (known) return known;
  const secretEncrypted = await services.encryption.encrypt(
    tx,
    randomBytes(32).toString("base64"),
    secretContext(OWN_SECRET),
  );
  const made = await tx
    .insert(screeningSecrets)
    .values({ id: OWN_SECRET, secretEncrypted })
    .onConflictDoNothing()
    .returning({ id: screeningSecrets.id });
  if (made.length)
    await recordAuditEvent(tx, systemActor, { action: "screening.secret.create", subjectType: "screening" });
  return (await storedSecret(services, tx, OWN_SECRET)) as Buffer;
}

/**
 * The key the screening list is hashed with: a federation's, once this installation adopted it (so
 * that a hub compares its members' hashes with its own), else this installation's own.
 */
export async function screeningHashKey(services: Services, tx: Transaction): Promise<Buffer> {
  return (await storedSecret(services, tx, FEDERATION_SECRET)) ?? screeningSecret(services, tx);
}

/** Says which key hashes were made with, without saying the key. */
export const keyFingerprint = (key: Buffer) =>
  createHmac("sha256", key).update("conduct-ledger:key-fingerprint").digest("base64url").slice(0, 22);

/** The key a hub gives its members to adopt (by hand, never over the network): audited. */
export async function exportScreeningKey(services: Services): Promise<Buffer> {
  return inTransaction(services.db, systemActor, async (tx) => {
    const key = await screeningHashKey(services, tx);
    await recordAuditEvent(tx, systemActor, {
      action: "screening.key.export",
      subjectType: "screening",
      details: { fingerprint: keyFingerprint(key) },
    });
    return key;
  });
}

/**
 * Screens from now on under a federation's key (the hub's, given by its administrator): the people
 * listed from findings are hashed again from their recorded identity. Refused while the list holds
 * people put on it by hand (their identifiers were never kept, so they cannot be hashed again), and
 * once another key was adopted.
 */
export async function adoptFederationScreeningKey(services: Services, key: Buffer): Promise<{ relisted: number }> {
  if (key.length < 32) throw new ValidationFailed("A screening key is at least 32 bytes.", [], "key_too_short");
  await inTransaction(services.db, systemActor, async (tx) => {
    const adopted = await storedSecret(services, tx, FEDERATION_SECRET);
    if (adopted) {
      if (adopted.equals(key)) return;
      throw new Conflict("This installation already screens under another federation key.", {}, "key_adopted");
    }
    const [byHand] = (
      (await tx.execute(
        sql`select count(*)::int as count from ${screeningEntries} where perpetrator_id is null`,
      )) as unknown as { rows: { count: number }[] }
    ).rows;
    if (byHand.count > 0)
      throw new Conflict(
        `${byHand.count} people were put on the list by hand; their identifiers were not kept, so they cannot be hashed under the federation key. Remove them, adopt the key, and list them again.`,
        {},
        "entries_by_hand",
      );
    await tx.delete(screeningEntries);
    await tx.insert(screeningSecrets).values({
      id: FEDERATION_SECRET,
      secretEncrypted: await services.encryption.encrypt(tx, key.toString("base64"), secretContext(FEDERATION_SECRET)),
    });
    await recordAuditEvent(tx, systemActor, {
      action: "screening.key.adopt",
      subjectType: "screening",
      details: { fingerprint: keyFingerprint(key) },
    });
  });
  return { relisted: await syncScreeningList(services) };
}

/** Keyed hashes for another purpose (attendance lists), kept apart from the screening keys by a prefix. */
export async function keyedHashes(
  services: Services,
  tx: Transaction,
  purpose: string,
  values: string[],
): Promise<string[]> {
  const secret = await screeningSecret(services, tx);
  return values.map((value) => createHmac("sha256", secret).update(`${purpose}:${value}`).digest("base64url"));
}

const hashKeys = (secret: Buffer, person: Identifiers) =>
  matchKeys(person).map(({ key, strength }) => ({
    hash: createHmac("sha256", secret).update(key).digest("base64url"),
    strength,
  }));

/** Puts a person on the list (their identifiers are hashed, then forgotten). */
export async function addScreeningEntry(
  services: Services,
  actor: Actor,
  input: Identifiers & { reason: ScreeningReason; caseId: string | null; perpetratorId?: string | null },
  inside?: Transaction,
) {
  if (!screeningPolicy.manage(actor)) throw new Forbidden("Headquarters keeps the screening list.");
  const work = async (tx: Transaction) => {
    const keys = hashKeys(await screeningHashKey(services, tx), input);
    if (keys.length === 0)
      throw new ValidationFailed(
        "Give at least a name or a document number.",
        [{ path: "body.name", message: "no_identifier" }],
        "no_identifier",
      );
    const [entry] = await tx
      .insert(screeningEntries)
      .values({
        reason: input.reason,
        caseId: input.caseId,
        perpetratorId: input.perpetratorId ?? null,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: screeningEntries.id });
    // Already on the list (the same perpetrator's finding recorded again).
    if (!entry) return { id: null, keys: 0 };
    await tx
      .insert(screeningKeys)
      .values(keys.map(({ hash, strength }) => ({ entryId: entry.id, keyHash: hash, strength })))
      .onConflictDoNothing();
    await recordAuditEvent(tx, actor, {
      action: "screening.entry.add",
      subjectType: "screening_entry",
      subjectId: entry.id,
      details: { reason: input.reason, caseId: input.caseId, keys: keys.length },
    });
    return { id: entry.id, keys: keys.length };
  };
  return inside ? work(inside) : inTransaction(services.db, actor, work);
}

interface Hit {
  entryId: string;
  strength: KeyStrength;
  reason: string;
  caseId: string | null;
  /** The entity whose case put the person on the list; null for an entry added by hand. */
  listedBy: string | null;
}

async function hitsFor(tx: Transaction, hashes: string[]): Promise<Map<string, Hit[]>> {
  const byHash = new Map<string, Hit[]>();
  for (let i = 0; i < hashes.length; i += 5_000) {
    const chunk = hashes.slice(i, i + 5_000);
    const result = (await tx.execute(
      sql`select key_hash, entry_id, strength, reason, case_id, listed_by from conduct_screening_hits(${`{${chunk.join(",")}}`}::text[])`,
    )) as unknown as {
      rows: {
        key_hash: string;
        entry_id: string;
        strength: KeyStrength;
        reason: string;
        case_id: string | null;
        listed_by: string | null;
      }[];
    };
    for (const row of result.rows)
      byHash.set(row.key_hash, [
        ...(byHash.get(row.key_hash) ?? []),
        {
          entryId: row.entry_id,
          strength: row.strength,
          reason: row.reason,
          caseId: row.case_id,
          listedBy: row.listed_by,
        },
      ]);
  }
  return byHash;
}

export interface ScreeningOutcome {
  result: ScreeningResult;
  matches: {
    result: Exclude<ScreeningResult, "no_match">;
    reason: string;
    listedBy: string | null;
    caseReference: string | null;
  }[];
}

/** Per entry met, the strongest key that met it; the case named only if the screener may see it. */
async function outcomeOf(
  tx: Transaction,
  actor: Actor,
  keys: { hash: string; strength: KeyStrength }[],
  hits: Map<string, Hit[]>,
  references: Map<string, string | null>,
): Promise<ScreeningOutcome> {
  const byEntry = new Map<string, { strengths: KeyStrength[]; hit: Hit }>();
  for (const key of keys)
    for (const hit of hits.get(key.hash) ?? [])
      byEntry.set(hit.entryId, { strengths: [...(byEntry.get(hit.entryId)?.strengths ?? []), hit.strength], hit });
  const matches: ScreeningOutcome["matches"] = [];
  for (const { strengths, hit } of byEntry.values()) {
    if (hit.caseId && !references.has(hit.caseId)) {
      const found = await findCaseWithFacts(tx, hit.caseId);
      references.set(hit.caseId, found && casePolicy.view(actor, found.facts) ? found.row.reference : null);
    }
    matches.push({
      result: resultOf(strengths) as Exclude<ScreeningResult, "no_match">,
      reason: hit.reason,
      listedBy: hit.listedBy,
      caseReference: hit.caseId ? (references.get(hit.caseId) ?? null) : null,
    });
  }
  matches.sort((a, b) => (a.result === b.result ? 0 : a.result === "match" ? -1 : 1));
  return { result: resultOf(matches.map((m) => (m.result === "match" ? "strong" : "weak"))), matches };
}

export async function screenCandidate(
  services: Services,
  actor: Actor,
  candidate: Identifiers,
): Promise<ScreeningOutcome> {
  if (!screeningPolicy.screen(actor)) throw new Forbidden("Your role does not screen candidates.");
  return inTransaction(services.db, actor, async (tx) => {
    const keys = hashKeys(await screeningHashKey(services, tx), candidate);
    if (keys.length === 0)
      throw new ValidationFailed(
        "Give at least a name or a document number.",
        [{ path: "body.name", message: "no_identifier" }],
        "no_identifier",
      );
    const outcome = await outcomeOf(
      tx,
      actor,
      keys,
      await hitsFor(
        tx,
        keys.map((k) => k.hash),
      ),
      new Map(),
    );
    await recordAuditEvent(tx, actor, {
      action: "screening.run",
      subjectType: "screening",
      details: { candidates: 1, result: outcome.result },
    });
    return outcome;
  });
}

export const batchColumns = ["name", "date_of_birth", "nationality", "document_numbers"] as const;
export const BATCH_MAX_CANDIDATES = 20_000;

/** Screens a whole list (a contingent's, a recruitment's) and answers a result file, one line per candidate. */
export async function screenBatch(services: Services, actor: Actor, text: string) {
  if (!screeningPolicy.screen(actor)) throw new Forbidden("Your role does not screen candidates.");
  let rows: string[][];
  try {
    rows = csvRows(text);
  } catch (error) {
    throw csvRefusal(error);
  }
  const [header, ...candidates] = rows;
  if (!header || header.map((h) => h.trim()).join(",") !== batchColumns.join(","))
    throw new ValidationFailed(
      `The header must be: ${batchColumns.join(",")}`,
      [{ path: "line 1", message: "bad_header" }],
      "bad_header",
    );
  if (candidates.length === 0) throw new ValidationFailed("The list has no candidate.", [], "csv_empty");
  if (candidates.length > BATCH_MAX_CANDIDATES)
    throw new ValidationFailed(
      `A list holds at most ${BATCH_MAX_CANDIDATES.toLocaleString("en")} candidates: split it.`,
      [],
      "csv_too_large",
    );
  const people: Identifiers[] = candidates.map(([name = "", dateOfBirth = "", nationality = "", documents = ""]) => ({
    name,
    dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth.trim()) ? dateOfBirth.trim() : null,
    nationalityCode: /^[A-Za-z]{3}$/.test(nationality.trim()) ? nationality.trim().toUpperCase() : null,
    documentNumbers: documents
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean),
  }));
  return inTransaction(services.db, actor, async (tx) => {
    const secret = await screeningHashKey(services, tx);
    const keysOf = people.map((person) => hashKeys(secret, person));
    const hits = await hitsFor(tx, [...new Set(keysOf.flat().map((k) => k.hash))]);
    const references = new Map<string, string | null>();
    const outcomes: ScreeningOutcome[] = [];
    for (const keys of keysOf)
      outcomes.push(
        keys.length ? await outcomeOf(tx, actor, keys, hits, references) : { result: "no_match", matches: [] },
      );
    const counts = {
      match: outcomes.filter((o) => o.result === "match").length,
      possible_match: outcomes.filter((o) => o.result === "possible_match").length,
    };
    await recordAuditEvent(tx, actor, {
      action: "screening.batch",
      subjectType: "screening",
      details: { candidates: people.length, matches: counts.match, possibleMatches: counts.possible_match },
    });
    const resultCsv = csvText([
      [...batchColumns, "line", "result", "reasons", "listed_by", "case_references"],
      ...candidates.map((row, i) => [
        ...batchColumns.map((_, c) => row[c] ?? ""),
        i + 2,
        outcomes[i].result,
        outcomes[i].matches.map((m) => m.reason).join(";"),
        outcomes[i].matches.map((m) => m.listedBy ?? "").join(";"),
        outcomes[i].matches
          .map((m) => m.caseReference ?? "")
          .filter(Boolean)
          .join(";"),
      ]),
    ]);
    return { candidates: people.length, matches: counts.match, possibleMatches: counts.possible_match, resultCsv };
  });
}

/**
 * Puts on the list everyone with a substantiated finding on an SEA or sexual harassment case who is
 * not on it yet (their recorded identity, hashed). Run after a finding and by every instance's
 * background loop, so that a finding recorded while this failed is listed on the next pass.
 */
export async function syncScreeningList(services: Services): Promise<number> {
  return inTransaction(services.db, systemActor, async (tx) => {
    const pending = await tx
      .select({
        perpetratorId: perpetrators.id,
        caseId: perpetrators.caseId,
        nationalityCode: perpetrators.nationalityCode,
        identityEncrypted: perpetrators.identityEncrypted,
        allegationCodes: cases.allegationCodes,
      })
      .from(findings)
      .innerJoin(perpetrators, eq(perpetrators.id, findings.perpetratorId))
      .innerJoin(cases, eq(cases.id, perpetrators.caseId))
      .where(sql`${findings.finding} = 'substantiated' and ${perpetrators.identityEncrypted} is not null
        and not exists (select 1 from ${screeningEntries} e where e.perpetrator_id = ${perpetrators.id})`);
    let added = 0;
    for (const person of pending) {
      const reason = listedReason(person.allegationCodes);
      if (!reason) continue;
      const identity = await services.encryption.decryptJson<{ name: string; serviceNumber: string | null }>(
        tx,
        person.identityEncrypted as string,
        fieldContext("perpetrators", "identity_encrypted", person.perpetratorId),
      );
      const entry = await addScreeningEntry(
        services,
        systemActor,
        {
          name: identity.name,
          dateOfBirth: null,
          nationalityCode: person.nationalityCode,
          documentNumbers: identity.serviceNumber ? [identity.serviceNumber] : [],
          reason,
          caseId: person.caseId,
          perpetratorId: person.perpetratorId,
        },
        tx,
      );
      if (entry.id) added++;
    }
    return added;
  });
}

/** Why a substantiated finding lists a person: SEA, or sexual harassment; other misconduct does not. */
function listedReason(allegationCodes: string[]): ScreeningReason | null {
  if (allegationCodes.some((code) => code.startsWith("SE_") || code.startsWith("SA_"))) return "substantiated_sea";
  if (allegationCodes.includes("PROHIBITED_SEXUAL_HARASSMENT")) return "substantiated_sexual_harassment";
  return null;
}
