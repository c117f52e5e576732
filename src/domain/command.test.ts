import { describe, expect, it } from "vitest";
import { commanderOn, failedDuties, perThousand, systemicSignalsOf } from "./command.js";

const leader = (name: string, post: string, servedFrom: string, servedTo: string | null) => ({
  name,
  post,
  servedFrom,
  servedTo,
});

describe("the commander on a day", () => {
  const leaders = [
    leader("Col. A", "commander", "2026-01-01", "2026-06-30"),
    leader("Col. B", "commander", "2026-06-15", null),
    leader("Maj. C", "deputy_commander", "2026-01-01", null),
  ];

  it("is the commander whose period covers the day, the ends included", () => {
    expect(commanderOn(leaders, "2026-01-01")?.name).toBe("Col. A");
    expect(commanderOn(leaders, "2026-06-14")?.name).toBe("Col. A");
    expect(commanderOn(leaders, "2027-03-01")?.name).toBe("Col. B");
  });

  it("during a hand-over is the one who took the command last", () => {
    expect(commanderOn(leaders, "2026-06-20")?.name).toBe("Col. B");
  });

  it("is nobody before the first command, and never a deputy", () => {
    expect(commanderOn(leaders, "2025-12-31")).toBeNull();
    expect(commanderOn(leaders.slice(2), "2026-03-01")).toBeNull();
  });
});

describe("leaders' duties on a case", () => {
  it("fail where answered no, not where partly met or not known", () => {
    expect(
      failedDuties([
        { duty: "reported", answer: "no" },
        { duty: "interim_measures", answer: "partly" },
        { duty: "evidence_preserved", answer: "unknown" },
        { duty: "cooperated", answer: "no" },
      ]),
    ).toEqual(["reported", "cooperated"]);
  });
});

describe("patterns in a unit", () => {
  const counts = (substantiated: number, notSubstantiated: number, pending: number) => ({
    substantiated,
    notSubstantiated,
    pending,
    otherMisconduct: 0,
  });

  it("rates SEA allegations per 1,000 personnel, to one decimal, and none without a strength", () => {
    expect(perThousand(3, 850)).toBe(3.5);
    expect(perThousand(0, 850)).toBe(0);
    expect(perThousand(2, 0)).toBeNull();
  });

  it("signals several allegations or more than one substantiated, whatever the mission's rate", () => {
    expect(systemicSignalsOf(counts(0, 1, 2), 3.5, 3.5)).toEqual(["several_allegations"]);
    expect(systemicSignalsOf(counts(2, 0, 0), 2.4, 2.4)).toEqual(["repeatedly_substantiated"]);
  });

  it("signals a rate twice the mission's from two allegations, not from one", () => {
    expect(systemicSignalsOf(counts(0, 1, 1), 2.4, 1.2)).toEqual(["above_mission_rate"]);
    expect(systemicSignalsOf(counts(0, 1, 1), 2.3, 1.2)).toEqual([]);
    expect(systemicSignalsOf(counts(0, 0, 1), 9, 0.5)).toEqual([]);
  });

  it("leaves other misconduct out of the SEA signals", () => {
    expect(systemicSignalsOf({ ...counts(0, 0, 0), otherMisconduct: 7 }, 0, 0)).toEqual([]);
  });
});
