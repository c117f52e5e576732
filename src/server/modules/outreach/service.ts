// Community outreach activities and the community-based complaint networks of a mission, with the
// reports each network member with an account has submitted (counted, never shown here).
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { cbcmMembers, cbcmNetworks, missions, outreachActivities, staffProfiles, user } from "../../../db/schema.js";
import { outreachTotals } from "../../../domain/outreach.js";
import type { Services } from "../../services.js";
import { type Actor, unitsInScope } from "../../auth/actor.js";
import { outreachPolicy } from "../../auth/policies/index.js";
import { assertNotInFuture } from "../../dates.js";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

function assertReads(actor: Actor, missionCode: string) {
  if (!outreachPolicy.read(actor)) throw new Forbidden();
  if (!outreachPolicy.readMission(actor, missionCode))
    throw new Forbidden("Your role does not cover this mission's outreach.", "out_of_scope");
}

function assertKeeps(actor: Actor, missionCode: string) {
  if (!outreachPolicy.keep(actor, missionCode))
    throw new Forbidden("Headquarters or the mission's conduct and discipline team keep its outreach records.");
}

async function assertMission(tx: Transaction, missionCode: string) {
  const [mission] = await tx.select({ code: missions.code }).from(missions).where(eq(missions.code, missionCode));
  if (!mission)
    throw new ValidationFailed(
      `There is no mission with the code ${missionCode}.`,
      [{ path: "body.missionCode", message: "unknown_code" }],
      "unknown_code",
    );
}

export interface ActivityInput {
  missionCode: string;
  heldOn: string;
  place: string;
  community: string;
  women: number;
  men: number;
  girls: number;
  boys: number;
  language: string;
  topics: string[];
  materials: string[];
  networkId: string | null;
}

export async function recordActivity(services: Services, actor: Actor, input: ActivityInput) {
  assertKeeps(actor, input.missionCode);
  assertNotInFuture(input.heldOn, "body.heldOn");
  if (input.women + input.men + input.girls + input.boys === 0)
    throw new ValidationFailed(
      "Count the people reached in at least one group.",
      [{ path: "body.women", message: "nobody_reached" }],
      "nobody_reached",
    );
  return inTransaction(services.db, actor, async (tx) => {
    await assertMission(tx, input.missionCode);
    if (input.networkId) {
      const [network] = await tx
        .select({ missionCode: cbcmNetworks.missionCode })
        .from(cbcmNetworks)
        .where(eq(cbcmNetworks.id, input.networkId));
      if (network?.missionCode !== input.missionCode)
        throw new ValidationFailed(
          "Name one of the mission's complaint networks.",
          [{ path: "body.networkId", message: "unknown_network" }],
          "unknown_network",
        );
    }
    const [row] = await tx
      .insert(outreachActivities)
      .values({ ...input, recordedBy: actor.userId })
      .returning({ id: outreachActivities.id });
    await recordAuditEvent(tx, actor, {
      action: "outreach.record",
      subjectType: "outreach",
      subjectId: row.id,
      details: { missionCode: input.missionCode, people: input.women + input.men + input.girls + input.boys },
    });
    return { id: row.id };
  });
}

/** The mission's activities (newest first, since a date), with the people reached by group and the topics covered. */
export async function outreachOverview(
  services: Services,
  actor: Actor,
  missionCode: string,
  since: string | undefined,
) {
  assertReads(actor, missionCode);
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx
      .select()
      .from(outreachActivities)
      .where(
        and(
          eq(outreachActivities.missionCode, missionCode),
          since ? sql`${outreachActivities.heldOn} >= ${since}` : undefined,
        ),
      )
      .orderBy(desc(outreachActivities.heldOn), desc(outreachActivities.createdAt));
    const activities = rows.map((r) => ({
      id: r.id,
      heldOn: r.heldOn,
      place: r.place,
      community: r.community,
      audience: { women: r.women, men: r.men, girls: r.girls, boys: r.boys },
      language: r.language,
      topics: r.topics,
      materials: r.materials,
      networkId: r.networkId,
    }));
    return {
      missionCode,
      totals: outreachTotals(activities),
      activities: activities.slice(0, 200),
      can: { record: outreachPolicy.keep(actor, missionCode) },
    };
  });
}

