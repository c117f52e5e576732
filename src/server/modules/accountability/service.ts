// Member State accountability, per contributing country: what the public may see (from published
// allegations) and what headquarters and the State's own focal point see (replies to notes
// verbales, NIO appointments, investigation lengths, penalties against the gravity of the misconduct).
import { sql } from "drizzle-orm";
import {
  type AccountabilityMeasures,
  accountabilityMeasures,
  type InvestigationFact,
  type CommandFacts,
  type MissionCommandFacts,
  missionCommandMeasures,
  type OutcomeFact,
  type ProceedingFact,
  type PublicCommandMeasure,
  publicCommandMeasures,
  publicCommandMeasuresOf,
  type ReferralFact,
  severityOf,
} from "../../../domain/accountability.js";
import { protectSmallCells, type StatCount } from "../../../domain/public-stats.js";
import type { Services } from "../../services.js";
import { type Actor, publicActor } from "../../auth/actor.js";
import { accountabilityPolicy } from "../../auth/policies/index.js";
import { todayIso } from "../../dates.js";
import { Forbidden } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { unitCommandRecords } from "../command/index.js";
import { recordAuditEvent } from "../audit/index.js";
import { cachedPublic, fold, publicStatistics } from "../publication/index.js";

export interface PublicScorecard {
  countryCode: string;
  allegationsByYear: StatCount[];
  investigations: StatCount[];
  finalActions: StatCount[];
  /** Military justice and command, as published (src/domain/accountability.ts, publicCommandMeasures). */
  command: StatCount[];
}

/** What anyone may see of a country: its published allegations by year, where their investigations stand, the final actions taken. */
export async function publicScorecard(services: Services, countryCode: string): Promise<PublicScorecard> {
  const filter = { nationality: countryCode };
  const [allegationsByYear, investigations, finalActions, command] = await Promise.all([
    publicStatistics(services, "allegations", "year", filter),
    publicStatistics(services, "investigations", "status", filter),
    publicStatistics(services, "actions", "action", { ...filter, stage: "final" }),
    publishedCommand(services),
  ]);
  return {
    countryCode,
    allegationsByYear,
    investigations,
    finalActions,
    command: commandCounts(services, command, (row) => row.countryCode === countryCode),
  };
}

interface PublishedCommandRow {
  missionCode: string;
  countryCode: string;
  measure: PublicCommandMeasure;
  count: number;
}

/** The published proceedings and unit decisions, counted by mission, State and public measure. */
function publishedCommand(services: Services): Promise<PublishedCommandRow[]> {
  return cachedPublic(services, "accountability:command", () =>
    inTransaction(services.db, publicActor, async (tx) => {
      const result = (await tx.execute(sql`select * from conduct_published_command()`)) as unknown as {
        rows: {
          source: "proceeding" | "decision";
          mission_code: string;
          nationality_code: string;
          kind: string;
          venue: string;
          verdict: string;
          decision: string;
          n: number;
        }[];
      };
      return result.rows.flatMap((row) =>
        publicCommandMeasuresOf(
          row.source === "decision"
            ? { source: row.source, decision: row.decision }
            : {
                source: row.source,
                kind: row.kind,
                venue: row.venue,
                verdict: row.verdict,
              },
        ).map((measure) => ({
          missionCode: row.mission_code,
          countryCode: row.nationality_code,
          measure,
          count: row.n,
        })),
      );
    }),
  );
}

/** The measures of the rows chosen, in the published order, small counts shown as ranges. */
function commandCounts(
  services: Services,
  rows: PublishedCommandRow[],
  chosen: (row: PublishedCommandRow) => boolean,
): StatCount[] {
  const counts = publicCommandMeasures.map((measure) => ({
    key: measure,
    count: rows.filter((row) => chosen(row) && row.measure === measure).reduce((sum, row) => sum + row.count, 0),
  }));
  return protectSmallCells(
    counts.filter((row) => row.count > 0),
    services.config.smallCellThreshold,
  );
}

export interface PublicCommandByMission {
  missionCode: string;
  measures: StatCount[];
}

/** Military justice and command per mission, as published: where the courts-martial sat, units sent home. */
export async function publicCommandByMission(services: Services): Promise<PublicCommandByMission[]> {
  const rows = await publishedCommand(services);
  return [...new Set(rows.map((row) => row.missionCode))].sort().map((missionCode) => ({
    missionCode,
    measures: commandCounts(services, rows, (row) => row.missionCode === missionCode),
  }));
}

export interface PublicComparisonRow {
  countryCode: string;
  allegations: number;
  substantiated: number;
  substantiatedWithFinalAction: number;
  medianInvestigationDays: number | null;
}

