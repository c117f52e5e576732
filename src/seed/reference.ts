// Loads reference data (missions, countries in the six UN languages, personnel categories,
// allegation types, misconduct taxonomy). Adds what is missing; never overwrites an administrator's edits.
import { createRequire } from "node:module";
import countriesLib from "i18n-iso-countries";
import { allegationTypeSeeds, misconductTypeSeeds } from "../domain/reference/allegations.js";
import { missionSeeds } from "../domain/reference/missions.js";
import { personnelCategorySeeds } from "../domain/reference/personnel.js";
import { label } from "../domain/vocabulary/index.js";
import type { DatabaseHandle, OwnerClient } from "../db/connection.js";

export const unLanguages = ["ar", "zh", "en", "fr", "ru", "es"] as const;
const require = createRequire(import.meta.url);
for (const language of unLanguages) countriesLib.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));

export function countryRows() {
  return Object.entries(countriesLib.getAlpha3Codes()).map(([alpha3, alpha2]) => ({
    code: alpha3,
    alpha2,
    names: Object.fromEntries(
      unLanguages.map((language) => [language, countriesLib.getName(alpha3, language) ?? alpha3]),
    ),
  }));
}

async function insertMissing(owner: OwnerClient, table: string, columns: string[], rows: object[], key: string) {
  const definitions = columns.map(
    (column) =>
      `${column} ${column === "names" ? "jsonb" : column.endsWith("year") || column === "sort_order" ? "int" : column === "uniformed" ? "boolean" : "text"}`,
  );
  await owner.query(
    `INSERT INTO ${table} (${columns.join(", ")})
     SELECT ${columns.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS r(${definitions.join(", ")})
     ON CONFLICT (${key}) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** The good practices shared at the 2021 high-level meeting (from the source page), published. */
async function seedGoodPractices(owner: OwnerClient) {
  const data = require("./data/good-practices.json") as {
    event: { title: string; date: string };
    practices: { countries: string[]; contributor?: string; area: string; theme: string; title: string }[];
  };
  await owner.query(
    `INSERT INTO good_practices (title, area, theme, country_codes, contributor, event_title, event_date, status, published_at)
     SELECT r.title, r.area, r.theme, ARRAY(SELECT jsonb_array_elements_text(r.countries)), r.contributor, $2, $3::date, 'published', now()
     FROM jsonb_to_recordset($1::jsonb) AS r(title text, area text, theme text, countries jsonb, contributor text)
     ON CONFLICT (title) DO NOTHING`,
    [JSON.stringify(data.practices), data.event.title, data.event.date],
  );
}

export async function seedReferenceData(handle: DatabaseHandle): Promise<void> {
  await handle.asOwner(async (owner) => {
    await seedGoodPractices(owner);
    await insertMissing(
      owner,
      "missions",
      ["code", "name", "name_fr", "kind", "host_country_code", "location", "start_year", "end_year"],
      missionSeeds.map((m) => ({
        code: m.code,
        name: m.name,
        name_fr: m.nameFr,
        kind: m.kind,
        host_country_code: m.hostCountryCode,
        location: m.location,
        start_year: m.startYear,
        end_year: m.endYear,
      })),
      "code",
    );
    await insertMissing(owner, "countries", ["code", "alpha2", "names"], countryRows(), "code");
    await insertMissing(
      owner,
      "personnel_categories",
      ["code", "label", "uniformed", "sort_order"],
      personnelCategorySeeds.map((c, i) => ({
        ...c,
        label: label("en", "personnelCategories", c.code),
        sort_order: i,
      })),
      "code",
    );
    await insertMissing(
      owner,
      "allegation_types",
      ["code", "kind", "label", "sort_order"],
      allegationTypeSeeds.map((t, i) => ({ ...t, label: label("en", "allegationSubtypes", t.code), sort_order: i })),
      "code",
    );
    await insertMissing(
      owner,
      "misconduct_types",
      ["code", "level", "thematic_area", "label", "sort_order"],
      misconductTypeSeeds.map((t, i) => ({
        code: t.code,
        level: t.level,
        thematic_area: t.thematicArea,
        label: t.label,
        sort_order: i,
      })),
      "code",
    );
  });
}
