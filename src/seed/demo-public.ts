// Demo transparency data: ten years of invented published history (imported through the same path
// as real historical files), a few of the demo cases released by the publisher, and commitments.
// The figures are synthetic, made to try the public pages with, and say so on every public page.
import { importAllegations } from "../server/modules/publication/index.js";
import { setPublication } from "../server/modules/publication/index.js";
import type { Services } from "../server/services.js";
import { type Actor, systemActor } from "../server/auth/actor.js";
import { inTransaction } from "../server/transaction.js";
import { commitments } from "../db/schema.js";
import { isUniformed } from "../domain/reference/personnel.js";
import { label } from "../domain/vocabulary/index.js";

const header =
  "reference,date_reported,mission,category_of_personnel,nationality,allegation,victims,victims_children,paternity_claim,investigating_entity,investigation_days,findings,interim_action,final_action,criminal_referral";
const categories: [code: string, weight: number][] = [
  ["MIL_MC", 52],
  ["CIV_INT", 12],
  ["CIV_NS", 10],
  ["POL_FPU", 9],
  ["CIV_UNV", 7],
  ["POL_UNPOL", 6],
  ["MIL_MO", 4],
];
const missions: [code: string, from: number, to: number, weight: number][] = [
  ["MINUSCA", 2016, 2025, 30],
  ["MONUSCO", 2016, 2025, 25],
  ["UNMISS", 2016, 2025, 14],
  ["MINUSMA", 2016, 2023, 8],
  ["UNIFIL", 2016, 2025, 3],
  ["UNISFA", 2016, 2025, 3],
  ["MINUSTAH", 2016, 2017, 6],
  ["UNMIL", 2016, 2018, 4],
  ["UNAMID", 2016, 2020, 4],
];
const states = [
  "BGD",
  "PAK",
  "NPL",
  "RWA",
  "GHA",
  "SEN",
  "ZAF",
  "TZA",
  "GAB",
  "BDI",
  "MAR",
  "EGY",
  "CMR",
  "NGA",
  "URY",
];
const outcomes: [findings: string, days: string, entity: string, interim: string, final: string, referral: string][] = [
  ["Substantiated", "160", "NIO", "Repatriation", "Repatriation and ban", "Yes"],
  ["Substantiated", "95", "OIOS", "Administrative leave", "Dismissal", "No"],
  ["Unsubstantiated", "120", "OIOS", "", "", "No"],
  ["Under investigation", "", "NIO", "Payment suspension", "", ""],
  ["Pending preliminary assessment", "", "", "", "", ""],
  ["Substantiated", "210", "TCC", "Repatriation", "Imprisonment", "Yes"],
  ["Closed limited information", "60", "Mission", "", "", "No"],
];

/** A small deterministic generator, so that every demo database shows the same figures. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const weighted = <T extends [string, ...unknown[]]>(items: T[], weightAt: number) => {
    const total = items.reduce((sum, item) => sum + (item[weightAt] as number), 0);
    const roll = next() * total;
    let reached = 0;
    return (
      items.find((item) => {
        reached += item[weightAt] as number;
        return roll < reached;
      }) ?? items[0]
    );
  };
  return { next, pick, weighted };
}

export function demoHistoryCsv(): string {
  const random = generator(2016);
  const rows = [header];
  for (let year = 2016; year <= 2025; year++) {
    const open = missions.filter(([, from, to]) => year >= from && year <= to);
    for (let n = 1; n <= 10 + Math.floor(random.next() * 6); n++) {
      const [mission] = random.weighted(open, 3);
      const [category] = random.weighted(categories, 1);
      const uniformed = isUniformed(category);
      const [findings, days, entity, interim, final, referral] = random.pick(outcomes);
      const victims = 1 + Math.floor(random.next() * 3);
      const children = random.next() < 0.3 ? 1 : 0;
      const month = String(1 + Math.floor(random.next() * 12)).padStart(2, "0");
      const allegation = children ? "SA" : random.pick(["SE", "SE", "SA", "SE;SA"]);
      rows.push(
        [
          `DEMO-${mission}-${year}-${String(n).padStart(3, "0")}`,
          `${year}-${month}`,
          mission,
          label("en", "personnelCategories", category),
          uniformed ? random.pick(states) : "",
          allegation,
          victims,
          children,
          random.next() < 0.12 ? "Yes" : "No",
          entity,
          days,
          findings,
          interim,
          final,
          referral,
        ].join(","),
      );
    }
  }
  rows.push(...systemHistoryRows());
  return `${rows.join("\n")}\n`;
}

/** Other entities' offices (one UN): a few years of their own history, for the system-wide figures. */
function systemHistoryRows(): string[] {
  const random = generator(2021);
  const offices: [unit: string, perYear: number][] = [
    ["UNICEF-COD", 3],
    ["UNHCR-CAF", 2],
  ];
  const staff = ["IP_STAFF", "IP_STAFF", "CIV_INT", "CIV_NS", "CIV_NONSTAFF", "CIV_UNV", "GPP"];
  return offices.flatMap(([unit, perYear]) =>
    [2021, 2022, 2023, 2024, 2025].flatMap((year) =>
      Array.from({ length: perYear + Math.floor(random.next() * 2) }, (_, n) => {
        const [findings, days, entity, interim, final, referral] = random.pick(outcomes);
        const month = String(1 + Math.floor(random.next() * 12)).padStart(2, "0");
        return [
          `DEMO-${unit}-${year}-${String(n + 1).padStart(3, "0")}`,
          `${year}-${month}`,
          unit,
          label("en", "personnelCategories", random.pick(staff)),
          "",
          random.pick(["SE", "SE", "SA"]),
          1,
          0,
          "No",
          entity === "NIO" || entity === "TCC" ? "Mission" : entity,
          days,
          findings,
          interim === "Repatriation" ? "" : interim,
          final === "Repatriation and ban" || final === "Imprisonment" ? "Dismissal" : final,
          referral,
        ].join(",");
      }),
    ),
  );
}

export async function seedDemoPublic(services: Services, publisher: Actor, caseIdsToPublish: string[]) {
  await importAllegations(services, systemActor, demoHistoryCsv(), {
    skipInvalid: false,
    sourceFile: "demo-history.csv",
  });
  await setPublication(services, publisher, caseIdsToPublish, "publish");
  await inTransaction(services.db, systemActor, async (tx) => {
    const compact = [
      "GHA",
      "SEN",
      "RWA",
      "BGD",
      "NPL",
      "URY",
      "CAN",
      "NOR",
      "IRL",
      "JPN",
      "ZAF",
      "FRA",
      "DEU",
      "ARG",
      "MAR",
    ];
    await tx.insert(commitments).values([
      ...compact.map((countryCode, index) => ({
        kind: "voluntary_compact",
        countryCode,
        joinedOn: `${2017 + (index % 5)}-0${1 + (index % 9)}-15`,
      })),
      ...["NOR", "GHA", "URY", "CAN"].map((countryCode, index) => ({
        kind: "circle_of_leadership",
        countryCode,
        member: index % 2 ? "Head of Government" : "Head of State",
        joinedOn: `2017-09-${18 + index}`,
      })),
      {
        kind: "a4p",
        countryCode: "RWA",
        member: "Pre-deployment SEA training for every contingent, certified by the State",
        joinedOn: "2018-09-25",
      },
      {
        kind: "a4p",
        countryCode: "BGD",
        member: "National investigation officers in every formed unit",
        joinedOn: "2019-03-29",
      },
    ]);
  });
}
