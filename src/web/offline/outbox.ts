// The device's outbox: reports written without a connection, sealed to the server's key
// (domain/sealing.ts) and kept in IndexedDB until sent. This device can list them and their state
// but not read them. Receipts come back in the clear and are kept encrypted with a key of this
// device's own (WebCrypto, not extractable) until the officer has given them on.
import { type SealingKey, fromBase64, sealJson, toBase64 } from "../../domain/sealing.js";
import { ApiProblem } from "../api.js";
import type { OutboxItem, OutboxStore } from "./drain.js";

const DATABASE = "conduct-offline";
const OUTBOX = "outbox";
const KEYS = "keys";

/** Told of every change to the outbox, so that each view of it (the list, the count) follows. */
export const outboxChanges = new EventTarget();
const announce = () => outboxChanges.dispatchEvent(new Event("change"));

let opened: Promise<IDBDatabase> | null = null;
function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(OUTBOX, { keyPath: "key" });
      request.result.createObjectStore(KEYS);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function inStore<T>(name: string, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) {
  const transaction = (await database()).transaction(name, mode);
  const request = work(transaction.objectStore(name));
  return new Promise<T>((resolve, reject) => {
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** Sealing and the device key need a secure page (https, or this machine). */
export const canKeepOffline = () =>
  typeof crypto !== "undefined" && crypto.subtle !== undefined && "indexedDB" in globalThis;

export const rememberSealingKey = (key: SealingKey) => inStore(KEYS, "readwrite", (store) => store.put(key, "sealing"));
const sealingKey = () => inStore<SealingKey | undefined>(KEYS, "readonly", (store) => store.get("sealing"));

async function deviceKey(): Promise<CryptoKey> {
  const kept = await inStore<CryptoKey | undefined>(KEYS, "readonly", (store) => store.get("device"));
  if (kept) return kept;
  const made = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  await inStore(KEYS, "readwrite", (store) => store.put(made, "device"));
  return made;
}

/** Seals a report (and each file apart) and queues it under its idempotency key. */
export async function queueReport(
  ownerId: string,
  key: string,
  body: {
    channel: string;
    report: { missionCode: string | null };
    evidence: { fileName: string; contentBase64: string }[];
  },
) {
  if (!canKeepOffline())
    throw new ApiProblem(0, "offline_needs_secure_page", "Reports are kept offline only on a secure (https) address.");
  const server = await sealingKey();
  if (!server)
    throw new ApiProblem(
      0,
      "offline_not_ready",
      "This device has not yet had the server's key: connect once while signed in.",
    );
  const item: OutboxItem = {
    key,
    ownerId,
    queuedAt: new Date().toISOString(),
    missionCode: body.report.missionCode,
    fileCount: body.evidence.length,
    state: "waiting",
    attempts: 0,
    sealed: {
      report: await sealJson(server, { channel: body.channel, report: body.report }),
      evidence: await Promise.all(body.evidence.map((file) => sealJson(server, file))),
    },
    receipt: null,
    problem: null,
  };
  await inStore(OUTBOX, "readwrite", (store) => store.put(item));
  announce();
}

export async function outboxOf(ownerId: string): Promise<OutboxItem[]> {
  const all = await inStore<OutboxItem[]>(OUTBOX, "readonly", (store) => store.getAll());
  return all.filter((item) => item.ownerId === ownerId).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export const saveItem = async (item: OutboxItem) => {
  await inStore(OUTBOX, "readwrite", (store) => store.put(item));
  announce();
};
export const forgetItem = async (key: string) => {
  await inStore(OUTBOX, "readwrite", (store) => store.delete(key));
  announce();
};

export async function receiptOf(item: OutboxItem): Promise<string | null> {
  if (!item.receipt) return null;
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64(item.receipt.iv) as BufferSource },
    await deviceKey(),
    fromBase64(item.receipt.ciphertext) as BufferSource,
  );
  return new TextDecoder().decode(plain);
}

export const browserOutbox: OutboxStore = {
  unsent: async (ownerId) =>
    (await outboxOf(ownerId)).filter((item) => item.state === "waiting" || item.state === "sending"),
  save: saveItem,
  async markSent(item, receipt) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = await crypto.subtle.encrypt(
      { name: "AES-GCM", iv },
      await deviceKey(),
      new TextEncoder().encode(receipt),
    );
    await saveItem({
      ...item,
      state: "sent",
      sealed: null,
      problem: null,
      receipt: { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) },
    });
  },
};
