// The outbox as the browser keeps it, in memory: for the outbox's own tests and the offline benchmark.
import type { OutboxItem, OutboxStore } from "../../src/web/offline/drain.js";

export function memoryOutbox(items: OutboxItem[] = []) {
  const byKey = new Map(items.map((entry) => [entry.key, entry]));
  const receipts = new Map<string, string>();
  const store: OutboxStore = {
    unsent: async (ownerId) =>
      [...byKey.values()]
        .filter((entry) => entry.ownerId === ownerId && (entry.state === "waiting" || entry.state === "sending"))
        .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)),
    save: async (entry) => void byKey.set(entry.key, entry),
    markSent: async (entry, receipt) => {
      byKey.set(entry.key, { ...entry, state: "sent", sealed: null });
      receipts.set(entry.key, receipt);
    },
  };
  return { store, byKey, receipts };
}
