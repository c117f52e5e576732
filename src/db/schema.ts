// Drizzle schema: the tables of Conduct Ledger. Row-level security, roles and grants live in
// the hand-written SQL migrations beside this file, since drizzle-kit does not express them.
import { sql } from "drizzle-orm";
import type { CountryStanding } from "../domain/reference/countries.js";
import {
  bigint,
  check,
  customType,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** PostgreSQL full-text document; written by SQL (to_tsvector), never read by the app. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** The columns every share with a unit of another entity has (one UN): with whom, by whom, since and until when. */
const unitShareColumns = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  unitCode: text("unit_code")
    .notNull()
    .references(() => missions.code),
  sharedBy: text("shared_by"),
  sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
  endedAt: timestamp("ended_at", { withTimezone: true }),
  endedBy: text("ended_by"),
});
/** The case a record belongs to; it goes with the case. */
const caseIdColumn = () =>
  uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" });

// ---- Authentication (better-auth's tables; field keys are better-auth's names) ----
export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_user_id_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("account_user_id_idx").on(t.userId)],
);

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const twoFactor = pgTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    verified: boolean("verified").notNull().default(true),
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("two_factor_user_id_idx").on(t.userId)],
);

export const rateLimit = pgTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

// ---- Staff: role and need-to-know scope of each account ----
export const staffProfiles = pgTable("staff_profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  role: text("role").notNull(),
  missionCodes: text("mission_codes").array().notNull().default(sql`'{}'::text[]`),
  /** Entities whose every unit, current and future, is in scope (conduct_scope_units adds them to the missions). */
  entityCodes: text("entity_codes").array().notNull().default(sql`'{}'::text[]`),
  countryCode: text("country_code"),
  language: text("language").notNull().default("en"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  /** The identity provider that made and keeps this account (its role follows the provider's claims); null: a local account. */
  ssoProvider: text("sso_provider"),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * How an identity provider's claims give a role and scope: the first rule, by position, whose claim
 * holds its value decides, at every sign-in (src/domain/sso.ts).
 */
export const ssoRules = pgTable(
  "sso_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: text("provider_id").notNull(),
    /** A claim of the ID token or user info, dotted for a nested one (`realm_access.roles`). */
    claim: text("claim").notNull(),
    value: text("value").notNull(),
    role: text("role").notNull(),
    missionCodes: text("mission_codes").array().notNull().default(sql`'{}'::text[]`),
    entityCodes: text("entity_codes").array().notNull().default(sql`'{}'::text[]`),
    countryCode: text("country_code"),
    position: integer("position").notNull(),
    createdBy: text("created_by").references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [unique("sso_rules_position_unique").on(t.providerId, t.position)],
);

// Repeated sign-in failures per account, for temporary lockout (shared by all instances).
export const signInFailures = pgTable("sign_in_failures", {
  emailHash: text("email_hash").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Failed sign-ins from one client address (a keyed hash of it), counted over a window, across instances. */
export const signInAddressFailures = pgTable("sign_in_address_failures", {
  addressHash: text("address_hash").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
});

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_id_idx").on(t.userId)],
);

// ---- Reference data ----
// A mission is one kind of organisational unit; other UN entities join as other kinds.
/** The UN system's entities whose units keep records here (src/domain/reference/entities.ts). */
export const unEntities = pgTable("un_entities", {
  code: text("code").primaryKey(),
  kind: text("kind").notNull(),
  /** Its English name; the six languages' come from the vocabulary for the seeded entities. */
  name: text("name").notNull(),
  /** An implementing partner's UN entity: the one whose programmes it carries out. */
  partnerOf: text("partner_of"),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

export const missions = pgTable("missions", {
  code: text("code").primaryKey(),
  /** The entity the unit belongs to: DPO for a peacekeeping operation, UNICEF for its country office. */
  entityCode: text("entity_code")
    .notNull()
    .references(() => unEntities.code),
  name: text("name").notNull(),
  nameFr: text("name_fr"),
  kind: text("kind").notNull(),
  hostCountryCode: text("host_country_code"),
  location: text("location"),
  startYear: integer("start_year").notNull(),
  endYear: integer("end_year"),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

export const countries = pgTable("countries", {
  code: text("code").primaryKey(),
  alpha2: text("alpha2").notNull(),
  names: jsonb("names").$type<Record<string, string>>().notNull(),
  /** The UN's M49 code ("288" for Ghana). */
  m49: text("m49"),
  /** member, observer (the States people pick as nationalities) or territory (kept for records that name one). */
  standing: text("standing").$type<CountryStanding>().notNull().default("territory"),
  /** Other ways the name is written (formal names, former names), folded, for imports. */
  variants: text("variants").array().notNull().default(sql`'{}'::text[]`),
});

export const personnelCategories = pgTable("personnel_categories", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  uniformed: boolean("uniformed").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const allegationTypes = pgTable("allegation_types", {
  code: text("code").primaryKey(),
  kind: text("kind").notNull(),
  label: text("label").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const misconductTypes = pgTable(
  "misconduct_types",
  {
    code: text("code").primaryKey(),
    level: text("level").notNull(),
    thematicArea: text("thematic_area").notNull(),
    label: text("label").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [index("misconduct_types_area_idx").on(t.thematicArea)],
);

// ---- Cases (the allegation record; enforcement grows it) ----
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    status: text("status").notNull().default("received"),
    dateReported: date("date_reported").notNull(),
    dateOfIncident: date("date_of_incident"),
    categoryCodes: text("category_codes").array().notNull().default(sql`'{}'::text[]`),
    nationalityCodes: text("nationality_codes").array().notNull().default(sql`'{}'::text[]`),
    allegationCodes: text("allegation_codes").array().notNull().default(sql`'{}'::text[]`),
    narrativeEncrypted: text("narrative_encrypted"),
    /** A confidential narrative stays out of full-text search: only its ciphertext is stored. */
    narrativeConfidential: boolean("narrative_confidential").notNull().default(false),
    /** Urgent cases are investigated on the shorter clock (3 months by default). */
    urgent: boolean("urgent").notNull().default(false),
    /** Built from a report its reporter sent past the mission: its team does not see it until headquarters hands it over. */
    headquartersOnly: boolean("headquarters_only").notNull().default(false),
    victimsWomen: integer("victims_women").notNull().default(0),
    victimsGirls: integer("victims_girls").notNull().default(0),
    victimsBoys: integer("victims_boys").notNull().default(0),
    victimsMen: integer("victims_men").notNull().default(0),
    victimsUnknown: integer("victims_unknown").notNull().default(0),
    paternityClaim: boolean("paternity_claim").notNull().default(false),
    /** Where it happened, as reported ("Goma, Katindo camp"): encrypted like the report's place. */
    placeEncrypted: text("place_encrypted"),
    /** The location of the mission's risk register it happened at or near, when one applies. */
    riskLocation: text("risk_location"),
    /** Whether children are involved (yes, no, unknown) before the victims are counted by group. */
    childrenInvolved: text("children_involved").notNull().default("unknown"),
    /**
     * The (category, nationality) pairs the case counts as allegations, "MIL_MC:GHA": its alleged
     * perpetrators' own pairs (kept by a trigger), or the rows an imported allegation was published in.
     * Empty: categories crossed with nationalities, as the case's lists say.
     */
    allegationPairs: text("allegation_pairs").array().notNull().default(sql`'{}'::text[]`),
    /** The finding that speaks for the case (the first in src/domain/system-wide.ts, systemWideStatuses), kept by a trigger on findings. */
    findingOutcome: text("finding_outcome"),
    /** Lexemes of the non-confidential narrative and the officers' notes, English and French stemming. */
    searchVector: tsvector("search_vector"),
    /** Released for public statistics by a publisher (who and when); nothing unpublished is public. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("cases_mission_idx").on(t.missionCode, t.dateReported),
    index("cases_date_idx").on(t.dateReported, t.reference),
    index("cases_status_idx").on(t.status, t.dateReported),
    index("cases_nationality_idx").using("gin", t.nationalityCodes),
    index("cases_category_idx").using("gin", t.categoryCodes),
    index("cases_allegation_idx").using("gin", t.allegationCodes),
    index("cases_search_idx").using("gin", t.searchVector),
    index("cases_published_idx").on(t.publishedAt),
    // A search by case number is a prefix of it, in capitals (the list's "reference" condition).
    index("cases_reference_prefix_idx").using("btree", sql`upper(${t.reference}) text_pattern_ops`),
  ],
);

/**
 * A case's nationalities, one row each, kept from `cases.nationality_codes` by a trigger. The app
 * role reads a case's nationalities only here: row-level security shows a Member State its own
 * nationals and nothing of another State's (the array itself is not granted to the app role).
 */
export const caseNationalities = pgTable(
  "case_nationalities",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    nationalityCode: text("nationality_code").notNull(),
    /** The nationality's place in the case's own list, so a reader sees them in the recorded order. */
    position: integer("position").notNull(),
    /** The case's scope, copied so the row's own policy decides without reading the case again. */
    missionCode: text("mission_code").notNull(),
    headquartersOnly: boolean("headquarters_only").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.nationalityCode] }),
    index("case_nationalities_code_idx").on(t.nationalityCode, t.caseId),
  ],
);

// ---- Enforcement: who is implicated, the investigations, findings and actions ----
/** An alleged perpetrator: a pseudonymous code for everyone in scope; identity encrypted. */
export const perpetrators = pgTable(
  "perpetrators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    code: text("code").notNull(),
    categoryCode: text("category_code").notNull(),
    nationalityCode: text("nationality_code"),
    unit: text("unit"),
    /** The unit (a contingent's rotation) the person served in at the time of the incident. */
    contingentId: uuid("contingent_id").references(() => contingents.id),
    /** JSON of name, rank, index/service number: revealed only with a reason, and audited. */
    identityEncrypted: text("identity_encrypted"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("perpetrators_code_idx").on(t.caseId, t.code),
    // A unit's allegations are recounted from its people when one of them changes.
    index("perpetrators_unit_idx").on(t.contingentId),
  ],
);

export const investigations = pgTable(
  "investigations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    entity: text("entity").notNull(),
    /** The State whose National Investigation Officer investigates (NIO and joint investigations). */
    countryCode: text("country_code"),
    investigators: text("investigators"),
    startedOn: date("started_on").notNull(),
    dueOn: date("due_on").notNull(),
    deadlineKind: text("deadline_kind").notNull(),
    policyVersion: text("policy_version").notNull(),
    completedOn: date("completed_on"),
    reportReceivedOn: date("report_received_on"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("investigations_case_idx").on(t.caseId), index("investigations_due_idx").on(t.dueOn)],
);

/** Progress an investigating entity (often a Member State's NIO) reports along the way. */
export const investigationUpdates = pgTable(
  "investigation_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    investigationId: uuid("investigation_id")
      .notNull()
      .references(() => investigations.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").notNull(),
    note: text("note").notNull(),
    authorId: text("author_id").references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index("investigation_updates_idx").on(t.investigationId, t.createdAt)],
);

export const deadlineExtensions = pgTable(
  "deadline_extensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull(),
    investigationId: uuid("investigation_id").references(() => investigations.id, { onDelete: "cascade" }),
    referralId: uuid("referral_id").references(() => referrals.id, { onDelete: "cascade" }),
    previousDueOn: date("previous_due_on").notNull(),
    newDueOn: date("new_due_on").notNull(),
    days: integer("days").notNull(),
    reason: text("reason").notNull(),
    grantedBy: text("granted_by").references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("deadline_extensions_one_subject", sql`num_nonnulls(${t.investigationId}, ${t.referralId}) = 1`),
    index("deadline_extensions_case_idx").on(t.caseId),
  ],
);

/** One finding per alleged perpetrator and investigation. */
export const findings = pgTable(
  "findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull(),
    investigationId: uuid("investigation_id")
      .notNull()
      .references(() => investigations.id, { onDelete: "cascade" }),
    perpetratorId: uuid("perpetrator_id")
      .notNull()
      .references(() => perpetrators.id, { onDelete: "cascade" }),
    finding: text("finding").notNull(),
    recordedOn: date("recorded_on").notNull(),
    recordedBy: text("recorded_by").references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("findings_per_perpetrator_idx").on(t.investigationId, t.perpetratorId)],
);

/** Interim (any time) and final (after a finding) actions per perpetrator, by the UN or the Member State. */
export const caseActions = pgTable(
  "case_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    perpetratorId: uuid("perpetrator_id")
      .notNull()
      .references(() => perpetrators.id, { onDelete: "cascade" }),
    stage: text("stage").notNull(),
    takenBy: text("taken_by").notNull(),
    kind: text("kind").notNull(),
    decidedOn: date("decided_on").notNull(),
    /** Payment suspensions and fines; withheld amounts go to the Trust Fund. */
    amount: integer("amount"),
    currency: text("currency"),
    months: integer("months"),
    details: text("details"),
    recordedBy: text("recorded_by").references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_actions_case_idx").on(t.caseId)],
);

/** Officers' working notes on a case: searchable, never shown to Member States. */
export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_notes_case_idx").on(t.caseId, t.createdAt)],
);

export const savedFilters = pgTable(
  "saved_filters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: jsonb("query").$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("saved_filters_name_idx").on(t.userId, t.name)],
);

/**
 * In-app notifications, which are also the email outbox. The dedupe key makes a reminder exist once
 * however many instances sweep; the email claim makes one instance send it.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    dedupeKey: text("dedupe_key").notNull(),
    kind: text("kind").notNull(),
    caseId: uuid("case_id"),
    caseReference: text("case_reference"),
    /** Where a reminder that is not about a case leads in the web app (e.g. a risk assessment). */
    subjectPath: text("subject_path"),
    dueOn: date("due_on"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailStatus: text("email_status").notNull().default("pending"),
    emailClaimedAt: timestamp("email_claimed_at", { withTimezone: true }),
    emailSentAt: timestamp("email_sent_at", { withTimezone: true }),
    emailAttempts: integer("email_attempts").notNull().default(0),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_idx").on(t.userId, t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_outbox_idx").on(t.emailStatus, t.createdAt),
  ],
);

export const caseAssignments = pgTable(
  "case_assignments",
  {
    caseId: caseIdColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    assignedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index("case_assignments_user_idx").on(t.userId)],
);

/**
 * A case shared with a unit of another entity (one UN): an explicit, audited referral by the case's
 * managers. While it lasts, that unit's conduct and victim-assistance staff read the case and add
 * notes; the unit that holds it still decides everything else.
 */
export const caseShares = pgTable(
  "case_shares",
  {
    ...unitShareColumns(),
    caseId: caseIdColumn(),
    /** Why the unit needs the case (assisting a child, a joint inquiry): read by both sides and the auditors. */
    reason: text("reason").notNull(),
  },
  (t) => [index("case_shares_case_idx").on(t.caseId), index("case_shares_unit_idx").on(t.unitCode)],
);

// Per-mission, per-year counters for readable case numbers (MONUSCO-2026-0042).
export const caseNumberCounters = pgTable(
  "case_number_counters",
  {
    missionCode: text("mission_code").notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionCode, t.year] })],
);

