// Who may do what: pure functions of the actor (and the record), in one place. Row-level security
// in the database mirrors the case rules as a second layer.
import { scopeOfRole } from "../../../domain/roles.js";
import { type Actor, narrowedToEntities } from "../actor.js";
import type { WorkSection } from "../../../domain/contracts/work.js";

const is = (actor: Actor, ...roles: string[]) => roles.includes(actor.role);

export const referencePolicy = {
  read: (actor: Actor) => actor.userId !== null,
  // "system": the operator at the server's console and the demo's seeding, as for accounts.
  manage: (actor: Actor) => is(actor, "administrator", "system"),
};

export const userPolicy = {
  // "system" is the operator at the server's console (the `conduct` CLI, demo seeding).
  manage: (actor: Actor) => is(actor, "administrator", "system"),
};

export const tokenPolicy = {
  manageOwn: (actor: Actor) => actor.userId !== null,
  manageOf: (actor: Actor, ownerId: string) => actor.userId === ownerId || is(actor, "administrator", "system"),
};

/** Help for reporters: every staff member reads it; a mission's team keeps its own, headquarters any (and its own, "HQ"). */
export const helpPolicy = {
  read: (actor: Actor) => actor.userId !== null,
  /** The page in the staff app: those who keep some mission's help. */
  keep: (actor: Actor) => is(actor, "cds_officer", "cdt_officer"),
  edit: (actor: Actor, scope: string) =>
    is(actor, "cds_officer", "system") || (is(actor, "cdt_officer") && actor.missionCodes.includes(scope)),
};

/** The communities' languages of the report pages: staff read them, an administrator loads them. */
export const languagePolicy = {
  read: (actor: Actor) => actor.userId !== null,
  manage: (actor: Actor) => is(actor, "administrator", "system"),
};

export const auditPolicy = {
  browse: (actor: Actor) => is(actor, "auditor"),
};

export interface CaseScopeFacts {
  missionCode: string;
  nationalityCodes: string[];
  assignedUserIds: string[];
  /** A closed case takes no new enforcement records until it is reopened. */
  status?: string;
  /** Built from a report sent past the mission: hidden from its team until headquarters hands it over. */
  headquartersOnly?: boolean;
  /** Units of other entities the case is shared with now: their staff read it and add notes. */
  sharedUnitCodes: string[];
}

/**
 * A case's facts for chasing its deadlines and replies, and for a case about to be made: the unit
 * holding it is chased, not the units it is shared with (they read it, they do not run it).
 */
export const heldCaseFacts = (row: { missionCode: string; nationalityCodes: string[] }): CaseScopeFacts => ({
  missionCode: row.missionCode,
  nationalityCodes: row.nationalityCodes,
  assignedUserIds: [],
  sharedUnitCodes: [],
});

const isOpen = (facts: CaseScopeFacts) => facts.status !== "closed";

/** A headquarters role covers every unit, unless narrowed to entities: then their units only. */
const coversUnit = (actor: Actor, missionCode: string | null) =>
  !narrowedToEntities(actor) || (missionCode !== null && actor.missionCodes.includes(missionCode));

