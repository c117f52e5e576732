// The system-wide figures (src/domain/system-wide.ts): every entity's published SEA allegations by
// quarter, entity, system-wide category of personnel and status, read from the counts the database
// keeps as cases change, so a breakdown reads a few thousand rows whatever the number of cases; a
// hub adds the counts its federation's members last sent (modules/federation).
import { type SQL, sql } from "drizzle-orm";
import type { SystemWideFilter } from "../../../domain/contracts/publication.js";
import { protectSmallCells, type StatCount } from "../../../domain/public-stats.js";
import type { SystemWideGrouping } from "../../../domain/system-wide.js";
import { publicActor } from "../../auth/actor.js";
import type { Services } from "../../services.js";
import { inTransaction } from "../../transaction.js";

const keys: Record<SystemWideGrouping, SQL> = {
  entity: sql`entity_code`,
  quarter: sql`year || '-Q' || quarter`,
  category: sql`category`,
  status: sql`status`,
};

/** This installation's kept counts and those its federation's members last sent (a hub's figures are both). */
const allCounts = sql`(select year, quarter, entity_code, category, status, count from system_wide_allegation_counts
  union all select year, quarter, entity_code, category, status, count from federation_allegation_counts) figures`;

const where = (filter: SystemWideFilter) => sql`count > 0
  and (${filter.year ?? null}::int is null or year = ${filter.year ?? null}::int)
  and ${filter.quarter === undefined ? sql`true` : sql`quarter = ${filter.quarter}::int`}
  and (${filter.entity ?? null}::text is null or entity_code = ${filter.entity ?? null}::text)
  and (${filter.category ?? null}::text is null or category = ${filter.category ?? null}::text)
  and (${filter.status ?? null}::text is null or status = ${filter.status ?? null}::text)`;

/** The published allegations of the filter's entities and quarters, broken down one way. */
export async function systemWideFigures(
  services: Services,
  groupBy: SystemWideGrouping,
  filter: SystemWideFilter,
): Promise<StatCount[]> {
  // Figures that need no quarter read the counts rolled up by year: a quarter of the rows.
  const source =
    groupBy === "quarter" || filter.quarter !== undefined
      ? allCounts
      : sql`(select year, entity_code, category, status, count from system_wide_allegation_year_counts
          union all select year, entity_code, category, status, count from federation_allegation_counts) figures`;
  const result = (await inTransaction(services.db, publicActor, (tx) =>
    tx.execute(sql`select ${keys[groupBy]} as key, sum(count)::int as count
      from ${source} where ${where(filter)} group by 1 order by 1`),
  )) as unknown as { rows: StatCount[] };
  return protectSmallCells(result.rows, services.config.smallCellThreshold);
}

export interface SystemWideCell {
  entity: string;
  category: string;
  status: string;
  count: number;
}

/** One quarter's counts, every entity, category and status apart: what the quarterly report tabulates. */
export async function systemWideQuarter(services: Services, year: number, quarter: number): Promise<SystemWideCell[]> {
  const result = (await inTransaction(services.db, publicActor, (tx) =>
    tx.execute(sql`select entity_code as entity, category, status, sum(count)::int as count
      from ${allCounts} where ${where({ year, quarter })} group by 1, 2, 3 order by 1, 2, 3`),
  )) as unknown as { rows: SystemWideCell[] };
  return result.rows;
}
