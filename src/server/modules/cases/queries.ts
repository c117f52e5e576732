// SQL for reading cases; row-level security narrows every query to the actor's scope.
import type { FigureDimension } from "../../../domain/contracts/figures.js";
import {
  and,
  arrayContains,
  asc,
  between,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type AnyColumn,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import {
  allegationTypes,
  auditEvents,
  caseAssignments,
  caseNationalities,
  caseNotes,
  caseNumberCounters,
  caseShares,
  cases,
  countries,
  investigations,
  misconductTypes,
  personnelCategories,
  referrals,
  reportReads,
  reports,
  user,
} from "../../../db/schema.js";
import { Conflict, ValidationFailed } from "../../errors.js";
import { type CaseFilter, foldForSearch, looksLikeCaseReference } from "../../../domain/contracts/cases.js";
import type { Transaction } from "../../transaction.js";
import { runStatement, shapedStatements } from "../../../db/prepared.js";

/**
 * A case's nationalities as its reader may know them: row-level security on `case_nationalities`
 * shows a Member State its own nationals only (the app role may not read `cases.nationality_codes`).
 */
export const knownNationalities = (caseId: AnyColumn) =>
  sql<
    string[]
  >`array(select n.nationality_code from ${caseNationalities} n where n.case_id = ${caseId} order by n.position)`;

/** Cases with one of these nationalities among those the reader may know (none of another State's for a State). */
export const withNationality = (caseId: AnyColumn, codes: SQLWrapper | string[]) =>
  sql`exists (select 1 from ${caseNationalities} n where n.case_id = ${caseId} and n.nationality_code = any(${codes}::text[]))`;

// Everything but the search document, which is SQL's business alone, the two lists that name
// nationalities, which the app role reads only as projected for its reader, and the finding kept for
// the system-wide figures (one State's reader may not learn another State's national's finding).
const {
  searchVector: _searchVector,
  nationalityCodes: _nationalityCodes,
  allegationPairs: _allegationPairs,
  findingOutcome: _findingOutcome,
  ...storedColumns
} = getTableColumns(cases);
const caseColumns = {
  ...storedColumns,
  nationalityCodes: knownNationalities(cases.id).as("nationality_codes"),
  /** Units of other entities whose staff read the case now (an explicit share). */
  sharedUnitCodes: sql<
    string[]
  >`array(select s.unit_code from ${caseShares} s where s.case_id = cases.id and s.ended_at is null order by s.unit_code)`.as(
    "shared_unit_codes",
  ),
};

// What a list row shows: no narrative ciphertext, and the case's assigned officers in the same
// query (the list is the most-read page; one round trip less matters).
const {
  narrativeEncrypted: _narrative,
  placeEncrypted: _place,
  publishedBy: _publishedBy,
  createdAt: _createdAt,
  updatedAt: _updatedAt,
  ...summaryColumns
} = caseColumns;
const caseSummaryColumns = {
  ...summaryColumns,
  // A reporter wrote on one of the case's reports since this reader last read it (reports they may not see count for nothing).
  unreadMessages:
    sql<boolean>`exists (select 1 from ${reports} r where r.case_id = cases.id and r.last_reporter_message_at > coalesce((select rr.read_at from ${reportReads} rr where rr.report_id = r.id and rr.user_id = ${sql.placeholder("actorId")}), '-infinity'::timestamptz))`.as(
      "unread_messages",
    ),
  assignedUserIds: sql<
    string[]
  >`array(select a.user_id from ${caseAssignments} a where a.case_id = cases.id order by a.user_id)`.as(
    "assigned_user_ids",
  ),
};
export type CaseSummaryRow = Awaited<ReturnType<typeof listCaseRows>>[number];

export interface CaseListFilter extends CaseFilter {
  limit: number;
  offset: number;
}

const param = sql.placeholder;

// Cases with a reply or an investigation past its due date, read from those tables' due-date
// indexes: few cases are late, and the planner finds them directly rather than walking every case.
const overdueCaseIds = sql`select r.case_id from ${referrals} r where r.reply is null and r.reply_due_on < ${param("today")}
  union all select i.case_id from ${investigations} i where i.completed_on is null and i.due_on < ${param("today")}`;

// Indexed under row-level security because @@ is marked leakproof (migration 0012).
const matchesWords = sql`${cases.searchVector} @@ (websearch_to_tsquery('english', ${param("words")}) || websearch_to_tsquery('french', ${param("words")}))`;

/** Each filter of the case list as a condition whose values are placeholders. */
const caseListConditions = {
  mission: eq(cases.missionCode, param("mission")),
  year: between(cases.dateReported, param("from"), param("to")),
  status: eq(cases.status, param("status")),
  category: arrayContains(cases.categoryCodes, param("category")),
  nationality: withNationality(cases.id, param("nationality")),
  type: arrayContains(cases.allegationCodes, param("type")),
  published: isNotNull(cases.publishedAt),
  unpublished: isNull(cases.publishedAt),
  assignedToMe: sql`exists (select 1 from ${caseAssignments} a where a.case_id = ${cases.id} and a.user_id = ${param("actorId")})`,
  overdue: sql`${cases.id} in (${overdueCaseIds})`,
  notOverdue: sql`${cases.id} not in (${overdueCaseIds})`,
  // Case numbers are compared in capitals, through their own index (migrations 0050 and 0051).
  reference: sql`${cases.id} in (select conduct_cases_numbered(${param("referencePrefix")}))`,
  words: matchesWords,
  matchedIds: sql`${cases.id} = any(${param("matchedIds")}::uuid[])`,
} satisfies Record<string, SQL>;
type CaseListCondition = keyof typeof caseListConditions;

/** The conditions a filter sets, each with the values of its placeholders; row-level security has already narrowed the rows to the actor's scope. */
function caseListValues(filter: CaseFilter, actorId: string | null, today: string, matchedIds?: string[]) {
  const set: Partial<Record<CaseListCondition, Record<string, unknown>>> = {};
  if (filter.mission) set.mission = { mission: filter.mission };
  if (filter.year) set.year = { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` };
  if (filter.status) set.status = { status: filter.status };
  if (filter.category) set.category = { category: [filter.category] };
  if (filter.nationality) set.nationality = { nationality: [filter.nationality] };
  if (filter.type) set.type = { type: [filter.type] };
  if (filter.published) set[filter.published === "true" ? "published" : "unpublished"] = {};
  if (filter.assignedToMe === "true") set.assignedToMe = { actorId: actorId ?? "" };
  if (filter.overdue) set[filter.overdue === "true" ? "overdue" : "notOverdue"] = { today };
  if (filter.q && looksLikeCaseReference(filter.q)) set.reference = { referencePrefix: filter.q.trim() };
  else if (matchedIds) set.matchedIds = { matchedIds };
  else if (filter.q) set.words = { words: foldForSearch(filter.q) };
  return set;
}

/** Which conditions and which order a list asks for: each shape is one prepared statement. */
interface CaseListShape {
  conditions: CaseListCondition[];
  sort: NonNullable<CaseFilter["sort"]>;
  direction: NonNullable<CaseFilter["direction"]>;
}

function caseOrder(shape: CaseListShape) {
  const direction = shape.direction === "asc" ? asc : desc;
  // Cases found by the beginning of their number are read through that index and then sorted: a
  // mission-year's cases sit together in time, which the planner cannot know, and walking the date
  // index instead would read every later case first. Adding zero keeps the order, not the index.
  const byDate = shape.conditions.includes("reference") ? sql`${cases.dateReported} + 0` : cases.dateReported;
  const column = { dateReported: byDate, reference: cases.reference, status: cases.status }[shape.sort];
  // The reference breaks ties, so pages never overlap.
  return column === cases.reference ? [direction(cases.reference)] : [direction(column), direction(cases.reference)];
}

const caseListStatement = shapedStatements("case_list", (db, shape: CaseListShape) =>
  db
    .select(caseSummaryColumns)
    .from(cases)
    .where(and(...shape.conditions.map((key) => caseListConditions[key])))
    .orderBy(...caseOrder(shape))
    .limit(param("limit"))
    .offset(param("offset")),
);

/** The statement of a filtered list and the values it runs with. */
export function caseListQuery(
  db: Pick<Transaction, "select">,
  filter: CaseListFilter,
  actorId: string | null,
  today: string,
  matchedIds?: string[],
) {
  const set = caseListValues(filter, actorId, today, matchedIds);
  const shape: CaseListShape = {
    conditions: Object.keys(set) as CaseListCondition[],
    sort: filter.sort ?? "dateReported",
    direction: filter.direction ?? "desc",
  };
  const values = Object.assign(
    { limit: filter.limit, offset: filter.offset, actorId: actorId ?? "" },
    ...Object.values(set),
  );
  return { statement: caseListStatement(db, shape), values };
}

// What the internal figures count by: a column, the year reported, or each code of a list.
const figureKeys = {
  mission: sql<string>`${cases.missionCode}`,
  status: sql<string>`${cases.status}`,
  year: sql<string>`to_char(${cases.dateReported}, 'YYYY')`,
  // Read through the joined rows the reader may see (see caseFigureQueries).
  nationality: sql<string>`${caseNationalities.nationalityCode}`,
  category: sql<string>`unnest(${cases.categoryCodes})`,
  allegation: sql<string>`unnest(${cases.allegationCodes})`,
} satisfies Record<FigureDimension, SQL>;

/** The figures' two statements (counts by the dimension, and the total) and the values they run with. */
export function caseFigureQueries(
  tx: Pick<Transaction, "select">,
  by: FigureDimension,
  filter: CaseFilter,
  actorId: string | null,
  today: string,
) {
  const set = caseListValues({ ...filter, q: undefined }, actorId, today);
  const where = and(...(Object.keys(set) as CaseListCondition[]).map((key) => caseListConditions[key]));
  const values: Record<string, unknown> = Object.assign({ actorId: actorId ?? "" }, ...Object.values(set));
  const counted = tx
    .select({ key: figureKeys[by].as("key"), cases: sql<number>`count(*)::int`.as("cases") })
    .from(cases);
  // A case counts once for each nationality its reader may know: a join, not a list per case.
  const rows = (
    by === "nationality" ? counted.innerJoin(caseNationalities, eq(caseNationalities.caseId, cases.id)) : counted
  )
    .where(where)
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1`);
  const total = tx.select({ cases: sql<number>`count(*)::int` }).from(cases).where(where);
  return { rows, total, values };
}

/**
 * Cases counted by one dimension under the case list's own filters (row-level security keeps them
 * to the reader's scope), largest first, and how many cases match in all.
 */
export async function caseFigureRows(
  tx: Pick<Transaction, "select">,
  by: FigureDimension,
  filter: CaseFilter,
  actorId: string | null,
  today: string,
) {
  const queries = caseFigureQueries(tx, by, filter, actorId, today);
  const rows = await queries.rows.execute(queries.values);
  const [total] = await queries.total.execute(queries.values);
  return { rows, total: total?.cases ?? 0 };
}

/** Up to this many cases matching the searched words are read by their ids; beyond, the words are common. */
export const FEW_MATCHES = 500;

const matchingCaseIds = shapedStatements("case_matches", (db, _shape: "words") =>
  db
    .select({ id: cases.id })
    .from(cases)
    .where(matchesWords)
    .limit(FEW_MATCHES + 1),
);

/**
 * The cases a text search matches, when they are few. The planner cannot tell a rare word from a
 * common one (its statistics hold the most frequent words only), and walking the cases newest first
 * until a page is found is quick for a common word but reads every case for a word that matches
 * none. So the full-text index is asked first, for a bounded number of matches: when they are few
 * the page is read by their ids; otherwise the list is walked in its order as usual.
 */
async function fewMatchingIds(tx: Pick<Transaction, "select">, filter: CaseFilter): Promise<string[] | undefined> {
  if (!filter.q || looksLikeCaseReference(filter.q)) return undefined;
  const rows = await runStatement(tx, matchingCaseIds(tx, "words"), { words: foldForSearch(filter.q) });
  return rows.length > FEW_MATCHES ? undefined : rows.map((row) => row.id);
}

// Any query runner will do: the benchmark runs the same statement outside a transaction to time it raw.
export async function listCaseRows(
  tx: Pick<Transaction, "select">,
  filter: CaseListFilter,
  actorId: string | null,
  today: string,
) {
  const { statement, values } = caseListQuery(tx, filter, actorId, today, await fewMatchingIds(tx, filter));
  return runStatement(tx, statement, values);
}

export async function findCaseRow(tx: Transaction, id: string) {
  const [row] = await tx.select(caseColumns).from(cases).where(eq(cases.id, id));
  return row;
}

export async function assignmentsOf(tx: Transaction, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, string[]>();
  const rows = await tx.select().from(caseAssignments).where(inArray(caseAssignments.caseId, caseIds));
  const byCase = new Map<string, string[]>();
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.userId]);
  return byCase;
}

