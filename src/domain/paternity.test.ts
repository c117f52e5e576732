import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CustodyEvent,
  type CustodyKind,
  checkChain,
  custodyKinds,
  nextPaymentDue,
  paymentsStopped,
} from "./paternity.js";

const at = (hour: number) => `2026-03-01T${String(hour).padStart(2, "0")}:00:00.000Z`;
const event = (
  kind: CustodyKind,
  hour: number,
  fromParty: string | null = null,
  toParty: string | null = null,
): CustodyEvent => ({ id: `${kind}-${hour}`, kind, occurredAt: at(hour), fromParty, toParty });
const complete = () => [
  event("collected", 1, null, "Nurse"),
  event("sealed", 2, null, "Nurse"),
  event("transferred", 3, "Nurse", "Courier"),
  event("transferred", 4, "Courier", "Lab"),
  event("received_by_laboratory", 5, null, "Lab"),
  event("analysed", 6),
  event("result", 7),
];

describe("chain of custody", () => {
  it("a complete chain, in order and hand to hand, has no flag — in whatever order it was recorded", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(complete(), { minLength: 7, maxLength: 7 }), (events) => {
        expect(checkChain(events)).toEqual([]);
      }),
    );
  });

  it("leaving out any step but a transfer is flagged as that missing step", () => {
    for (const left of custodyKinds.filter((kind) => kind !== "transferred" && kind !== "result")) {
      const flags = checkChain(complete().filter((e) => e.kind !== left));
      expect(flags, left).toContainEqual(expect.objectContaining({ problem: "missing_step", kind: left }));
    }
  });

  it("a step dated before the one it must follow is out of order; nothing may follow the result", () => {
    const sealedLate = complete().map((e) => (e.kind === "sealed" ? { ...e, occurredAt: at(9) } : e));
    expect(checkChain(sealedLate)).toContainEqual(expect.objectContaining({ problem: "after_result", kind: "sealed" }));
    const analysedEarly = complete()
      .filter((e) => e.kind !== "result")
      .map((e) => (e.kind === "analysed" ? { ...e, occurredAt: at(0) } : e));
    expect(checkChain(analysedEarly).map((f) => f.problem)).toContain("missing_step");
  });

  it("a transfer from someone who did not hold the sample is a custody gap", () => {
    const events = complete().map((e) => (e.id === "transferred-4" ? { ...e, fromParty: "Somebody else" } : e));
    expect(checkChain(events)).toEqual([{ eventId: "transferred-4", problem: "custody_gap", kind: "transferred" }]);
  });
});

describe("child support", () => {
  it("falls due a period after the order, then after each payment; a lump sum once", () => {
    expect(nextPaymentDue("monthly", "2026-01-31", null)).toBe("2026-03-03");
    expect(nextPaymentDue("quarterly", "2026-01-15", "2026-04-10")).toBe("2026-07-10");
    expect(nextPaymentDue("lump_sum", "2026-01-15", null)).toBe("2026-01-15");
    expect(nextPaymentDue("lump_sum", "2026-01-15", "2026-02-01")).toBeNull();
    expect(nextPaymentDue(null, null, null)).toBeNull();
  });

  it("payments have stopped only past a grace period", () => {
    expect(paymentsStopped("2026-03-01", "2026-03-16")).toBe(false);
    expect(paymentsStopped("2026-03-01", "2026-03-17")).toBe(true);
    expect(paymentsStopped(null, "2030-01-01")).toBe(false);
  });
});
