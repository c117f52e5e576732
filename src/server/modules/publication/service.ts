// Publication: a publisher releases reviewed cases for public statistics (who and when, audited),
// and the public reads counts computed only from released cases, by the UN's counting rule.
import { and, desc, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { cases } from "../../../db/schema.js";
import type { CountFilter } from "../../../domain/counting.js";
import { importColumns } from "../../../domain/allegation-import.js";
import { vocabulary } from "../../../domain/vocabulary/index.js";
import type { Services } from "../../services.js";
import { type Actor, publicActor } from "../../auth/actor.js";
import { publicationPolicy } from "../../auth/policies/index.js";
import { Forbidden } from "../../errors.js";
import { inTransaction } from "../../transaction.js";
import { csvText, workbookBuffer } from "../../spreadsheets.js";
import { recordAuditEvent } from "../audit/index.js";
import { forgetPublicStatistics } from "./stats.js";

import { presentPublicAllegation } from "./presenters.js";
import type { PublicAllegationRow } from "./presenters.js";
/** Publishes or withdraws cases; answers how many changed (already in that state: unchanged). */
export async function setPublication(
  services: Services,
  actor: Actor,
  caseIds: string[],
  action: "publish" | "withdraw",
) {
  if (!publicationPolicy.publish(actor)) throw new Forbidden("Only publishers release cases for public statistics.");
  const outcome = await inTransaction(services.db, actor, async (tx) => {
    const changed = await tx
      .update(cases)
      .set(
        action === "publish"
          ? { publishedAt: new Date(), publishedBy: actor.userId }
          : { publishedAt: null, publishedBy: null },
      )
      .where(
        and(
          inArray(cases.id, caseIds),
          action === "publish" ? isNull(cases.publishedAt) : isNotNull(cases.publishedAt),
        ),
      )
      .returning({ id: cases.id });
    await recordAuditEvent(tx, actor, {
      action: `case.${action}`,
      subjectType: "case",
      details: { caseIds: changed.map((row) => row.id), requested: caseIds.length },
    });
    return { changed: changed.length };
  });
  // After the commit, so that no request can compute the old figures again in between.
  forgetPublicStatistics(services);
  return outcome;
}

/** Cases ready to publish (actions taken or closed, not yet published), or published ones to withdraw. */
export async function publicationReview(services: Services, actor: Actor, state: "ready" | "published") {
  if (!publicationPolicy.publish(actor)) throw new Forbidden("Only publishers release cases for public statistics.");
  return inTransaction(
    services.db,
    actor,
    async (tx) => {
      const rows = await tx
        .select({
          id: cases.id,
          reference: cases.reference,
          missionCode: cases.missionCode,
          status: cases.status,
          dateReported: cases.dateReported,
          categoryCodes: cases.categoryCodes,
          allegationCodes: cases.allegationCodes,
          publishedAt: cases.publishedAt,
        })
        .from(cases)
        .where(
          state === "ready"
            ? and(isNull(cases.publishedAt), inArray(cases.status, ["actions", "closed"]))
            : isNotNull(cases.publishedAt),
        )
        .orderBy(desc(state === "ready" ? cases.dateReported : cases.publishedAt), desc(cases.reference))
        .limit(500);
      return { items: rows.map((row) => ({ ...row, publishedAt: row.publishedAt?.toISOString() ?? null })) };
    },
    { readOnly: true },
  );
}

/** Thrown to roll the preview's transaction back once its rows are read. */
class PreviewRead extends Error {
  constructor(readonly rows: PublicAllegationRow[]) {
    super("preview read");
  }
}

/**
 * The public table's rows for cases as they would read once published: the cases are published
 * inside a transaction, read through the very function the public table uses, and the transaction
 * is rolled back, so the preview cannot differ from what the public will see and nothing is kept.
 */
export async function previewPublication(services: Services, actor: Actor, caseIds: string[]) {
  if (!publicationPolicy.publish(actor)) throw new Forbidden("Only publishers release cases for public statistics.");
  try {
    await inTransaction(services.db, actor, async (tx) => {
      const chosen = await tx
        .update(cases)
        .set({ publishedAt: new Date(), publishedBy: actor.userId })
        .where(inArray(cases.id, caseIds))
        .returning({ reference: cases.reference });
      if (chosen.length === 0) throw new PreviewRead([]);
      const references = sql.join(
        chosen.map((row) => sql`${row.reference}`),
        sql`, `,
      );
      const result = (await tx.execute(sql`
        select * from conduct_published_allegations()
        where reference in (${references})
        order by reference, category_code, nationality_code nulls first`)) as unknown as {
        rows: PublicAllegationRow[];
      };
      throw new PreviewRead(result.rows);
    });
  } catch (error) {
    const read = [error, (error as { cause?: unknown })?.cause].find((e) => e instanceof PreviewRead);
    if (read) return { items: (read as PreviewRead).rows.map(presentPublicAllegation) };
    throw error;
  }
  return { items: [] };
}

export interface PublicAllegationFilter extends CountFilter {
  limit: number;
  offset: number;
}

/** The public table of allegations, newest first: codes, dates and counts of published cases only. */
export async function publishedAllegations(services: Services, filter: PublicAllegationFilter) {
  return inTransaction(services.db, publicActor, async (tx) => {
    const result = (await tx.execute(sql`
      select * from conduct_published_allegations()
      where (${filter.year ?? null}::int is null or month_reported like ${`${filter.year ?? ""}-%`})
        and (${filter.mission ?? null}::text is null or mission_code = ${filter.mission ?? null}::text)
        and (${filter.category ?? null}::text is null or category_code = ${filter.category ?? null}::text)
        and (${filter.nationality ?? null}::text is null or nationality_code = ${filter.nationality ?? null}::text)
      order by month_reported desc, reference desc, category_code, nationality_code nulls first
      limit ${filter.limit + 1} offset ${filter.offset}`)) as unknown as { rows: PublicAllegationRow[] };
    const rows = result.rows.slice(0, filter.limit).map(presentPublicAllegation);
    return { items: rows, hasMore: result.rows.length > filter.limit };
  });
}

/** The allegations published last, for the public feed. */
export async function latestPublications(services: Services, limit: number) {
  return inTransaction(services.db, publicActor, async (tx) => {
    const result = (await tx.execute(
      sql`select * from conduct_published_allegations() order by published_at desc, reference desc, category_code, nationality_code nulls first limit ${limit}`,
    )) as unknown as {
      rows: (PublicAllegationRow & { published_at: string | Date })[];
    };
    return result.rows.map((row) => ({
      ...presentPublicAllegation(row),
      publishedAt: new Date(row.published_at).toISOString(),
    }));
  });
}

export type PublicAllegation = ReturnType<typeof presentPublicAllegation>;

const categoryLabels = new Map(Object.entries(vocabulary.en.personnelCategories));
const subtypeLabels = new Map(Object.entries(vocabulary.en.allegationSubtypes));
const paternityLabels = new Map(Object.entries(vocabulary.en.paternityStatuses));

/** The table's rows in the UN's full layout, which `conduct import allegations` reads (one row per allegation, the UN's labels). */
function tableRows(items: PublicAllegation[]): (string | number)[][] {
  const yesNo = (value: boolean | null) => (value === null ? "" : value ? "Yes" : "No");
  const labels = (names: Map<string, string>, codes: string[]) =>
    codes.map((code) => names.get(code) ?? code).join(";");
  return items.map((item) => [
    item.reference,
    item.monthReported,
    item.missionCode,
    categoryLabels.get(item.categoryCode) ?? item.categoryCode,
    item.nationalityCode ?? "",
    item.allegation ?? "",
    labels(subtypeLabels, item.allegationSubtypes),
    item.incidentPeriod ?? "",
    item.allegedPerpetrators ?? "",
    item.victims,
    item.victimsByGroup.women,
    item.victimsByGroup.girls,
    item.victimsByGroup.boys,
    item.victimsByGroup.men,
    item.childVictims,
    yesNo(item.paternityClaim),
    labels(paternityLabels, item.paternityStatus),
    item.investigatingEntities.join(";"),
    item.investigationDays ?? "",
    item.findings.join(";"),
    item.interimActions.join(";"),
    item.finalActions.join(";"),
    item.unActions.join(";"),
    item.memberStateActions.join(";"),
    yesNo(item.criminalReferral),
  ]);
}

const tableHeader = [...importColumns];

export const publicAllegationsCsv = (items: PublicAllegation[]) => csvText([tableHeader, ...tableRows(items)]);

export const publicAllegationsWorkbook = (items: PublicAllegation[]) =>
  workbookBuffer([{ name: "Allegations", header: tableHeader, rows: tableRows(items) }]);

/** Every published allegation, page by page, for an export of the whole table. */
export async function allPublishedAllegations(services: Services, pageSize = 50_000): Promise<PublicAllegation[]> {
  const all: PublicAllegation[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await publishedAllegations(services, { limit: pageSize, offset });
    all.push(...page.items);
    if (!page.hasMore) return all;
  }
}
