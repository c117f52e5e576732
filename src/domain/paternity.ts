// Paternity and child-support claims (docs/domain.md): a claim links mother, child and alleged father;
// DNA samples travel with a chain of custody that must be complete and in order; the claim ends in
// paternity established or excluded, then child support ordered and paid — and it stays open after
// the person has left service. Pure rules only.

export const sampleDonors = ["mother", "child", "alleged_father"] as const;
export type SampleDonor = (typeof sampleDonors)[number];

/** The custody steps in the order a sample goes through them; transfers may repeat. */
export const custodyKinds = [
  "collected",
  "sealed",
  "transferred",
  "received_by_laboratory",
  "analysed",
  "result",
] as const;
export type CustodyKind = (typeof custodyKinds)[number];

export const paternityOutcomes = ["established", "excluded"] as const;
export type PaternityOutcome = (typeof paternityOutcomes)[number];

/** Where a paternity claim stands, as published: decided one way or the other, support ordered, or pending. */
export const publishedPaternityStatuses = ["pending", "established", "excluded", "support_ordered"] as const;

export const supportFrequencies = ["monthly", "quarterly", "yearly", "lump_sum"] as const;
export type SupportFrequency = (typeof supportFrequencies)[number];

export interface CustodyEvent {
  id: string;
  kind: CustodyKind;
  occurredAt: string;
  fromParty: string | null;
  toParty: string | null;
}

export interface ChainFlag {
  eventId: string | null;
  problem: "missing_step" | "out_of_order" | "custody_gap" | "after_result";
  /** The step that is missing or misplaced. */
  kind: CustodyKind;
}

const rank = (kind: CustodyKind) => custodyKinds.indexOf(kind);

/**
 * Checks a sample's chain of custody, events taken in the order they happened: each step must come
 * after the one before it (transfers may repeat), none may be skipped, nothing follows the result,
 * and a transfer must start from whoever last held the sample.
 */
export function checkChain(events: CustodyEvent[]): ChainFlag[] {
  const flags: ChainFlag[] = [];
  const ordered = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || rank(a.kind) - rank(b.kind));
  let reached = -1;
  let holder: string | null = null;
  for (const event of ordered) {
    const step = rank(event.kind);
    if (reached === rank("result")) {
      flags.push({ eventId: event.id, problem: "after_result", kind: event.kind });
      continue;
    }
    if (step < reached && event.kind !== "transferred") {
      flags.push({ eventId: event.id, problem: "out_of_order", kind: event.kind });
      continue;
    }
    if (event.kind === "transferred" && reached >= rank("received_by_laboratory")) {
      flags.push({ eventId: event.id, problem: "out_of_order", kind: event.kind });
      continue;
    }
    // Every step between the last one reached and this one is missing (a transfer is optional).
    for (let missing = reached + 1; missing < step; missing++) {
      if (custodyKinds[missing] !== "transferred")
        flags.push({ eventId: event.id, problem: "missing_step", kind: custodyKinds[missing] });
    }
    if (
      event.kind === "transferred" &&
      holder !== null &&
      event.fromParty !== null &&
      event.fromParty.trim().toLowerCase() !== holder.trim().toLowerCase()
    ) {
      flags.push({ eventId: event.id, problem: "custody_gap", kind: event.kind });
    }
    if (event.kind === "transferred" || event.kind === "received_by_laboratory") holder = event.toParty ?? holder;
    if (event.kind === "collected" || event.kind === "sealed") holder = event.toParty ?? event.fromParty ?? holder;
    reached = Math.max(reached, step);
  }
  return flags;
}

/** How many days a support payment may run late before the claim is flagged: payments have stopped. */
export const PAYMENT_GRACE_DAYS = 15;

/** When the next support payment is due: a period after the order or the last payment; a lump sum once, on the order. */
export function nextPaymentDue(
  frequency: SupportFrequency | null,
  orderedOn: string | null,
  lastPaidOn: string | null,
): string | null {
  if (!frequency || !orderedOn) return null;
  if (frequency === "lump_sum") return lastPaidOn ? null : orderedOn;
  const months = { monthly: 1, quarterly: 3, yearly: 12 }[frequency];
  const due = new Date(`${lastPaidOn ?? orderedOn}T00:00:00Z`);
  due.setUTCMonth(due.getUTCMonth() + months);
  return due.toISOString().slice(0, 10);
}

/** Payments have stopped when the next one is more than the grace period late. */
export function paymentsStopped(nextDue: string | null, today: string): boolean {
  if (!nextDue) return false;
  const late = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${nextDue}T00:00:00Z`)) / 86_400_000;
  return late > PAYMENT_GRACE_DAYS;
}
