// Loads reference data (missions, countries in the six UN languages, personnel categories,
// allegation types, misconduct taxonomy). Adds what is missing; never overwrites an administrator's edits.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { allegationTypeSeeds, misconductTypeSeeds } from "../domain/reference/allegations.js";
import { missionSeeds } from "../domain/reference/missions.js";
import { entityOfMissionKind, unEntitySeeds } from "../domain/reference/entities.js";
import { personnelCategorySeeds } from "../domain/reference/personnel.js";
import { label } from "../domain/vocabulary/index.js";
import type { DatabaseHandle, OwnerClient } from "../db/connection.js";

const require = createRequire(import.meta.url);

/** Countries and areas with their UN names in six languages (written by scripts/country-names.ts, which says where they come from). */
export interface CountrySeed {
  code: string;
  alpha2: string;
  m49: string;
  standing: string;
  names: Record<string, string>;
  variants: string[];
}
export const countrySeeds = (): CountrySeed[] => require("./data/countries.json");

/** Countries are the product's reference data (no one edits them here): each load brings them up to date. */
async function seedCountries(owner: OwnerClient) {
  await owner.query(
    `INSERT INTO countries (code, alpha2, m49, standing, names, variants)
     SELECT r.code, r.alpha2, r.m49, r.standing, r.names, ARRAY(SELECT jsonb_array_elements_text(r.variants))
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, alpha2 text, m49 text, standing text, names jsonb, variants jsonb)
     ON CONFLICT (code) DO UPDATE SET alpha2 = excluded.alpha2, m49 = excluded.m49, standing = excluded.standing,
       names = excluded.names, variants = excluded.variants
     WHERE (countries.alpha2, countries.m49, countries.standing, countries.names, countries.variants)
       IS DISTINCT FROM (excluded.alpha2, excluded.m49, excluded.standing, excluded.names, excluded.variants)`,
    [JSON.stringify(countrySeeds())],
  );
}

/**
 * The communities' languages shipped as draft translation files: each load brings them up to date
 * unless an administrator has since loaded their own file (updated_by is then set).
 */
async function seedCommunityLanguages(owner: OwnerClient) {
  const folder = new URL("./data/languages/", import.meta.url);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(new URL(name, folder), "utf8")) as object);
  await owner.query(
    `INSERT INTO community_languages (code, name, dir, fallback, reviewed, messages)
     SELECT r.code, r.name, r.dir, r.fallback, r.reviewed, r.messages
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, dir text, fallback text, reviewed boolean, messages jsonb)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, dir = excluded.dir, fallback = excluded.fallback,
       reviewed = excluded.reviewed, messages = excluded.messages, version = community_languages.version + 1
     WHERE community_languages.updated_by IS NULL
       AND (community_languages.name, community_languages.messages, community_languages.reviewed)
         IS DISTINCT FROM (excluded.name, excluded.messages, excluded.reviewed)`,
    [JSON.stringify(files)],
  );
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
      "un_entities",
      ["code", "kind", "name"],
      unEntitySeeds.map((entity) => ({ ...entity, name: label("en", "unEntities", entity.code) })),
      "code",
    );
    await insertMissing(
      owner,
      "missions",
      ["code", "entity_code", "name", "name_fr", "kind", "host_country_code", "location", "start_year", "end_year"],
      missionSeeds.map((m) => ({
        code: m.code,
        entity_code: m.kind === "entity_office" ? null : entityOfMissionKind[m.kind],
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
    await seedCountries(owner);
    await seedCommunityLanguages(owner);
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
