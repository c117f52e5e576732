// Every action the audit trail records, declared once: what it is about and the shape of its
// details. Details hold identifiers, codes, counts and field names — never personal data or free
// text, except the reason a person gives for revealing an identity, which the trail exists to keep.
import { z } from "zod";

const id = z.string();
const code = z.string();
const count = z.number();
const day = z.string();
const names = z.array(z.string());
const flag = z.boolean();
const none = z.object({});

/** What an audit event is about; its subject id points into that kind of record. */
export const auditSubjects = [
  "case",
  "report",
  "referral",
  "perpetrator",
  "victim",
  "paternity_claim",
  "service_provider",
  "user",
  "api_token",
  "mission",
  "country",
  "notification",
  "saved_filter",
  "publication",
  "good_practice",
  "commitment",
  "after_action_review",
  "risk_assessment",
  "training",
  "unit",
  "leadership_plan",
  "outreach",
  "screening",
  "screening_entry",
  "trust_fund",
  "reveal_request",
  "assistance_request",
  "help_information",
  "language",
  "sso_rule",
  "entity",
] as const;
export type AuditSubject = (typeof auditSubjects)[number];

const action = <S extends AuditSubject | null, D extends z.ZodObject>(subject: S, details: D) => ({ subject, details });
/** A good practice moving through its review (the steps of good-practices.ts). */
const practiceStep = action("good_practice", z.object({ from: code, to: code }));