// ---- Facts about this installation (e.g. that it holds invented demo data) ----
export const installationFacts = pgTable("installation_facts", {
  name: text("name").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

// ---- Encryption: data keys wrapped by the master key ----
export const dataKeys = pgTable("data_keys", {
  id: serial("id").primaryKey(),
  wrappedKey: text("wrapped_key").notNull(),
  isCurrent: boolean("is_current").notNull().default(false),
  createdAt: createdAt(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});

// ---- Idempotency: the first result of a retried state-changing request ----
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    /** 0 while the first request is still being answered. */
    statusCode: integer("status_code").notNull(),
    /** The first answer, sealed: it can hold a receipt, an API token or a one-time password. */
    responseEncrypted: text("response_encrypted"),
    /** What the first request asked (a hash of its body), so that a key reused for another request is refused. */
    requestHash: text("request_hash"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// ---- Audit trail: append-only and hash-chained ----
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    outcome: text("outcome").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_action_idx").on(t.action),
    uniqueIndex("audit_events_hash_idx").on(t.hash),
  ],
);

// ---- Reports: what people report, before (and after) it becomes part of a case ----
// Nothing here identifies the reporter's device: no IP address, no user agent.
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null when the reporter did not know the mission: the headquarters queue takes it. */
    missionCode: text("mission_code").references(() => missions.code),
    /** The organisation the reporter says the people work for (null: they did not know). */
    organisationCode: text("organisation_code").references(() => unEntities.code),
    channel: text("channel").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    language: text("language").notNull(),
    whatHappenedEncrypted: text("what_happened_encrypted").notNull(),
    placeEncrypted: text("place_encrypted"),
    incidentDate: date("incident_date"),
    personnelCategoryCodes: text("personnel_category_codes").array().notNull().default(sql`'{}'::text[]`),
    nationalityCodes: text("nationality_codes").array().notNull().default(sql`'{}'::text[]`),
    involvedEncrypted: text("involved_encrypted"),
    childrenInvolved: text("children_involved").notNull(),
    /** What the report is about as the reporter says (sea, other_misconduct, unknown): src/domain/triage.ts. */
    kind: text("kind").notNull().default("unknown"),
    /** Whether someone is in danger now (yes, no, unknown), and the needs named at intake. */
    immediateDanger: text("immediate_danger").notNull().default("unknown"),
    needs: text("needs").array().notNull().default(sql`'{}'::text[]`),
    /** urgent, priority or routine, from the answers above when the report was received. */
    urgency: text("urgency").notNull().default("routine"),
    reporterIsVictim: text("reporter_is_victim").notNull(),
    anonymous: boolean("anonymous").notNull(),
    reporterContactEncrypted: text("reporter_contact_encrypted"),
    /** Who the reporter chose to receive it (mission, headquarters, unknown): src/domain/triage.ts. */
    route: text("route").notNull().default("unknown"),
    /** Hidden from the mission's team until headquarters hands it over (the reporter chose headquarters). */
    headquartersOnly: boolean("headquarters_only").notNull().default(false),
    receiptHash: text("receipt_hash").notNull().unique(),
    submittedBy: text("submitted_by").references(() => user.id),
    caseId: uuid("case_id").references(() => cases.id),
    /** When the reporter last wrote; later than a person's read mark, the report is unread for them. */
    lastReporterMessageAt: timestamp("last_reporter_message_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("reports_queue_idx").on(t.missionCode, t.receivedAt), index("reports_case_idx").on(t.caseId)],
);

/** When each person last read a report's thread: "new message" is per person, cleared by reading. */
export const reportReads = pgTable(
  "report_reads",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.userId] })],
);

