// Training: the course catalogue, contingents and their coverage, sessions (a mission's induction,
// a State's national pre-deployment training), the State's certification, and attendance lists.
import { proveArchive } from "../../uploads/prove.js";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { contingents, missions, trainingAttendance, trainingCourses, trainingSessions } from "../../../db/schema.js";
import { type CourseKind, coverageOf, readAttendance, type SessionFacts } from "../../../domain/training.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { preventionPolicy, trainingPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture, todayIso } from "../../dates.js";
import { Conflict, Forbidden, NotFound, invalidField, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { csvRefusal, csvRows } from "../../csv-reading.js";
import { recordAuditEvent } from "../audit/index.js";
import { keyedHashes } from "../screening/index.js";

export async function listCourses(services: Services, actor: Actor) {
  if (!trainingPolicy.read(actor)) throw new Forbidden();
  return inTransaction(services.db, actor, async (tx) => ({
    items: await tx
      .select({
        id: trainingCourses.id,
        code: trainingCourses.code,
        title: trainingCourses.title,
        kind: trainingCourses.kind,
        validityMonths: trainingCourses.validityMonths,
      })
      .from(trainingCourses)
      .orderBy(trainingCourses.code),
    can: { add: trainingPolicy.manageCourses(actor) },
  }));
}

export async function addCourse(
  services: Services,
  actor: Actor,
  input: { code: string; title: string; kind: CourseKind; validityMonths: number },
) {
  if (!trainingPolicy.manageCourses(actor)) throw new Forbidden("Headquarters keeps the course catalogue.");
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx
      .insert(trainingCourses)
      .values(input)
      .onConflictDoNothing()
      .returning({ id: trainingCourses.id });
    if (!row) throw new Conflict(`A course with the code ${input.code} exists already.`, {}, "course_exists");
    await recordAuditEvent(tx, actor, {
      action: "training.course.add",
      subjectType: "training",
      subjectId: row.id,
      details: { code: input.code, kind: input.kind },
    });
    return { id: row.id };
  });
}

export interface ContingentInput {
  missionCode: string;
  countryCode: string;
  name: string;
  categoryCode: string;
  strength: number;
  deployedOn: string;
  rotation: string | null;
  rotatedOutOn: string | null;
  location: string | null;
}

export async function addContingent(services: Services, actor: Actor, input: ContingentInput) {
  if (!trainingPolicy.keepContingent(actor, input.missionCode))
    throw new Forbidden("Headquarters or the mission's conduct and discipline team record its contingents.");
  if (input.rotatedOutOn !== null && input.rotatedOutOn < input.deployedOn)
    throw invalidField("The unit cannot rotate out before it deploys.", "body.rotatedOutOn", "date_out_of_range");
  return inTransaction(services.db, actor, async (tx) => {
    const [mission] = await tx
      .select({ code: missions.code })
      .from(missions)
      .where(eq(missions.code, input.missionCode));
    if (!mission)
      throw invalidField(`There is no mission with the code ${input.missionCode}.`, "body.missionCode", "unknown_code");
    const [row] = await tx
      .insert(contingents)
      .values({ ...input, recordedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: contingents.id });
    if (!row)
      throw new Conflict(`${input.missionCode} already has a contingent named ${input.name}.`, {}, "contingent_exists");
    await recordAuditEvent(tx, actor, {
      action: "training.contingent.add",
      subjectType: "training",
      subjectId: row.id,
      details: { missionCode: input.missionCode, countryCode: input.countryCode, strength: input.strength },
    });
    return { id: row.id };
  });
}

export interface SessionInput {
  courseId: string;
  missionCode: string | null;
  countryCode: string | null;
  contingentId: string | null;
  startsOn: string;
  endsOn: string;
  trainer: string;
  audienceCategoryCode: string | null;
  participants: number;
  completions: number;
}

