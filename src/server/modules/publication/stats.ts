// The public statistics: five views of published cases, each broken down one way and filtered.
// Allegations read the counts the database keeps as cases change (milliseconds at a million cases);
// the other views are computed from the published records and kept for a minute, since a public
// page asks for several at once and the same few breakdowns are asked for again and again.
import { type SQL, sql } from "drizzle-orm";
import type { CountFilter } from "../../../domain/counting.js";
import {
  protectSmallCells,
  termAliases,
  type StatCount,
  type StatGrouping,
  type StatView,
} from "../../../domain/public-stats.js";
import type { Services } from "../../services.js";
import { publicActor } from "../../auth/actor.js";
import { inTransaction } from "../../transaction.js";

export interface StatFilter extends CountFilter {
  /** Actions only: interim or final. */
  stage?: "interim" | "final";
}

// Imported history says "OIOS", "Under Investigation": folded to the codes recorded here.
// The same folding as foldTerm in the domain, aliases included.
const aliasCases = sql.join(
  Object.entries(termAliases).map(([word, code]) => sql`when ${word} then ${code}`),
  sql` `,
);
export const fold = (column: SQL) =>
  sql`(select case t ${aliasCases} else t end from nullif(trim(both '_' from regexp_replace(lower(${column}), '[^a-z0-9]+', '_', 'g')), '') t)`;

interface ViewQuery {
  /** A subquery with year, mission_code, category_code and nationality_code, plus what `keys` name. */
  source: SQL;
  measure: SQL;
  keys: Partial<Record<StatGrouping, SQL>>;
  /** Filters the view cannot take from its columns as they are. */
  filter?: (filter: StatFilter) => SQL;
  medianDays?: boolean;
}

const byColumns = {
  year: sql`year::text`,
  mission: sql`mission_code`,
  category: sql`category_code`,
  nationality: sql`nationality_code`,
};

// Allegation rows of the published table, with where their investigation stands.
const allegationRows = sql`(select reference, left(month_reported, 4)::int as year, mission_code, category_code, nationality_code,
    investigating_entities, investigation_days, findings, interim_actions, final_actions
  from conduct_published_allegations())`;

const views: Record<StatView, ViewQuery> = {
  allegations: {
    source: sql`(select year, mission_code, category_code, nullif(nationality_code, '') as nationality_code, count from public_allegation_counts where count > 0)`,
    measure: sql`sum(count)::int`,
    keys: byColumns,
  },
  perpetrators: { source: sql`conduct_published_perpetrators()`, measure: sql`count(*)::int`, keys: byColumns },
  victims: {
    source: sql`conduct_published_victims()`,
    measure: sql`sum(victims)::int`,
    keys: { year: byColumns.year, mission: byColumns.mission, group: sql`victim_group` },
    // A case's victims are not split between its categories or countries: these filters select the cases involving them.
    filter: (f) => sql`(${f.category ?? null}::text is null or ${f.category ?? null}::text = any(category_codes))
      and (${f.nationality ?? null}::text is null or ${f.nationality ?? null}::text = any(nationality_codes))`,
  },
  investigations: {
    source: sql`(select a.*, s.status from ${allegationRows} a cross join lateral (
        select unnest(case when cardinality(a.findings) > 0 then array(select ${fold(sql`f`)} from unnest(a.findings) f)
          when cardinality(a.investigating_entities) > 0 then array['under_investigation'] else array['pending_assessment'] end) as status) s)`,
    // An allegation with two findings is one allegation in a count by year or by mission.
    measure: sql`count(distinct (reference, category_code, nationality_code))::int`,
    keys: {
      ...byColumns,
      entity: sql`unnest(case when cardinality(investigating_entities) = 0 then array['none'] else array(select ${fold(sql`e`)} from unnest(investigating_entities) e) end)`,
      status: sql`status`,
    },
    medianDays: true,
  },
  actions: {
    source: sql`(select a.*, x.stage, x.kind from ${allegationRows} a cross join lateral (
        select 'interim' as stage, ${fold(sql`i`)} as kind from unnest(a.interim_actions) i
        union all select 'final', ${fold(sql`f`)} from unnest(a.final_actions) f) x)`,
    measure: sql`count(*)::int`,
    keys: { ...byColumns, action: sql`kind` },
    filter: (f) => sql`(${f.stage ?? null}::text is null or stage = ${f.stage ?? null}::text)`,
  },
};

