import { describe, expect, it } from "vitest";
import { commanderOn, failedDuties } from "./command.js";

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