/** National pre-deployment training is the State's (no mission); induction and refreshers happen in a mission. */
function checkSessionShape(kind: string, input: SessionInput) {
  if (kind === "pre_deployment" && (input.missionCode !== null || input.countryCode === null))
    throw invalidField(
      "Pre-deployment training is a State's national training: name the State, not a mission.",
      "body.missionCode",
      "pre_deployment_is_national",
    );
  if (["induction", "refresher"].includes(kind) && input.missionCode === null)
    throw invalidField(
      "Induction and refresher training take place in a mission: name it.",
      "body.missionCode",
      "mission_required",
    );
}

export async function recordSession(services: Services, actor: Actor, input: SessionInput) {
  if (!trainingPolicy.recordSession(actor, input))
    throw new Forbidden("A mission's team records its training; a State records its national training.");
  assertNotInFuture(input.endsOn, "body.endsOn", "Record a session once it has ended.");
  if (input.endsOn < input.startsOn)
    throw invalidField("A session ends after it starts.", "body.endsOn", "ends_before_start");
  if (input.completions > input.participants)
    throw invalidField(
      "More people completed the session than attended it.",
      "body.completions",
      "completions_over_participants",
    );
  return inTransaction(services.db, actor, async (tx) => {
    const [course] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, input.courseId));
    if (!course) throw invalidField("There is no such course.", "body.courseId", "unknown_course");
    checkSessionShape(course.kind, input);
    if (input.contingentId) {
      const [contingent] = await tx.select().from(contingents).where(eq(contingents.id, input.contingentId));
      if (!contingent)
        throw invalidField("There is no such contingent in your scope.", "body.contingentId", "unknown_contingent");
      if (input.missionCode !== null && contingent.missionCode !== input.missionCode)
        throw invalidField("The contingent serves in another mission.", "body.contingentId", "contingent_elsewhere");
      if (input.countryCode !== null && contingent.countryCode !== input.countryCode)
        throw invalidField("The contingent is another State's.", "body.contingentId", "contingent_elsewhere");
    }
    const [row] = await tx
      .insert(trainingSessions)
      .values({ ...input, recordedBy: actor.userId })
      .returning({ id: trainingSessions.id });
    await recordAuditEvent(tx, actor, {
      action: "training.session.record",
      subjectType: "training",
      subjectId: row.id,
      details: {
        course: course.code,
        missionCode: input.missionCode,
        countryCode: input.countryCode,
        contingentId: input.contingentId,
        completions: input.completions,
      },
    });
    return { id: row.id };
  });
}

async function sessionInScope(tx: Transaction, id: string) {
  const [row] = await tx
    .select({ session: trainingSessions, kind: trainingCourses.kind })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(eq(trainingSessions.id, id));
  if (!row) throw new NotFound("training session");
  return row;
}

/** The State certifies that its contingent completed the national pre-deployment training. */
export async function certifySession(services: Services, actor: Actor, id: string, statement: string) {
  return inTransaction(services.db, actor, async (tx) => {
    const { session, kind } = await sessionInScope(tx, id);
    if (!trainingPolicy.certify(actor, session))
      throw new Forbidden("Only the State's focal point certifies its national training.");
    if (kind !== "pre_deployment")
      throw invalidField("Only pre-deployment training is certified.", "params.id", "not_pre_deployment");
    if (session.contingentId === null)
      throw invalidField(
        "Certification is for a contingent: record which one the session trained.",
        "params.id",
        "no_contingent",
      );
    if (session.certifiedOn !== null)
      throw new Conflict(`This training was certified on ${session.certifiedOn}.`, {}, "already_certified");
    const certifiedOn = todayIso();
    await tx
      .update(trainingSessions)
      .set({ certifiedBy: actor.userId, certifiedOn, certificationStatement: statement })
      .where(eq(trainingSessions.id, id));
    await recordAuditEvent(tx, actor, {
      action: "training.certify",
      subjectType: "training",
      subjectId: id,
      details: { contingentId: session.contingentId, countryCode: session.countryCode },
    });
    return { certifiedOn };
  });
}

