import { describe, expect, it } from "vitest";
import { countrySeeds } from "./reference.js";
import { countryFinder, foldCountryName } from "../domain/country-names.js";
import { memberStates, observerStates } from "../domain/reference/countries.js";

const seeds = countrySeeds();
const find = countryFinder(seeds);
const byCode = new Map(seeds.map((seed) => [seed.code, seed]));

describe("UN names of countries", () => {
  it("holds the 193 Member States and 2 observer States, each named in the six languages", () => {
    expect(new Set(memberStates).size).toBe(193);
    expect(seeds.filter((seed) => seed.standing === "member").map((seed) => seed.code)).toEqual(
      [...memberStates].sort(),
    );
    expect(seeds.filter((seed) => seed.standing === "observer").map((seed) => seed.code)).toEqual(
      [...observerStates].sort(),
    );
    for (const seed of seeds)
      for (const language of ["en", "fr", "es", "ru", "zh", "ar"]) expect(seed.names[language], seed.code).toBeTruthy();
    // Antarctica and Bouvet Island stay for records that name them, but no one picks them as a nationality.
    expect(byCode.get("ATA")?.standing).toBe("territory");
    expect(byCode.get("BVT")?.standing).toBe("territory");
  });

  it("names States as the UN does, not as a generic ISO list", () => {
    const name = (code: string, language: string) => byCode.get(code)?.names[language];
    expect(name("BOL", "en")).toBe("Bolivia (Plurinational State of)");
    expect(name("COG", "en")).toBe("Congo");
    expect(name("CZE", "en")).toBe("Czechia");
    expect(name("KOR", "en")).toBe("Republic of Korea");
    expect(name("VNM", "en")).toBe("Viet Nam");
    expect(name("GBR", "en")).toBe("United Kingdom of Great Britain and Northern Ireland");
    expect(name("MDA", "en")).toBe("Republic of Moldova");
    expect(name("SYR", "fr")).toBe("République arabe syrienne");
    expect(name("RUS", "fr")).toBe("Fédération de Russie");
    expect(name("KOR", "fr")).toBe("République de Corée");
    expect(name("CIV", "ar")).toBe("كوت ديفوار");
    expect(name("GBR", "zh")).toBe("大不列颠及北爱尔兰联合王国");
    expect(name("ESH", "ru")).toBe("Западная Сахара");
    expect(name("ESH", "zh")).toBe("西撒哈拉");
  });

  it("reads ISO codes, UN names in any language and common variants", () => {
    const cases: [string, string][] = [
      ["GHA", "GHA"],
      ["rwa", "RWA"],
      ["Congo", "COG"],
      ["Côte d'Ivoire", "CIV"],
      ["Cote d’Ivoire", "CIV"],
      ["COTE D'IVOIRE", "CIV"],
      ["Ivory Coast", "CIV"],
      ["Democratic Republic of the Congo", "COD"],
      ["Congo, Democratic Republic of the", "COD"],
      ["République démocratique du Congo", "COD"],
      ["Bolivia", "BOL"],
      ["Plurinational State of Bolivia", "BOL"],
      ["Iran (Islamic Republic of)", "IRN"],
      ["Iran, Islamic Republic of", "IRN"],
      ["The Gambia", "GMB"],
      ["Gambia, The", "GMB"],
      ["United Kingdom", "GBR"],
      ["Royaume-Uni", "GBR"],
      ["South Korea", "KOR"],
      ["Republic of Korea", "KOR"],
      ["Corée du Sud", "KOR"],
      ["Vietnam", "VNM"],
      ["Czech Republic", "CZE"],
      ["Moldova, Republic of", "MDA"],
      ["Syrie", "SYR"],
      ["Fédération de Russie", "RUS"],
      ["Russie", "RUS"],
      ["Türkiye", "TUR"],
      ["Turkey", "TUR"],
      ["Sénégal", "SEN"],
      ["senegal", "SEN"],
      ["ساحل العاج", "CIV"],
      ["كوت ديفوار", "CIV"],
      ["英国", "GBR"],
      ["加纳", "GHA"],
      ["Гана", "GHA"],
      ["Netherlands", "NLD"],
      ["Netherlands (Kingdom of the)", "NLD"],
      ["State of Palestine", "PSE"],
      ["Holy See", "VAT"],
    ];
    for (const [text, code] of cases) expect(find(text), text).toBe(code);
    for (const text of ["Atlantis", "", "XYZ", "Guinea Congo"]) expect(find(text), text).toBeNull();
  });

  it("never answers a key two countries share: Guinea stays Guinea, Niger stays Niger", () => {
    expect(find("Guinea")).toBe("GIN");
    expect(find("Guinea-Bissau")).toBe("GNB");
    expect(find("Equatorial Guinea")).toBe("GNQ");
    expect(find("Niger")).toBe("NER");
    expect(find("Nigeria")).toBe("NGA");
    expect(find("Sudan")).toBe("SDN");
    expect(find("South Sudan")).toBe("SSD");
    expect(foldCountryName("  The  Côte d’Ivoire! ")).toBe("cote divoire");
  });
});