/** Photos, documents and recordings sent with a report: name and content encrypted, type checked by content. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    fileNameEncrypted: text("file_name_encrypted").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** SHA-256 of the original bytes, so an officer can show the file was not altered. */
    sha256: text("sha256").notNull(),
    contentEncrypted: text("content_encrypted").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("evidence_files_report_idx").on(t.reportId)],
);

export const reportMessages = pgTable(
  "report_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    fromReporter: boolean("from_reporter").notNull(),
    authorId: text("author_id").references(() => user.id),
    bodyEncrypted: text("body_encrypted").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("report_messages_report_idx").on(t.reportId, t.createdAt)],
);

// ---- Referrals: to OIOS, a contributing State (by note verbale), the mission's unit or a commander ----
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    entity: text("entity").notNull(),
    countryCode: text("country_code"),
    noteVerbaleReference: text("note_verbale_reference"),
    sentOn: date("sent_on").notNull(),
    /** When the State's reply is due, under the deadline policy in force on sentOn. */
    replyDueOn: date("reply_due_on"),
    policyVersion: text("policy_version"),
    reply: text("reply"),
    repliedOn: date("replied_on"),
    nioName: text("nio_name"),
    nioAppointedOn: date("nio_appointed_on"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("referrals_case_idx").on(t.caseId), index("referrals_due_idx").on(t.replyDueOn)],
);

/**
 * A case's documents: notes verbales (written here from a template, or sent elsewhere and attached),
 * a State's or OIOS's replies, investigation reports. Encrypted, each version kept: a new version
 * shares its series and never replaces the bytes of the last.
 */
export const caseDocuments = pgTable(
  "case_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    referralId: uuid("referral_id").references(() => referrals.id),
    investigationId: uuid("investigation_id").references(() => investigations.id),
    seriesId: uuid("series_id").notNull(),
    version: integer("version").notNull().default(1),
    kind: text("kind").notNull(),
    fileNameEncrypted: text("file_name_encrypted").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** SHA-256 of the file (or of the written letter), so anyone can show it was not altered. */
    sha256: text("sha256").notNull(),
    /** An attached file's bytes; null for a note verbale written here, kept as its letter. */
    contentEncrypted: text("content_encrypted"),
    /** A note verbale written here: its words, from which its PDF and DOCX are made. */
    letterEncrypted: text("letter_encrypted"),
    number: text("number"),
    template: text("template"),
    language: text("language"),
    /** When it was sent (outgoing) or received (incoming). */
    datedOn: date("dated_on").notNull(),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_documents_case_idx").on(t.caseId),
    index("case_documents_referral_idx").on(t.referralId),
    uniqueIndex("case_documents_series_version_idx").on(t.seriesId, t.version),
    uniqueIndex("case_documents_number_idx").on(t.number),
  ],
);

