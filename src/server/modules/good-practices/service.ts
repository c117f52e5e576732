// Good practices: Member State focal points write and submit their State's practices, headquarters
// reviews and publishes them (or returns them with comments), and the public browses what is published.
import { and, arrayContains, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { goodPractices } from "../../../db/schema.js";
import { type PracticeInput, type PracticeStatus, type PracticeStep, practiceStep, practiceSteps } from "../../../domain/good-practices.js";
import type { Services } from "../../app.js";
import { type Actor, publicActor } from "../../auth/actor.js";
import { goodPracticePolicy } from "../../auth/policies/index.js";
import { Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/record.js";

type PracticeRow = typeof goodPractices.$inferSelect;

const presentPublic = (row: PracticeRow) => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  area: row.area,
  theme: row.theme,
  countryCodes: row.countryCodes,
  contributor: row.contributor,
  event: row.eventTitle ? { title: row.eventTitle, date: row.eventDate } : null,
  links: row.links,
  publishedAt: row.publishedAt?.toISOString() ?? null,
});

const presentForStaff = (row: PracticeRow, actor: Actor) => ({
  ...presentPublic(row),
  status: row.status,
  reviewComment: row.reviewComment,
  version: row.version,
  can: {
    edit: goodPracticePolicy.edit(actor, row),
    ...Object.fromEntries((Object.keys(practiceSteps) as PracticeStep[]).map((step) => [step, goodPracticePolicy.step(actor, row, step) && practiceStep(row.status as PracticeStatus, step) !== null])),
  },
});

export interface PracticeFilter {
  area?: string;
  theme?: string;
  country?: string;
  q?: string;
}

function conditions(filter: PracticeFilter): SQL[] {
  const list: SQL[] = [];
  if (filter.area) list.push(eq(goodPractices.area, filter.area));
  if (filter.theme) list.push(eq(goodPractices.theme, filter.theme));
  if (filter.country) list.push(arrayContains(goodPractices.countryCodes, [filter.country]));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    list.push(or(ilike(goodPractices.title, pattern), ilike(goodPractices.summary, pattern), ilike(goodPractices.theme, pattern)) as SQL);
  }
  return list;
}

/** What the public sees: published practices only, filtered by area, theme, country and words. */
export async function listPublishedPractices(services: Services, filter: PracticeFilter) {
  return inTransaction(services.db, publicActor, async (tx) => {
    const rows = await tx.select().from(goodPractices).where(and(eq(goodPractices.status, "published"), ...conditions(filter))).orderBy(asc(goodPractices.area), asc(goodPractices.title));
    return { items: rows.map(presentPublic) };
  });
}

/** Staff see published practices plus, within their scope, drafts and those under review. */
export async function listPracticesForStaff(services: Services, actor: Actor, filter: PracticeFilter & { status?: string }) {
  return inTransaction(services.db, actor, async (tx) => {
    const extra = filter.status ? [eq(goodPractices.status, filter.status)] : [];
    const rows = await tx.select().from(goodPractices).where(and(...conditions(filter), ...extra)).orderBy(asc(goodPractices.status), asc(goodPractices.title));
    return { items: rows.filter((row) => goodPracticePolicy.view(actor, row)).map((row) => presentForStaff(row, actor)) };
  });
}

export async function createPractice(services: Services, actor: Actor, input: PracticeInput) {
  if (!goodPracticePolicy.create(actor, input.countryCodes)) throw new Forbidden("A Member State shares practices of its own; headquarters may record any.");
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx
      .insert(goodPractices)
      .values({ ...input, status: "draft", submittedBy: actor.userId })
      .onConflictDoNothing({ target: goodPractices.title })
      .returning();
    if (!row) throw new Conflict("A practice with this title already exists.", {}, "practice_title_taken");
    await recordAuditEvent(tx, actor, { action: "good_practice.create", subjectType: "good_practice", subjectId: row.id });
    return presentForStaff(row, actor);
  });
}

async function practiceInScope(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx.select().from(goodPractices).where(eq(goodPractices.id, id));
  if (!row || !goodPracticePolicy.view(actor, row)) throw new NotFound("good practice");
  return row;
}

export async function updatePractice(services: Services, actor: Actor, id: string, input: PracticeInput & { version: number }) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await practiceInScope(tx, actor, id);
    if (!goodPracticePolicy.edit(actor, row) || !goodPracticePolicy.create(actor, input.countryCodes)) throw new Forbidden("This practice can be edited only by its State while it is a draft or returned, or by headquarters.");
    if (row.version !== input.version) throw new Conflict("Someone else changed this practice. Reload, then try again.", { current: presentForStaff(row, actor) }, "stale_version");
    const { version, ...values } = input;
    const [updated] = await tx.update(goodPractices).set({ ...values, version: sql`${goodPractices.version} + 1`, updatedAt: new Date() }).where(and(eq(goodPractices.id, id), eq(goodPractices.version, version))).returning();
    await recordAuditEvent(tx, actor, { action: "good_practice.update", subjectType: "good_practice", subjectId: id });
    return presentForStaff(updated, actor);
  });
}

/** Submit (a State), publish or return with comments (headquarters), or withdraw a published one. */
export async function movePractice(services: Services, actor: Actor, id: string, step: PracticeStep, comment: string | null) {
  return inTransaction(services.db, actor, async (tx) => {
    const row = await practiceInScope(tx, actor, id);
    if (!goodPracticePolicy.step(actor, row, step)) throw new Forbidden(step === "submit" ? "Only the State's focal point or headquarters submits a practice." : "Only headquarters reviews practices.");
    const to = practiceStep(row.status as PracticeStatus, step);
    if (!to) throw new InvalidTransition(row.status, step, (Object.keys(practiceSteps) as PracticeStep[]).filter((s) => practiceStep(row.status as PracticeStatus, s)));
    if (step === "return" && !comment) throw new ValidationFailed("Say what the State should change.", [{ path: "body.comment", message: "required" }], "comment_required");
    const [updated] = await tx
      .update(goodPractices)
      .set({
        status: to,
        reviewComment: step === "return" ? comment : step === "submit" ? row.reviewComment : null,
        reviewedBy: step === "publish" || step === "return" ? actor.userId : row.reviewedBy,
        publishedAt: to === "published" ? new Date() : null,
        version: sql`${goodPractices.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(goodPractices.id, id))
      .returning();
    await recordAuditEvent(tx, actor, { action: `good_practice.${step}`, subjectType: "good_practice", subjectId: id, details: { from: row.status, to } });
    return presentForStaff(updated, actor);
  });
}
