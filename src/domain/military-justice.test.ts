import { describe, expect, it } from "vitest";
import { isOnSiteCourtMartial, type ProceedingFacts, proceedingProblem } from "./military-justice.js";

const opened: ProceedingFacts = {
  kind: "court_martial",
  venue: "mission_area",
  openedOn: "2026-06-01",
  verdict: "pending",
  verdictOn: null,
  sentence: null,
  appeal: "none",
};

describe("a national proceeding's record", () => {
  it("holds together while pending, and once convicted with its day and sentence", () => {
    expect(proceedingProblem(opened)).toBeNull();
    expect(
      proceedingProblem({
        ...opened,
        verdict: "convicted",
        verdictOn: "2026-07-15",
        sentence: "Two years",
        appeal: "lodged",
      }),
    ).toBeNull();
  });

  it("needs a verdict's day, after the opening, and none before a verdict", () => {
    expect(proceedingProblem({ ...opened, verdict: "acquitted" })).toEqual(["verdictOn", "verdict_day_missing"]);
    expect(proceedingProblem({ ...opened, verdictOn: "2026-07-15" })).toEqual(["verdictOn", "no_verdict_yet"]);
    expect(proceedingProblem({ ...opened, verdict: "convicted", verdictOn: "2026-05-01" })).toEqual([
      "verdictOn",
      "before_opening",
    ]);
  });

  it("has a sentence only on conviction, and an appeal only after a verdict", () => {
    expect(proceedingProblem({ ...opened, verdict: "acquitted", verdictOn: "2026-07-15", sentence: "Fine" })).toEqual([
      "sentence",
      "sentence_without_conviction",
    ]);
    expect(proceedingProblem({ ...opened, appeal: "lodged" })).toEqual(["appeal", "appeal_without_verdict"]);
  });

  it("counts a court-martial in the mission area as on site, not one at home or another court", () => {
    expect(isOnSiteCourtMartial(opened)).toBe(true);
    expect(isOnSiteCourtMartial({ ...opened, venue: "home_country" })).toBe(false);
    expect(isOnSiteCourtMartial({ ...opened, kind: "civilian_court" })).toBe(false);
  });
});