/** The last number given in each series and year ("NV/2026/0007"), so numbers never repeat. */
export const documentNumbers = pgTable(
  "document_numbers",
  {
    series: text("series").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);

// ---- Good practices shared by Member States (draft → submitted → published, or returned) ----
export const goodPractices = pgTable(
  "good_practices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull().unique(),
    summary: text("summary"),
    area: text("area").notNull(),
    theme: text("theme").notNull(),
    countryCodes: text("country_codes").array().notNull().default(sql`'{}'::text[]`),
    /** Who shared it when it is not a State (e.g. the Trust Fund). */
    contributor: text("contributor"),
    eventTitle: text("event_title"),
    eventDate: date("event_date"),
    links: text("links").array().notNull().default(sql`'{}'::text[]`),
    status: text("status").notNull().default("draft"),
    reviewComment: text("review_comment"),
    submittedBy: text("submitted_by").references(() => user.id),
    reviewedBy: text("reviewed_by").references(() => user.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("good_practices_status_idx").on(t.status, t.area),
    index("good_practices_countries_idx").using("gin", t.countryCodes),
  ],
);

/** A document or picture shared with a practice (a guideline, a training deck): public once the practice is. */
export const goodPracticeFiles = pgTable(
  "good_practice_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => goodPractices.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: text("uploaded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("good_practice_files_practice_idx").on(t.practiceId)],
);

// ---- Victim assistance: pseudonymous records; identity, contact, location, caregiver encrypted ----
/** A victim: the code is what everyone in scope sees; who they are is revealed only with a reason. */
export const victims = pgTable(
  "victims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    sex: text("sex").notNull(),
    ageGroup: text("age_group").notNull(),
    ageAtIncident: integer("age_at_incident"),
    /** JSON of name, other names, date of birth. */
    identityEncrypted: text("identity_encrypted"),
    contactEncrypted: text("contact_encrypted"),
    locationEncrypted: text("location_encrypted"),
    caregiverEncrypted: text("caregiver_encrypted"),
    registeredBy: text("registered_by"),
    /** The earliest date something is due for this victim (follow-up, review, missing consent or assessment): the caseload's order. */
    nextActionOn: date("next_action_on"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("victims_next_action_idx").on(t.nextActionOn, t.code)],
);

const victimIdColumn = () =>
  uuid("victim_id")
    .notNull()
    .references(() => victims.id);

/**
 * A request from an officer that victim assistance see a victim now, from a case or from a report not
 * yet in one: its urgency and needs travel with it; an advocate takes it up (and may link the victim).
 */
export const assistanceRequests = pgTable(
  "assistance_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    caseId: uuid("case_id").references(() => cases.id),
    reportId: uuid("report_id").references(() => reports.id, { onDelete: "set null" }),
    urgency: text("urgency").notNull(),
    needs: text("needs").array().notNull().default(sql`'{}'::text[]`),
    /** What the advocate should know (how to reach the person safely…): encrypted. */
    noteEncrypted: text("note_encrypted"),
    requestedBy: text("requested_by").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    takenBy: text("taken_by"),
    takenAt: timestamp("taken_at", { withTimezone: true }),
  },
  (t) => [index("assistance_requests_mission_idx").on(t.missionCode, t.takenAt)],
);

/** The cases a victim is linked to; assistance needs none (GA resolution 62/214). */
export const victimCases = pgTable(
  "victim_cases",
  {
    victimId: victimIdColumn(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    linkedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.victimId, t.caseId] }), index("victim_cases_case_idx").on(t.caseId)],
);

/** What the victim agreed may be shared, with whom; the latest entry per recipient is in force. */
export const victimConsents = pgTable(
  "victim_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    victimId: victimIdColumn(),
    recipient: text("recipient").notNull(),
    granted: boolean("granted").notNull(),
    givenOn: date("given_on").notNull(),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("victim_consents_victim_idx").on(t.victimId)],
);

/**
 * A victim's record shared with a unit of another entity (a child referred to UNICEF's office), with
 * the consent that allows it: its victim-assistance staff work on the record while the share lasts.
 */
export const victimShares = pgTable(
  "victim_shares",
  {
    ...unitShareColumns(),
    victimId: victimIdColumn(),
    /** Who consented: the victim, or for a child their caregiver. */
    consentBy: text("consent_by").notNull(),
    consentOn: date("consent_on").notNull(),
  },
  (t) => [index("victim_shares_victim_idx").on(t.victimId), index("victim_shares_unit_idx").on(t.unitCode)],
);

/** A needs assessment and the assistance plan drawn from it (the plan's text is encrypted). */
export const needsAssessments = pgTable(
  "needs_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    victimId: victimIdColumn(),
    assessedOn: date("assessed_on").notNull(),
    needs: text("needs").array().notNull(),
    planEncrypted: text("plan_encrypted"),
    reviewOn: date("review_on"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("needs_assessments_victim_idx").on(t.victimId)],
);

/** Children born as a result of SEA, with their mother's or caregiver's record. */
export const victimChildren = pgTable(
  "victim_children",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    victimId: victimIdColumn(),
    code: text("code").notNull().unique(),
    sex: text("sex").notNull(),
    birthYear: integer("birth_year"),
    /** JSON of name and date of birth. */
    identityEncrypted: text("identity_encrypted"),
    createdAt: createdAt(),
  },
  (t) => [index("victim_children_victim_idx").on(t.victimId)],
);

/** Organisations that give medical, psychosocial, legal and other help in a mission area. */
export const serviceProviders = pgTable(
  "service_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    name: text("name").notNull(),
    serviceTypes: text("service_types").array().notNull(),
    location: text("location"),
    contact: text("contact"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("service_providers_mission_idx").on(t.missionCode)],
);

/** A referral of a victim (or their child) to a service provider, followed until closed. */
export const assistanceReferrals = pgTable(
  "assistance_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    victimId: victimIdColumn(),
    childId: uuid("child_id").references(() => victimChildren.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => serviceProviders.id),
    serviceType: text("service_type").notNull(),
    status: text("status").notNull().default("proposed"),
    proposedOn: date("proposed_on").notNull(),
    acceptedOn: date("accepted_on"),
    deliveredOn: date("delivered_on"),
    declinedOn: date("declined_on"),
    closedOn: date("closed_on"),
    followUpOn: date("follow_up_on"),
    /** What the service achieved for the person (encrypted: it is about the victim). */
    outcomeEncrypted: text("outcome_encrypted"),
    /** The victim's identity went to the provider with the referral (only with their consent). */
    identityShared: boolean("identity_shared").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assistance_referrals_victim_idx").on(t.victimId),
    index("assistance_referrals_follow_up_idx").on(t.followUpOn),
  ],
);

/** Follow-up notes on a referral: what the advocate learnt (encrypted: it is about the victim). */
export const assistanceFollowUps = pgTable(
  "assistance_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => assistanceReferrals.id),
    noteEncrypted: text("note_encrypted").notNull(),
    recordedOn: date("recorded_on").notNull(),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("assistance_follow_ups_referral_idx").on(t.referralId)],
);

/**
 * Each time a victim was told how their case or their assistance stands: when, how, about what,
 * by whom. A victim-centred process owes them that; the record shows it was done.
 */
