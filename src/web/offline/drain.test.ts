// The outbox's rounds: oldest first, each under its own key; a failed link ends the round and
// leaves the rest waiting; a refusal is kept with its reason and the round goes on; a report
// caught mid-send by a closed page is sent again.
import { describe, expect, it } from "vitest";
import { memoryOutbox } from "../../../test/helpers/memory-outbox.js";
import { type OutboxItem, type SendFailure, drainOutbox } from "./drain.js";

const envelope = { keyId: "0123456789abcdef", ephemeralKey: "AA==", iv: "AA==", ciphertext: "AA==" };
const item = (key: string, state: OutboxItem["state"] = "waiting", ownerId = "me"): OutboxItem => ({
  key,
  ownerId,
  queuedAt: `2026-12-03T10:00:0${key.at(-1)}Z`,
  missionCode: "MINUSCA",
  fileCount: 0,
  state,
  attempts: 0,
  sealed: { report: envelope, evidence: [] },
  receipt: null,
  problem: null,
});

class Failed extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.message);
  }
}
const failureOf = (error: unknown) => (error as Failed).failure;

describe("an outbox round", () => {
  it("sends oldest first under each report's key, and only the owner's", async () => {
    const { store, byKey, receipts } = memoryOutbox([
      item("k2"),
      item("k1", "sending"),
      item("k3", "waiting", "other"),
    ]);
    const sent: string[] = [];
    const outcome = await drainOutbox(
      store,
      "me",
      async (entry) => {
        sent.push(entry.key);
        return `R-${entry.key}`;
      },
      failureOf,
    );
    expect(sent).toEqual(["k1", "k2"]);
    expect(outcome).toEqual({ sent: 2, refused: 0, waiting: 0 });
    expect(receipts.get("k1")).toBe("R-k1");
    expect(byKey.get("k1")?.sealed).toBeNull();
    expect(byKey.get("k3")?.state).toBe("waiting");
  });

  it("stops at a failed link and keeps the rest waiting; goes past a refusal, keeping its reason", async () => {
    const { store, byKey } = memoryOutbox([item("k1"), item("k2"), item("k3"), item("k4")]);
    const outcome = await drainOutbox(
      store,
      "me",
      async (entry) => {
        if (entry.key === "k2") throw new Failed({ retry: false, code: "validation_failed", message: "No words" });
        if (entry.key === "k3") throw new Failed({ retry: true, code: "network_unavailable", message: "Gone" });
        return "R";
      },
      failureOf,
    );
    expect(outcome).toEqual({ sent: 1, refused: 1, waiting: 2 });
    expect(byKey.get("k2")).toMatchObject({ state: "refused", problem: { code: "validation_failed" }, attempts: 1 });
    expect(byKey.get("k3")).toMatchObject({ state: "waiting", problem: { code: "network_unavailable" }, attempts: 1 });
    expect(byKey.get("k4")).toMatchObject({ state: "waiting", attempts: 0 });
  });
});
