import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  coverageOf,
  foldServiceNumber,
  isCurrent,
  readAttendance,
  type SessionFacts,
  trainedCount,
} from "./training.js";

const session = (over: Partial<SessionFacts>): SessionFacts => ({
  id: "s",
  kind: "pre_deployment",
  endsOn: "2026-05-01",
  validityMonths: 12,
  completions: 0,
  completedKeys: null,
  certifiedOn: null,
  ...over,
});

describe("training currency", () => {
  it("adds months, clamping to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-05-15", 12)).toBe("2027-05-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("counts a completion from the session's end for its validity, never before", () => {
    expect(isCurrent(session({ endsOn: "2026-05-01" }), "2027-05-01")).toBe(true);
    expect(isCurrent(session({ endsOn: "2026-05-01" }), "2027-05-02")).toBe(false);
    expect(isCurrent(session({ endsOn: "2026-12-01" }), "2026-11-22")).toBe(false);
  });

  it("counts each person on attendance lists once, and adds sessions recorded as counts", () => {
    expect(
      trainedCount([
        session({ completedKeys: ["a", "b"] }),
        session({ completedKeys: ["b", "c"] }),
        session({ completions: 10 }),
      ]),
    ).toBe(13);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { maxLength: 5 }), { maxLength: 6 }),
        (lists) => {
          const count = trainedCount(lists.map((keys) => session({ completedKeys: keys })));
          expect(count).toBe(new Set(lists.flat()).size);
        },
      ),
    );
  });
});

describe("contingent coverage", () => {
  const contingent = { strength: 100, deployedOn: "2026-06-01" };

  it("is complete with certified pre-deployment training before deployment and induction for all", () => {
    const coverage = coverageOf(
      contingent,
      [
        session({ completions: 100, certifiedOn: "2026-05-20" }),
        session({ kind: "induction", endsOn: "2026-06-10", completions: 100 }),
      ],
      "2026-11-22",
    );
    expect(coverage).toEqual({
      shares: { pre_deployment: 1, induction: 1 },
      trained: { pre_deployment: 100, induction: 100 },
      certifiedOn: "2026-05-20",
      gaps: [],
    });
  });

  it("flags what is missing: no certification, too few trained, induction not done", () => {
    const coverage = coverageOf(contingent, [session({ completions: 80 })], "2026-11-22");
    expect(coverage.shares.pre_deployment).toBe(0.8);
    expect(coverage.gaps).toEqual([
      "pre_deployment_not_certified",
      "pre_deployment_below_target",
      "induction_below_target",
    ]);
    expect(
      coverageOf(contingent, [session({ completions: 100, certifiedOn: "2026-07-01" })], "2026-11-22").gaps,
    ).toContain("certified_after_deployment");
  });

  it("does not ask for induction before the contingent deploys, and never counts more people than it has", () => {
    const coverage = coverageOf(
      { strength: 50, deployedOn: "2027-01-10" },
      [session({ completions: 70, certifiedOn: "2026-11-01" })],
      "2026-11-22",
    );
    expect(coverage.gaps).toEqual([]);
    expect(coverage.trained.pre_deployment).toBe(50);
  });

  it("keeps every share between 0 and 1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(
          fc.record({
            completions: fc.integer({ min: 0, max: 800 }),
            kind: fc.constantFrom("pre_deployment" as const, "induction" as const),
          }),
          { maxLength: 5 },
        ),
        (strength, items) => {
          const coverage = coverageOf(
            { strength, deployedOn: "2026-06-01" },
            items.map((item) => session(item)),
            "2026-11-22",
          );
          for (const share of Object.values(coverage.shares)) expect(share >= 0 && share <= 1).toBe(true);
        },
      ),
    );
  });
});

describe("attendance lists", () => {
  it("takes service numbers folded and Yes/No in English or French, reporting every bad row with its line", () => {
    const { rows, errors } = readAttendance([
      ["gh-12 345", "Yes"],
      ["GH12345", "oui"],
      ["", "yes"],
      ["SN-778", "maybe"],
      ["SN-779", "Non"],
    ]);
    expect(rows).toEqual([
      { line: 2, serviceNumber: "GH12345", completed: true },
      { line: 6, serviceNumber: "SN779", completed: false },
    ]);
    expect(errors).toEqual([
      { line: 3, message: "the same person is already on line 2" },
      { line: 4, message: "service_number is missing or too short" },
      { line: 5, message: 'completed must be Yes or No, not "maybe"' },
    ]);
  });

  it("folds service numbers so that spacing, dashes and case never split one person", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2}[0-9]{4,8}$/),
        fc.array(fc.constantFrom(" ", "-", "/"), { maxLength: 3 }),
        (number, noise) => {
          const written = `${number.slice(0, 2).toLowerCase()}${noise.join("")}${number.slice(2)}`;
          expect(foldServiceNumber(written)).toBe(number);
        },
      ),
    );
  });
});
