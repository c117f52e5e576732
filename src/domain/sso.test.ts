import { describe, expect, it } from "vitest";
import { claimHolds, ruleFor, type SsoRule } from "./sso.js";

const rule = (position: number, claim: string, value: string, role: SsoRule["role"]): SsoRule => ({
  id: `r${position}`,
  providerId: "unicef",
  claim,
  value,
  role,
  missionCodes: role === "cdt_officer" ? ["MONUSCO"] : [],
  entityCodes: [],
  countryCode: null,
  position,
});

describe("single sign-on rules", () => {
  it("holds a value in a single claim, a list claim and a nested claim", () => {
    const claims = { groups: ["staff", "conduct-hq"], department: "OIOS", realm_access: { roles: ["analyst"] }, n: 7 };
    expect(claimHolds(claims, "groups", "conduct-hq")).toBe(true);
    expect(claimHolds(claims, "department", "OIOS")).toBe(true);
    expect(claimHolds(claims, "realm_access.roles", "analyst")).toBe(true);
    expect(claimHolds(claims, "n", "7")).toBe(true);
    expect(claimHolds(claims, "groups", "conduct")).toBe(false);
    expect(claimHolds(claims, "department.name", "OIOS")).toBe(false);
    expect(claimHolds(claims, "missing", "x")).toBe(false);
  });

  it("takes the first rule by position whose claim holds, for the provider that signed the person in", () => {
    const rules = [rule(2, "groups", "staff", "analyst"), rule(1, "groups", "conduct-field", "cdt_officer")];
    const other = { ...rule(0, "groups", "staff", "administrator"), providerId: "unhcr" };
    expect(ruleFor([...rules, other], "unicef", { groups: ["staff", "conduct-field"] })?.role).toBe("cdt_officer");
    expect(ruleFor([...rules, other], "unicef", { groups: ["staff"] })?.role).toBe("analyst");
    expect(ruleFor([...rules, other], "unicef", { groups: ["visitors"] })).toBeNull();
  });
});