/** Every country with published allegations of its uniformed personnel, side by side. */
export async function publicComparison(services: Services): Promise<PublicComparisonRow[]> {
  return cachedPublic(services, "accountability:comparison", () =>
    inTransaction(services.db, publicActor, async (tx) => {
      const result = (await tx.execute(sql`
        select nationality_code, count(*)::int as allegations,
          count(*) filter (where substantiated)::int as substantiated,
          count(*) filter (where substantiated and cardinality(final_actions) > 0)::int as with_final,
          percentile_disc(0.5) within group (order by investigation_days) as median_days
        from (select a.*, exists (select 1 from unnest(a.findings) f where ${fold(sql`f`)} = 'substantiated') as substantiated
              from conduct_published_allegations() a where a.nationality_code is not null) rows
        group by 1 order by 2 desc, 1`)) as unknown as {
        rows: {
          nationality_code: string;
          allegations: number;
          substantiated: number;
          with_final: number;
          median_days: number | null;
        }[];
      };
      return result.rows.map((row) => ({
        countryCode: row.nationality_code,
        allegations: row.allegations,
        substantiated: row.substantiated,
        substantiatedWithFinalAction: row.with_final,
        medianInvestigationDays: row.median_days,
      }));
    }),
  );
}

interface Facts {
  referrals: ReferralFact[];
  investigations: InvestigationFact[];
  outcomes: OutcomeFact[];
  proceedings: ProceedingFact[];
  command: CommandFacts;
  allegationsByYear: StatCount[];
}

const emptyFacts = (): Facts => ({
  referrals: [],
  investigations: [],
  outcomes: [],
  proceedings: [],
  command: { units: [], failedDuties: 0, leaderAllegations: 0 },
  allegationsByYear: [],
});

/** A national proceeding as the measures count it: its kind, where it sat and its verdict. */
const proceedingFact = (row: Record<string, unknown>) => ({
  kind: row.kind as string,
  venue: row.venue as string,
  verdict: row.verdict as string,
});

const iso = (value: string | Date | null) =>
  value === null ? null : typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** The facts behind the measures, for one country or all, as the actor's row-level security lets them be read. */
async function loadFacts(tx: Transaction, countryCode: string | null): Promise<Map<string, Facts>> {
  const country = countryCode ?? null;
  const [referrals, investigations, outcomes, years, proceedings, failedDuties, leaderAllegations] = (await Promise.all(
    [
      tx.execute(sql`select country_code as country, sent_on, reply_due_on, replied_on, nio_appointed_on from referrals
      where entity = 'member_state' and country_code is not null and (${country}::text is null or country_code = ${country}::text)`),
      tx.execute(sql`select country_code as country, started_on, completed_on, due_on from investigations
      where country_code is not null and (${country}::text is null or country_code = ${country}::text)`),
      tx.execute(sql`select p.nationality_code as country, c.allegation_codes,
        exists (select 1 from findings f where f.perpetrator_id = p.id and f.finding = 'substantiated') as substantiated,
        array(select distinct a.kind from case_actions a where a.perpetrator_id = p.id and a.stage = 'final') as final_actions
      from perpetrators p join cases c on c.id = p.case_id
      where p.nationality_code is not null and (${country}::text is null or p.nationality_code = ${country}::text)`),
      tx.execute(sql`select u.nationality_code as country, u.year::text as key, count(*)::int as count
      from conduct_known_allegation_units() u
      where u.nationality_code <> '' and (${country}::text is null or u.nationality_code = ${country}::text)
      group by 1, 2 order by 1, 2`),
      tx.execute(sql`select country_code as country, kind, venue, verdict from national_proceedings
      where (${country}::text is null or country_code = ${country}::text)`),
      tx.execute(sql`select u.country_code as country, count(*)::int as count
      from command_duties d join contingents u on u.id = d.contingent_id
      where d.answer = 'no' and (${country}::text is null or u.country_code = ${country}::text) group by 1`),
      tx.execute(sql`select u.country_code as country, count(*)::int as count
      from leader_allegations l join contingents u on u.id = l.contingent_id
      where (${country}::text is null or u.country_code = ${country}::text) group by 1`),
    ],
  )) as unknown as { rows: Record<string, unknown>[] }[];
  const byCountry = new Map<string, Facts>();
  const of = (code: string) => {
    const facts = byCountry.get(code) ?? emptyFacts();
    byCountry.set(code, facts);
    return facts;
  };
  for (const r of referrals.rows)
    of(r.country as string).referrals.push({
      sentOn: iso(r.sent_on as string) as string,
      replyDueOn: iso(r.reply_due_on as string | null),
      repliedOn: iso(r.replied_on as string | null),
      nioAppointedOn: iso(r.nio_appointed_on as string | null),
    });
  for (const i of investigations.rows)
    of(i.country as string).investigations.push({
      startedOn: iso(i.started_on as string) as string,
      completedOn: iso(i.completed_on as string | null),
      dueOn: iso(i.due_on as string) as string,
    });
  for (const o of outcomes.rows)
    of(o.country as string).outcomes.push({
      severity: severityOf(o.allegation_codes as string[]),
      substantiated: o.substantiated as boolean,
      finalActions: o.final_actions as string[],
    });
  for (const p of proceedings.rows) of(p.country as string).proceedings.push(proceedingFact(p));
  for (const unit of await unitCommandRecords(tx, { countryCode: country ?? undefined }))
    of(unit.countryCode).command.units.push(unit.record);
  for (const row of failedDuties.rows) of(row.country as string).command.failedDuties = row.count as number;
  for (const row of leaderAllegations.rows) of(row.country as string).command.leaderAllegations = row.count as number;
  for (const y of years.rows)
    of(y.country as string).allegationsByYear.push({ key: y.key as string, count: y.count as number });
  return byCountry;
}