export const ATTENDANCE_MAX_ROWS = 10_000;

/** An attendance list's rows, from CSV or the first sheet of an XLSX workbook. */
async function attendanceRows(content: Buffer): Promise<string[][]> {
  const isZip = content.subarray(0, 2).toString("latin1") === "PK";
  if (!isZip) {
    try {
      return csvRows(content.toString("utf8"));
    } catch (error) {
      throw csvRefusal(error, "file_unreadable");
    }
  }
  // Unpacked within bounds before the workbook library reads it: an archive bomb stops here.
  const unreadable = () =>
    new ValidationFailed("The file is neither CSV nor a readable XLSX workbook.", [], "file_unreadable");
  await proveArchive("attendance list", content).catch((error: { code?: string }) => {
    throw error.code === "file_damaged" ? unreadable() : error;
  });
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      values.map((value) =>
        value === null || value === undefined
          ? ""
          : typeof value === "object" && "text" in (value as object)
            ? String((value as { text: unknown }).text)
            : String(value),
      ),
    );
  });
  return rows;
}

/**
 * Replaces a session's attendance with an imported list. Every row that cannot be taken is reported
 * with its line; nothing is stored unless `skipInvalid` asks for the valid rows to go in anyway.
 * Service numbers are stored as keyed hashes; names and other columns are never kept.
 */
export async function importAttendance(
  services: Services,
  actor: Actor,
  id: string,
  input: { content: Buffer; skipInvalid: boolean },
) {
  const [header, ...body] = await attendanceRows(input.content);
  const columns = (header ?? []).map((cell) => cell.trim().toLowerCase());
  if (columns[0] !== "service_number" || columns[1] !== "completed")
    throw invalidField(
      "The first row must name the columns service_number and completed (others, such as a name, are ignored).",
      "line 1",
      "bad_header",
    );
  if (body.length === 0) throw new ValidationFailed("The list has no one on it.", [], "file_empty");
  if (body.length > ATTENDANCE_MAX_ROWS)
    throw new ValidationFailed(
      `A list holds at most ${ATTENDANCE_MAX_ROWS.toLocaleString("en")} people: split it.`,
      [],
      "file_too_large",
    );
  const { rows, errors } = readAttendance(body);
  if (errors.length > 0 && !input.skipInvalid) {
    throw new ValidationFailed(
      `${errors.length} of ${body.length} rows cannot be imported; nothing was stored. Correct them, or import only the valid rows.`,
      errors.map((e) => ({ path: `line ${e.line}`, message: e.message })),
      "attendance_invalid",
    );
  }
  if (rows.length === 0)
    throw new ValidationFailed(
      "No row of the list can be imported.",
      errors.map((e) => ({ path: `line ${e.line}`, message: e.message })),
      "attendance_invalid",
    );
  return inTransaction(services.db, actor, async (tx) => {
    const { session } = await sessionInScope(tx, id);
    if (!trainingPolicy.recordSession(actor, session))
      throw new Forbidden("Whoever records the session imports its attendance.");
    const keys = await keyedHashes(
      services,
      tx,
      "attendance",
      rows.map((row) => row.serviceNumber),
    );
    await tx.delete(trainingAttendance).where(eq(trainingAttendance.sessionId, id));
    await tx
      .insert(trainingAttendance)
      .values(rows.map((row, i) => ({ sessionId: id, participantKey: keys[i], completed: row.completed })));
    const completions = rows.filter((row) => row.completed).length;
    await tx
      .update(trainingSessions)
      .set({ participants: rows.length, completions, attendanceImportedAt: new Date() })
      .where(eq(trainingSessions.id, id));
    await recordAuditEvent(tx, actor, {
      action: "training.attendance.import",
      subjectType: "training",
      subjectId: id,
      details: { rows: rows.length, completions, rejected: errors.length },
    });
    return {
      participants: rows.length,
      completions,
      rejected: errors.map((e) => ({ line: e.line, message: e.message })),
    };
  });
}

