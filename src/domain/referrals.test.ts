import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStateReferral, referralEntities, referralProblem } from "./referrals.js";

describe("referral rules", () => {
  it("a case about contingent members goes to the troop-contributing country, not to OIOS", () => {
    const facts = { categoryCodes: ["MIL_MC"], nationalityCodes: ["GHA"] };
    expect(referralProblem(facts, { entity: "oios", countryCode: null })).toBe(
      "referrals.errors.troopContributorJurisdiction",
    );
    expect(referralProblem(facts, { entity: "member_state", countryCode: "GHA" })).toBeNull();
  });

  it("a State receives a referral only about its own nationals", () => {
    expect(
      referralProblem(
        { categoryCodes: ["MIL_MC"], nationalityCodes: ["GHA"] },
        { entity: "member_state", countryCode: "RWA" },
      ),
    ).toBe("referrals.errors.countryNotInvolved");
  });

  it("a police-contributing country needs police personnel in the case", () => {
    expect(
      referralProblem(
        { categoryCodes: ["MIL_MC"], nationalityCodes: ["SEN"] },
        { entity: "police_contributing_country", countryCode: "SEN" },
      ),
    ).toBe("referrals.errors.noPoliceInvolved");
    expect(
      referralProblem(
        { categoryCodes: ["POL_FPU"], nationalityCodes: ["SEN"] },
        { entity: "police_contributing_country", countryCode: "SEN" },
      ),
    ).toBeNull();
  });

  it("a country is named exactly when the entity is a State", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...referralEntities),
        fc.option(fc.constantFrom("GHA", "SEN"), { nil: null }),
        (entity, countryCode) => {
          const problem = referralProblem(
            { categoryCodes: ["POL_UNPOL", "CIV_INT"], nationalityCodes: ["GHA", "SEN"] },
            { entity, countryCode },
          );
          expect(problem === null).toBe(isStateReferral(entity) === (countryCode !== null));
        },
      ),
      { seed: 9 },
    );
  });
});
