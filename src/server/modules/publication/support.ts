// Public figures beside the SEA table: the Trust Fund's projects and the people they reached,
// paternity claims by where they stand, and other misconduct by year, mission, category of
// personnel and category of misconduct. Published cases only; counts under the small-cell
// threshold become ranges as everywhere else.
import { sql } from "drizzle-orm";
import type { misconductGroupings, VictimSupport } from "../../../domain/contracts/publication.js";
import { protectSmallCells, type StatCount } from "../../../domain/public-stats.js";
import type { Services } from "../../services.js";
import { publicActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";
import { cachedPublic } from "./stats.js";

type Rows<T> = { rows: T[] };

export async function publicVictimSupport(services: Services): Promise<VictimSupport> {
  return cachedPublic(services, "victim-support", () =>
    inTransaction(services.db, publicActor, async (tx) => {
      const projects = (await tx.execute(
        sql`select * from conduct_public_trust_fund_projects() order by starts_on desc, title`,
      )) as unknown as Rows<{
        mission_code: string;
        title: string;
        implementing_partner: string;
        budget: number;
        currency: string;
        starts_on: string;
        ends_on: string;
        services: string[];
        victims: number;
        children_born_of_sea: number;
        community_members: number;
      }>;
      const claims = (await tx.execute(
        sql`select * from conduct_public_paternity_claims() order by year desc, mission_code, status`,
      )) as unknown as Rows<{ year: number; mission_code: string; status: string; claims: number }>;
      const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10);
      // Small-cell protection keeps the rows' order, so each protected count goes back to its row.
      const protectedClaims = protectSmallCells(
        claims.rows.map((row) => ({ key: row.status, count: row.claims })),
        services.config.smallCellThreshold,
      );
      return {
        projects: projects.rows.map((row) => ({
          missionCode: row.mission_code,
          title: row.title,
          implementingPartner: row.implementing_partner,
          budget: row.budget,
          currency: row.currency,
          startsOn: day(row.starts_on),
          endsOn: day(row.ends_on),
          services: row.services,
          reached: {
            victims: row.victims,
            children_born_of_sea: row.children_born_of_sea,
            community_members: row.community_members,
          },
        })),
        paternityClaims: claims.rows.map((row, i) => ({
          year: row.year,
          missionCode: row.mission_code,
          status: row.status,
          claims: protectedClaims[i].count,
          ...(protectedClaims[i].range ? { range: protectedClaims[i].range } : {}),
        })),
      };
    }),
  );
}

export type MisconductGrouping = (typeof misconductGroupings)[number];
export interface MisconductFilter {
  year?: number;
  mission?: string;
  category?: string;
  kind?: string;
}

const misconductKeys: Record<MisconductGrouping, string> = {
  year: "year::text",
  mission: "mission_code",
  category: "category_code",
  area: "thematic_area",
  level: "level",
};

/** Other (non-SEA) misconduct, counted once per case, category of personnel and category of misconduct. */
export async function publicMisconduct(
  services: Services,
  groupBy: MisconductGrouping,
  filter: MisconductFilter,
): Promise<StatCount[]> {
  const key = JSON.stringify(["misconduct", groupBy, filter.year, filter.mission, filter.category, filter.kind]);
  return cachedPublic(services, key, async () => {
    const result = (await inTransaction(services.db, publicActor, (tx) =>
      tx.execute(sql`select ${sql.raw(misconductKeys[groupBy])} as key, count(*)::int as count
        from conduct_published_misconduct()
        where (${filter.year ?? null}::int is null or year = ${filter.year ?? null}::int)
          and (${filter.mission ?? null}::text is null or mission_code = ${filter.mission ?? null}::text)
          and (${filter.category ?? null}::text is null or category_code = ${filter.category ?? null}::text)
          and (${filter.kind ?? null}::text is null or thematic_area = ${filter.kind ?? null}::text)
        group by 1 order by 1`),
    )) as unknown as Rows<{ key: string; count: number }>;
    return protectSmallCells(result.rows, services.config.smallCellThreshold);
  });
}
