// The code lists each group of the vocabulary labels, taken from where the domain defines them, so
// that a code added to the domain without a label in every language fails the type-check and a test.
import { publicCommandMeasures } from "../accountability.js";
import { auditActions, auditSubjects } from "../audit-catalogue.js";
import { investigatingEntities, actionKinds, findingOutcomes } from "../enforcement.js";
import { reportChannels } from "../contracts/reports.js";
import { missionKindSchema } from "../contracts/reference.js";
import { investigationStatuses, victimGroups } from "../public-stats.js";
import { allegationTypeSeeds, misconductLevels, thematicAreas } from "../reference/allegations.js";
import { beneficiaryCategories } from "../trust-fund.js";
import { personnelCategorySeeds, systemWideCategories } from "../reference/personnel.js";
import { unEntityKinds, unEntitySeeds } from "../reference/entities.js";
import { publishedPaternityStatuses } from "../paternity.js";
import { referralEntities } from "../referrals.js";
import { roles } from "../roles.js";
import { caseStatuses } from "../workflow.js";
import { immediateNeeds, reportKinds, urgencies } from "../triage.js";
import { documentKinds } from "../contracts/documents.js";
import { updateMeans, updateTopics } from "../victims.js";
import { helpContactKinds } from "../help.js";
import { noteVerbaleTemplates } from "../notes-verbales.js";

export const vocabularyCodes = {
  personnelCategories: personnelCategorySeeds.map((seed) => seed.code),
  systemWideCategories,
  caseStatuses,
  allegationTypes: ["SE", "SA"],
  allegationSubtypes: allegationTypeSeeds.map((seed) => seed.code),
  findingOutcomes,
  /** Where an allegation's investigation stands as published; imported history adds the Member State referral. */
  investigationStatuses: [...investigationStatuses, "referred_to_member_state"],
  actionKinds,
  /** Who investigated; imported history also says TCC, PCC or none. */
  investigatingEntities: [...investigatingEntities, "tcc", "pcc", "none"],
  referralEntities,
  reportChannels,
  roles,
  victimGroups,
  paternityStatuses: publishedPaternityStatuses,
  thematicAreas,
  misconductLevels,
  beneficiaryCategories,
  missionKinds: missionKindSchema.options,
  unEntityKinds,
  /** The seeded entities; an installation's own (implementing partners, non-UN forces) carry their name. */
  unEntities: unEntitySeeds.map((seed) => seed.code),
  unEntityAcronyms: unEntitySeeds.map((seed) => seed.code),
  reportKinds,
  urgencies,
  immediateNeeds,
  documentKinds,
  noteVerbaleTemplates,
  helpContactKinds,
  updateMeans,
  updateTopics,
  commandMeasures: publicCommandMeasures,
  auditActions,
  auditSubjects,
} as const;

export type VocabularyGroup = keyof typeof vocabularyCodes;

/** Codes whose list is data (the seeds) are checked by the vocabulary test rather than the compiler. */
type CodeOf<G extends VocabularyGroup> = (typeof vocabularyCodes)[G] extends readonly (infer C)[]
  ? C extends string
    ? C
    : never
  : never;

export type Vocabulary = { [G in VocabularyGroup]: Record<CodeOf<G>, string> };
