import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedTransitions,
  applyTransition,
  type CaseStatus,
  type CaseTransition,
  caseStatuses,
  caseTransitions,
  nextSteps,
} from "./workflow.js";

const transitionNames = Object.keys(caseTransitions) as CaseTransition[];

function reachableFrom(start: CaseStatus): Set<CaseStatus> {
  const seen = new Set<CaseStatus>([start]);
  const queue = [start];
  while (queue.length) {
    const status = queue.shift() as CaseStatus;
    for (const name of allowedTransitions(status)) {
      const result = applyTransition(status, name);
      if (result.ok && !seen.has(result.status)) {
        seen.add(result.status);
        queue.push(result.status);
      }
    }
  }
  return seen;
}

describe("case workflow", () => {
  it("every status can be reached from a newly received case", () => {
    expect([...reachableFrom("received")].sort()).toEqual([...caseStatuses].sort());
  });

  it("from every status a case can still be closed: there are no dead ends", () => {
    for (const status of caseStatuses) expect(reachableFrom(status).has("closed")).toBe(true);
  });

  it("a closed case can only be reopened, and goes back to assessment", () => {
    expect(allowedTransitions("closed")).toEqual(["reopen"]);
    expect(applyTransition("closed", "reopen")).toEqual({ ok: true, status: "preliminary_assessment" });
  });

  it("findings cannot be recorded before an investigation, and the refusal names what is allowed", () => {
    expect(applyTransition("received", "recordFindings")).toEqual({ ok: false, allowed: ["assess"] });
  });

  it("any transition either moves to its target or is refused with the allowed ones named", () => {
    fc.assert(
      fc.property(fc.constantFrom(...caseStatuses), fc.constantFrom(...transitionNames), (status, name) => {
        const result = applyTransition(status, name);
        if (result.ok) {
          expect(allowedTransitions(status)).toContain(name);
          expect(result.status).toBe(caseTransitions[name].to);
        } else {
          expect(result.allowed).not.toContain(name);
          expect(result.allowed).toEqual(allowedTransitions(status));
        }
      }),
      { seed: 3 },
    );
  });

  it("any sequence of allowed transitions keeps the case in a known status", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 40 }), (choices) => {
        let status: CaseStatus = "received";
        for (const choice of choices) {
          const allowed = allowedTransitions(status);
          const result = applyTransition(status, allowed[choice % allowed.length]);
          expect(result.ok).toBe(true);
          if (result.ok) status = result.status;
        }
        expect(caseStatuses).toContain(status);
      }),
      { seed: 4 },
    );
  });

  it("referring, investigating, finding and acting are never a bare step: each waits for its record", () => {
    expect(nextSteps("preliminary_assessment")).toEqual({ manual: ["close"], records: ["referral"] });
    expect(nextSteps("referred")).toEqual({ manual: ["close"], records: ["investigation"] });
    expect(nextSteps("under_investigation")).toEqual({ manual: [], records: ["finding"] });
    expect(nextSteps("findings")).toEqual({ manual: ["close"], records: ["final_action"] });
    expect(nextSteps("received")).toEqual({ manual: ["assess"], records: [] });
  });

  it("every open step is either taken by hand or by exactly one record", () => {
    fc.assert(
      fc.property(fc.constantFrom(...caseStatuses), (status) => {
        const { manual, records } = nextSteps(status);
        expect(manual.length + records.length).toBe(allowedTransitions(status).length);
      }),
    );
  });
});