export async function addNetwork(
  services: Services,
  actor: Actor,
  input: { missionCode: string; name: string; area: string; languages: string[]; channels: string[] },
) {
  assertKeeps(actor, input.missionCode);
  return inTransaction(services.db, actor, async (tx) => {
    await assertMission(tx, input.missionCode);
    const [row] = await tx
      .insert(cbcmNetworks)
      .values({ ...input, recordedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: cbcmNetworks.id });
    if (!row)
      throw new Conflict(`${input.missionCode} already has a network named ${input.name}.`, {}, "network_exists");
    await recordAuditEvent(tx, actor, {
      action: "cbcm.network.add",
      subjectType: "outreach",
      subjectId: row.id,
      details: { missionCode: input.missionCode },
    });
    return { id: row.id };
  });
}

export async function addMember(
  services: Services,
  actor: Actor,
  networkId: string,
  input: { kind: string; name: string; location: string; languages: string[]; userId: string | null },
) {
  return inTransaction(services.db, actor, async (tx) => {
    const [network] = await tx.select().from(cbcmNetworks).where(eq(cbcmNetworks.id, networkId));
    if (!network) throw new NotFound("complaint network");
    assertKeeps(actor, network.missionCode);
    if (input.userId) {
      const [account] = await tx
        .select({ missionCodes: unitsInScope })
        .from(staffProfiles)
        .where(
          and(
            eq(staffProfiles.userId, input.userId),
            eq(staffProfiles.role, "cbcm_focal_point"),
            isNull(staffProfiles.disabledAt),
          ),
        );
      if (!account?.missionCodes.includes(network.missionCode))
        throw new ValidationFailed(
          "Link an active community focal point account of this mission.",
          [{ path: "body.userId", message: "not_a_focal_point_here" }],
          "not_a_focal_point_here",
        );
    }
    const [row] = await tx
      .insert(cbcmMembers)
      .values({ ...input, networkId, recordedBy: actor.userId })
      .returning({ id: cbcmMembers.id });
    await recordAuditEvent(tx, actor, {
      action: "cbcm.member.add",
      subjectType: "outreach",
      subjectId: networkId,
      details: { memberId: row.id, kind: input.kind, linkedAccount: input.userId !== null },
    });
    return { id: row.id };
  });
}

/** The mission's networks with their members and how many reports each member with an account submitted. */
export async function networksOf(services: Services, actor: Actor, missionCode: string) {
  assertReads(actor, missionCode);
  const keeps = outreachPolicy.keep(actor, missionCode);
  return inTransaction(services.db, actor, async (tx) => {
    const networks = await tx
      .select()
      .from(cbcmNetworks)
      .where(eq(cbcmNetworks.missionCode, missionCode))
      .orderBy(cbcmNetworks.name);
    const members = networks.length
      ? await tx
          .select()
          .from(cbcmMembers)
          .where(
            inArray(
              cbcmMembers.networkId,
              networks.map((n) => n.id),
            ),
          )
          .orderBy(cbcmMembers.name)
      : [];
    // One call for the whole mission: counts only, also for readers who may not see the reports.
    const result = (await tx.execute(
      sql`select member_id, reports::int as reports from conduct_cbcm_report_counts(${missionCode})`,
    )) as unknown as { rows: { member_id: string; reports: number }[] };
    const counts = new Map(result.rows.map((row) => [row.member_id, row.reports]));
    // Accounts an officer may link to a member: the mission's active community focal points.
    const candidates = keeps
      ? await tx
          .select({ id: user.id, name: user.name })
          .from(staffProfiles)
          .innerJoin(user, eq(user.id, staffProfiles.userId))
          .where(
            and(
              eq(staffProfiles.role, "cbcm_focal_point"),
              isNull(staffProfiles.disabledAt),
              sql`${missionCode} = any(${unitsInScope})`,
            ),
          )
          .orderBy(user.name)
      : [];
    return {
      missionCode,
      networks: networks.map((n) => ({
        id: n.id,
        name: n.name,
        area: n.area,
        languages: n.languages,
        channels: n.channels,
        members: members
          .filter((m) => m.networkId === n.id)
          .map((m) => ({
            id: m.id,
            kind: m.kind,
            name: m.name,
            location: m.location,
            languages: m.languages,
            hasAccount: m.userId !== null,
            reportsSubmitted: m.userId ? (counts.get(m.id) ?? 0) : null,
          })),
      })),
      candidates,
      can: { manage: keeps },
    };
  });
}
