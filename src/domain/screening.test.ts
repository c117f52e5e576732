import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldName, matchKeys, nameForms, resultOf, skeleton } from "./screening.js";

const firstNames = [
  "Mohammed",
  "Amadou",
  "Jean",
  "Fatima",
  "Ibrahim",
  "Pierre",
  "Kwame",
  "Aisha",
  "Joseph",
  "Samuel",
  "Grace",
  "Ali",
  "Olga",
  "Sergei",
  "Ravi",
  "Priya",
  "Chen",
  "Li",
  "Abdoulaye",
  "Mamadou",
  "Francois",
  "Jose",
  "Maria",
  "Ahmed",
  "Youssef",
  "Omar",
  "Kofi",
  "Yaw",
  "Esther",
  "David",
];
const lastNames = [
  "Diallo",
  "Traore",
  "Mensah",
  "Owusu",
  "Ndiaye",
  "Kamara",
  "Habimana",
  "Mugisha",
  "Sharma",
  "Patel",
  "Khan",
  "Hossain",
  "Rahman",
  "Ivanov",
  "Petrov",
  "Dubois",
  "Martin",
  "Garcia",
  "Lopez",
  "Silva",
  "Okafor",
  "Adeyemi",
  "Nkurunziza",
  "Uwimana",
  "Boateng",
  "Asante",
  "Haddad",
  "Mansour",
  "Tanaka",
  "Wang",
];

describe("normalising a name", () => {
  it("folds case, accents, punctuation and spacing", () => {
    expect(foldName("  Jean-François  N'DIAYE ")).toBe("jean francois n diaye");
    expect(foldName("Łukasz Øster")).toBe("lukasz oster");
  });

  it("meets common transliterations of one name in its skeleton", () => {
    expect(new Set(["Mohammed", "Muhammad", "Mohamed", "Mouhamed"].map((n) => skeleton(foldName(n))))).toEqual(
      new Set(["md"]),
    );
    expect(skeleton("youssef")).toBe(skeleton("yusuf"));
  });

  it("the same person written differently shares a hashed form: order, accents, case, spacing", () => {
    const person = fc.tuple(
      fc.constantFrom(...firstNames),
      fc.constantFrom(...lastNames),
      fc.constantFrom(...lastNames),
    );
    fc.assert(
      fc.property(
        person,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        ([first, last, second], reorder, accents, shout) => {
          const written = [first, second, last];
          let variant = (reorder ? [...written].reverse() : written).join(reorder ? "  " : " ");
          if (accents) variant = variant.replace(/e/g, "é").replace(/a/g, "à");
          if (shout) variant = variant.toUpperCase();
          const shared = nameForms(written.join(" ")).filter((form) => nameForms(variant).includes(form));
          expect(shared.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe("matching keys", () => {
  it("document numbers and name with birth date and nationality are strong; less is weaker", () => {
    const keys = matchKeys({
      name: "Kofi Mensah",
      dateOfBirth: "1990-05-01",
      nationalityCode: "gha",
      documentNumbers: ["G-123 456"],
    });
    expect(keys.find((k) => k.key.startsWith("doc|"))).toEqual({ key: "doc|G123456", strength: "strong" });
    expect(keys.filter((k) => k.strength === "strong").length).toBe(1 + nameForms("Kofi Mensah").length);
    expect(
      matchKeys({ name: "Kofi Mensah", dateOfBirth: null, nationalityCode: null, documentNumbers: [] }).every(
        (k) => k.strength === "weak",
      ),
    ).toBe(true);
    expect(resultOf(["weak", "medium"])).toBe("possible_match");
    expect(resultOf(["weak", "strong"])).toBe("match");
    expect(resultOf([])).toBe("no_match");
  });

  it("different people do not share a strong key at realistic volumes", () => {
    // 20,000 people drawn from common names: only the same name skeleton, birth date and nationality may collide.
    const people = fc.sample(
      fc.record({
        name: fc.tuple(fc.constantFrom(...firstNames), fc.constantFrom(...lastNames)).map(([f, l]) => `${f} ${l}`),
        dateOfBirth: fc
          .integer({ min: 0, max: 365 * 40 })
          .map((d) => new Date(Date.UTC(1965, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
        nationalityCode: fc.constantFrom("GHA", "SEN", "RWA", "IND", "BGD", "NPL", "PAK", "EGY", "FRA", "URY"),
        documentNumbers: fc.constant<string[]>([]),
      }),
      { numRuns: 20_000, seed: 7 },
    );
    const owner = new Map<string, string>();
    const identity = (p: (typeof people)[number]) =>
      `${nameForms(p.name).find((f) => f.startsWith("s:"))}|${p.dateOfBirth}|${p.nationalityCode}`;
    for (const person of people) {
      for (const { key } of matchKeys(person).filter((k) => k.strength === "strong")) {
        const seen = owner.get(key);
        if (seen !== undefined) expect(seen).toBe(identity(person));
        else owner.set(key, identity(person));
      }
    }
    expect(owner.size).toBeGreaterThan(20_000);
  });
});
