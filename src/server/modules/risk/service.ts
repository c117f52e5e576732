// Misconduct risk management: assessments of a mission's locations with rated factors and
// mitigations, the mission's register (latest assessment per location), and the quarterly report.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { missions, riskAssessments, riskFactors, riskMitigations } from "../../../db/schema.js";
import { type AssessmentFacts, quarterlyReport, quarterOf, riskLevel, riskScore } from "../../../domain/risk.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { preventionPolicy } from "../../auth/policies/index.js";
import { readsRegister, registerInScope } from "./shares.js";
import { assertNotInFuture, todayIso } from "../../dates.js";
import { Forbidden, NotFound, invalidField } from "../../errors.js";
import { assertCompletable, type Completion, completionOf } from "../../follow-ups.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

import { presentMitigation } from "./presenters.js";
export interface FactorInput {
  kind: string;
  likelihood: number;
  impact: number;
  notes: string | null;
}

export interface MitigationInput {
  factorKind: string | null;
  action: string;
  owner: string;
  dueOn: string;
}

export interface AssessmentInput {
  missionCode: string;
  location: string;
  locationKind: string;
  assessedOn: string;
  reviewOn: string;
  notes: string | null;
  factors: FactorInput[];
  mitigations: MitigationInput[];
}

function checkMitigation(m: MitigationInput, assessedOn: string, factorKinds: string[], path: string) {
  if (m.factorKind !== null && !factorKinds.includes(m.factorKind))
    throw invalidField(
      "A mitigation answers one of the factors assessed here.",
      `${path}.factorKind`,
      "factor_not_assessed",
    );
  if (m.dueOn < assessedOn)
    throw invalidField(
      "A mitigation falls due after the assessment that calls for it.",
      `${path}.dueOn`,
      "due_before_assessment",
    );
}

/** Records an assessment with its factors and mitigations in one transaction: all of it or nothing. */
export async function recordAssessment(services: Services, actor: Actor, input: AssessmentInput) {
  if (!preventionPolicy.keep(actor, input.missionCode))
    throw new Forbidden("Headquarters or the mission's conduct and discipline team assess its locations.");
  assertNotInFuture(input.assessedOn, "body.assessedOn");
  if (input.reviewOn <= input.assessedOn)
    throw invalidField("The review comes after the assessment.", "body.reviewOn", "review_before_assessment");
  const kinds = input.factors.map((f) => f.kind);
  const repeated = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (repeated)
    throw invalidField(
      `The factor "${repeated}" is rated twice; rate each factor once.`,
      "body.factors",
      "factor_repeated",
    );
  for (const [i, m] of input.mitigations.entries())
    checkMitigation(m, input.assessedOn, kinds, `body.mitigations.${i}`);
  return inTransaction(services.db, actor, async (tx) => {
    const [mission] = await tx
      .select({ code: missions.code })
      .from(missions)
      .where(eq(missions.code, input.missionCode));
    if (!mission)
      throw invalidField(`There is no mission with the code ${input.missionCode}.`, "body.missionCode", "unknown_code");
    const [row] = await tx
      .insert(riskAssessments)
      .values({
        missionCode: input.missionCode,
        location: input.location,
        locationKind: input.locationKind,
        assessedOn: input.assessedOn,
        reviewOn: input.reviewOn,
        notes: input.notes,
        recordedBy: actor.userId,
      })
      .returning({ id: riskAssessments.id });
    await tx.insert(riskFactors).values(input.factors.map((f) => ({ ...f, assessmentId: row.id })));
    if (input.mitigations.length > 0)
      await tx
        .insert(riskMitigations)
        .values(input.mitigations.map((m) => ({ ...m, assessmentId: row.id, recordedBy: actor.userId })));
    const level = riskLevel(Math.max(...input.factors.map((f) => riskScore(f.likelihood, f.impact))));
    await recordAuditEvent(tx, actor, {
      action: "risk.assess",
      subjectType: "risk_assessment",
      subjectId: row.id,
      details: {
        missionCode: input.missionCode,
        factors: input.factors.length,
        mitigations: input.mitigations.length,
        level,
      },
    });
    return { id: row.id };
  });
}

async function assessmentOrNotFound(tx: Transaction, actor: Actor, id: string) {
  const [row] = await tx.select().from(riskAssessments).where(eq(riskAssessments.id, id));
  if (!row || !(await readsRegister(tx, actor, row.missionCode))) throw new NotFound("risk assessment");
  return row;
}

export async function addMitigation(services: Services, actor: Actor, assessmentId: string, input: MitigationInput) {
  return inTransaction(services.db, actor, async (tx) => {
    const assessment = await assessmentOrNotFound(tx, actor, assessmentId);
    if (!preventionPolicy.keep(actor, assessment.missionCode))
      throw new Forbidden("Headquarters or the mission's conduct and discipline team keep its mitigations.");
    const kinds = (
      await tx.select({ kind: riskFactors.kind }).from(riskFactors).where(eq(riskFactors.assessmentId, assessmentId))
    ).map((f) => f.kind);
    checkMitigation(input, assessment.assessedOn, kinds, "body");
    const [row] = await tx
      .insert(riskMitigations)
      .values({ ...input, assessmentId, recordedBy: actor.userId })
      .returning({ id: riskMitigations.id });
    await recordAuditEvent(tx, actor, {
      action: "risk.mitigation.add",
      subjectType: "risk_assessment",
      subjectId: assessmentId,
      details: { mitigationId: row.id, dueOn: input.dueOn },
    });
    return { id: row.id };
  });
}

