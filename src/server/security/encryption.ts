// Envelope encryption of sensitive fields: AES-256-GCM data keys, wrapped by the master key,
// with key rotation. Ciphertext is bound to its place (table, column, row) by associated data.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database, DatabaseHandle, OwnerClient } from "../../db/connection.js";
import { dataKeys } from "../../db/schema.js";

const PREFIX = "enc:v1";
const WRAP_CONTEXT = Buffer.from("conduct-ledger data key");

const CURRENT_KEY_TTL_MS = 5_000;

/** An idempotency key's row is named by its scope and key (its primary key), as its sealed answer's context says. */
export const IDEMPOTENCY_ROW_ID = "(scope || ' ' || key)";
export const idempotencyRowId = (scope: string, key: string) => `${scope} ${key}`;

/** Every encrypted column, re-encrypted by a data-key rotation (a test holds this list to the schema). */
export const encryptedColumns: { table: string; column: string; idColumn: string }[] = [
  { table: "cases", column: "narrative_encrypted", idColumn: "id" },
  { table: "cases", column: "place_encrypted", idColumn: "id" },
  { table: "assistance_requests", column: "note_encrypted", idColumn: "id" },
  { table: "reports", column: "what_happened_encrypted", idColumn: "id" },
  { table: "reports", column: "place_encrypted", idColumn: "id" },
  { table: "sms_conversations", column: "phone_encrypted", idColumn: "id" },
  { table: "sms_conversations", column: "draft_encrypted", idColumn: "id" },
  { table: "sms_messages", column: "body_encrypted", idColumn: "id" },
  { table: "sms_messages", column: "reply_encrypted", idColumn: "id" },
  { table: "reports", column: "involved_encrypted", idColumn: "id" },
  { table: "reports", column: "reporter_contact_encrypted", idColumn: "id" },
  { table: "report_messages", column: "body_encrypted", idColumn: "id" },
  { table: "perpetrators", column: "identity_encrypted", idColumn: "id" },
  { table: "unit_leaders", column: "identity_encrypted", idColumn: "id" },
  { table: "evidence_files", column: "file_name_encrypted", idColumn: "id" },
  { table: "evidence_files", column: "content_encrypted", idColumn: "id" },
  { table: "victims", column: "identity_encrypted", idColumn: "id" },
  { table: "victims", column: "contact_encrypted", idColumn: "id" },
  { table: "victims", column: "location_encrypted", idColumn: "id" },
  { table: "victims", column: "caregiver_encrypted", idColumn: "id" },
  { table: "needs_assessments", column: "plan_encrypted", idColumn: "id" },
  { table: "victim_children", column: "identity_encrypted", idColumn: "id" },
  { table: "assistance_follow_ups", column: "note_encrypted", idColumn: "id" },
  { table: "victim_updates", column: "note_encrypted", idColumn: "id" },
  { table: "case_documents", column: "file_name_encrypted", idColumn: "id" },
  { table: "case_documents", column: "content_encrypted", idColumn: "id" },
  { table: "case_documents", column: "letter_encrypted", idColumn: "id" },
  { table: "assistance_referrals", column: "outcome_encrypted", idColumn: "id" },
  { table: "screening_secrets", column: "secret_encrypted", idColumn: "id" },
  { table: "federation_identity", column: "private_key_encrypted", idColumn: "id" },
  { table: "after_action_details", column: "what_happened_encrypted", idColumn: "review_id" },
  { table: "idempotency_keys", column: "response_encrypted", idColumn: IDEMPOTENCY_ROW_ID },
];

export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32)
    throw new Error("CONDUCT_MASTER_KEY must be 32 bytes, written as 64 hex characters or base64.");
  return key;
}

/** The master key from CONDUCT_MASTER_KEY, or from a 0600 key file made on first start. */
export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.CONDUCT_MASTER_KEY) return parseMasterKey(env.CONDUCT_MASTER_KEY);
  const file = masterKeyFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return parseMasterKey(readFileSync(file, "utf8"));
}

export const masterKeyFile = (dataDir: string) => path.join(dataDir, "master.key");

/** A secret for a named purpose (auth cookies, CSRF), derived so the master key itself is never used twice. */
export function deriveSecret(masterKey: Buffer, purpose: string): string {
  return createHmac("sha256", masterKey).update(`conduct-ledger:${purpose}`).digest("base64url");
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

function open(key: Buffer, sealed: string, aad: Buffer): Buffer {
  const raw = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12)).setAAD(aad);
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export const fieldContext = (table: string, column: string, id: string) => `${table}.${column}.${id}`;

/** Reads data keys through the caller's transaction: on PGlite a query beside an open transaction would wait forever. */
type KeyReader = Pick<Database, "select">;

export class FieldEncryption {
  private keys = new Map<number, Buffer>();

  constructor(private readonly masterKey: Buffer) {}

  encrypt(reader: KeyReader, plaintext: string, context: string): Promise<string> {
    return this.encryptBytes(reader, Buffer.from(plaintext, "utf8"), context);
  }

  private current: { id: number; readAt: number } | null = null;