export const victimUpdates = pgTable(
  "victim_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    victimId: victimIdColumn(),
    /** The case the news was about, when it was about one. */
    caseId: uuid("case_id").references(() => cases.id),
    informedOn: date("informed_on").notNull(),
    means: text("means").notNull(),
    topics: text("topics").array().notNull(),
    /** What was said and how the victim took it: encrypted, it is about the victim. */
    noteEncrypted: text("note_encrypted"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("victim_updates_victim_idx").on(t.victimId, t.informedOn)],
);

// ---- Paternity and child-support claims, with the DNA samples' chain of custody ----
/** A claim links mother (a victim), child and alleged father (a perpetrator code on a case); the father's State is notified. */
export const paternityClaims = pgTable(
  "paternity_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    victimId: victimIdColumn(),
    childId: uuid("child_id").references(() => victimChildren.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    perpetratorId: uuid("perpetrator_id")
      .notNull()
      .references(() => perpetrators.id),
    countryCode: text("country_code").notNull(),
    notifiedOn: date("notified_on").notNull(),
    /** The State's answer (its paternity focal point appointed) is due on the Member State reply clock. */
    responseDueOn: date("response_due_on").notNull(),
    focalPointName: text("focal_point_name"),
    focalPointAppointedOn: date("focal_point_appointed_on"),
    paternity: text("paternity"),
    paternityDecidedOn: date("paternity_decided_on"),
    supportAmount: integer("support_amount"),
    supportCurrency: text("support_currency"),
    supportFrequency: text("support_frequency"),
    supportAuthority: text("support_authority"),
    supportOrderedOn: date("support_ordered_on"),
    closedOn: date("closed_on"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("paternity_claims_victim_idx").on(t.victimId), index("paternity_claims_country_idx").on(t.countryCode)],
);

export const dnaSamples = pgTable(
  "dna_samples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => paternityClaims.id),
    donor: text("donor").notNull(),
    sampleCode: text("sample_code").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("dna_samples_code_idx").on(t.claimId, t.sampleCode)],
);

/** One step in a sample's chain of custody; recorded, never edited. */
export const custodyEvents = pgTable(
  "custody_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => dnaSamples.id),
    kind: text("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    byWhom: text("by_whom").notNull(),
    place: text("place"),
    kitNumber: text("kit_number"),
    fromParty: text("from_party"),
    toParty: text("to_party"),
    result: text("result"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("custody_events_sample_idx").on(t.sampleId, t.occurredAt)],
);

export const supportPayments = pgTable(
  "support_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => paternityClaims.id),
    paidOn: date("paid_on").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("support_payments_claim_idx").on(t.claimId, t.paidOn)],
);

// ---- Trust Fund in Support of Victims of Sexual Exploitation and Abuse ----
/** Money in: a Member State's contribution, or payments withheld from personnel (linked to the suspension). */
export const trustFundContributions = pgTable("trust_fund_contributions", {
  id: uuid("id").primaryKey().defaultRandom(),
  countryCode: text("country_code").notNull(),
  receivedOn: date("received_on").notNull(),
  amount: integer("amount").notNull(),
  currency: text("currency").notNull(),
  fromWithheldPayments: boolean("from_withheld_payments").notNull().default(false),
  caseActionId: uuid("case_action_id").references(() => caseActions.id),
  recordedBy: text("recorded_by"),
  createdAt: createdAt(),
});

/** A project run by an implementing partner in a mission area, and the services it funds. */
export const trustFundProjects = pgTable("trust_fund_projects", {
  id: uuid("id").primaryKey().defaultRandom(),
  missionCode: text("mission_code")
    .notNull()
    .references(() => missions.code),
  title: text("title").notNull(),
  implementingPartner: text("implementing_partner").notNull(),
  budget: integer("budget").notNull(),
  currency: text("currency").notNull(),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  services: text("services").array().notNull(),
  recordedBy: text("recorded_by"),
  createdAt: createdAt(),
});

/** People a project reached, by category and period: counts, never identities. */
export const trustFundBeneficiaries = pgTable(
  "trust_fund_beneficiaries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => trustFundProjects.id),
    reportedOn: date("reported_on").notNull(),
    category: text("category").notNull(),
    people: integer("people").notNull(),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("trust_fund_beneficiaries_project_idx").on(t.projectId)],
);

// ---- Historical allegations imported from the published layout ----
/**
 * An allegation of the UN's published history, under its own reference: kept apart from the cases
 * recorded here, which have people, investigations and actions behind them. A million of them are
 * written and counted in one import without weighing on case work (docs/architecture.md).
 */
export const importedAllegations = pgTable("imported_allegations", {
  reference: text("reference").primaryKey(),
  missionCode: text("mission_code").notNull(),
  dateReported: date("date_reported").notNull(),
  categoryCodes: text("category_codes").array().notNull(),
  nationalityCodes: text("nationality_codes").array().notNull(),
  allegationCodes: text("allegation_codes").array().notNull(),
  victimsWomen: integer("victims_women").notNull().default(0),
  victimsGirls: integer("victims_girls").notNull().default(0),
  victimsBoys: integer("victims_boys").notNull().default(0),
  victimsMen: integer("victims_men").notNull().default(0),
  /** Victims the file counts without their sex or age. */
  victimsUnknown: integer("victims_unknown").notNull().default(0),
  paternityClaim: boolean("paternity_claim").notNull().default(false),
  /** Where the file said the allegation stands, for the system-wide figures (src/domain/system-wide.ts). */
  findingOutcome: text("finding_outcome"),
  sourceFile: text("source_file"),
  importedBy: text("imported_by"),
  /** When it was published here: the import's. */
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One import of history: what it wrote carries its `imported_at`, so withdrawing it (a wrong file)
 * takes exactly those allegations and their counts back out.
 */
export const allegationImports = pgTable("allegation_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().unique(),
  sourceFile: text("source_file"),
  importedBy: text("imported_by"),
  rows: integer("rows").notNull(),
  created: integer("created").notNull(),
  unchanged: integer("unchanged").notNull(),
  rejected: integer("rejected").notNull(),
  withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  withdrawnBy: text("withdrawn_by"),
  withdrawalReason: text("withdrawal_reason"),
});

/** What one row of the published table said of one (category, nationality) pair of an imported allegation. */
export const importedAllegationRows = pgTable(
  "imported_allegation_rows",
  {
    reference: text("reference").notNull(),
    categoryCode: text("category_code").notNull(),
    /** Empty for a category whose nationality is not published (civilians). */
    nationalityCode: text("nationality_code").notNull().default(""),
    victims: integer("victims").notNull(),
    childVictims: integer("child_victims").notNull(),
    allegedPerpetrators: integer("alleged_perpetrators"),
    /** "2019-03", or a period "2018-11/2019-02". */
    incidentPeriod: text("incident_period"),
    paternityStatus: text("paternity_status"),
    investigatingEntity: text("investigating_entity"),
    investigationDays: integer("investigation_days"),
    findings: text("findings"),
    interimAction: text("interim_action"),
    finalAction: text("final_action"),
    unAction: text("un_action"),
    memberStateAction: text("member_state_action"),
    criminalReferral: boolean("criminal_referral"),
  },
  (t) => [primaryKey({ columns: [t.reference, t.categoryCode, t.nationalityCode] })],
);

// ---- Screening (vetting): keyed hashes of normalised identifiers, never the identifiers ----
/** The secret the screening hashes are keyed with: random, kept encrypted like any sensitive field. */
export const screeningSecrets = pgTable("screening_secrets", {
  id: serial("id").primaryKey(),
  secretEncrypted: text("secret_encrypted").notNull(),
  createdAt: createdAt(),
});

/** Someone not to deploy or hire: a substantiated SEA or sexual harassment finding, or left with an allegation pending. */
export const screeningEntries = pgTable(
  "screening_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reason: text("reason").notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    /** Set when a substantiated finding put the person on the list: once per person. */
    perpetratorId: uuid("perpetrator_id").references(() => perpetrators.id),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("screening_entries_perpetrator_idx").on(t.perpetratorId)],
);