export const auditCatalogue = {
  "access.denied": action(null, z.object({ method: z.string(), route: z.string() })),
  "auth.sign_in_password": action("user", none),
  "auth.verify_totp": action("user", none),
  "auth.verify_backup_code": action("user", none),
  "auth.enable_two_factor": action("user", none),
  "auth.sign_out": action("user", none),
  "auth.sign_in_sso": action(
    "user",
    z.object({ provider: code, role: code.optional(), changed: flag.optional(), reason: code.optional() }),
  ),
  "sso_rule.create": action(
    "sso_rule",
    z.object({ provider: code, claim: code, role: code, missionCodes: names, countryCode: code.nullable() }),
  ),
  "sso_rule.delete": action("sso_rule", z.object({ provider: code })),
  "user.create": action("user", z.object({ role: code, missionCodes: names, countryCode: code.nullable() })),
  "user.read": action("user", none),
  "user.update": action("user", z.object({ fields: names })),
  "user.update_preferences": action("user", z.object({ fields: names })),
  "user.reset_two_factor": action("user", none),
  "user.revoke_sessions": action("user", z.object({ sessions: count })),
  "user.set_temporary_password": action("user", none),
  "token.create": action("api_token", z.object({ ownerId: id })),
  "token.revoke": action("api_token", z.object({ ownerId: id })),
  "installation.fact": action(null, z.object({ name: code })),
  "retention.apply": action(
    null,
    z.object({
      unconverted_reports: count,
      evidence_files: count,
      reporter_threads: count,
      closed_case_narratives: count,
    }),
  ),
  "record.redact": action(null, z.object({ field: code, recordId: id, redactionId: id })),
  "audit.browse": action(null, z.object({ results: count })),
  "audit.verify": action(null, z.object({ events: count })),
  "reference.mission.create": action("mission", none),
  "reference.entity.create": action("entity", z.object({ kind: code })),
  "reference.mission.update": action("mission", z.object({ fields: names })),
  "report.submit": action(
    "report",
    z.object({
      channel: code,
      missionCode: code.nullable(),
      organisationCode: code.nullable().optional(),
      route: code.optional(),
      anonymous: flag,
      evidenceFiles: count,
      urgency: code.optional(),
    }),
  ),
  "report.queue.read": action("report", z.object({ shown: count, searched: flag })),
  "victim.informed": action("victim", z.object({ updateId: id, means: code, topics: names, caseId: id.optional() })),
  "assistance.request": action(
    "assistance_request",
    z.object({ caseId: id.nullable(), reportId: id.nullable(), urgency: code, needs: names }),
  ),
  "assistance.list": action("assistance_request", z.object({ shown: count })),
  "assistance.take": action("assistance_request", none),
  "report.follow_up": action("report", none),
  "report.message": action("report", z.object({ fromReporter: flag })),
  "report.read": action("report", none),
  "report.evidence.read": action("report", z.object({ fileId: id })),
  "report.link": action("report", z.object({ caseId: id })),
  "report.hand_to_mission": action("report", z.object({ missionCode: code.nullable() })),
  "case.hand_to_mission": action("case", z.object({ fromReport: id })),
  "case.create": action(
    "case",
    z.object({ fromReport: id.optional(), originCaseId: id.optional(), source: z.literal("demo").optional() }),
  ),
  "case.read": action("case", z.object({ narrative: flag })),
  "case.update": action("case", z.object({ changed: names })),
  "case.transition": action("case", z.object({ transition: code, from: code, to: code })),
  "case.assign": action("case", z.object({ userIds: names })),
  "case.note": action("case", z.object({ noteId: id })),
  "case.notes.read": action("case", none),
  "case.export": action("case", z.object({ format: code, filter: names, rows: count })),
  "case.enforcement.read": action("case", none),
  "case.refer": action("case", z.object({ referralId: id, entity: code, countryCode: code.nullable() })),
  "case.document.attach": action(
    "case",
    z.object({
      documentId: id,
      kind: code,
      version: count,
      referralId: id.optional(),
      investigationId: id.optional(),
      contentType: code,
      sizeBytes: count,
      sha256: code,
    }),
  ),
  "case.note_verbale.issue": action(
    "case",
    z.object({ documentId: id, referralId: id, number: code, template: code, language: code, sha256: code }),
  ),
  "case.document.read": action("case", z.object({ documentId: id, format: code, referralId: id.optional() })),
  "case.summary.print": action("case", z.object({ language: code, narrative: flag })),
  "case.figures.read": action(null, z.object({ by: code, filter: names })),
  "case.documents.read": action("case", z.object({ shown: count, referralId: id.optional() })),
  "case.publish": action("case", z.object({ caseIds: names, requested: count })),
  "case.withdraw": action("case", z.object({ caseIds: names, requested: count })),
  "saved_filter.save": action("saved_filter", none),
  "saved_filter.delete": action("saved_filter", none),
  "referral.reply": action("referral", z.object({ caseId: id, reply: code, nioAppointed: flag })),
  "perpetrator.add": action("case", z.object({ perpetratorId: id, code, identityRecorded: flag })),
  "perpetrator.identity.reveal": action(
    "perpetrator",
    z.object({ caseId: id, reason: z.string(), approvalId: id.optional() }),
  ),
  "investigation.open": action("case", z.object({ investigationId: id, entity: code, countryCode: code.nullable() })),
  "investigation.update": action(
    "case",
    z.object({ investigationId: id, changed: names.optional(), progressReport: id.optional() }),
  ),
  "investigation.extend": action(
    "case",
    z.object({
      investigationId: id.optional(),
      referralId: id.optional(),
      previousDueOn: day,
      newDueOn: day,
      days: count,
      reason: z.string(),
    }),
  ),
  "finding.record": action("case", z.object({ investigationId: id, perpetratorId: id, code, finding: code })),
  "action.record": action(
    "case",
    z.object({ actionId: id, perpetratorCode: code, stage: code, takenBy: code, kind: code }),
  ),
  "notification.read": action("notification", z.object({ marked: count })),
  "reminders.create": action("notification", z.object({ created: count })),
  "reminders.email": action("notification", z.object({ sent: count, retrying: count, failed: count })),
  "publication.import": action(
    "case",
    z.object({ rows: count, created: count, unchanged: count, rejected: count, sourceFile: z.string().nullable() }),
  ),
  "publication.export": action("publication", z.object({ format: code, rows: count })),
  "good_practice.create": action("good_practice", none),
  "good_practice.update": action("good_practice", none),
  "good_practice.submit": practiceStep,
  "good_practice.publish": practiceStep,
  "good_practice.return": practiceStep,
  "good_practice.withdraw": practiceStep,
  "good_practice.file_add": action(
    "good_practice",
    z.object({ fileId: id, contentType: code, sizeBytes: count, sha256: code }),
  ),
  "good_practice.file_remove": action("good_practice", z.object({ fileId: id })),
  "language.save": action("language", z.object({ reviewed: flag, keys: count, version: count })),
  "help.update": action(
    "help_information",
    z.object({ scope: code, version: count, contacts: count, languages: names }),
  ),
  "commitment.record": action("commitment", z.object({ kind: code, countryCode: code })),
  "commitment.remove": action("commitment", z.object({ kind: code, countryCode: code, joinedOn: day.nullable() })),
  "accountability.view": action("country", none),
  "accountability.compare": action("country", z.object({ countries: count })),
  "accountability.missions": action("mission", z.object({ missions: count })),
  "victim.register": action("victim", z.object({ code, caseId: id.nullable() })),
  "victim.read": action("victim", z.object({ code })),
  "victim.update": action("victim", z.object({ fields: names })),
  "victim.consent": action("victim", z.object({ recipient: code, granted: flag })),
  "victim.identity.reveal": action(
    "victim",
    z.object({ code, purpose: code, reason: z.string(), approvalId: id.optional() }),
  ),
  "identity.reveal.request": action(
    "reveal_request",
    z.object({ subjectType: code, subjectId: id, reason: z.string() }),
  ),
  "identity.reveal.decide": action("reveal_request", z.object({ decision: code, requestedBy: id })),
  "victim.link_case": action("victim", z.object({ caseId: id })),
  "victim.assessment": action("victim", z.object({ assessmentId: id, needs: names })),
  "victim.referral": action(
    "victim",
    z.object({ referralId: id, providerId: id, serviceType: code, identityShared: flag }),
  ),
  "victim.referral.update": action("victim", z.object({ referralId: id, from: code, to: code, fields: names })),
  "victim.referral.follow_up": action("victim", z.object({ referralId: id, followUpId: id })),
  "victim.child": action("victim", z.object({ childId: id, code })),
  "service_provider.add": action("service_provider", z.object({ missionCode: code })),
  "service_provider.update": action("service_provider", z.object({ fields: names })),
  "paternity.open": action(
    "paternity_claim",
    z.object({ victimCode: code, caseId: id.nullable(), countryCode: code, focalPointsNotified: count }),
  ),
  "paternity.read": action("paternity_claim", none),
  "paternity.update": action("paternity_claim", z.object({ fields: names })),
  "paternity.sample": action("paternity_claim", z.object({ sampleId: id, donor: code })),
  "paternity.custody": action("paternity_claim", z.object({ sampleId: id, eventId: id, kind: code })),
  "paternity.payment": action("paternity_claim", z.object({ paidOn: day })),
  "trust_fund.contribution": action(
    "trust_fund",
    z.object({ countryCode: code.nullable(), amount: count, currency: code, caseActionId: id.nullable() }),
  ),
  "trust_fund.project": action("trust_fund", z.object({ missionCode: code, budget: count, currency: code })),
  "trust_fund.beneficiaries": action("trust_fund", z.object({ category: code, people: count })),
  "screening.secret.create": action("screening", none),
  "screening.entry.add": action("screening_entry", z.object({ reason: code, caseId: id.nullable(), keys: count })),
  "screening.run": action("screening", z.object({ candidates: count, result: code })),
  "screening.batch": action("screening", z.object({ candidates: count, matches: count, possibleMatches: count })),
  "risk.assess": action(
    "risk_assessment",
    z.object({ missionCode: code, factors: count, mitigations: count, level: code }),
  ),
  "risk.mitigation.add": action("risk_assessment", z.object({ mitigationId: id, dueOn: day })),
  "risk.mitigation.complete": action("risk_assessment", z.object({ mitigationId: id, completedOn: day })),
  "risk.report": action("risk_assessment", z.object({ missionCode: code, quarter: code, format: code })),
  "training.course.add": action("training", z.object({ code, kind: code })),
  "training.contingent.add": action("training", z.object({ missionCode: code, countryCode: code, strength: count })),
  "command.leaders.read": action(null, z.object({ units: count, leaders: count })),
  "command.leader.add": action("unit", z.object({ leaderId: id, post: code })),
  "command.perpetrator.unit": action("perpetrator", z.object({ caseId: id, contingentId: id.nullable() })),
  "command.case.read": action("case", z.object({ units: count })),
  // The unit's State rides along, so a State's view of the case history leaves out another State's unit.
  "command.duties.record": action(
    "case",
    z.object({ contingentId: id, countryCode: code, duties: z.array(code), failed: z.array(code) }),
  ),
  // The person's State rides along, so another State's focal point never reads the event.
  "proceeding.record": action(
    "case",
    z.object({ proceedingId: id, perpetratorCode: code, countryCode: code, kind: code, venue: code, verdict: code }),
  ),
  "proceeding.update": action(
    "case",
    z.object({ proceedingId: id, perpetratorCode: code, countryCode: code, kind: code, venue: code, verdict: code }),
  ),
  "proceeding.read": action("case", z.object({})),
  // The unit's State rides along, so another State's focal point never reads the event.
  "command.leader.allege": action("case", z.object({ caseId: id, contingentId: id, countryCode: code, post: code })),
  "command.unit.decide": action(
    "unit",
    z.object({ decisionId: id, decision: code, decidedOn: day, missionCode: code, countryCode: code }),
  ),
  "leadership.plan.create": action("leadership_plan", z.object({ missionCode: code, year: count, post: code })),
  "leadership.commitment.add": action("leadership_plan", z.object({ commitmentId: id, dueOn: day })),
  "leadership.commitment.update": action("leadership_plan", z.object({ commitmentId: id, status: code })),
  "leadership.plan.certify": action(
    "leadership_plan",
    z.object({ missionCode: code, year: count, post: code, items: count }),
  ),
  "training.session.record": action(
    "training",
    z.object({
      course: code,
      missionCode: code.nullable(),
      countryCode: code.nullable(),
      contingentId: id.nullable(),
      completions: count,
    }),
  ),
  "training.certify": action("training", z.object({ contingentId: id.nullable(), countryCode: code.nullable() })),
  "training.attendance.import": action("training", z.object({ rows: count, completions: count, rejected: count })),
  "after_action.record": action("after_action_review", z.object({ missionCode: code, cases: count, actions: count })),
  "after_action.read": action("after_action_review", none),
  "after_action.action.add": action("after_action_review", z.object({ actionId: id, dueOn: day })),
  "after_action.action.complete": action("after_action_review", z.object({ actionId: id, completedOn: day })),
  "outreach.record": action("outreach", z.object({ missionCode: code, people: count })),
  "cbcm.network.add": action("outreach", z.object({ missionCode: code })),
  "cbcm.member.add": action("outreach", z.object({ memberId: id, kind: code, linkedAccount: flag })),
};

export type AuditAction = keyof typeof auditCatalogue;
export const auditActions = Object.keys(auditCatalogue) as AuditAction[];
export type AuditDetails<A extends AuditAction> = z.input<(typeof auditCatalogue)[A]["details"]>;
export type AuditSubjectOf<A extends AuditAction> = NonNullable<(typeof auditCatalogue)[A]["subject"]>;
export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(auditCatalogue, value);