/** Marks a mitigation done; 409 with the current one when someone else changed it meanwhile. */
export async function completeMitigation(services: Services, actor: Actor, mitigationId: string, input: Completion) {
  return inTransaction(services.db, actor, async (tx) => {
    const [mitigation] = await tx.select().from(riskMitigations).where(eq(riskMitigations.id, mitigationId));
    if (!mitigation) throw new NotFound("mitigation");
    const assessment = await assessmentOrNotFound(tx, actor, mitigation.assessmentId);
    if (!preventionPolicy.keep(actor, assessment.missionCode))
      throw new Forbidden("Headquarters or the mission's conduct and discipline team keep its mitigations.");
    assertCompletable(mitigation, input, assessment.assessedOn, "mitigation");
    const [updated] = await tx
      .update(riskMitigations)
      .set(completionOf(mitigation, input))
      .where(eq(riskMitigations.id, mitigationId))
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "risk.mitigation.complete",
      subjectType: "risk_assessment",
      subjectId: assessment.id,
      details: { mitigationId, completedOn: input.completedOn },
    });
    return presentMitigation(updated);
  });
}

export async function assessmentDetail(services: Services, actor: Actor, id: string) {
  if (!preventionPolicy.read(actor)) throw new Forbidden();
  return inTransaction(services.db, actor, async (tx) => {
    const assessment = await assessmentOrNotFound(tx, actor, id);
    const factors = await tx.select().from(riskFactors).where(eq(riskFactors.assessmentId, id));
    const mitigations = await tx
      .select()
      .from(riskMitigations)
      .where(eq(riskMitigations.assessmentId, id))
      .orderBy(asc(riskMitigations.dueOn), asc(riskMitigations.createdAt));
    const history = await tx
      .select({ id: riskAssessments.id, assessedOn: riskAssessments.assessedOn })
      .from(riskAssessments)
      .where(
        and(
          eq(riskAssessments.missionCode, assessment.missionCode),
          sql`lower(${riskAssessments.location}) = lower(${assessment.location})`,
        ),
      )
      .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.createdAt));
    const today = todayIso();
    const rated = factors.map((f) => ({
      kind: f.kind,
      likelihood: f.likelihood,
      impact: f.impact,
      notes: f.notes,
      score: riskScore(f.likelihood, f.impact),
      level: riskLevel(riskScore(f.likelihood, f.impact)),
    }));
    const keep = preventionPolicy.keep(actor, assessment.missionCode);
    return {
      id: assessment.id,
      missionCode: assessment.missionCode,
      location: assessment.location,
      locationKind: assessment.locationKind,
      assessedOn: assessment.assessedOn,
      reviewOn: assessment.reviewOn,
      reviewOverdue: assessment.reviewOn < today,
      notes: assessment.notes,
      level: rated.length === 0 ? null : riskLevel(Math.max(...rated.map((f) => f.score))),
      factors: rated.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind)),
      mitigations: mitigations.map((m) => presentMitigation(m, today)),
      history: history.map((h) => ({ ...h, current: h.id === history[0].id })),
      can: { addMitigation: keep, completeMitigation: keep, reassess: keep },
    };
  });
}

/** Every assessment of a mission with its factors and mitigations, in three queries. */
async function missionAssessments(tx: Transaction, missionCode: string): Promise<AssessmentFacts[]> {
  const rows = await tx.select().from(riskAssessments).where(eq(riskAssessments.missionCode, missionCode));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const factors = await tx.select().from(riskFactors).where(inArray(riskFactors.assessmentId, ids));
  const mitigations = await tx.select().from(riskMitigations).where(inArray(riskMitigations.assessmentId, ids));
  return rows.map((r) => ({
    id: r.id,
    location: r.location,
    locationKind: r.locationKind,
    assessedOn: r.assessedOn,
    reviewOn: r.reviewOn,
    factors: factors
      .filter((f) => f.assessmentId === r.id)
      .map((f) => ({ kind: f.kind, likelihood: f.likelihood, impact: f.impact })),
    mitigations: mitigations
      .filter((m) => m.assessmentId === r.id)
      .map((m) => ({
        action: m.action,
        owner: m.owner,
        factorKind: m.factorKind,
        dueOn: m.dueOn,
        completedOn: m.completedOn,
      })),
  }));
}

/** The mission's register today: the latest assessment of each location, worst first, with the heat map. */
export async function riskRegister(services: Services, actor: Actor, missionCode: string) {
  const today = todayIso();
  return inTransaction(services.db, actor, async (tx) => {
    await registerInScope(tx, actor, missionCode);
    const report = quarterlyReport(quarterOf(today), await missionAssessments(tx, missionCode), today);
    return { missionCode, ...report, can: { assess: preventionPolicy.keep(actor, missionCode) } };
  });
}

/** The quarterly report to headquarters for one mission; its download is audited. */
export async function riskReport(
  services: Services,
  actor: Actor,
  missionCode: string,
  quarter: string,
  format: string,
) {
  if (!preventionPolicy.read(actor)) throw new Forbidden();
  const today = todayIso();
  if (quarter > quarterOf(today))
    throw invalidField("That quarter has not begun.", "params.quarter", "quarter_in_future");
  return inTransaction(services.db, actor, async (tx) => {
    await registerInScope(tx, actor, missionCode);
    const report = quarterlyReport(quarter, await missionAssessments(tx, missionCode), today);
    await recordAuditEvent(tx, actor, {
      action: "risk.report",
      subjectType: "risk_assessment",
      details: { missionCode, quarter, format },
    });
    return { missionCode, ...report };
  });
}