export const screeningKeys = pgTable(
  "screening_keys",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => screeningEntries.id, { onDelete: "cascade" }),
    keyHash: text("key_hash").notNull(),
    strength: text("strength").notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.keyHash] }), index("screening_keys_hash_idx").on(t.keyHash)],
);

/**
 * A unit's prevention records (its misconduct risk register and quarterly reports) shared with a unit
 * of another entity working in the same places (UNICEF's office beside MONUSCO's camps): explicit,
 * with the reason, audited, until either side ends it. That unit's conduct team reads them.
 */
export const preventionShares = pgTable(
  "prevention_shares",
  {
    ...unitShareColumns(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    reason: text("reason").notNull(),
  },
  (t) => [index("prevention_shares_mission_idx").on(t.missionCode), index("prevention_shares_unit_idx").on(t.unitCode)],
);

// ---- Prevention: misconduct risk management ----
/** One assessment of one mission location; reassessing a location adds a new one, so its history stays. */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    location: text("location").notNull(),
    locationKind: text("location_kind").notNull(),
    assessedOn: date("assessed_on").notNull(),
    reviewOn: date("review_on").notNull(),
    notes: text("notes"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("risk_assessments_mission_idx").on(t.missionCode, t.assessedOn)],
);

export const riskFactors = pgTable(
  "risk_factors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => riskAssessments.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    notes: text("notes"),
  },
  (t) => [
    index("risk_factors_assessment_idx").on(t.assessmentId),
    check("risk_factors_rating", sql`${t.likelihood} between 1 and 5 and ${t.impact} between 1 and 5`),
  ],
);

export const riskMitigations = pgTable(
  "risk_mitigations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => riskAssessments.id, { onDelete: "cascade" }),
    /** The factor it answers, if one. */
    factorKind: text("factor_kind"),
    action: text("action").notNull(),
    /** Who is responsible, by function (e.g. "Contingent commander, BANBAT-2"). */
    owner: text("owner").notNull(),
    dueOn: date("due_on").notNull(),
    completedOn: date("completed_on"),
    completionNote: text("completion_note"),
    version: integer("version").notNull().default(1),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("risk_mitigations_assessment_idx").on(t.assessmentId),
    index("risk_mitigations_open_idx").on(t.dueOn).where(sql`${t.completedOn} is null`),
  ],
);

// ---- Prevention: training ----
export const trainingCourses = pgTable("training_courses", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  kind: text("kind").notNull(),
  /** How long a completion stays current. */
  validityMonths: integer("validity_months").notNull(),
  createdAt: createdAt(),
});

/** A unit a State deploys to a mission, with the personnel count that coverage is measured against. */
export const contingents = pgTable(
  "contingents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    countryCode: text("country_code").notNull(),
    name: text("name").notNull(),
    categoryCode: text("category_code").notNull(),
    strength: integer("strength").notNull(),
    deployedOn: date("deployed_on").notNull(),
    /** The rotation this unit is ("ROT 12"): each rotation is its own unit, with its own leaders. */
    rotation: text("rotation"),
    rotatedOutOn: date("rotated_out_on"),
    /** Where it is based (a camp or team site, as the risk register names it). */
    location: text("location"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("contingents_name_idx").on(t.missionCode, t.name),
    index("contingents_country_idx").on(t.countryCode),
  ],
);

/** A unit's commander and key leaders by period: who answered for the unit on a given day. */
export const unitLeaders = pgTable(
  "unit_leaders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contingentId: uuid("contingent_id")
      .notNull()
      .references(() => contingents.id),
    post: text("post").notNull(),
    /** JSON of name and rank: a leader named in misconduct cases is personal data. */
    identityEncrypted: text("identity_encrypted").notNull(),
    servedFrom: date("served_from").notNull(),
    servedTo: date("served_to"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("unit_leaders_unit_idx").on(t.contingentId, t.servedFrom)],
);

/** What a unit's leaders did on a case, duty by duty (src/domain/command.ts), as the case's officers found it. */
export const commandDuties = pgTable(
  "command_duties",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    contingentId: uuid("contingent_id")
      .notNull()
      .references(() => contingents.id),
    duty: text("duty").notNull(),
    answer: text("answer").notNull(),
    /** The day it was done (reported, measures taken…), when it was. */
    doneOn: date("done_on"),
    recordedBy: text("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.contingentId, t.duty] })],
);

/**
 * A unit's allegations, kept by triggers as perpetrators, findings and allegation types change: one
 * row per unit, SEA by outcome and other misconduct (src/domain/command.ts), so that thousands of
 * units are compared without reading a case.
 */
export const unitAllegationCounts = pgTable("unit_allegation_counts", {
  contingentId: uuid("contingent_id")
    .primaryKey()
    .references(() => contingents.id),
  substantiated: integer("substantiated").notNull(),
  notSubstantiated: integer("not_substantiated").notNull(),
  pending: integer("pending").notNull(),
  otherMisconduct: integer("other_misconduct").notNull(),
});

/** What headquarters decided on a unit's record (resolution 2272): review, repatriation, replacement… */
export const unitDecisions = pgTable(
  "unit_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contingentId: uuid("contingent_id")
      .notNull()
      .references(() => contingents.id),
    decision: text("decision").notNull(),
    decidedOn: date("decided_on").notNull(),
    /** The grounds, as headquarters wrote them (no names: a unit's record, not a person's). */
    grounds: text("grounds").notNull(),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("unit_decisions_unit_idx").on(t.contingentId, t.decidedOn)],
);

/** Military justice: a State's proceedings against one of its personnel (src/domain/military-justice.ts). */
export const nationalProceedings = pgTable(
  "national_proceedings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    perpetratorId: uuid("perpetrator_id")
      .notNull()
      .references(() => perpetrators.id, { onDelete: "cascade" }),
    /** The State that holds the proceeding: the person's nationality. */
    countryCode: text("country_code").notNull(),
    kind: text("kind").notNull(),
    venue: text("venue").notNull(),
    openedOn: date("opened_on").notNull(),
    charges: text("charges").notNull(),
    verdict: text("verdict").notNull().default("pending"),
    verdictOn: date("verdict_on"),
    sentence: text("sentence"),
    appeal: text("appeal").notNull().default("none"),
    recordedBy: text("recorded_by"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("national_proceedings_case_idx").on(t.caseId),
    index("national_proceedings_country_idx").on(t.countryCode),
  ],
);

/**
 * A mission leader's yearly commitments on SEA (head of mission, force commander, police
 * commissioner): drafted by the mission's team, certified by the head of mission.
 */
