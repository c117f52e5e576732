// The Trust Fund's books: contributions (a withheld payment linked to the suspension that withheld
// it), projects and the people they reached, and the overview of money in, committed and reach.
import { and, asc, desc, eq } from "drizzle-orm";
import {
  caseActions,
  missions,
  perpetrators,
  trustFundBeneficiaries,
  trustFundContributions,
  trustFundProjects,
} from "../../../db/schema.js";
import { type BeneficiaryCategory, fundOverview } from "../../../domain/trust-fund.js";
import type { Services } from "../../services.js";
import type { Actor } from "../../auth/actor.js";
import { trustFundPolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";
import { assertNotInFuture as notInFuture, todayIso } from "../../dates.js";

export async function trustFund(services: Services, actor: Actor) {
  if (!trustFundPolicy.read(actor)) throw new Forbidden();
  return inTransaction(services.db, actor, async (tx) => {
    const contributions = await tx
      .select()
      .from(trustFundContributions)
      .orderBy(desc(trustFundContributions.receivedOn));
    const projects = await tx
      .select()
      .from(trustFundProjects)
      .orderBy(desc(trustFundProjects.startsOn), asc(trustFundProjects.title));
    const beneficiaries = await tx.select().from(trustFundBeneficiaries);
    const reachOf = (projectId: string) =>
      beneficiaries.filter((b) => b.projectId === projectId).reduce((sum, b) => sum + b.people, 0);
    return {
      overview: fundOverview(
        {
          contributions,
          projects: projects.map((p) => ({ amount: p.budget, currency: p.currency, endsOn: p.endsOn })),
          beneficiaries: beneficiaries.map((b) => ({ category: b.category as BeneficiaryCategory, people: b.people })),
        },
        todayIso(),
      ),
      contributions: contributions.map((c) => ({
        id: c.id,
        countryCode: c.countryCode,
        receivedOn: c.receivedOn,
        amount: c.amount,
        currency: c.currency,
        fromWithheldPayments: c.fromWithheldPayments,
        caseActionId: c.caseActionId,
      })),
      projects: projects.map((p) => ({
        id: p.id,
        missionCode: p.missionCode,
        title: p.title,
        implementingPartner: p.implementingPartner,
        budget: p.budget,
        currency: p.currency,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        services: p.services,
        reached: reachOf(p.id),
        can: { report: trustFundPolicy.manageProject(actor, p.missionCode) },
      })),
      can: {
        recordContribution: trustFundPolicy.recordContribution(actor),
        addProject: trustFundPolicy.addProject(actor),
      },
    };
  });
}

export interface ContributionInput {
  countryCode: string;
  receivedOn: string;
  amount: number;
  currency: string;
  caseActionId: string | null;
}

/** Records money in; one from withheld payments names the payment suspension, which must be the same State's. */
export async function recordContribution(services: Services, actor: Actor, input: ContributionInput) {
  if (!trustFundPolicy.recordContribution(actor))
    throw new Forbidden("Headquarters records the Trust Fund's contributions.");
  notInFuture(input.receivedOn, "body.receivedOn");
  return inTransaction(services.db, actor, async (tx) => {
    if (input.caseActionId) {
      const [action] = await tx.select().from(caseActions).where(eq(caseActions.id, input.caseActionId));
      if (!action) throw new NotFound("action");
      if (action.kind !== "payment_suspension")
        throw new ValidationFailed(
          "Only a payment suspension withholds money for the Trust Fund.",
          [{ path: "body.caseActionId", message: "not_a_payment_suspension" }],
          "not_a_payment_suspension",
        );
      const [person] = await tx
        .select({ nationalityCode: perpetrators.nationalityCode })
        .from(perpetrators)
        .where(eq(perpetrators.id, action.perpetratorId));
      if (person?.nationalityCode !== input.countryCode)
        throw new ValidationFailed(
          "The withheld payment was taken from another State's national.",
          [{ path: "body.countryCode", message: "not_the_perpetrators_state" }],
          "country_mismatch",
        );
    }
    const [row] = await tx
      .insert(trustFundContributions)
      .values({ ...input, fromWithheldPayments: input.caseActionId !== null, recordedBy: actor.userId })
      .returning({ id: trustFundContributions.id });
    await recordAuditEvent(tx, actor, {
      action: "trust_fund.contribution",
      subjectType: "trust_fund",
      subjectId: row.id,
      details: {
        countryCode: input.countryCode,
        amount: input.amount,
        currency: input.currency,
        caseActionId: input.caseActionId,
      },
    });
    return { id: row.id };
  });
}

export interface ProjectInput {
  missionCode: string;
  title: string;
  implementingPartner: string;
  budget: number;
  currency: string;
  startsOn: string;
  endsOn: string;
  services: string[];
}

export async function addProject(services: Services, actor: Actor, input: ProjectInput) {
  if (!trustFundPolicy.manageProject(actor, input.missionCode))
    throw new Forbidden("Headquarters or the mission's victim assistance record its projects.");
  if (input.endsOn < input.startsOn)
    throw new ValidationFailed(
      "A project ends after it starts.",
      [{ path: "body.endsOn", message: "before_start" }],
      "ends_before_start",
    );
  return inTransaction(services.db, actor, async (tx) => {
    const [mission] = await tx
      .select({ code: missions.code })
      .from(missions)
      .where(eq(missions.code, input.missionCode));
    if (!mission)
      throw new ValidationFailed(
        `There is no mission with the code ${input.missionCode}.`,
        [{ path: "body.missionCode", message: "unknown_mission" }],
        "unknown_code",
      );
    const [row] = await tx
      .insert(trustFundProjects)
      .values({ ...input, recordedBy: actor.userId })
      .returning({ id: trustFundProjects.id });
    await recordAuditEvent(tx, actor, {
      action: "trust_fund.project",
      subjectType: "trust_fund",
      subjectId: row.id,
      details: { missionCode: input.missionCode, budget: input.budget, currency: input.currency },
    });
    return { id: row.id };
  });
}

export async function reportBeneficiaries(
  services: Services,
  actor: Actor,
  projectId: string,
  input: { reportedOn: string; category: BeneficiaryCategory; people: number },
) {
  notInFuture(input.reportedOn, "body.reportedOn");
  return inTransaction(services.db, actor, async (tx) => {
    const [project] = await tx.select().from(trustFundProjects).where(eq(trustFundProjects.id, projectId));
    if (!project) throw new NotFound("project");
    if (!trustFundPolicy.manageProject(actor, project.missionCode))
      throw new Forbidden("Headquarters or the mission's victim assistance report on its projects.");
    const [row] = await tx
      .insert(trustFundBeneficiaries)
      .values({ projectId, ...input, recordedBy: actor.userId })
      .returning({ id: trustFundBeneficiaries.id });
    await recordAuditEvent(tx, actor, {
      action: "trust_fund.beneficiaries",
      subjectType: "trust_fund",
      subjectId: projectId,
      details: { category: input.category, people: input.people },
    });
    const reached = await tx
      .select({ people: trustFundBeneficiaries.people })
      .from(trustFundBeneficiaries)
      .where(and(eq(trustFundBeneficiaries.projectId, projectId)));
    return { id: row.id, reached: reached.reduce((sum, r) => sum + r.people, 0) };
  });
}
