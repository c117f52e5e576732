// Reading a country's name as people write it: the UN's short and formal names in any of the six
// languages, ISO codes, and the usual variants ("Congo, Democratic Republic of the", "The Gambia",
// "Cote d'Ivoire", "Bolivia"). Names are folded (case, accents, apostrophes, punctuation, a leading
// "The") and read in either word order; a key two countries share is never guessed.

/** A name folded for matching. */
export function foldCountryName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’'`ʼ]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** The keys one written name answers to: as written, with a bracketed or trailing part put first, and without it. */
export function countryNameKeys(name: string): string[] {
  const keys = [foldCountryName(name)];
  const bracketed = /^(.*?)\s*[(（](.*)[)）]\s*$/u.exec(name);
  if (bracketed) keys.push(foldCountryName(`${bracketed[2]} ${bracketed[1]}`), foldCountryName(bracketed[1]));
  const inverted = /^([^,，]+)[,，]\s*(.+)$/u.exec(name);
  if (inverted) keys.push(foldCountryName(`${inverted[2]} ${inverted[1]}`));
  return [...new Set(keys.filter(Boolean))];
}

export interface NamedCountry {
  code: string;
  names: Record<string, string>;
  variants: readonly string[];
}

/**
 * Finds a country by ISO alpha-3 code or by name. Official names as written come first, then their
 * other word orders, then variants: a key taken at one level is not taken again below it, and a key
 * two countries share at the same level answers neither.
 */
export function countryFinder(countries: readonly NamedCountry[]): (text: string) => string | null {
  const codes = new Set(countries.map((country) => country.code));
  const found = new Map<string, string | null>();
  const levels: ((country: NamedCountry) => string[])[] = [
    (country) => Object.values(country.names).map(foldCountryName),
    (country) => Object.values(country.names).flatMap(countryNameKeys),
    (country) => country.variants.flatMap(countryNameKeys),
  ];
  for (const keysOf of levels) {
    const level = new Map<string, string | null>();
    for (const country of countries)
      for (const key of keysOf(country)) {
        if (found.has(key)) continue;
        const earlier = level.get(key);
        level.set(key, earlier === undefined || earlier === country.code ? country.code : null);
      }
    for (const [key, code] of level) found.set(key, code);
  }
  return (text) => {
    const code = text.trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(code) && codes.has(code)) return code;
    for (const key of countryNameKeys(text)) {
      const match = found.get(key);
      if (match) return match;
    }
    return null;
  };
}