export const leadershipPlans = pgTable(
  "leadership_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    year: integer("year").notNull(),
    /** head_of_mission, force_commander or police_commissioner (src/domain/leadership.ts). */
    post: text("post").notNull(),
    /** The office holder, a public official: named in the open, unlike unit leaders in cases. */
    leaderName: text("leader_name").notNull(),
    certifiedOn: date("certified_on"),
    certifiedBy: text("certified_by"),
    recordedBy: text("recorded_by"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("leadership_plans_post_idx").on(t.missionCode, t.year, t.post)],
);

/** One item of a leader's action plan: what, who owns it, by when, and how far it went. */
export const leadershipCommitments = pgTable(
  "leadership_commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => leadershipPlans.id, { onDelete: "cascade" }),
    commitment: text("commitment").notNull(),
    owner: text("owner").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").notNull().default("planned"),
    doneOn: date("done_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("leadership_commitments_plan_idx").on(t.planId), index("leadership_commitments_due_idx").on(t.dueOn)],
);

/** An allegation against a unit's leader (a case of its own) and the case whose handling it concerns. */
export const leaderAllegations = pgTable(
  "leader_allegations",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    originCaseId: uuid("origin_case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    contingentId: uuid("contingent_id")
      .notNull()
      .references(() => contingents.id),
    leaderId: uuid("leader_id")
      .notNull()
      .references(() => unitLeaders.id),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("leader_allegations_origin_idx").on(t.originCaseId)],
);

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id),
    /** In-mission training (induction, refresher); null for a State's national training. */
    missionCode: text("mission_code").references(() => missions.code),
    /** The contributing State whose national training it is (pre-deployment), or whose personnel attended. */
    countryCode: text("country_code"),
    contingentId: uuid("contingent_id").references(() => contingents.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    trainer: text("trainer").notNull(),
    audienceCategoryCode: text("audience_category_code"),
    participants: integer("participants").notNull(),
    completions: integer("completions").notNull(),
    /** Set once an attendance list is imported: completions then come from it. */
    attendanceImportedAt: timestamp("attendance_imported_at", { withTimezone: true }),
    certifiedBy: text("certified_by"),
    certifiedOn: date("certified_on"),
    certificationStatement: text("certification_statement"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("training_sessions_contingent_idx").on(t.contingentId),
    index("training_sessions_mission_idx").on(t.missionCode, t.endsOn),
  ],
);

/** Who attended, as a keyed hash of the service number (never the number or the name). */
export const trainingAttendance = pgTable(
  "training_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    participantKey: text("participant_key").notNull(),
    completed: boolean("completed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.participantKey] })],
);

// ---- Prevention: after-action reviews ----
/** The shareable part of a review — its lessons — which every mission's team may search. */
export const afterActionReviews = pgTable(
  "after_action_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    contributingFactors: text("contributing_factors").array().notNull(),
    whatWorked: text("what_worked"),
    lessons: text("lessons").notNull(),
    searchVector: tsvector("search_vector"),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("after_action_reviews_mission_idx").on(t.missionCode, t.heldOn),
    index("after_action_reviews_search_idx").using("gin", t.searchVector),
  ],
);

/** What happened, sealed, and the cases reviewed: for headquarters and the mission's team only. */
export const afterActionDetails = pgTable("after_action_details", {
  reviewId: uuid("review_id")
    .primaryKey()
    .references(() => afterActionReviews.id, { onDelete: "cascade" }),
  whatHappenedEncrypted: text("what_happened_encrypted").notNull(),
  caseIds: uuid("case_ids").array().notNull(),
});

export const afterActionActions = pgTable(
  "after_action_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => afterActionReviews.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    owner: text("owner").notNull(),
    dueOn: date("due_on").notNull(),
    completedOn: date("completed_on"),
    completionNote: text("completion_note"),
    version: integer("version").notNull().default(1),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("after_action_actions_review_idx").on(t.reviewId),
    index("after_action_actions_open_idx").on(t.dueOn).where(sql`${t.completedOn} is null`),
  ],
);

// ---- Prevention: community outreach and complaint networks ----
export const outreachActivities = pgTable(
  "outreach_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    heldOn: date("held_on").notNull(),
    place: text("place").notNull(),
    community: text("community").notNull(),
    women: integer("women").notNull().default(0),
    men: integer("men").notNull().default(0),
    girls: integer("girls").notNull().default(0),
    boys: integer("boys").notNull().default(0),
    language: text("language").notNull(),
    topics: text("topics").array().notNull(),
    materials: text("materials").array().notNull(),
    networkId: uuid("network_id").references(() => cbcmNetworks.id),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("outreach_activities_mission_idx").on(t.missionCode, t.heldOn)],
);

export const cbcmNetworks = pgTable(
  "cbcm_networks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionCode: text("mission_code")
      .notNull()
      .references(() => missions.code),
    name: text("name").notNull(),
    area: text("area").notNull(),
    languages: text("languages").array().notNull(),
    channels: text("channels").array().notNull(),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("cbcm_networks_name_idx").on(t.missionCode, t.name)],
);

/** A focal point or organisation of a network; one with an account is linked, so the reports it submitted are counted. */
export const cbcmMembers = pgTable(
  "cbcm_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => cbcmNetworks.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** A function or an organisation's name ("Chair, Bunia women's association"), not a private person's contact. */
    name: text("name").notNull(),
    location: text("location").notNull(),
    languages: text("languages").array().notNull(),
    userId: text("user_id").references(() => user.id),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("cbcm_members_network_idx").on(t.networkId)],
);

// ---- Public statistics ----
/**
 * Allegations among published cases, counted by the UN's rule and kept up to date by triggers on
 * `cases`, so that the public aggregates read a few thousand rows instead of every case.
 * Nationality is '' for civilian categories and for uniformed personnel of unknown nationality.
 */
export const publicAllegationCounts = pgTable(
  "public_allegation_counts",
  {
    year: integer("year").notNull(),
    missionCode: text("mission_code").notNull(),
    categoryCode: text("category_code").notNull(),
    nationalityCode: text("nationality_code").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.missionCode, t.categoryCode, t.nationalityCode] })],
);

/**
 * The system-wide figures' counts (src/domain/system-wide.ts): published SEA allegations by quarter
 * reported, the unit's entity, the system-wide category of personnel and status, kept as cases,
 * findings and units change, so the figures of every entity read a few thousand rows.
 */
export const systemWideAllegationCounts = pgTable(
  "system_wide_allegation_counts",
  {
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    entityCode: text("entity_code").notNull(),
    category: text("category").notNull(),
    status: text("status").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.quarter, t.entityCode, t.category, t.status] }),
    // One entity's own figures read its rows only.
    index("system_wide_allegation_counts_entity_idx").on(t.entityCode, t.year, t.quarter),
  ],
);

/** The same counts by year, rolled up from the quarters' by a trigger: figures over years read a quarter of the rows. */
export const systemWideAllegationYearCounts = pgTable(
  "system_wide_allegation_year_counts",
  {
    year: integer("year").notNull(),
    entityCode: text("entity_code").notNull(),
    category: text("category").notNull(),
    status: text("status").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.entityCode, t.category, t.status] }),
    index("system_wide_allegation_year_counts_entity_idx").on(t.entityCode, t.year),
  ],
);

