// Contracts of command accountability: units (a contingent's rotation) with their leaders by period,
// the unit and commander an alleged perpetrator answered to at the time of the incident, and the
// patterns in a unit's allegations with headquarters' decisions on them.
import { z } from "zod";
import {
  commandDuties,
  dutyAnswers,
  dutyDone,
  leaderAllegationCodes,
  systemicSignals,
  unitDecisions,
  unitPosts,
} from "../command.js";
import { countryCodeField, missionCodeField } from "./fields.js";
import { contingentFields } from "./training.js";

const leaderSchema = z.object({
  id: z.string(),
  post: z.enum(unitPosts),
  name: z.string(),
  rank: z.string().nullable(),
  servedFrom: z.string(),
  servedTo: z.string().nullable(),
});

export const unitListSchema = z.object({
  items: z.array(
    z.object({
      ...contingentFields,
      rotation: z.string().nullable(),
      rotatedOutOn: z.string().nullable(),
      location: z.string().nullable(),
      leaders: z.array(leaderSchema),
    }),
  ),
});
export type UnitList = z.infer<typeof unitListSchema>;

export const unitListQuery = z.strictObject({
  mission: missionCodeField.optional(),
  country: countryCodeField.optional(),
});

export const addLeaderBody = z
  .strictObject({
    post: z.enum(unitPosts),
    name: z.string().trim().min(1).max(200),
    rank: z.string().trim().min(1).max(80).nullable().default(null),
    servedFrom: z.iso.date(),
    servedTo: z.iso.date().nullable().default(null),
  })
  .refine((leader) => leader.servedTo === null || leader.servedFrom <= leader.servedTo, {
    message: "The period ends before it starts.",
    path: ["servedTo"],
  });
export type AddLeaderBody = z.infer<typeof addLeaderBody>;

export const perpetratorUnitBody = z.strictObject({ contingentId: z.uuid().nullable() });

/** A perpetrator's unit and the commander on the day of the incident (none known: null). */
export const perpetratorCommandSchema = z.object({
  perpetratorId: z.string(),
  code: z.string(),
  unit: z
    .object({ id: z.string(), name: z.string(), rotation: z.string().nullable(), countryCode: z.string() })
    .nullable(),
  commander: leaderSchema.nullable(),
  /** The day the commander is read for: the incident's, else the report's. */
  onDay: z.string(),
});
const dutySchema = z.object({
  duty: z.enum(commandDuties),
  answer: z.enum(dutyAnswers),
  doneOn: z.string().nullable(),
});

/** A unit one of the case's alleged perpetrators served in, and what its leaders did on the case. */
const caseUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  rotation: z.string().nullable(),
  countryCode: z.string(),
  duties: z.array(dutySchema),
});

const linkedCaseSchema = z.object({ caseId: z.string(), reference: z.string() });

export const caseCommandSchema = z.object({
  items: z.array(perpetratorCommandSchema),
  units: z.array(caseUnitSchema),
  /** Allegations against the units' leaders opened from this case (cases of their own). */
  leaderAllegations: z.array(linkedCaseSchema.extend({ unitId: z.string(), post: z.enum(unitPosts) })),
  /** When this case is itself an allegation against a leader: the case whose handling it concerns. */
  arisesFrom: linkedCaseSchema.nullable(),
  can: z.object({ recordDuties: z.boolean() }),
});
export type CaseCommand = z.infer<typeof caseCommandSchema>;

/** The leaders' duties as the case's officers found them; a day only for what was done, never ahead. */
export const commandDutiesBody = z.strictObject({
  duties: z
    .array(
      z
        .strictObject({
          duty: z.enum(commandDuties),
          answer: z.enum(dutyAnswers),
          doneOn: z.iso.date().nullable().default(null),
        })
        .refine((duty) => duty.doneOn === null || dutyDone(duty.answer), {
          message: "A day is recorded only for a duty that was done.",
          path: ["doneOn"],
        }),
    )
    .min(1)
    .max(commandDuties.length)
    .refine((duties) => new Set(duties.map((duty) => duty.duty)).size === duties.length, {
      message: "Each duty once.",
    }),
});
export type CommandDutiesBody = z.infer<typeof commandDutiesBody>;

/** The most units a page answers: a State's or a mission's units fit in one; every mission's take a few. */
export const unitPageLimit = 200;

export const unitPatternsQuery = z.strictObject({
  mission: missionCodeField.optional(),
  country: countryCodeField.optional(),
  /** Only the units whose record signals a possible systemic pattern. */
  signalled: z.enum(["true", "false"]).optional(),
  /** A page of the units, in the order of their mission and name. */
  limit: z.coerce.number().int().min(1).max(unitPageLimit).default(unitPageLimit),
  offset: z.coerce.number().int().min(0).default(0),
});

const unitDecisionSchema = z.object({
  id: z.string(),
  decision: z.enum(unitDecisions),
  decidedOn: z.string(),
  grounds: z.string(),
});

const count = z.number().int();

/** A unit's allegations by outcome (src/domain/command.ts), its rate against its mission's, the signals and decisions. */
export const unitPatternsSchema = z.object({
  items: z.array(
    z.object({
      ...contingentFields,
      rotation: z.string().nullable(),
      rotatedOutOn: z.string().nullable(),
      allegations: z.object({
        substantiated: count,
        notSubstantiated: count,
        pending: count,
        otherMisconduct: count,
      }),
      ratePerThousand: z.number().nullable(),
      missionRate: z.number().nullable(),
      signals: z.array(z.enum(systemicSignals)),
      /** Latest first. */
      decisions: z.array(unitDecisionSchema),
    }),
  ),
  /** How many units the filter finds, over every page. */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  can: z.object({ decide: z.boolean() }),
});
export type UnitPatterns = z.infer<typeof unitPatternsSchema>;

export const unitDecisionBody = z.strictObject({
  decision: z.enum(unitDecisions),
  decidedOn: z.iso.date(),
  grounds: z.string().trim().min(1).max(2000),
});
export type UnitDecisionBody = z.infer<typeof unitDecisionBody>;

/** An allegation against one of the unit's leaders: opened as a case of its own. */
export const leaderAllegationBody = z.strictObject({
  leaderId: z.uuid(),
  allegationCodes: z
    .array(z.enum(leaderAllegationCodes))
    .min(1)
    .refine((codes) => new Set(codes).size === codes.length, { message: "Each allegation once." }),
});
export type LeaderAllegationBody = z.infer<typeof leaderAllegationBody>;

export const leaderAllegationCreatedSchema = z.object({ caseId: z.string(), reference: z.string() });
