import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountabilityMeasures,
  missionCommandMeasures,
  percentile,
  publicCommandMeasures,
  publicCommandMeasuresOf,
  severityOf,
} from "./accountability.js";
import { unitDecisions } from "./command.js";
import { proceedingKinds, proceedingVenues, verdicts } from "./military-justice.js";

describe("accountability measures", () => {
  it("percentiles by nearest rank", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([30, 10, 20], 0.5)).toBe(20);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, p) => {
          const value = percentile(values, p) as number;
          // At least a share p of the values are at or below it, and it is one of them.
          expect(values).toContain(value);
          expect(values.filter((v) => v <= value).length).toBeGreaterThanOrEqual(Math.ceil(p * values.length));
        },
      ),
    );
  });

  it("the gravest allegation sets the severity", () => {
    expect(severityOf(["SE_TRANSACTIONAL_SEX", "SA_MINOR"])).toBe("child_or_rape");
    expect(severityOf(["SE_SOLICITATION", "SA_SEXUAL_ASSAULT"])).toBe("sexual_abuse");
    expect(severityOf(["SE_EXPLOITATIVE_RELATIONSHIP"])).toBe("sexual_exploitation");
    expect(severityOf(["FRAUD_THEFT"])).toBe("other");
  });

  it("measures replies, appointments, investigations, proceedings and penalties", () => {
    const measures = accountabilityMeasures(
      {
        referrals: [
          { sentOn: "2026-01-05", replyDueOn: "2026-01-19", repliedOn: "2026-01-15", nioAppointedOn: "2026-01-25" },
          { sentOn: "2026-02-02", replyDueOn: "2026-02-16", repliedOn: "2026-03-01", nioAppointedOn: null },
          // Not yet due and not answered: not measured.
          { sentOn: "2026-11-20", replyDueOn: "2026-12-04", repliedOn: null, nioAppointedOn: null },
          // Past due and not answered: late.
          { sentOn: "2026-05-01", replyDueOn: "2026-05-15", repliedOn: null, nioAppointedOn: "2026-06-10" },
        ],
        investigations: [
          { startedOn: "2026-01-01", completedOn: "2026-03-01", dueOn: "2026-04-01" },
          { startedOn: "2026-01-01", completedOn: "2026-06-30", dueOn: "2026-04-01" },
          { startedOn: "2026-06-01", completedOn: null, dueOn: "2026-08-30" },
        ],
        outcomes: [
          { severity: "child_or_rape", substantiated: true, finalActions: ["imprisonment"] },
          { severity: "child_or_rape", substantiated: true, finalActions: ["reprimand"] },
          { severity: "sexual_exploitation", substantiated: true, finalActions: [] },
          { severity: "sexual_exploitation", substantiated: false, finalActions: [] },
        ],
        proceedings: [
          { kind: "court_martial", venue: "mission_area", verdict: "convicted" },
          { kind: "court_martial", venue: "home_country", verdict: "pending" },
          { kind: "civilian_court", venue: "mission_area", verdict: "acquitted" },
        ],
        command: {
          units: [
            { signals: 2, decisions: ["review", "repatriation"] },
            { signals: 0, decisions: ["review"] },
            { signals: 0, decisions: [] },
          ],
          failedDuties: 3,
          leaderAllegations: 1,
        },
      },
      "2026-11-30",
    );
    expect(measures.repliesOnTime).toEqual({ count: 1, of: 3, share: 1 / 3 });
    expect(measures.nioAppointment).toEqual({ appointed: 2, notAppointed: 2, medianDays: 20 });
    expect(measures.investigations).toEqual({
      completed: 2,
      open: 1,
      medianDays: 59,
      p90Days: 180,
      withinDeadline: { count: 1, of: 2, share: 0.5 },
      openPastDeadline: 1,
    });
    expect(measures.substantiatedWithFinalAction).toEqual({ count: 2, of: 3, share: 2 / 3 });
    // Only a court-martial held in the mission area counts as on site.
    expect(measures.proceedings).toEqual({ total: 3, onSiteCourtsMartial: 1, convictions: 1 });
    expect(measures.command).toEqual({
      units: 3,
      signalled: 1,
      decisions: { review: 2, repatriation: 1 },
      failedDuties: 3,
      leaderAllegations: 1,
    });
    // A child abused: imprisonment for one, a reprimand for the other — the inconsistency shows.
    expect(measures.penalties).toEqual([
      { severity: "child_or_rape", substantiated: 2, actions: { imprisonment: 1, reprimand: 1 }, noAction: 0 },
      { severity: "sexual_exploitation", substantiated: 1, actions: {}, noAction: 1 },
    ]);
  });

  it("measures a mission's command record: units, proceedings, this year's plans", () => {
    const measures = missionCommandMeasures(
      {
        command: {
          units: [
            { signals: 2, decisions: ["review", "repatriation"] },
            { signals: 0, decisions: [] },
          ],
          failedDuties: 3,
          leaderAllegations: 1,
        },
        proceedings: [{ kind: "court_martial", venue: "mission_area", verdict: "convicted" }],
        plans: [
          {
            certified: true,
            commitments: [
              { status: "done", dueOn: "2026-01-10" },
              { status: "planned", dueOn: "2026-02-01" },
              { status: "dropped", dueOn: "2026-02-01" },
              { status: "in_progress", dueOn: "2026-12-31" },
            ],
          },
          { certified: false, commitments: [] },
        ],
      },
      "2026-06-01",
    );
    expect(measures).toEqual({
      command: {
        units: 2,
        signalled: 1,
        decisions: { review: 1, repatriation: 1 },
        failedDuties: 3,
        leaderAllegations: 1,
      },
      proceedings: { total: 1, onSiteCourtsMartial: 1, convictions: 1 },
      commitments: { plans: 2, certified: 1, items: 4, done: 1, late: 1 },
    });
  });

  it("publishes each proceeding under its forum, convictions too, and only the units sent home", () => {
    for (const kind of proceedingKinds)
      for (const venue of proceedingVenues)
        for (const verdict of verdicts) {
          const measures = publicCommandMeasuresOf({ source: "proceeding", kind, venue, verdict });
          expect(measures[0]).toBe(kind === "court_martial" ? `court_martial_${venue}` : kind);
          expect(measures.includes("convicted")).toBe(verdict === "convicted");
          for (const measure of measures) expect(publicCommandMeasures).toContain(measure);
        }
    expect(unitDecisions.flatMap((decision) => publicCommandMeasuresOf({ source: "decision", decision }))).toEqual([
      "unit_repatriation",
      "unit_replacement",
    ]);
  });
});
