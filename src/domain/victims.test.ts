import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageGroupOf,
  allowedReferralSteps,
  type ConsentEntry,
  consentInForce,
  consentNeededFor,
  consentRecipients,
  defaultFollowUp,
  nextChildCode,
  nextVictimCode,
  referralNeedsAction,
  referralStatuses,
} from "./victims.js";

const entryArbitrary = fc.record({
  recipient: fc.constantFrom(...consentRecipients),
  granted: fc.boolean(),
  givenOn: fc.integer({ min: 1, max: 28 }).map((day) => `2026-03-${String(day).padStart(2, "0")}`),
  recordedAt: fc.integer({ min: 0, max: 1_000_000 }).map((ms) => new Date(1_770_000_000_000 + ms)),
});

describe("victim assistance rules", () => {
  it("nothing is shared until consent is recorded", () => {
    expect(consentInForce([])).toEqual({ investigators: false, service_providers: false, member_state: false });
  });

  it("the latest consent per recipient is in force, whatever order the entries come in", () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { maxLength: 12 }), (entries: ConsentEntry[]) => {
        const inForce = consentInForce(entries);
        expect(consentInForce([...entries].reverse())).toEqual(inForce);
        for (const recipient of consentRecipients) {
          const mine = entries
            .filter((entry) => entry.recipient === recipient)
            .sort(
              (a, b) =>
                a.givenOn.localeCompare(b.givenOn) ||
                a.recordedAt.getTime() - b.recordedAt.getTime() ||
                Number(b.granted) - Number(a.granted),
            );
          expect(inForce[recipient]).toBe(mine.at(-1)?.granted ?? false);
        }
      }),
    );
  });

  it("of two answers given the same day and recorded at the same instant, the refusal stands", () => {
    const at = new Date("2026-03-01T10:00:00Z");
    const answers: ConsentEntry[] = [
      { recipient: "investigators", granted: false, givenOn: "2026-03-01", recordedAt: at },
      { recipient: "investigators", granted: true, givenOn: "2026-03-01", recordedAt: new Date(at) },
    ];
    expect(consentInForce(answers).investigators).toBe(false);
    expect(consentInForce([...answers].reverse()).investigators).toBe(false);
  });

  it("a withdrawal given later overrides an earlier agreement", () => {
    const at = new Date("2026-03-01T10:00:00Z");
    expect(
      consentInForce([
        { recipient: "investigators", granted: true, givenOn: "2026-03-01", recordedAt: at },
        { recipient: "investigators", granted: false, givenOn: "2026-03-02", recordedAt: at },
      ]).investigators,
    ).toBe(false);
  });

  it("sharing with someone needs their consent; the advocate's own work does not", () => {
    expect(consentNeededFor("assistance")).toBeNull();
    expect(consentNeededFor("share_with_member_state")).toBe("member_state");
    expect(consentNeededFor("share_with_service_provider")).toBe("service_providers");
  });

  it("an age under 18 at the incident makes a child, whatever was stated", () => {
    expect(ageGroupOf(17, "adult")).toBe("child");
    expect(ageGroupOf(18, "child")).toBe("adult");
    expect(ageGroupOf(null, "unknown")).toBe("unknown");
  });

  it("a referral moves forward only; closed is the end; a declined service may be proposed again", () => {
    expect(allowedReferralSteps("proposed")).toEqual(["accepted", "declined", "closed"]);
    expect(allowedReferralSteps("closed")).toEqual([]);
    expect(allowedReferralSteps("declined")).toContain("proposed");
    for (const status of referralStatuses) expect(allowedReferralSteps(status)).not.toContain(status);
  });

  it("a referral needs action once its follow-up date has come, unless it is over", () => {
    expect(referralNeedsAction({ status: "accepted", followUpOn: "2026-03-01" }, "2026-03-01")).toBe(true);
    expect(referralNeedsAction({ status: "accepted", followUpOn: "2026-03-02" }, "2026-03-01")).toBe(false);
    expect(referralNeedsAction({ status: "closed", followUpOn: "2026-01-01" }, "2026-03-01")).toBe(false);
    expect(referralNeedsAction({ status: "proposed", followUpOn: null }, "2026-03-01")).toBe(false);
  });

  it("codes run per mission; a child's follows the mother's; follow-ups default to two weeks", () => {
    expect(nextVictimCode("MONUSCO", 41)).toBe("V-MONUSCO-0042");
    expect(nextChildCode("V-MONUSCO-0042", 1)).toBe("V-MONUSCO-0042-C2");
    expect(defaultFollowUp("2026-12-25")).toBe("2027-01-08");
  });
});