/**
 * The next readable case number for a mission and year, e.g. MONUSCO-2026-0042. The counter row is
 * locked by the update, so concurrent intakes never share a number; numbers already taken (imported
 * records keep their own) are skipped.
 */
export async function allocateCaseReference(tx: Transaction, missionCode: string, year: number): Promise<string> {
  for (;;) {
    const [row] = await tx
      .insert(caseNumberCounters)
      .values({ missionCode, year, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [caseNumberCounters.missionCode, caseNumberCounters.year],
        set: { lastNumber: sql`${caseNumberCounters.lastNumber} + 1` },
      })
      .returning({ lastNumber: caseNumberCounters.lastNumber });
    const reference = `${missionCode}-${year}-${String(row.lastNumber).padStart(4, "0")}`;
    if (!(await referenceTaken(tx, reference))) return reference;
  }
}

/** Whether a case number is in use, whoever may see that case (row-level security must not hide it here). */
async function referenceTaken(tx: Transaction, reference: string): Promise<boolean> {
  const result = (await tx.execute(sql`select conduct_case_reference_taken(${reference}) as taken`)) as unknown as {
    rows: { taken: boolean }[];
  };
  return result.rows[0].taken;
}

/** What the case's history shows: workflow steps and the enforcement record's milestones. */
const caseHistoryActions = [
  "case.create",
  "case.transition",
  "case.update",
  "case.refer",
  "case.assign",
  "perpetrator.add",
  "investigation.open",
  "investigation.update",
  "investigation.extend",
  "finding.record",
  "action.record",
  "case.document.attach",
  "case.note_verbale.issue",
  "command.duties.record",
  "command.leader.allege",
  "proceeding.record",
  "proceeding.update",
  "case.transfer",
  "case.share",
  "case.share.end",
];

