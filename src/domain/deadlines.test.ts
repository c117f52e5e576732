import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  computeDueDate,
  daysOverdue,
  type DeadlinePolicy,
  defaultCalendar,
  isWorkingDay,
  policyInForce,
  workingDaysBetween,
} from "./deadlines.js";

const isoDate = fc
  .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const calendar = fc.record({
  weekend: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 3 }),
  holidays: fc.array(isoDate, { maxLength: 20 }),
});

describe("deadlines", () => {
  it("a Member State notified on Friday 6 November 2026 must reply by Friday 20 November (10 working days)", () => {
    expect(computeDueDate("member_state_reply", "2026-11-06")).toEqual({
      dueDate: "2026-11-20",
      policyVersion: "default-1",
    });
  });

  it("holidays push a working-day deadline back", () => {
    expect(
      computeDueDate("member_state_reply", "2026-11-06", {
        calendar: { weekend: [0, 6], holidays: ["2026-11-11", "2026-11-19"] },
      }).dueDate,
    ).toBe("2026-11-24");
  });

  it("an SEA investigation is due in 90 days, other serious misconduct in 6 months, urgent cases in 3", () => {
    expect(computeDueDate("investigation_sea", "2026-01-15").dueDate).toBe("2026-04-15");
    expect(computeDueDate("investigation_serious", "2026-08-31").dueDate).toBe("2027-02-28");
    expect(computeDueDate("investigation_urgent", "2026-01-31").dueDate).toBe("2026-04-30");
  });

  it("an extension is added to the due date, and is kept with its reason by the caller", () => {
    expect(
      computeDueDate("investigation_sea", "2026-01-15", {
        extensions: [{ duration: { days: 30 }, reason: "witness travel" }],
      }).dueDate,
    ).toBe("2026-05-15");
  });

  it("the policy in force on the start date applies, not a later one", () => {
    const policies: DeadlinePolicy[] = [
      {
        version: "v1",
        effectiveFrom: "2016-01-01",
        rules: {
          member_state_reply: { workingDays: 10 },
          investigation_sea: { days: 90 },
          investigation_serious: { months: 6 },
          investigation_urgent: { months: 3 },
        },
      },
      {
        version: "v2",
        effectiveFrom: "2027-01-01",
        rules: {
          member_state_reply: { workingDays: 5 },
          investigation_sea: { days: 60 },
          investigation_serious: { months: 6 },
          investigation_urgent: { months: 3 },
        },
      },
    ];
    expect(computeDueDate("investigation_sea", "2026-12-31", { policies })).toEqual({
      dueDate: "2027-03-31",
      policyVersion: "v1",
    });
    expect(computeDueDate("investigation_sea", "2027-01-01", { policies })).toEqual({
      dueDate: "2027-03-02",
      policyVersion: "v2",
    });
    expect(() => policyInForce(policies, "2015-06-01")).toThrow(/No deadline policy/);
  });

  it("days overdue count from the day after the due date", () => {
    expect(daysOverdue("2026-11-20", "2026-11-20")).toBe(0);
    expect(daysOverdue("2026-11-20", "2026-11-23")).toBe(3);
    expect(daysOverdue("2026-11-20", "2026-11-18")).toBe(-2);
  });

  it("adding n working days lands on a working day after the start, exactly n working days later", () => {
    fc.assert(
      fc.property(isoDate, fc.nat(60), calendar, (start, n, cal) => {
        const due = addWorkingDays(start, n, cal);
        expect(workingDaysBetween(start, due, cal)).toBe(n);
        if (n > 0) {
          expect(due > start).toBe(true);
          expect(isWorkingDay(due, cal)).toBe(true);
        } else expect(due).toBe(start);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it("a later start never gives an earlier due date", () => {
    fc.assert(
      fc.property(
        isoDate,
        isoDate,
        fc.constantFrom(
          "member_state_reply",
          "investigation_sea",
          "investigation_serious",
          "investigation_urgent",
        ) as fc.Arbitrary<"investigation_sea">,
        (a, b, kind) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(
            computeDueDate(kind, early, { calendar: defaultCalendar }).dueDate <=
              computeDueDate(kind, late, { calendar: defaultCalendar }).dueDate,
          ).toBe(true);
        },
      ),
      { seed: 12 },
    );
  });
});
