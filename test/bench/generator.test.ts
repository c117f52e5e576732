import { describe, expect, it } from "vitest";
import { syntheticCases } from "./generator.js";

describe("synthetic data generator", () => {
  it("the same seed gives the same cases, another seed other cases", () => {
    const first = [...syntheticCases(500, 7)];
    expect([...syntheticCases(500, 7)]).toEqual(first);
    expect([...syntheticCases(500, 8)]).not.toEqual(first);
  });

  it("case references are unique and nationality appears only for uniformed personnel", () => {
    const cases = [...syntheticCases(5000, 1)];
    expect(new Set(cases.map((c) => c.reference)).size).toBe(cases.length);
    for (const c of cases) {
      const uniformed = c.category_codes.some((code) => code.startsWith("MIL") || code.startsWith("POL"));
      expect(c.nationality_codes.length > 0).toBe(uniformed);
    }
  });
});