function viewSql(view: StatView, groupBy: StatGrouping, filter: StatFilter): SQL {
  const { source, measure, keys, medianDays } = views[view];
  const key = keys[groupBy];
  if (!key) throw new Error(`The ${view} view has no ${groupBy} breakdown.`);
  // Investigations: an allegation counted under several statuses or entities weighs once in the median of each.
  const median = medianDays
    ? sql`, percentile_disc(0.5) within group (order by investigation_days) as median_days`
    : sql``;
  // Victims take category and nationality from their own filter: their rows are cases, not allegations.
  const ownFilter = views[view].filter?.(filter);
  const byCategory =
    view === "victims"
      ? sql`true`
      : sql`(${filter.category ?? null}::text is null or category_code = ${filter.category ?? null}::text)
        and (${filter.nationality ?? null}::text is null or nationality_code = ${filter.nationality ?? null}::text)`;
  return sql`select key, ${measure} as count${median} from (select *, ${key} as key from ${source} v
      where (${filter.year ?? null}::int is null or year = ${filter.year ?? null}::int)
        and (${filter.mission ?? null}::text is null or mission_code = ${filter.mission ?? null}::text)
        and ${byCategory} and ${ownFilter ?? sql`true`}) keyed
    where key is not null group by key order by key`;
}

interface Cached<T = unknown> {
  value: T;
  at: number;
  refreshing?: Promise<T>;
}
const FRESH_FOR_MS = 60_000;
const caches = new WeakMap<Services, Map<string, Cached>>();

/** Forgets this instance's computed views: called when cases are published, withdrawn or imported. */
export function forgetPublicStatistics(services: Services) {
  caches.delete(services);
}

async function compute(
  services: Services,
  view: StatView,
  groupBy: StatGrouping,
  filter: StatFilter,
): Promise<StatCount[]> {
  const result = (await inTransaction(services.db, publicActor, (tx) =>
    tx.execute(viewSql(view, groupBy, filter)),
  )) as unknown as {
    rows: { key: string; count: number; median_days?: number | null }[];
  };
  const rows = result.rows.map(
    (row): StatCount =>
      view === "investigations"
        ? { key: row.key, count: row.count, medianDays: row.median_days ?? null }
        : { key: row.key, count: row.count },
  );
  return protectSmallCells(rows, services.config.smallCellThreshold);
}

/**
 * A public figure computed at most once a minute: served from the last copy while a fresh one is
 * computed, so a visitor never waits on a full scan twice.
 */
export async function cachedPublic<T>(services: Services, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = (caches.get(services) ?? new Map<string, Cached>()) as Map<string, Cached<T>>;
  caches.set(services, cache as Map<string, Cached>);
  const cached = cache.get(key);
  const refresh = () => {
    const refreshing = compute();
    cache.set(key, { value: cached?.value as T, at: cached?.at ?? 0, refreshing });
    return refreshing.then(
      (value) => {
        cache.set(key, { value, at: Date.now() });
        return value;
      },
      (error: unknown) => {
        cache.delete(key);
        throw error;
      },
    );
  };
  if (!cached) return refresh();
  if (cached.refreshing && cached.at === 0) return cached.refreshing;
  // A failed refresh drops the copy (see refresh), so the next request computes again and answers the error.
  if (Date.now() - cached.at > FRESH_FOR_MS && !cached.refreshing) void refresh().catch(() => undefined);
  return cached.value;
}

/** One view broken down one way. The allegation counts are read as they are (the database keeps them); the other views go through the minute's cache. */
export async function publicStatistics(
  services: Services,
  view: StatView,
  groupBy: StatGrouping,
  filter: StatFilter,
): Promise<StatCount[]> {
  if (view === "allegations") return compute(services, view, groupBy, filter);
  const key = JSON.stringify([
    view,
    groupBy,
    filter.year,
    filter.mission,
    filter.category,
    filter.nationality,
    filter.stage,
  ]);
  return cachedPublic(services, key, () => compute(services, view, groupBy, filter));
}