  /**
   * Which data key encrypts new values. It is read again every few seconds, so a rotation by the CLI
   * takes effect without a restart; a value sealed meanwhile with the previous key still opens.
   */
  private async currentKeyId(reader: KeyReader): Promise<number> {
    if (this.current && Date.now() - this.current.readAt < CURRENT_KEY_TTL_MS) return this.current.id;
    const [current] = await reader.select({ id: dataKeys.id }).from(dataKeys).where(eq(dataKeys.isCurrent, true));
    if (!current) throw new Error("No current data key: run `conduct migrate` to create one.");
    this.current = { id: current.id, readAt: Date.now() };
    return current.id;
  }

  async decrypt(reader: KeyReader, value: string, context: string): Promise<string> {
    return (await this.decryptBytes(reader, value, context)).toString("utf8");
  }

  /** A field sealed as JSON (an identity, a letter, a draft), opened and read back. */
  async decryptJson<T>(reader: KeyReader, value: string, context: string): Promise<T> {
    return JSON.parse(await this.decrypt(reader, value, context)) as T;
  }

  /** Binary content (evidence files), sealed the same way as text fields. */
  async encryptBytes(reader: KeyReader, plaintext: Buffer, context: string): Promise<string> {
    const currentId = await this.currentKeyId(reader);
    return `${PREFIX}:${currentId}:${seal(await this.key(reader, currentId), plaintext, Buffer.from(context))}`;
  }

  async decryptBytes(reader: KeyReader, value: string, context: string): Promise<Buffer> {
    const [, , keyId, sealed] = value.split(":");
    const key = await this.key(reader, Number(keyId));
    return open(key, sealed, Buffer.from(context));
  }

  private async key(reader: KeyReader, id: number): Promise<Buffer> {
    let key = this.keys.get(id);
    if (!key) {
      const [row] = await reader.select().from(dataKeys).where(eq(dataKeys.id, id));
      if (!row) throw new Error(`Data key ${id} is missing.`);
      key = open(this.masterKey, row.wrappedKey, WRAP_CONTEXT);
      this.keys.set(id, key);
    }
    return key;
  }
}

/** Makes the first data key when there is none (owner work, at migration time). */
export async function ensureDataKey(handle: DatabaseHandle, masterKey: Buffer): Promise<void> {
  await handle.asOwner(async (owner) => {
    const [row] = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM data_keys WHERE is_current");
    if (row.n === 0) await insertCurrentKey(owner, masterKey);
  });
}

async function insertCurrentKey(owner: OwnerClient, masterKey: Buffer): Promise<number> {
  await owner.query("UPDATE data_keys SET is_current = false, retired_at = now() WHERE is_current");
  const wrapped = seal(masterKey, randomBytes(32), WRAP_CONTEXT);
  const [row] = await owner.query<{ id: number }>(
    "INSERT INTO data_keys (wrapped_key, is_current) VALUES ($1, true) RETURNING id",
    [wrapped],
  );
  return row.id;
}

/** New data key for new writes, and every encrypted field re-encrypted under it, in one transaction. */
export async function rotateDataKey(
  handle: DatabaseHandle,
  masterKey: Buffer,
): Promise<{ keyId: number; reencrypted: number }> {
  return handle.asOwner(async (owner) => {
    const unwrap = async () => {
      const rows = await owner.query<{ id: number; wrapped_key: string }>("SELECT id, wrapped_key FROM data_keys");
      return new Map(rows.map((row) => [row.id, open(masterKey, row.wrapped_key, WRAP_CONTEXT)]));
    };
    const keyId = await insertCurrentKey(owner, masterKey);
    const keys = await unwrap();
    let reencrypted = 0;
    for (const { table, column, idColumn } of encryptedColumns) {
      const rows = await owner.query<{ id: string; value: string }>(
        `SELECT ${idColumn}::text AS id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL`,
      );
      for (const row of rows) {
        const [, , oldKeyId, sealed] = row.value.split(":");
        const aad = Buffer.from(fieldContext(table, column, row.id));
        const plaintext = open(keys.get(Number(oldKeyId)) as Buffer, sealed, aad);
        const value = `${PREFIX}:${keyId}:${seal(keys.get(keyId) as Buffer, plaintext, aad)}`;
        await owner.query(`UPDATE ${table} SET ${column} = $1 WHERE ${idColumn}::text = $2`, [value, row.id]);
        reencrypted++;
      }
    }
    return { keyId, reencrypted };
  });
}

/** Re-wraps every data key under a new master key; the fields themselves do not change. */
export async function rotateMasterKey(handle: DatabaseHandle, oldMaster: Buffer, newMaster: Buffer): Promise<number> {
  return handle.asOwner(async (owner) => {
    const rows = await owner.query<{ id: number; wrapped_key: string }>("SELECT id, wrapped_key FROM data_keys");
    for (const row of rows) {
      const key = open(oldMaster, row.wrapped_key, WRAP_CONTEXT);
      await owner.query("UPDATE data_keys SET wrapped_key = $1 WHERE id = $2", [
        seal(newMaster, key, WRAP_CONTEXT),
        row.id,
      ]);
    }
    return rows.length;
  });
}