/** What the threads of the case's reports add to its history (for those who may read the reports). */
const reportHistoryActions = ["report.submit", "report.link", "report.message"];

/**
 * The case's history, oldest first, from the audit trail (which the app role may read): its own
 * events, its publication and withdrawal (recorded for several cases at once), and the events of
 * the reports it was built from, which row-level security lists only to those who may see them.
 * Each event carries the name of the person who acted, when there was one.
 */
export function caseHistory(tx: Transaction, caseId: string) {
  return tx
    .select({
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorRole: auditEvents.actorRole,
      actorName: user.name,
      subjectType: auditEvents.subjectType,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(user, eq(user.id, auditEvents.actorId))
    .where(
      or(
        and(
          eq(auditEvents.subjectType, "case"),
          eq(auditEvents.subjectId, caseId),
          inArray(auditEvents.action, caseHistoryActions),
        ),
        and(
          inArray(auditEvents.action, ["case.publish", "case.withdraw"]),
          sql`${auditEvents.details} -> 'caseIds' @> jsonb_build_array(${caseId}::text)`,
        ),
        and(
          eq(auditEvents.subjectType, "report"),
          inArray(auditEvents.action, reportHistoryActions),
          sql`${auditEvents.subjectId} in (select r.id::text from ${reports} r where r.case_id = ${caseId})`,
        ),
      ),
    )
    .orderBy(auditEvents.id);
}

/** A case with the facts the need-to-know policy decides on, or null when absent (or hidden by RLS). */
export async function findCaseWithFacts(tx: Transaction, id: string) {
  const row = await findCaseRow(tx, id);
  if (!row) return null;
  const assignedUserIds = (await assignmentsOf(tx, [id])).get(id) ?? [];
  return {
    row,
    facts: {
      missionCode: row.missionCode,
      nationalityCodes: row.nationalityCodes,
      assignedUserIds,
      status: row.status,
      headquartersOnly: row.headquartersOnly,
      sharedUnitCodes: row.sharedUnitCodes,
    },
  };
}

/**
 * Rewrites the case's search document: the narrative unless it is confidential, and the officers'
 * notes, folded (no accents) and stemmed in English and French.
 */
export async function refreshSearchDocument(tx: Transaction, caseId: string, narrative: string | null) {
  const notes = await tx.select({ body: caseNotes.body }).from(caseNotes).where(eq(caseNotes.caseId, caseId));
  const document = foldForSearch([narrative ?? "", ...notes.map((note) => note.body)].join("\n"));
  await tx
    .update(cases)
    .set({ searchVector: sql`to_tsvector('english', ${document}) || to_tsvector('french', ${document})` })
    .where(eq(cases.id, caseId));
}

/** Refuses codes that are not in the reference data, naming them. */
export async function assertKnownCodes(
  tx: Transaction,
  codes: { categoryCodes?: string[]; nationalityCodes?: string[]; allegationCodes?: string[] },
) {
  const unknown = async (
    label: string,
    path: string,
    given: string[] | undefined,
    known: () => Promise<{ code: string }[]>,
  ) => {
    if (!given?.length) return;
    const found = new Set((await known()).map((row) => row.code));
    const missing = given.filter((value) => !found.has(value));
    if (missing.length)
      throw new ValidationFailed(
        `Unknown ${label}: ${missing.join(", ")}.`,
        [{ path, message: "unknown code" }],
        "unknown_code",
      );
  };
  await unknown("personnel category", "body.categoryCodes", codes.categoryCodes, () =>
    tx
      .select({ code: personnelCategories.code })
      .from(personnelCategories)
      .where(inArray(personnelCategories.code, codes.categoryCodes ?? [])),
  );
  await unknown("nationality", "body.nationalityCodes", codes.nationalityCodes, () =>
    tx
      .select({ code: countries.code })
      .from(countries)
      .where(inArray(countries.code, codes.nationalityCodes ?? [])),
  );
  await unknown("allegation type", "body.allegationCodes", codes.allegationCodes, async () => [
    ...(await tx
      .select({ code: allegationTypes.code })
      .from(allegationTypes)
      .where(inArray(allegationTypes.code, codes.allegationCodes ?? []))),
    ...(await tx
      .select({ code: misconductTypes.code })
      .from(misconductTypes)
      .where(inArray(misconductTypes.code, codes.allegationCodes ?? []))),
  ]);
}

/** New enforcement records wait until a closed case is reopened (new information reopens it). */
export function assertCaseOpen(row: { status: string }) {
  if (row.status === "closed") throw new Conflict("This case is closed. Reopen it to record more.", {}, "case_closed");
}
