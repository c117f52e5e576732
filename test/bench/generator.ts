// Seeded synthetic data for benchmarks: the same seed always yields the same cases, spread over
// missions, years, personnel categories and nationalities like real caseloads.
import type { DatabaseHandle } from "../../src/db/connection.js";

/** mulberry32: a small, fast, seedable PRNG (not for cryptography). */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const missions = [
  "MONUSCO",
  "MINUSCA",
  "UNMISS",
  "UNIFIL",
  "MINURSO",
  "UNISFA",
  "UNFICYP",
  "UNDOF",
  "UNMIK",
  "MINUSMA",
  "MINUSTAH",
  "UNMIL",
];
const categories = ["CIV_INT", "CIV_NS", "CIV_UNV", "MIL_MC", "MIL_MO", "POL_UNPOL", "POL_FPU"];
const nationalities = [
  "GHA",
  "RWA",
  "BGD",
  "IND",
  "PAK",
  "NPL",
  "SEN",
  "EGY",
  "ZAF",
  "TZA",
  "URY",
  "MAR",
  "FRA",
  "CHN",
  "IDN",
];
const allegations = [
  "SE_TRANSACTIONAL_SEX",
  "SE_SOLICITATION",
  "SE_EXPLOITATIVE_RELATIONSHIP",
  "SA_RAPE",
  "SA_SEXUAL_ASSAULT",
  "SA_MINOR",
];
const statuses = [
  "received",
  "preliminary_assessment",
  "referred",
  "under_investigation",
  "findings",
  "actions",
  "closed",
];

// Words of synthetic narratives, in English and French as officers write them; each narrative has
// eight, so that a searched word matches a small share of cases, as real searches do.
const vocabulary = Array.from(
  { length: 500 },
  (_, i) =>
    `${["camp", "market", "soldat", "checkpoint", "village", "driver", "hopital", "ecole", "patrol", "riviere"][i % 10]}${Math.floor(i / 10)}`,
);

export interface SyntheticCase {
  reference: string;
  mission_code: string;
  status: string;
  date_reported: string;
  category_codes: string[];
  nationality_codes: string[];
  allegation_codes: string[];
  narrative: string;
}

export function* syntheticCases(count: number, seed: number): Generator<SyntheticCase> {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const counters = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const mission = pick(missions);
    const year = 2015 + Math.floor(random() * 12);
    const key = `${mission}-${year}`;
    const number = (counters.get(key) ?? 0) + 1;
    counters.set(key, number);
    const category = pick(categories);
    const uniformed = category.startsWith("MIL") || category.startsWith("POL");
    yield {
      reference: `${key}-${String(number).padStart(5, "0")}`,
      mission_code: mission,
      status: pick(statuses),
      date_reported: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
      category_codes: [category],
      nationality_codes: uniformed ? [pick(nationalities)] : [],
      allegation_codes: [pick(allegations)],
      narrative: Array.from({ length: 8 }, () => pick(vocabulary)).join(" "),
    };
  }
}

/** Inserts synthetic cases as the owner in batches; returns how many were written. */
export async function insertSyntheticCases(
  handle: DatabaseHandle,
  count: number,
  seed: number,
  batchSize = 5000,
): Promise<number> {
  let batch: SyntheticCase[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await handle.asOwner((owner) =>
      owner.query(
        // The search document is built as the app builds it (English and French stemming).
        `INSERT INTO cases (reference, mission_code, status, date_reported, category_codes, nationality_codes, allegation_codes, search_vector)
         SELECT r.reference, r.mission_code, r.status, r.date_reported, r.category_codes, r.nationality_codes, r.allegation_codes,
                to_tsvector('english', n.narrative) || to_tsvector('french', n.narrative)
         FROM jsonb_populate_recordset(null::cases, $1::jsonb) r
         JOIN jsonb_to_recordset($1::jsonb) AS n(reference text, narrative text) USING (reference)`,
        [JSON.stringify(rows)],
      ),
    );
    written += rows.length;
  };
  for (const row of syntheticCases(count, seed)) {
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return written;
}