export const casePolicy = {
  // A head of mission reads the mission's figures and its leaders' plans, not its cases.
  list: (actor: Actor) =>
    scopeOfRole[actor.role as keyof typeof scopeOfRole] !== "none" && !is(actor, "cbcm_focal_point", "head_of_mission"),
  view(actor: Actor, facts: CaseScopeFacts): boolean {
    switch (actor.role) {
      case "cds_officer":
        return true;
      case "analyst":
      case "publisher":
        return coversUnit(actor, facts.missionCode);
      case "cdt_officer":
      case "victim_assistance":
        return (
          (actor.missionCodes.includes(facts.missionCode) && !facts.headquartersOnly) ||
          facts.sharedUnitCodes.some((unit) => actor.missionCodes.includes(unit))
        );
      case "member_state_focal_point":
        return actor.countryCode !== null && facts.nationalityCodes.includes(actor.countryCode);
      case "investigator":
        return actor.userId !== null && facts.assignedUserIds.includes(actor.userId);
      default:
        return false;
    }
  },
  /**
   * The nationalities of a case's alleged perpetrators as the actor may know them: a Member State
   * learns of its own nationals only, never that another State's are implicated too.
   */
  knownNationalities: (actor: Actor, nationalityCodes: readonly string[]): string[] =>
    is(actor, "member_state_focal_point")
      ? nationalityCodes.filter((code) => code === actor.countryCode)
      : [...nationalityCodes],
  /** A filter on a nationality the actor may not know of matches nothing, as if no such case existed. */
  mayFilterByNationality: (actor: Actor, nationalityCode: string | undefined) =>
    !nationalityCode || !is(actor, "member_state_focal_point") || nationalityCode === actor.countryCode,
  /** What the UI may offer on a case; it never re-derives these. */
  /** Who learns which staff member acted on a case (the history): the UN's own staff. */
  seesStaffNames: (actor: Actor) => !is(actor, "member_state_focal_point"),
  abilities(actor: Actor, facts: CaseScopeFacts) {
    const view = casePolicy.view(actor, facts);
    const manages =
      view &&
      (is(actor, "cds_officer") || (is(actor, "cdt_officer") && actor.missionCodes.includes(facts.missionCode)));
    return {
      view,
      edit: manages,
      refer: manages,
      readNarrative: view && !is(actor, "member_state_focal_point", "analyst", "publisher"),
      recordMemberStateUpdate: view && is(actor, "member_state_focal_point", "cds_officer"),
      revealVictimIdentity: view && is(actor, "victim_assistance"),
      /** That victims exist on the case (codes, sex, age group), never who they are. */
      seeVictims: view && is(actor, "cds_officer", "cdt_officer", "investigator", "victim_assistance"),
      registerVictim: view && is(actor, "victim_assistance") && actor.missionCodes.includes(facts.missionCode),
      /** Investigators assigned to the case and a State's focal point (for its NIO) report on investigations. */
      investigate: manages || (view && is(actor, "investigator", "member_state_focal_point")),
      readNotes: view && !is(actor, "member_state_focal_point", "analyst", "publisher"),
      /** The reports the case was built from and the threads with their reporters: the intake officers of the unit holding it. */
      readReports: manages,
      /** The case's documents (a State: those of its own referrals only, see documentPolicy). */
      readDocuments: view && is(actor, "cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
      addNote: view && is(actor, "cds_officer", "cdt_officer", "investigator"),
      publish: view && is(actor, "publisher", "cds_officer"),
      /** Strike out the narrative or a note, with a reason (headquarters). */
      redact: view && is(actor, "cds_officer"),
      /** Send the case, with its reports, to the unit that should work on it (headquarters). */
      transfer: view && is(actor, "cds_officer"),
      /** Share it with a unit of another entity, and end a share: those who manage it. */
      share: manages,
    };
  },
};

const ownCountry = (actor: Actor, countryCode: string | null) =>
  countryCode !== null && countryCode === actor.countryCode;

/** Perpetrators, investigations, findings and actions; a Member State acts only on its own nationals. */
export const enforcementPolicy = {
  /** Whether a perpetrator record is visible: a State sees only its nationals. */
  viewPerpetrator: (actor: Actor, facts: CaseScopeFacts, nationalityCode: string | null) =>
    casePolicy.view(actor, facts) && (!is(actor, "member_state_focal_point") || ownCountry(actor, nationalityCode)),
  revealPerpetratorIdentity: (actor: Actor, facts: CaseScopeFacts, nationalityCode: string | null) =>
    enforcementPolicy.viewPerpetrator(actor, facts, nationalityCode) &&
    (casePolicy.abilities(actor, facts).edit || is(actor, "investigator", "member_state_focal_point")),
  viewInvestigation: (actor: Actor, facts: CaseScopeFacts, countryCode: string | null) =>
    casePolicy.view(actor, facts) &&
    (!is(actor, "member_state_focal_point") || countryCode === null || ownCountry(actor, countryCode)),
  /** Open or report on an investigation: the case's officers, its assigned investigators, or the State whose NIO runs it. */
  workOnInvestigation: (actor: Actor, facts: CaseScopeFacts, countryCode: string | null) =>
    isOpen(facts) &&
    casePolicy.view(actor, facts) &&
    (casePolicy.abilities(actor, facts).edit ||
      is(actor, "investigator") ||
      (is(actor, "member_state_focal_point") && ownCountry(actor, countryCode))),
  recordAction: (actor: Actor, facts: CaseScopeFacts, takenBy: string, nationalityCode: string | null) =>
    isOpen(facts) &&
    (casePolicy.abilities(actor, facts).edit ||
      (takenBy === "member_state" &&
        is(actor, "member_state_focal_point") &&
        enforcementPolicy.viewPerpetrator(actor, facts, nationalityCode))),
  addPerpetrator: (actor: Actor, facts: CaseScopeFacts) => isOpen(facts) && casePolicy.abilities(actor, facts).edit,
  /**
   * Military justice: a State records its own nationals' proceedings, the case's officers on its
   * behalf. A closed case still takes them: a trial often ends after the UN has closed its case.
   */
  recordProceeding: (actor: Actor, facts: CaseScopeFacts, nationalityCode: string | null) =>
    nationalityCode !== null &&
    enforcementPolicy.viewPerpetrator(actor, facts, nationalityCode) &&
    (casePolicy.abilities(actor, facts).edit || is(actor, "member_state_focal_point")),
  extendDeadline: (actor: Actor, facts: CaseScopeFacts) => isOpen(facts) && casePolicy.abilities(actor, facts).edit,
};

export interface ReportScopeFacts {
  missionCode: string | null;
  submittedBy: string | null;
  /** The reporter sent it to headquarters: the mission's team does not see it until it is handed over. */
  headquartersOnly: boolean;
}

export const reportPolicy = {
  /** Intake officers: a mission's team, or headquarters (which also takes reports with no mission). */
  queue: (actor: Actor) => is(actor, "cds_officer", "cdt_officer", "cbcm_focal_point"),
  view(actor: Actor, facts: ReportScopeFacts): boolean {
    if (is(actor, "cds_officer")) return true;
    if (is(actor, "cdt_officer"))
      return facts.missionCode !== null && actor.missionCodes.includes(facts.missionCode) && !facts.headquartersOnly;
    if (is(actor, "cbcm_focal_point")) return facts.submittedBy !== null && facts.submittedBy === actor.userId;
    return false;
  },
  abilities(actor: Actor, facts: ReportScopeFacts) {
    const view = reportPolicy.view(actor, facts);
    return {
      view,
      reply: view && is(actor, "cds_officer", "cdt_officer"),
      handToMission: view && facts.headquartersOnly && is(actor, "cds_officer"),
      /** Headquarters sends a report to the unit that should work on it (while it is in no case). */
      route: view && is(actor, "cds_officer"),
    };
  },
  /** Staff intake: headquarters for any mission, a mission's team and its CBCM focal points for theirs. */
  submit: (actor: Actor, missionCode: string | null) =>
    is(actor, "cds_officer") ||
    (is(actor, "cdt_officer", "cbcm_focal_point") && missionCode !== null && actor.missionCodes.includes(missionCode)),
};

export const referralPolicy = {
  /** A Member State's focal point sees only what was addressed to their State. */
  view: (actor: Actor, caseFacts: CaseScopeFacts, countryCode: string | null) =>
    casePolicy.view(actor, caseFacts) && (!is(actor, "member_state_focal_point") || countryCode === actor.countryCode),
  recordReply: (actor: Actor, caseFacts: CaseScopeFacts, countryCode: string | null) =>
    countryCode !== null &&
    referralPolicy.view(actor, caseFacts, countryCode) &&
    is(actor, "member_state_focal_point", "cds_officer"),
  /** Who sees which referrals are overdue: headquarters, the mission teams, and each State for its own. */
  overdue: (actor: Actor) => is(actor, "cds_officer", "cdt_officer", "member_state_focal_point"),
};

/**
 * A case's documents: its officers and assigned investigators; a Member State only what was
 * exchanged on its own referrals (row-level security and the referral policy), where it may attach
 * its reply. Notes verbales are written by the officers who refer.
 */
export const documentPolicy = {
  view: (actor: Actor, facts: CaseScopeFacts) =>
    casePolicy.view(actor, facts) &&
    is(actor, "cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
  /** The case's managers and investigators attach; a State its replies; a unit the case is shared with reads only. */
  attach: (actor: Actor, facts: CaseScopeFacts, kind: string, referralCountry: string | null) =>
    documentPolicy.view(actor, facts) &&
    (casePolicy.abilities(actor, facts).edit ||
      is(actor, "investigator") ||
      (kind === "reply" && referralCountry !== null && referralCountry === actor.countryCode)),
  /** Whether the actor may attach anything at all on the case (the page's form). */
  attachAny: (actor: Actor, facts: CaseScopeFacts) =>
    documentPolicy.view(actor, facts) &&
    (casePolicy.abilities(actor, facts).edit || is(actor, "investigator", "member_state_focal_point")),
  writeNoteVerbale: (actor: Actor, facts: CaseScopeFacts) => casePolicy.abilities(actor, facts).refer,
};

/** Internal figures: the analysts, headquarters and the mission teams (their missions' cases). */
export const figuresPolicy = {
  read: (actor: Actor) => is(actor, "analyst", "cds_officer", "cdt_officer"),
};

export const publicationPolicy = {
  /** Publishers release reviewed cases; headquarters (CDS) is responsible for publication too. */
  publish: (actor: Actor) => is(actor, "publisher", "cds_officer"),
  /** Historical allegations come in published, so headquarters alone (and the operator's console) imports them. */
  importAllegations: (actor: Actor) => is(actor, "cds_officer", "system"),
  /** The quarterly system-wide report: headquarters, for the Secretary-General's quarterly updates. */
  systemWideReport: (actor: Actor) => is(actor, "publisher", "cds_officer"),
};

/**
 * Member State accountability: the published parts are public; the rest (replies to notes verbales,
 * NIO appointments, investigations, penalties) is for headquarters and the State's own focal point.
 */
export const accountabilityPolicy = {
  scorecard: (actor: Actor, countryCode: string) =>
    is(actor, "cds_officer") || (is(actor, "member_state_focal_point") && actor.countryCode === countryCode),
  compare: (actor: Actor) => is(actor, "cds_officer"),
  /** Who has the page in their navigation. */
  browse: (actor: Actor) => is(actor, "cds_officer", "member_state_focal_point"),
};

/** Commitments (Voluntary Compact, Circle of Leadership, A4P) are public; headquarters keeps the registries. */
export const commitmentPolicy = {
  keep: (actor: Actor) => is(actor, "cds_officer", "system"),
};

interface PracticeFacts {
  status: string;
  countryCodes: string[];
}

/** Good practices: a State shares its own; headquarters reviews and publishes; the public reads what is published. */
export const goodPracticePolicy = {
  ownState: (actor: Actor, countryCodes: string[]) =>
    is(actor, "member_state_focal_point") && actor.countryCode !== null && countryCodes.includes(actor.countryCode),
  view: (actor: Actor, practice: PracticeFacts) =>
    practice.status === "published" ||
    is(actor, "cds_officer") ||
    goodPracticePolicy.ownState(actor, practice.countryCodes),
  create: (actor: Actor, countryCodes: string[]) =>
    is(actor, "cds_officer") || goodPracticePolicy.ownState(actor, countryCodes),
  edit: (actor: Actor, practice: PracticeFacts) =>
    is(actor, "cds_officer") ||
    (goodPracticePolicy.ownState(actor, practice.countryCodes) && ["draft", "returned"].includes(practice.status)),
  step: (actor: Actor, practice: PracticeFacts, step: string) =>
    step === "submit" ? goodPracticePolicy.edit(actor, practice) : is(actor, "cds_officer"),
  /** Who has the repository in their navigation: those who share, review or learn from practices. */
  browse: (actor: Actor) => is(actor, "cds_officer", "member_state_focal_point", "cdt_officer", "analyst", "publisher"),
};

/**
 * Victim assistance: only victim-assistance staff, in their missions, work with victim records and
 * reveal identities. Case officers and assigned investigators see that victims exist on a case
 * (code, sex, age group), never who they are; Member States, analysts and publishers see none of it.
 */
export const victimPolicy = {
  caseload: (actor: Actor) => is(actor, "victim_assistance"),
  work: (actor: Actor, missionCode: string) =>
    is(actor, "victim_assistance") && actor.missionCodes.includes(missionCode),
  seeCaseVictims: (actor: Actor, facts: CaseScopeFacts) => casePolicy.abilities(actor, facts).seeVictims,
  readProviders: (actor: Actor) => actor.userId !== null,
};

/** Requests to victim assistance: officers of the mission send them, its advocates take them up. */
export const assistancePolicy = {
  request: (actor: Actor, missionCode: string) =>
    is(actor, "cds_officer") || (is(actor, "cdt_officer") && actor.missionCodes.includes(missionCode)),
  list: (actor: Actor) => is(actor, "cds_officer", "cdt_officer", "victim_assistance"),
  take: (actor: Actor, missionCode: string) => victimPolicy.work(actor, missionCode),
};

export interface ClaimFacts {
  missionCode: string;
  countryCode: string;
  /** The mother agreed to share with the Member State (without it the State sees nothing). */
  stateConsent: boolean;
}

/** Paternity claims: the mission's advocates, and the alleged father's State when the mother consents. */
export const paternityPolicy = {
  list: (actor: Actor) => is(actor, "victim_assistance", "member_state_focal_point"),
  open: (actor: Actor, missionCode: string) => victimPolicy.work(actor, missionCode),
  view: (actor: Actor, claim: ClaimFacts) =>
    victimPolicy.work(actor, claim.missionCode) ||
    (is(actor, "member_state_focal_point") && ownCountry(actor, claim.countryCode) && claim.stateConsent),
  /**
   * Who takes a sample and records its chain: the mission's advocates for any donor; the State only
   * for the alleged father's sample, which its own authorities take and hand on.
   */
  takeSample: (actor: Actor, claim: ClaimFacts, donor: string) =>
    paternityPolicy.view(actor, claim) && (victimPolicy.work(actor, claim.missionCode) || donor === "alleged_father"),
  /** Where, by whom and through whose hands a sample went: the State learns it of the alleged father's sample only. */
  seeCustodyDetail: (actor: Actor, missionCode: string, donor: string) =>
    victimPolicy.work(actor, missionCode) || donor === "alleged_father",
};

/** The Trust Fund's books hold no personal data: headquarters keeps them, missions report on their projects. */
export const trustFundPolicy = {
  read: (actor: Actor) =>
    is(actor, "cds_officer", "victim_assistance", "analyst", "publisher", "member_state_focal_point", "auditor"),
  recordContribution: (actor: Actor) => is(actor, "cds_officer"),
  addProject: (actor: Actor) => is(actor, "cds_officer", "victim_assistance"),
  manageProject: (actor: Actor, missionCode: string) =>
    is(actor, "cds_officer") || victimPolicy.work(actor, missionCode),
};

/** Screening: headquarters keeps the list; headquarters and mission teams screen candidates against it. */
export const screeningPolicy = {
  manage: (actor: Actor) => is(actor, "cds_officer", "system"),
  screen: (actor: Actor) => is(actor, "cds_officer", "cdt_officer"),
};

/** Federation: the administrator (or the operator at the console) keeps keys, members and bundles. */
export const federationPolicy = {
  manage: (actor: Actor) => is(actor, "administrator", "system"),
};

/**
 * A record shared with a unit of another entity (one UN) is given back by either side: those who keep
 * it take a share back; the unit it is shared with hands its own share back, never another unit's.
 */
export const sharePolicy = {
  /** A case or a risk register: the unit's conduct team hands it back. */
  endReasoned: (actor: Actor, unitCode: string, keeps: boolean) =>
    keeps || (is(actor, "cdt_officer") && actor.missionCodes.includes(unitCode)),
  /** A victim's record: the victim-assistance staff of the unit that keeps it, or of the unit shared with. */
  endVictim: (actor: Actor, keepingUnit: string, unitCode: string) =>
    victimPolicy.work(actor, keepingUnit) || victimPolicy.work(actor, unitCode),
};

/**
 * A mission's prevention records (risk assessments): headquarters and the mission's conduct and
 * discipline team keep them; analysts read them for reporting. They hold no personal data.
 */
export const preventionPolicy = {
  read: (actor: Actor) => is(actor, "cds_officer", "cdt_officer", "analyst"),
  /** `sharedWith`: the units of other entities the mission shares its risk register with now. */
  readMission: (actor: Actor, missionCode: string, sharedWith: readonly string[] = []) =>
    is(actor, "cds_officer") ||
    (is(actor, "analyst") && coversUnit(actor, missionCode)) ||
    (is(actor, "cdt_officer") &&
      (actor.missionCodes.includes(missionCode) || sharedWith.some((unit) => actor.missionCodes.includes(unit)))),
  keep: (actor: Actor, missionCode: string) =>
    is(actor, "cds_officer", "system") || (is(actor, "cdt_officer") && actor.missionCodes.includes(missionCode)),
  /** Whether the UI offers the forms at all (the record's own mission is checked when it is saved). */
  keepsAny: (actor: Actor) => is(actor, "cds_officer") || (is(actor, "cdt_officer") && actor.missionCodes.length > 0),
};

interface TrainingScope {
  missionCode: string | null;
  countryCode: string | null;
}

/**
 * Training: headquarters keeps the course catalogue; a mission's team records in-mission training
 * and its contingents; a State records its national (pre-deployment) training and alone certifies it.
 */
export const trainingPolicy = {
  read: (actor: Actor) => is(actor, "cds_officer", "cdt_officer", "analyst", "member_state_focal_point"),
  manageCourses: (actor: Actor) => is(actor, "cds_officer", "system"),
  keepContingent: (actor: Actor, missionCode: string) => preventionPolicy.keep(actor, missionCode),
  recordSessions: (actor: Actor) => is(actor, "cds_officer", "cdt_officer", "member_state_focal_point"),
  see: (actor: Actor, scope: TrainingScope) =>
    is(actor, "cds_officer", "system") ||
    (is(actor, "analyst") && coversUnit(actor, scope.missionCode)) ||
    (is(actor, "cdt_officer") && scope.missionCode !== null && actor.missionCodes.includes(scope.missionCode)) ||
    (is(actor, "member_state_focal_point") && ownCountry(actor, scope.countryCode)),
  recordSession: (actor: Actor, scope: TrainingScope) =>
    is(actor, "cds_officer", "system") ||
    (is(actor, "cdt_officer") && scope.missionCode !== null && actor.missionCodes.includes(scope.missionCode)) ||
    (is(actor, "member_state_focal_point") && scope.missionCode === null && ownCountry(actor, scope.countryCode)),
  certify: (actor: Actor, scope: TrainingScope) =>
    is(actor, "member_state_focal_point") && scope.missionCode === null && ownCountry(actor, scope.countryCode),
};

/**
 * Patterns in units: read by those who read units (a State its own, by row-level security);
 * decisions on a unit's record (resolution 2272) are headquarters'.
 */
export const unitPatternPolicy = {
  read: (actor: Actor) => trainingPolicy.read(actor),
  decide: (actor: Actor) => is(actor, "cds_officer"),
};

/**
 * Leadership commitments: the mission's team drafts its leaders' plans and tracks the items; the
 * head of mission certifies them; headquarters and analysts read every mission's.
 */
export const leadershipPolicy = {
  read: (actor: Actor) => is(actor, "cds_officer", "analyst", "cdt_officer", "head_of_mission"),
  draft: (actor: Actor, missionCode: string) =>
    is(actor, "cds_officer", "system") || (is(actor, "cdt_officer") && actor.missionCodes.includes(missionCode)),
  /** Whether the actor drafts any mission's plans (the page's button). */
  draftAny: (actor: Actor) => is(actor, "cds_officer", "system", "cdt_officer"),
  certify: (actor: Actor, missionCode: string) =>
    is(actor, "head_of_mission") && actor.missionCodes.includes(missionCode),
};

/** Outreach and complaint networks: kept like other prevention records; a mission's community focal points read them too. */
export const outreachPolicy = {
  read: (actor: Actor) => preventionPolicy.read(actor) || is(actor, "cbcm_focal_point"),
  readMission: (actor: Actor, missionCode: string) =>
    preventionPolicy.readMission(actor, missionCode) ||
    (is(actor, "cbcm_focal_point") && actor.missionCodes.includes(missionCode)),
  keep: (actor: Actor, missionCode: string) => preventionPolicy.keep(actor, missionCode),
};

/** The two-person rule for revealing identities: custodians decide others' requests, never their own. */
export const revealPolicy = {
  decide: (actor: Actor, requestedBy: string) => is(actor, "identity_custodian") && actor.userId !== requestedBy,
  browse: (actor: Actor) => is(actor, "identity_custodian"),
};

/** Striking out a record's content is headquarters' decision; auditors read what was struck out and why. */
export const redactionPolicy = {
  redact: (actor: Actor) => is(actor, "cds_officer"),
  read: (actor: Actor) => is(actor, "cds_officer", "auditor"),
};

/** "My work": the sections each role works on; a role with none has no such page. */
export const workPolicy = {
  sections: (actor: Actor): Record<WorkSection, boolean> => ({
    newMessages: reportPolicy.queue(actor),
    assistanceRequests: victimPolicy.caseload(actor),
    reportsToHandle: reportPolicy.queue(actor),
    overdue: referralPolicy.overdue(actor),
    dueThisWeek: referralPolicy.overdue(actor),
    awaitingReply: referralPolicy.overdue(actor),
    claimsWaiting: paternityPolicy.list(actor),
    revealRequests: revealPolicy.browse(actor),
    toPublish: publicationPolicy.publish(actor),
  }),
  view: (actor: Actor) => Object.values(workPolicy.sections(actor)).some(Boolean),
};

/** The areas of the web app a role sees in its navigation. */
export function navigationFor(actor: Actor) {
  return {
    work: workPolicy.view(actor),
    publish: publicationPolicy.publish(actor),
    reports: reportPolicy.queue(actor),
    overdue: referralPolicy.overdue(actor),
    notifications: actor.userId !== null,
    cases: casePolicy.list(actor),
    figures: figuresPolicy.read(actor),
    importAllegations: publicationPolicy.importAllegations(actor),
    victims: victimPolicy.caseload(actor),
    paternity: paternityPolicy.list(actor),
    trustFund: trustFundPolicy.read(actor),
    screening: screeningPolicy.screen(actor),
    risk: preventionPolicy.read(actor),
    training: trainingPolicy.read(actor),
    units: unitPatternPolicy.read(actor),
    leadership: leadershipPolicy.read(actor),
    afterAction: preventionPolicy.read(actor),
    outreach: outreachPolicy.read(actor),
    goodPractices: goodPracticePolicy.browse(actor),
    accountability: accountabilityPolicy.browse(actor),
    users: userPolicy.manage(actor),
    reference: referencePolicy.manage(actor),
    helpInformation: helpPolicy.keep(actor),
    audit: auditPolicy.browse(actor),
    revealRequests: revealPolicy.browse(actor),
    tokens: tokenPolicy.manageOwn(actor),
  };
}
