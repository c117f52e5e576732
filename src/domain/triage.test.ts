import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combineChildrenInvolved, immediateNeeds, reportKinds, reportUrgency, type TriageFacts } from "./triage.js";

const calm: TriageFacts = {
  kind: "other_misconduct",
  immediateDanger: "no",
  needs: [],
  childrenInvolved: "no",
  incidentDate: "2026-11-01",
  receivedOn: "2026-12-02",
};

describe("triage at intake", () => {
  it("someone in danger now makes a report urgent, whatever else it says", () => {
    fc.assert(
      fc.property(fc.constantFrom(...reportKinds), fc.subarray([...immediateNeeds]), (kind, needs) => {
        expect(reportUrgency({ ...calm, kind, needs, immediateDanger: "yes" })).toBe("urgent");
      }),
    );
  });

  it("medical care is urgent within 72 hours of the incident, or when its date is unknown; later it is a priority", () => {
    const medical = { ...calm, needs: ["medical"] };
    expect(reportUrgency({ ...medical, incidentDate: "2026-11-29" })).toBe("urgent");
    expect(reportUrgency({ ...medical, incidentDate: null })).toBe("urgent");
    expect(reportUrgency({ ...medical, incidentDate: "2026-11-20" })).toBe("priority");
  });

  it("sexual exploitation and abuse, or children involved, is a priority; nothing of the kind is routine", () => {
    expect(reportUrgency({ ...calm, kind: "sea" })).toBe("priority");
    expect(reportUrgency({ ...calm, childrenInvolved: "yes" })).toBe("priority");
    expect(reportUrgency(calm)).toBe("routine");
  });

  it("a further report that says children are involved is never outweighed by an earlier no", () => {
    const answers = ["yes", "no", "unknown"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...answers), fc.constantFrom(...answers), (known, added) => {
        const combined = combineChildrenInvolved(known, added);
        if (known === "yes" || added === "yes") expect(combined).toBe("yes");
        else if (known === "unknown") expect(combined).toBe(added);
        else expect(combined).toBe(known);
      }),
    );
  });
});