const SESSIONS_LISTED = 500;

/** Contingents in scope with their coverage and gaps, the sessions in scope (newest first), and what the caller may do. */
export async function trainingOverview(services: Services, actor: Actor, filter: { missionCode?: string }) {
  if (!trainingPolicy.read(actor)) throw new Forbidden();
  const today = todayIso();
  return inTransaction(services.db, actor, async (tx) => {
    const units = await tx
      .select()
      .from(contingents)
      .where(filter.missionCode ? eq(contingents.missionCode, filter.missionCode) : undefined)
      .orderBy(contingents.missionCode, contingents.name);
    const sessionsOf = (where: SQL | undefined, limit?: number) => {
      const query = tx
        .select({ session: trainingSessions, course: trainingCourses })
        .from(trainingSessions)
        .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
        .where(where)
        .orderBy(desc(trainingSessions.endsOn), desc(trainingSessions.createdAt));
      return limit ? query.limit(limit) : query;
    };
    // The list shows the latest sessions; coverage counts every session of the contingents shown.
    const sessions = await sessionsOf(
      filter.missionCode
        ? sql`(${trainingSessions.missionCode} = ${filter.missionCode} or ${trainingSessions.contingentId} in (select id from contingents where mission_code = ${filter.missionCode}))`
        : undefined,
      SESSIONS_LISTED,
    );
    const unitSessions = units.length
      ? await sessionsOf(
          inArray(
            trainingSessions.contingentId,
            units.map((u) => u.id),
          ),
        )
      : [];
    const withLists = unitSessions.filter((s) => s.session.attendanceImportedAt !== null).map((s) => s.session.id);
    const attendance = withLists.length
      ? await tx
          .select()
          .from(trainingAttendance)
          .where(and(inArray(trainingAttendance.sessionId, withLists), eq(trainingAttendance.completed, true)))
      : [];
    const facts = (s: (typeof unitSessions)[number]): SessionFacts => ({
      id: s.session.id,
      kind: s.course.kind as CourseKind,
      endsOn: s.session.endsOn,
      validityMonths: s.course.validityMonths,
      completions: s.session.completions,
      completedKeys: s.session.attendanceImportedAt
        ? attendance.filter((a) => a.sessionId === s.session.id).map((a) => a.participantKey)
        : null,
      certifiedOn: s.session.certifiedOn,
    });
    return {
      contingents: units.map((u) => ({
        id: u.id,
        missionCode: u.missionCode,
        countryCode: u.countryCode,
        name: u.name,
        categoryCode: u.categoryCode,
        strength: u.strength,
        deployedOn: u.deployedOn,
        coverage: coverageOf(u, unitSessions.filter((s) => s.session.contingentId === u.id).map(facts), today),
      })),
      sessions: sessions.map(({ session: s, course }) => ({
        id: s.id,
        courseCode: course.code,
        courseTitle: course.title,
        kind: course.kind,
        missionCode: s.missionCode,
        countryCode: s.countryCode,
        contingentId: s.contingentId,
        contingentName: units.find((u) => u.id === s.contingentId)?.name ?? null,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        trainer: s.trainer,
        audienceCategoryCode: s.audienceCategoryCode,
        participants: s.participants,
        completions: s.completions,
        attendanceImported: s.attendanceImportedAt !== null,
        certifiedOn: s.certifiedOn,
        can: {
          certify:
            course.kind === "pre_deployment" &&
            s.certifiedOn === null &&
            s.contingentId !== null &&
            trainingPolicy.certify(actor, s),
          importAttendance: trainingPolicy.recordSession(actor, s),
        },
      })),
      can: { addContingent: preventionPolicy.keepsAny(actor), recordSession: trainingPolicy.recordSessions(actor) },
    };
  });
}