export interface Scorecard extends PublicScorecard {
  /** Allegations by year among every case the reader may see, published or not. */
  allRecordedByYear: StatCount[];
  measures: AccountabilityMeasures;
}

/** The whole scorecard, for headquarters and the State's own focal point (audited). */
export async function scorecard(services: Services, actor: Actor, countryCode: string): Promise<Scorecard> {
  if (!accountabilityPolicy.scorecard(actor, countryCode))
    throw new Forbidden(
      "Headquarters and the State's own focal point see its whole scorecard; the published part is public.",
    );
  const published = await publicScorecard(services, countryCode);
  return inTransaction(services.db, actor, async (tx) => {
    const facts = (await loadFacts(tx, countryCode)).get(countryCode) ?? emptyFacts();
    await recordAuditEvent(tx, actor, {
      action: "accountability.view",
      subjectType: "country",
      subjectId: countryCode,
      details: {},
    });
    return {
      ...published,
      allRecordedByYear: facts.allegationsByYear,
      measures: accountabilityMeasures(facts, todayIso()),
    };
  });
}

/** Every country's measures side by side, for headquarters (audited). */
export async function comparison(services: Services, actor: Actor) {
  if (!accountabilityPolicy.compare(actor)) throw new Forbidden("Headquarters compares the contributing countries.");
  return inTransaction(services.db, actor, async (tx) => {
    const facts = await loadFacts(tx, null);
    await recordAuditEvent(tx, actor, {
      action: "accountability.compare",
      subjectType: "country",
      details: { countries: facts.size },
    });
    const today = todayIso();
    return [...facts.entries()]
      .map(([countryCode, f]) => ({
        countryCode,
        allegations: f.allegationsByYear.reduce((sum, row) => sum + (row.count ?? 0), 0),
        measures: accountabilityMeasures(f, today),
      }))
      .sort((a, b) => b.allegations - a.allegations || a.countryCode.localeCompare(b.countryCode));
  });
}

/** Each mission's command record side by side, for headquarters (audited): units, proceedings, this year's leaders' plans. */
export async function missionComparison(services: Services, actor: Actor) {
  if (!accountabilityPolicy.compare(actor)) throw new Forbidden("Headquarters compares the missions.");
  const today = todayIso();
  return inTransaction(services.db, actor, async (tx) => {
    const [proceedings, failedDuties, leaderAllegations, plans] = (await Promise.all([
      tx.execute(sql`select c.mission_code as mission, p.kind, p.venue, p.verdict
        from national_proceedings p join cases c on c.id = p.case_id`),
      tx.execute(sql`select u.mission_code as mission, count(*)::int as count
        from command_duties d join contingents u on u.id = d.contingent_id where d.answer = 'no' group by 1`),
      tx.execute(sql`select u.mission_code as mission, count(*)::int as count
        from leader_allegations l join contingents u on u.id = l.contingent_id group by 1`),
      tx.execute(sql`select p.mission_code as mission, p.certified_on is not null as certified,
          coalesce((select json_agg(json_build_object('status', c.status, 'dueOn', c.due_on))
            from leadership_commitments c where c.plan_id = p.id), '[]') as commitments
        from leadership_plans p where p.year = ${Number(today.slice(0, 4))}`),
    ])) as unknown as { rows: Record<string, unknown>[] }[];
    const byMission = new Map<string, MissionCommandFacts>();
    const of = (code: string) => {
      const facts = byMission.get(code) ?? {
        command: { units: [], failedDuties: 0, leaderAllegations: 0 },
        proceedings: [],
        plans: [],
      };
      byMission.set(code, facts);
      return facts;
    };
    for (const unit of await unitCommandRecords(tx, {})) of(unit.missionCode).command.units.push(unit.record);
    for (const p of proceedings.rows) of(p.mission as string).proceedings.push(proceedingFact(p));
    for (const row of failedDuties.rows) of(row.mission as string).command.failedDuties = row.count as number;
    for (const row of leaderAllegations.rows) of(row.mission as string).command.leaderAllegations = row.count as number;
    for (const plan of plans.rows)
      of(plan.mission as string).plans.push({
        certified: plan.certified as boolean,
        commitments: plan.commitments as MissionCommandFacts["plans"][number]["commitments"],
      });
    await recordAuditEvent(tx, actor, {
      action: "accountability.missions",
      subjectType: "mission",
      details: { missions: byMission.size },
    });
    return [...byMission.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([missionCode, facts]) => ({ missionCode, measures: missionCommandMeasures(facts, today) }));
  });
}
