import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AssessmentFacts,
  heatMatrix,
  mitigationState,
  overallLevel,
  quarterlyReport,
  quarterOf,
  quarterRange,
  riskFactorKinds,
  riskLevel,
  riskLevels,
  riskScore,
} from "./risk.js";

const rating = fc.integer({ min: 1, max: 5 });
const factor = fc.record({ kind: fc.constantFrom(...riskFactorKinds), likelihood: rating, impact: rating });
const day = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));

describe("risk rating", () => {
  it("bands the 5 × 5 matrix as low, medium, high, critical", () => {
    expect([
      riskLevel(riskScore(1, 4)),
      riskLevel(riskScore(1, 5)),
      riskLevel(riskScore(3, 3)),
      riskLevel(riskScore(2, 5)),
      riskLevel(riskScore(3, 5)),
      riskLevel(riskScore(5, 5)),
    ]).toEqual(["low", "medium", "medium", "high", "critical", "critical"]);
  });

  it("never rates a worse likelihood or impact lower", () => {
    fc.assert(
      fc.property(rating, rating, rating, (likelihood, impact, more) => {
        const rank = (l: number, i: number) => riskLevels.indexOf(riskLevel(riskScore(l, i)));
        expect(rank(Math.max(likelihood, more), impact)).toBeGreaterThanOrEqual(rank(likelihood, impact));
        expect(rank(likelihood, Math.max(impact, more))).toBeGreaterThanOrEqual(rank(likelihood, impact));
      }),
    );
  });

  it("rates a location by its worst factor, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(factor, { minLength: 1, maxLength: 12 }), (factors) => {
        const level = overallLevel(factors);
        expect(overallLevel([...factors].reverse())).toBe(level);
        for (const f of factors)
          expect(riskLevels.indexOf(level as never)).toBeGreaterThanOrEqual(
            riskLevels.indexOf(riskLevel(riskScore(f.likelihood, f.impact))),
          );
      }),
    );
    expect(overallLevel([])).toBeNull();
  });

  it("puts every factor in exactly one cell of the heat matrix", () => {
    fc.assert(
      fc.property(fc.array(factor, { maxLength: 30 }), (factors) => {
        const cells = heatMatrix(factors);
        expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(factors.length);
        for (const f of factors) expect(cells[f.likelihood - 1][f.impact - 1]).toBeGreaterThan(0);
      }),
    );
  });
});

describe("quarters", () => {
  it("holds every date in the quarter it names", () => {
    fc.assert(
      fc.property(day, (date) => {
        const { from, to } = quarterRange(quarterOf(date));
        expect(from <= date && date <= to).toBe(true);
      }),
    );
    expect(quarterRange("2026-Q1")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(quarterRange("2024-Q1").to).toBe("2024-03-31");
    expect(quarterRange("2026-Q4")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(() => quarterRange("2026-Q5")).toThrow(RangeError);
  });
});

describe("mitigations", () => {
  it("are done once completed, overdue after their due date, open before", () => {
    expect(mitigationState({ dueOn: "2026-05-01", completedOn: "2026-06-01" }, "2026-07-01")).toBe("done");
    expect(mitigationState({ dueOn: "2026-05-01", completedOn: null }, "2026-05-02")).toBe("overdue");
    expect(mitigationState({ dueOn: "2026-05-01", completedOn: null }, "2026-05-01")).toBe("open");
  });
});

describe("the quarterly report", () => {
  const assessment = (over: Partial<AssessmentFacts>): AssessmentFacts => ({
    id: "a",
    location: "Camp Alpha",
    locationKind: "camp",
    assessedOn: "2026-04-10",
    reviewOn: "2026-10-10",
    factors: [{ kind: "proximity_to_communities", likelihood: 4, impact: 4 }],
    mitigations: [],
    ...over,
  });

  it("takes each location's latest assessment made by the quarter's end", () => {
    const report = quarterlyReport(
      "2026-Q2",
      [
        assessment({ id: "old", assessedOn: "2026-01-05", factors: [{ kind: "curfew", likelihood: 1, impact: 1 }] }),
        assessment({ id: "new", assessedOn: "2026-05-05" }),
        assessment({ id: "later", assessedOn: "2026-07-05", factors: [] }),
        assessment({
          id: "b",
          location: "Team site Bravo",
          locationKind: "team_site",
          assessedOn: "2026-02-01",
          reviewOn: "2026-05-01",
          factors: [{ kind: "lighting", likelihood: 2, impact: 2 }],
        }),
      ],
      "2026-11-01",
    );
    expect(report.locations.map((l) => [l.location, l.level, l.assessedOn])).toEqual([
      ["Camp Alpha", "critical", "2026-05-05"],
      ["Team site Bravo", "low", "2026-02-01"],
    ]);
    expect(report.levels).toEqual({ low: 1, medium: 0, high: 0, critical: 1 });
    expect(report.totals).toMatchObject({ locations: 2, assessedInQuarter: 1, reviewsOverdue: 1 });
    expect(report.asOf).toBe("2026-06-30");
  });

  it("counts mitigations due, completed and overdue, judging the running quarter at today", () => {
    const mitigations = [
      {
        action: "Fence the perimeter",
        owner: "Engineering",
        factorKind: null,
        dueOn: "2026-10-15",
        completedOn: "2026-10-14",
      },
      {
        action: "Lighting at the gate",
        owner: "Camp commander",
        factorKind: "lighting",
        dueOn: "2026-10-20",
        completedOn: null,
      },
      {
        action: "Patrol schedule",
        owner: "Military police",
        factorKind: "patrols",
        dueOn: "2026-12-20",
        completedOn: null,
      },
      { action: "Off-limits map", owner: "CDT", factorKind: null, dueOn: "2026-09-01", completedOn: "2026-10-02" },
    ];
    const report = quarterlyReport("2026-Q4", [assessment({ mitigations })], "2026-11-22");
    expect(report.asOf).toBe("2026-11-22");
    expect(report.locations[0].mitigations).toEqual({ due: 3, completed: 2, overdue: 1 });
    expect(report.locations[0].overdueMitigations).toEqual([
      { action: "Lighting at the gate", owner: "Camp commander", dueOn: "2026-10-20" },
    ]);
    expect(report.totals).toMatchObject({ mitigationsDue: 3, mitigationsCompleted: 2, mitigationsOverdue: 1 });
    // The quarter before: the off-limits map was still outstanding at its end.
    expect(quarterlyReport("2026-Q3", [assessment({ mitigations })], "2026-11-22").totals.mitigationsOverdue).toBe(1);
  });

  it("sums its heat matrix to the factors of the locations it reports", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            location: fc.constantFrom("A", "B", "C"),
            assessedOn: day,
            factors: fc.array(factor, { maxLength: 5 }),
          }),
          { maxLength: 10 },
        ),
        (items) => {
          const report = quarterlyReport(
            "2026-Q2",
            items.map((item, i) => assessment({ ...item, id: String(i) })),
            "2026-11-22",
          );
          expect(report.heat.flat().reduce((a, b) => a + b, 0)).toBe(
            report.locations.reduce((n, l) => n + l.factors.length, 0),
          );
          for (const l of report.locations) expect(l.assessedOn <= "2026-06-30").toBe(true);
        },
      ),
    );
  });
});
