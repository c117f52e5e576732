import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allegationPair, allegationUnits, type CountableCase, countAllegations, groupings } from "./counting.js";
import { isUniformed, personnelCategorySeeds } from "./reference/personnel.js";

const categories = personnelCategorySeeds.map((seed) => seed.code);
const caseArbitrary = fc.record({
  id: fc.uuid(),
  dateReported: fc.integer({ min: 2015, max: 2026 }).map((year) => `${year}-06-01`),
  missionCode: fc.constantFrom("MONUSCO", "MINUSCA", "UNMISS"),
  categoryCodes: fc.array(fc.constantFrom(...categories), { maxLength: 4 }),
  nationalityCodes: fc.array(fc.constantFrom("GHA", "RWA", "IND", "NPL"), { maxLength: 3 }),
  allegationCodes: fc.constant(["SA_RAPE"]),
  allegationPairs: fc.constant([] as string[]),
});

const example = (values: Partial<CountableCase>): CountableCase => ({
  id: "c1",
  dateReported: "2024-03-01",
  missionCode: "MINUSCA",
  categoryCodes: [],
  nationalityCodes: [],
  allegationCodes: ["SE_TRANSACTIONAL_SEX"],
  allegationPairs: [],
  ...values,
});

describe("counting rule", () => {
  it("counts a report once per category, and once per country for uniformed personnel only", () => {
    // Contingent members of two countries and an international civilian: 2 + 1 allegations.
    const item = example({ categoryCodes: ["MIL_MC", "CIV_INT"], nationalityCodes: ["GHA", "RWA"] });
    expect(allegationUnits(item).map((u) => `${u.categoryCode}/${u.nationalityCode}`)).toEqual([
      "MIL_MC/GHA",
      "MIL_MC/RWA",
      "CIV_INT/null",
    ]);
    expect(countAllegations([item], "year")).toEqual([{ key: "2024", count: 3 }]);
    expect(countAllegations([item], "nationality")).toEqual([
      { key: "GHA", count: 1 },
      { key: "RWA", count: 1 },
    ]);
    expect(countAllegations([item], "category")).toEqual([
      { key: "CIV_INT", count: 1 },
      { key: "MIL_MC", count: 2 },
    ]);
  });

  it("years are by date reported; a case without a category still counts once", () => {
    expect(
      countAllegations(
        [
          example({ dateReported: "2019-12-31" }),
          example({ id: "c2", dateReported: "2020-01-01", categoryCodes: ["POL_FPU"] }),
        ],
        "year",
      ),
    ).toEqual([
      { key: "2019", count: 1 },
      { key: "2020", count: 1 },
    ]);
  });

  it("properties: every grouping but nationality sums to the total; duplicates change nothing; civilians ignore nationality", () => {
    fc.assert(
      fc.property(fc.array(caseArbitrary, { maxLength: 30 }), (cases) => {
        const total = cases.flatMap(allegationUnits).length;
        for (const grouping of groupings.filter((g) => g !== "nationality")) {
          expect(countAllegations(cases, grouping).reduce((sum, group) => sum + group.count, 0)).toBe(total);
        }
        const doubled = cases.map((c) => ({
          ...c,
          categoryCodes: [...c.categoryCodes, ...c.categoryCodes],
          nationalityCodes: [...c.nationalityCodes, ...c.nationalityCodes],
        }));
        expect(countAllegations(doubled, "year")).toEqual(countAllegations(cases, "year"));
        const withoutNationality = cases.map((c) => ({ ...c, nationalityCodes: [] }));
        const civilian = (list: CountableCase[]) =>
          list.flatMap(allegationUnits).filter((u) => !isUniformed(u.categoryCode)).length;
        expect(civilian(withoutNationality)).toBe(civilian(cases));
        // At least one allegation per case, and never fewer than its distinct categories.
        for (const c of cases)
          expect(allegationUnits(c).length).toBeGreaterThanOrEqual(Math.max(1, new Set(c.categoryCodes).size));
      }),
    );
  });

  it("a case with its alleged perpetrators counts their own pairs, not its lists crossed", () => {
    // A Ghanaian contingent member and a Senegalese police unit: two allegations, not four.
    const item = example({
      categoryCodes: ["MIL_MC", "POL_FPU"],
      nationalityCodes: ["GHA", "SEN"],
      allegationPairs: [allegationPair("MIL_MC", "GHA"), allegationPair("POL_FPU", "SEN")],
    });
    expect(allegationUnits(item).map((u) => `${u.categoryCode}/${u.nationalityCode}`)).toEqual([
      "MIL_MC/GHA",
      "POL_FPU/SEN",
    ]);
    // Two civilians of different nationalities are one civilian allegation.
    expect(allegationPair("CIV_INT", "FRA")).toBe("CIV_INT:");
    expect(allegationUnits(example({ allegationPairs: ["CIV_INT:", "CIV_INT:"] }))).toHaveLength(1);
  });

  it("a case that is not SEA never enters SEA figures", () => {
    fc.assert(
      fc.property(
        fc.array(caseArbitrary, { maxLength: 10 }),
        caseArbitrary,
        fc.constantFrom(["TRAFFIC_DUI"], [], ["FRAUD_THEFT", "TRAFFIC_VIOLATION"]),
        (cases, other, codes) => {
          const misconduct = { ...other, id: "other", allegationCodes: codes };
          expect(allegationUnits(misconduct)).toEqual([]);
          for (const grouping of groupings)
            expect(countAllegations([...cases, misconduct], grouping)).toEqual(countAllegations(cases, grouping));
        },
      ),
    );
  });

  it("filters narrow the units before grouping", () => {
    const cases = [
      example({ categoryCodes: ["MIL_MC"], nationalityCodes: ["GHA", "IND"] }),
      example({ id: "c2", missionCode: "UNMISS", categoryCodes: ["MIL_MC"], nationalityCodes: ["GHA"] }),
    ];
    expect(countAllegations(cases, "mission", { nationality: "GHA" })).toEqual([
      { key: "MINUSCA", count: 1 },
      { key: "UNMISS", count: 1 },
    ]);
    expect(countAllegations(cases, "nationality", { mission: "MINUSCA" })).toEqual([
      { key: "GHA", count: 1 },
      { key: "IND", count: 1 },
    ]);
  });
});
