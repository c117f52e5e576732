// Sending what waits on the device, oldest first, one at a time, each under the idempotency key it
// was queued with: a report whose answer was lost is answered again by the server, never stored
// twice. A failed link stops the round (the rest would fail too) and leaves the report waiting; a
// refusal is kept with its reason, for the officer to act on. Free of the browser's storage, so the
// offline benchmark drives the same rounds from Node.
import type { Envelope } from "../../domain/sealing.js";

export type OutboxState = "waiting" | "sending" | "sent" | "refused";

export interface OutboxItem {
  /** The idempotency key it is sent under, every time. */
  key: string;
  /** Who wrote it down: sent only under their own session. */
  ownerId: string;
  queuedAt: string;
  missionCode: string | null;
  fileCount: number;
  state: OutboxState;
  attempts: number;
  /** Sealed to the server; dropped once the server has the report. */
  sealed: { report: Envelope; evidence: Envelope[] } | null;
  /** The receipt, encrypted with this device's own key until the officer has given it on. */
  receipt: { iv: string; ciphertext: string } | null;
  problem: { code: string; message: string } | null;
}

export interface OutboxStore {
  /** The owner's reports not yet answered (waiting, or caught mid-send by a closed page), oldest first. */
  unsent(ownerId: string): Promise<OutboxItem[]>;
  save(item: OutboxItem): Promise<void>;
  /** Keeps the receipt (sealed for this device) and lets the envelopes go. */
  markSent(item: OutboxItem, receipt: string): Promise<void>;
}

/** What the server or the link said; `retry` when trying again later may succeed. */
export interface SendFailure {
  retry: boolean;
  code: string;
  message: string;
}

export type Send = (item: OutboxItem & { sealed: NonNullable<OutboxItem["sealed"]> }) => Promise<string>;

export interface DrainOutcome {
  sent: number;
  refused: number;
  /** Still waiting: the link or the server failed during this round. */
  waiting: number;
}

export async function drainOutbox(
  store: OutboxStore,
  ownerId: string,
  send: Send,
  failureOf: (error: unknown) => SendFailure,
  onChange: () => void = () => undefined,
): Promise<DrainOutcome> {
  const outcome: DrainOutcome = { sent: 0, refused: 0, waiting: 0 };
  const queue = await store.unsent(ownerId);
  for (const [index, item] of queue.entries()) {
    if (!item.sealed) continue;
    await store.save({ ...item, state: "sending", attempts: item.attempts + 1 });
    onChange();
    try {
      const receipt = await send({ ...item, sealed: item.sealed });
      await store.markSent({ ...item, attempts: item.attempts + 1 }, receipt);
      outcome.sent++;
    } catch (error) {
      const failure = failureOf(error);
      await store.save({
        ...item,
        attempts: item.attempts + 1,
        state: failure.retry ? "waiting" : "refused",
        problem: { code: failure.code, message: failure.message },
      });
      if (failure.retry) {
        outcome.waiting = queue.length - index;
        onChange();
        return outcome;
      }
      outcome.refused++;
    }
    onChange();
  }
  return outcome;
}