// ---- Federation: installations that exchange published figures and screening hashes ----
/** This installation's signing key pair (Ed25519): made once, the private half kept encrypted. */
export const federationIdentity = pgTable("federation_identity", {
  id: serial("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKeyEncrypted: text("private_key_encrypted").notNull(),
  createdAt: createdAt(),
});

/** An installation whose signed bundles this one (the hub) merges: its key and the entities it reports. */
export const federationMembers = pgTable("federation_members", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  publicKey: text("public_key").notNull(),
  entityCodes: text("entity_codes").array().notNull(),
  /** When the last merged bundle was made: an older or equal one is a replay and is refused. */
  lastMadeAt: timestamp("last_made_at", { withTimezone: true }),
  lastMergedAt: timestamp("last_merged_at", { withTimezone: true }),
  lastDigest: text("last_digest"),
  /** What the last merged bundle held. */
  figures: integer("figures").notNull().default(0),
  hashes: integer("hashes").notNull().default(0),
  createdBy: text("created_by"),
  createdAt: createdAt(),
});

/** A member's published figures as its last bundle gave them, shaped as this installation's own kept counts. */
export const federationAllegationCounts = pgTable(
  "federation_allegation_counts",
  {
    /** The member whose bundle gave it (no foreign key: a per-row check would be most of a merge's time). */
    memberCode: text("member_code").notNull(),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    entityCode: text("entity_code").notNull(),
    category: text("category").notNull(),
    status: text("status").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberCode, t.year, t.quarter, t.entityCode, t.category, t.status] })],
);

/** A member's screening list as keyed hashes (under the federation's key): never a name, never a case. */
export const federationScreeningKeys = pgTable(
  "federation_screening_keys",
  {
    /** The member whose bundle gave it (no foreign key: a per-row check would be most of a merge's time). */
    memberCode: text("member_code").notNull(),
    entryId: uuid("entry_id").notNull(),
    keyHash: text("key_hash").notNull(),
    strength: text("strength").notNull(),
    reason: text("reason").notNull(),
    listedBy: text("listed_by"),
  },
  (t) => [
    primaryKey({ columns: [t.memberCode, t.entryId, t.keyHash] }),
    index("federation_screening_keys_hash_idx").on(t.keyHash),
  ],
);

/**
 * Commitments Member States made publicly: signing the Voluntary Compact on preventing and
 * addressing SEA, joining the Circle of Leadership (the head of state or government), and A4P/A4P+
 * commitments on conduct and discipline. Kept by headquarters; all of it is public.
 */
export const commitments = pgTable(
  "commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    countryCode: text("country_code")
      .notNull()
      .references(() => countries.code),
    /** Who joined, for the Circle of Leadership ("President of …"); what was committed, for A4P. */
    member: text("member").notNull().default(""),
    joinedOn: date("joined_on").notNull(),
    recordedBy: text("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("commitments_unique_idx").on(t.kind, t.countryCode, t.member)],
);

// ---- Help for people who report ----
/**
 * Each version of a mission's (or headquarters', scope "HQ") help for reporters: contacts and, by
 * language, what happens next and how long it takes. Versions are only ever added (src/domain/help.ts).
 */
export const helpInformation = pgTable(
  "help_information",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A mission's code, or "HQ" for headquarters. */
    scope: text("scope").notNull(),
    version: integer("version").notNull(),
    contacts: jsonb("contacts").$type<{ kind: string; value: string; hours: string | null }[]>().notNull(),
    texts: jsonb("texts").$type<Record<string, { nextSteps: string; timeline: string }>>().notNull(),
    editedBy: text("edited_by").references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("help_information_version_idx").on(t.scope, t.version)],
);

/**
 * A community language the report pages speak besides the UN's six (Swahili, Lingala, Sango…): a
 * translation file an administrator loaded, its keys overlaying the UN language it falls back to.
 */
export const communityLanguages = pgTable("community_languages", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  dir: text("dir").notNull().default("ltr"),
  fallback: text("fallback").notNull(),
  /** A translator reviewed it; until then the pages say it is a draft. */
  reviewed: boolean("reviewed").notNull().default(false),
  messages: jsonb("messages").$type<Record<string, string>>().notNull(),
  version: integer("version").notNull().default(1),
  /** Null while it is the file shipped with the product: a newer shipped file replaces it. */
  updatedBy: text("updated_by").references(() => user.id),
  updatedAt: updatedAt(),
});

// ---- SMS and messaging ----
/**
 * A reporter's conversation by text message: threaded by a keyed hash of their number, the number
 * itself sealed (encrypted) to answer them and dropped after a while; the report it led to.
 */
export const smsConversations = pgTable(
  "sms_conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    gateway: text("gateway").notNull(),
    phoneHash: text("phone_hash").notNull(),
    phoneEncrypted: text("phone_encrypted"),
    language: text("language"),
    /** Where the conversation stands: src/domain/sms.ts. */
    step: text("step").notNull(),
    /** What the reporter has said so far, before the report is filed (encrypted). */
    draftEncrypted: text("draft_encrypted"),
    reportId: uuid("report_id").references(() => reports.id, { onDelete: "set null" }),
    lastInboundAt: timestamp("last_inbound_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sms_conversations_phone_idx").on(t.gateway, t.phoneHash)],
);

/** Each text message in or out: its words encrypted; an inbound one answered once, even delivered twice. */
export const smsMessages = pgTable(
  "sms_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => smsConversations.id, { onDelete: "cascade" }),
    direction: text("direction").notNull(),
    /** The gateway's own id of an inbound message: a retried delivery finds it and gets the same answer. */
    gatewayMessageId: text("gateway_message_id"),
    bodyEncrypted: text("body_encrypted").notNull(),
    /** What we answered an inbound message (encrypted), to answer its retries alike. */
    replyEncrypted: text("reply_encrypted"),
    /** Outbound: queued, sent or failed (after its attempts). */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sms_messages_gateway_id_idx").on(t.conversationId, t.gatewayMessageId),
    index("sms_messages_outbox_idx").on(t.status, t.createdAt),
  ],
);

// ---- Two-person rule for revealing an identity ----
/**
 * A request to reveal a victim's or an alleged perpetrator's identity, decided by an identity
 * custodian who is not the requester; an approval lets its requester reveal until it expires.
 */
export const revealRequests = pgTable(
  "reveal_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** The subject's pseudonymous code (a victim's code, a case number and perpetrator code), for the custodian. */
    subjectLabel: text("subject_label").notNull(),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => user.id),
    requesterRole: text("requester_role").notNull(),
    reason: text("reason").notNull(),
    purpose: text("purpose"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decision: text("decision"),
    decidedBy: text("decided_by").references(() => user.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    note: text("note"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    index("reveal_requests_subject_idx").on(t.subjectId, t.requestedBy),
    index("reveal_requests_pending_idx").on(t.requestedAt).where(sql`decision is null`),
  ],
);

// ---- Retention and redaction ----
/** A field whose content was struck out, by whom and why; the field keeps a marker in its place. */
export const redactions = pgTable(
  "redactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    field: text("field").notNull(),
    recordId: uuid("record_id").notNull(),
    reason: text("reason").notNull(),
    redactedBy: text("redacted_by")
      .notNull()
      .references(() => user.id),
    redactedAt: timestamp("redacted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("redactions_record_idx").on(t.recordId)],
);
