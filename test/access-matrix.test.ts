// Every route × every role, with in-scope and out-of-scope records: allowed or denied as the
// policy says. A route that is not in this table fails the last test.
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  afterActionActions,
  afterActionDetails,
  afterActionReviews,
  assistanceReferrals,
  caseAssignments,
  caseDocuments,
  caseNotes,
  cbcmNetworks,
  assistanceRequests,
  cases,
  commitments,
  dnaSamples,
  evidenceFiles,
  goodPracticeFiles,
  goodPractices,
  investigations,
  leadershipCommitments,
  leadershipPlans,
  nationalProceedings,
  paternityClaims,
  perpetrators,
  contingents,
  referrals,
  revealRequests,
  riskAssessments,
  riskMitigations,
  serviceProviders,
  trainingCourses,
  trainingSessions,
  trustFundProjects,
  victimCases,
  victimChildren,
  victimConsents,
  victims,
  unEntities,
  victimShares,
  caseShares,
  preventionShares,
  missions,
} from "../src/db/schema.js";
import { auditCatalogue, isAuditAction } from "../src/domain/audit-catalogue.js";
import { type Role, roles } from "../src/domain/roles.js";
import { z } from "zod";
import { systemActor } from "../src/server/auth/actor.js";
import { signInSteps } from "../src/server/auth/sign-in.js";
import { SSO_CALLBACK } from "../src/server/auth/sso.js";
import { fieldContext } from "../src/server/security/encryption.js";
import { inTransaction } from "../src/server/transaction.js";
import { sealJson } from "../src/domain/sealing.js";
import { saveHelp } from "../src/server/modules/help/index.js";
import { insertLeader } from "../src/server/modules/command/index.js";
import { totpCode } from "../src/server/auth/two-factor.js";
import { cookiesOf, createTestApp, ORIGIN, type TestApp } from "./helpers/app.js";
import { pdfFile } from "./helpers/files.js";
import { type IdentityProvider, startIdentityProvider } from "./helpers/identity-provider.js";
import { createSsoRule } from "../src/server/modules/sso/service.js";
import { federationKeys, signedBundle } from "./helpers/federation-bundle.js";
import { addFederationMember } from "../src/server/modules/federation/index.js";
import { importAllegations } from "../src/server/modules/publication/import.js";

let t: TestApp;
let identityProvider: IdentityProvider;
const matrixPdf = await pdfFile();
/**
 * MONUSCO stands alone in an entity of its own here, so that the roles given that entity whole must
 * see exactly what those given MONUSCO by name see, through every route.
 */
const MONUSCO_ENTITY = "MATRIX-FIELD";
const scopes: Record<Role, { missionCodes?: string[]; entityCodes?: string[]; countryCode?: string }> = {
  administrator: {},
  cds_officer: {},
  cdt_officer: { entityCodes: [MONUSCO_ENTITY] },
  investigator: {},
  member_state_focal_point: { countryCode: "GHA" },
  victim_assistance: { entityCodes: [MONUSCO_ENTITY] },
  analyst: {},
  auditor: {},
  publisher: {},
  cbcm_focal_point: { missionCodes: ["MONUSCO"] },
  identity_custodian: {},
  head_of_mission: { missionCodes: ["MONUSCO"] },
};
const clients = {} as Record<Role, Awaited<ReturnType<TestApp["tokenFor"]>>>;
const staff = {} as Record<Role, Awaited<ReturnType<TestApp["createStaff"]>>>;
const fixture = {
  inScopeCase: randomUUID(),
  outOfScopeCase: randomUUID(),
  targetUserId: "",
  inScopeReport: "",
  outOfScopeReport: "",
  receipt: "",
  inScopeEvidence: randomUUID(),
  outOfScopeEvidence: randomUUID(),
  note: randomUUID(),
  /** Reports sealed to the server's key, for the own mission and for another. */
  sealed: {} as Record<"own" | "other", unknown>,
  /** The authenticator code of the last password step begun on the sign-in page. */
  pendingCode: "",
};

/** A password step on the sign-in page for a new officer: the cookie the code step needs. */
async function passwordStepDone(): Promise<Record<string, string>> {
  const officer = await t.createStaff("analyst");
  const response = await t.app.inject({
    method: "POST",
    url: "/sign-in",
    headers: { origin: ORIGIN },
    payload: { email: officer.email, password: officer.password },
  });
  fixture.pendingCode = await totpCode(officer.totpSecret as string);
  return { cookie: cookiesOf(response.headers["set-cookie"]) };
}

type Expectation = "allow" | "deny";
interface MatrixRow {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  route: string;
  url: (role: Role) => string | Promise<string>;
  body?: (role: Role) => unknown;
  expect: (role: Role) => Expectation;
  label?: string;
  /** Public routes also serve people who are not signed in; a gateway's webhook only a signed delivery. */
  anonymous?: "allow" | "signed";
  /** Headers the request needs besides the role's own (a sign-in step's cookie); read before `body`. */
  headers?: () => Promise<Record<string, string>>;
}

const everyone = () => "allow" as const;
const only =
  (...allowed: Role[]) =>
  (role: Role) =>
    allowed.includes(role) ? "allow" : "deny";
const publicReport = (missionCode: string | null = "MONUSCO") => ({
  whatHappened: "Matrix test report about misconduct.",
  missionCode,
  anonymous: true,
});
const caseRoles: Role[] = [
  "cds_officer",
  "cdt_officer",
  "investigator",
  "member_state_focal_point",
  "victim_assistance",
  "analyst",
  "publisher",
];

const matrix: MatrixRow[] = [
  { method: "GET", route: "/healthz", url: () => "/healthz", expect: everyone, anonymous: "allow" },
  { method: "GET", route: "/readyz", url: () => "/readyz", expect: everyone, anonymous: "allow" },
  {
    method: "POST",
    route: "/api/redactions",
    url: () => "/api/redactions",
    body: () => ({ field: "case_note.body", recordId: fixture.note, reason: "Names a witness by mistake." }),
    expect: only("cds_officer"),
  },
  {
    method: "GET",
    route: "/api/redactions",
    url: () => `/api/redactions?recordId=${fixture.inScopeCase}`,
    expect: only("cds_officer", "auditor"),
  },
  {
    method: "GET",
    route: "/api/reveal-requests",
    url: () => "/api/reveal-requests",
    expect: only("identity_custodian"),
  },
  {
    method: "POST",
    route: "/api/reveal-requests/:id/decision",
    url: async () => `/api/reveal-requests/${await freshRevealRequest()}/decision`,
    body: () => ({ decision: "refuse", note: "Not needed for this purpose." }),
    expect: only("identity_custodian"),
  },
  {
    method: "POST",
    route: "/api/public/reports",
    url: () => "/api/public/reports",
    body: () => publicReport(),
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "POST",
    route: "/api/public/reports/follow-up",
    url: () => "/api/public/reports/follow-up",
    body: () => ({ receipt: fixture.receipt }),
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "POST",
    route: "/api/public/reports/messages",
    url: () => "/api/public/reports/messages",
    body: () => ({ receipt: fixture.receipt, message: "Any news?" }),
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/", url: () => "/?lang=sw", expect: everyone, anonymous: "allow" },
  { method: "GET", route: "/sign-in", url: () => "/sign-in?next=/cases", expect: everyone, anonymous: "allow" },
  // "My work" drawn by the server, or on to the app for a role without one; signed out, to sign in.
  { method: "GET", route: "/start", url: () => "/start", expect: everyone, anonymous: "allow" },
  // The matrix's clients carry a token, not the session's cookie: with none to end, it leads to sign-in all the same.
  {
    method: "POST",
    route: "/sign-out",
    url: () => "/sign-out",
    headers: async () => ({ origin: ORIGIN }),
    body: () => ({}),
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "POST",
    route: "/sign-in",
    url: () => "/sign-in",
    body: () => ({ email: staff.analyst.email, password: staff.analyst.password, next: "/cases" }),
    expect: everyone,
    anonymous: "allow",
  },
  // To the organisation's identity provider (src/server/auth/sso.test.ts walks the whole way).
  {
    method: "POST",
    route: "/sign-in/sso",
    url: () => "/sign-in/sso",
    body: () => ({ provider: "unicef", next: "/cases" }),
    expect: everyone,
    anonymous: "allow",
  },
  // A callback this browser did not start leads back to the sign-in page, signed in as nobody.
  {
    method: "GET",
    route: "/api/auth/callback/:providerId",
    url: () => "/api/auth/callback/unicef?code=made-up&state=made-up",
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/api/sso/rules", url: () => "/api/sso/rules", expect: only("administrator") },
  {
    method: "POST",
    route: "/api/sso/rules",
    url: () => "/api/sso/rules",
    body: () => ({ providerId: "unicef", claim: "groups", value: "matrix-analysts", role: "analyst" }),
    expect: only("administrator"),
  },
  {
    method: "DELETE",
    route: "/api/sso/rules/:id",
    url: async () =>
      `/api/sso/rules/${(await createSsoRule(t.app.services, systemActor, { providerId: "unicef", claim: "groups", value: "matrix", role: "analyst" })).id}`,
    expect: only("administrator"),
  },
  { method: "GET", route: "/api/federation", url: () => "/api/federation", expect: only("administrator") },
  {
    method: "POST",
    route: "/api/federation/members",
    url: async () => {
      matrixEntity = await freshEntity();
      return "/api/federation/members";
    },
    body: () => ({
      code: `MATRIX-${randomUUID().slice(0, 8).toUpperCase()}`,
      name: "Another installation",
      publicKey: federationKeys().publicKey,
      entityCodes: [matrixEntity],
    }),
    expect: only("administrator"),
  },
  {
    method: "DELETE",
    route: "/api/federation/members/:code",
    url: async () => {
      const code = `GONE-${randomUUID().slice(0, 8).toUpperCase()}`;
      await addFederationMember(t.app.services, systemActor, {
        code,
        name: "An installation that left",
        publicKey: federationKeys().publicKey,
        entityCodes: [await freshEntity()],
      });
      return `/api/federation/members/${code}`;
    },
    expect: only("administrator"),
  },
  {
    method: "GET",
    route: "/api/federation/bundle",
    url: () => "/api/federation/bundle",
    expect: only("administrator"),
  },
  {
    method: "POST",
    route: "/api/federation/bundles",
    url: () => "/api/federation/bundles",
    headers: async () => ({ "content-type": "application/gzip" }),
    body: () => signedBundle(matrixMember, []),
    expect: only("administrator"),
  },
  {
    method: "POST",
    route: "/sign-in/code",
    url: () => "/sign-in/code",
    headers: passwordStepDone,
    body: () => ({ code: fixture.pendingCode, next: "/cases" }),
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/report", url: () => "/report?lang=fr", expect: everyone, anonymous: "allow" },
  {
    method: "POST",
    route: "/report",
    url: () => "/report",
    body: () => ({ ...publicReport(), anonymous: "yes" }),
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/report/follow-up", url: () => "/report/follow-up", expect: everyone, anonymous: "allow" },
  {
    method: "POST",
    route: "/report/follow-up",
    url: () => "/report/follow-up",
    body: () => ({ receipt: fixture.receipt }),
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "POST",
    route: "/report/follow-up/message",
    url: () => "/report/follow-up/message",
    body: () => ({ receipt: fixture.receipt, message: "Hello" }),
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "POST",
    route: "/api/reports",
    url: () => "/api/reports",
    body: () => ({ channel: "hotline", report: publicReport() }),
    expect: only("cds_officer", "cdt_officer", "cbcm_focal_point"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/reports",
    url: () => "/api/reports",
    body: () => ({ channel: "hotline", report: publicReport("UNMISS") }),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/reports/sealed",
    url: () => "/api/reports/sealed",
    body: () => fixture.sealed.own,
    expect: only("cds_officer", "cdt_officer", "cbcm_focal_point"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/reports/sealed",
    url: () => "/api/reports/sealed",
    body: () => fixture.sealed.other,
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/reports/sealing-key",
    url: () => "/api/reports/sealing-key",
    expect: only("cds_officer", "cdt_officer", "cbcm_focal_point"),
  },
  {
    method: "GET",
    route: "/api/reports",
    url: () => "/api/reports",
    expect: only("cds_officer", "cdt_officer", "cbcm_focal_point"),
  },
  {
    method: "GET",
    route: "/api/reports/:id",
    url: () => `/api/reports/${fixture.inScopeReport}`,
    expect: only("cds_officer", "cdt_officer", "cbcm_focal_point"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/reports/:id",
    url: () => `/api/reports/${fixture.outOfScopeReport}`,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/reports/:id/messages",
    url: () => `/api/reports/${fixture.inScopeReport}/messages`,
    body: () => ({ message: "Thank you for reporting." }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/reports/:id/messages",
    url: () => `/api/reports/${fixture.outOfScopeReport}/messages`,
    body: () => ({ message: "Thank you for reporting." }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/reports/:id/evidence/:fileId",
    url: () => `/api/reports/${fixture.inScopeReport}/evidence/${fixture.inScopeEvidence}`,
    expect: only("cds_officer", "cdt_officer", "cbcm_focal_point"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/reports/:id/evidence/:fileId",
    url: () => `/api/reports/${fixture.outOfScopeReport}/evidence/${fixture.outOfScopeEvidence}`,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  { method: "GET", route: "/api/me", url: () => "/api/me", expect: everyone },
  {
    method: "PATCH",
    route: "/api/me/preferences",
    url: () => "/api/me/preferences",
    body: () => ({ language: "fr" }),
    expect: everyone,
  },
  { method: "GET", route: "/api/reference/missions", url: () => "/api/reference/missions", expect: everyone },
  { method: "GET", route: "/api/reference/entities", url: () => "/api/reference/entities", expect: everyone },
  {
    method: "POST",
    route: "/api/reference/entities",
    url: () => "/api/reference/entities",
    body: (role) => ({
      code: `IP-${role.replaceAll("_", "").slice(0, 10).toUpperCase()}`,
      kind: "implementing_partner",
      name: "Matrix partner",
      partnerOf: "UNICEF",
    }),
    expect: only("administrator"),
  },
  { method: "GET", route: "/api/reference/countries", url: () => "/api/reference/countries", expect: everyone },
  {
    method: "GET",
    route: "/api/reference/personnel-categories",
    url: () => "/api/reference/personnel-categories",
    expect: everyone,
  },
  {
    method: "GET",
    route: "/api/reference/allegation-types",
    url: () => "/api/reference/allegation-types",
    expect: everyone,
  },
  {
    method: "GET",
    route: "/api/reference/misconduct-types",
    url: () => "/api/reference/misconduct-types",
    expect: everyone,
  },
  {
    method: "POST",
    route: "/api/reference/missions",
    url: () => "/api/reference/missions",
    body: (role) => ({
      code: `T-${role.replaceAll("_", "").slice(0, 10).toUpperCase()}`,
      name: "Test mission",
      nameFr: null,
      kind: "other_entity",
      hostCountryCode: null,
      location: null,
      startYear: 2026,
      endYear: null,
    }),
    expect: only("administrator"),
  },
  {
    method: "PATCH",
    route: "/api/reference/missions/:code",
    url: () => "/api/reference/missions/UNMIK",
    body: () => ({ location: "Kosovo", version: 1 }),
    expect: only("administrator"),
  },
  { method: "GET", route: "/api/users", url: () => "/api/users", expect: only("administrator") },
  {
    method: "GET",
    route: "/api/users/:id",
    url: () => `/api/users/${fixture.targetUserId}`,
    expect: only("administrator"),
  },
  {
    method: "POST",
    route: "/api/users",
    url: () => "/api/users",
    body: (role) => ({ email: `made-by-${role}@test.conduct.org`, name: "Someone", role: "analyst" }),
    expect: only("administrator"),
  },
  {
    method: "PATCH",
    route: "/api/users/:id",
    url: () => `/api/users/${fixture.targetUserId}`,
    body: () => ({ name: "Renamed", version: 1 }),
    expect: only("administrator"),
  },
  {
    method: "POST",
    route: "/api/users/:id/reset-two-factor",
    url: () => `/api/users/${fixture.targetUserId}/reset-two-factor`,
    expect: only("administrator"),
  },
  {
    method: "POST",
    route: "/api/users/:id/revoke-sessions",
    url: () => `/api/users/${fixture.targetUserId}/revoke-sessions`,
    expect: only("administrator"),
  },
  {
    method: "POST",
    route: "/api/users/:id/temporary-password",
    url: () => `/api/users/${fixture.targetUserId}/temporary-password`,
    expect: only("administrator"),
  },
  { method: "POST", route: "/api/me/revoke-sessions", url: () => "/api/me/revoke-sessions", expect: everyone },
  { method: "GET", route: "/api/tokens", url: () => "/api/tokens", expect: everyone, label: "own tokens" },
  {
    method: "GET",
    route: "/api/tokens",
    url: () => `/api/tokens?userId=${fixture.targetUserId}`,
    expect: only("administrator"),
    label: "another user's tokens",
  },
  {
    method: "POST",
    route: "/api/tokens",
    url: () => "/api/tokens",
    body: () => ({ name: "script" }),
    expect: everyone,
  },
  {
    method: "DELETE",
    route: "/api/tokens/:id",
    url: async (role) => {
      const created = await clients[role].request({
        method: "POST",
        url: "/api/tokens",
        payload: { name: "to revoke" },
      });
      return `/api/tokens/${created.json().apiToken.id}`;
    },
    expect: everyone,
    label: "own token",
  },
  {
    method: "DELETE",
    route: "/api/tokens/:id",
    url: async () => {
      const created = await clients.cds_officer.request({
        method: "POST",
        url: "/api/tokens",
        payload: { name: "someone else's" },
      });
      return `/api/tokens/${created.json().apiToken.id}`;
    },
    expect: only("administrator", "cds_officer"),
    label: "another user's token",
  },
  {
    method: "POST",
    route: "/api/reports/:id/case",
    url: async () => `/api/reports/${await freshReport("MONUSCO")}/case`,
    body: () => ({ version: 1 }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/reports/:id/case",
    url: async () => `/api/reports/${await freshReport("UNMISS")}/case`,
    body: () => ({ version: 1 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/reports/:id",
    url: async () => `/api/reports/${await freshReport("MONUSCO", "headquarters")}`,
    expect: only("cds_officer"),
    label: "sent to headquarters",
  },
  {
    method: "POST",
    route: "/api/reports/:id/hand-to-mission",
    url: async () => `/api/reports/${await freshReport("MONUSCO", "headquarters")}/hand-to-mission`,
    body: () => ({ version: 1 }),
    expect: only("cds_officer"),
    label: "sent to headquarters",
  },
  {
    method: "POST",
    route: "/api/reports/:id/hand-to-mission",
    url: async () => `/api/reports/${await freshReport("MONUSCO", "mission")}/hand-to-mission`,
    body: () => ({ version: 1 }),
    expect: only(),
    label: "already with the mission",
  },
  {
    method: "POST",
    route: "/api/reports/:id/route",
    url: async () => `/api/reports/${await freshReport("MONUSCO", "headquarters")}/route`,
    body: () => ({ missionCode: OTHER_ENTITY_UNIT, version: 1 }),
    expect: only("cds_officer"),
    label: "sent to headquarters, to another entity's unit",
  },
  {
    method: "POST",
    route: "/api/reports/:id/route",
    url: async () => `/api/reports/${await freshReport("MONUSCO", "mission")}/route`,
    body: () => ({ missionCode: "UNMISS", version: 1 }),
    expect: only("cds_officer"),
    label: "with a mission, to another mission",
  },
  {
    method: "GET",
    route: "/api/cases/:id/shares",
    url: () => `/api/cases/${fixture.inScopeCase}/shares`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/shares",
    url: () => `/api/cases/${fixture.outOfScopeCase}/shares`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/shares",
    url: async () => `/api/cases/${await freshCase("MONUSCO")}/shares`,
    body: () => ({ unitCode: OTHER_ENTITY_UNIT, reason: "Child victims assisted by UNICEF" }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope, with another entity's unit",
  },
  {
    method: "POST",
    route: "/api/cases/:id/shares",
    url: async () => `/api/cases/${await freshCase("UNMISS")}/shares`,
    body: () => ({ unitCode: OTHER_ENTITY_UNIT, reason: "Child victims assisted by UNICEF" }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/shares/:shareId/end",
    url: async () => (await freshCaseShare("MONUSCO", OTHER_ENTITY_UNIT)).endUrl,
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/shares/:shareId/end",
    url: async () => (await freshCaseShare("UNMISS", OTHER_ENTITY_UNIT)).endUrl,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/shares/:shareId/end",
    url: async () => (await freshCaseShare("UNMISS", "MONUSCO")).endUrl,
    expect: only("cds_officer", "cdt_officer"),
    label: "shared with the actor's unit, handed back",
  },
  {
    method: "GET",
    route: "/api/cases/:id",
    url: async () => `/api/cases/${(await freshCaseShare("UNMISS", "MONUSCO")).caseId}`,
    expect: only("cds_officer", "cdt_officer", "victim_assistance", "analyst", "publisher"),
    label: "out of scope, shared with the actor's unit",
  },
  {
    method: "GET",
    route: "/api/cases/:id",
    url: async () => `/api/cases/${(await freshCaseShare("UNMISS", "MONUSCO", true)).caseId}`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope, its share with the actor's unit ended",
  },
  {
    method: "POST",
    route: "/api/cases/:id/transfer",
    url: async () => `/api/cases/${await freshCase("MONUSCO")}/transfer`,
    body: () => ({ missionCode: OTHER_ENTITY_UNIT, version: 1 }),
    expect: only("cds_officer"),
    label: "in scope, to another entity's unit",
  },
  {
    method: "POST",
    route: "/api/cases/:id/transfer",
    url: async () => `/api/cases/${await freshCase("UNMISS")}/transfer`,
    body: () => ({ missionCode: "MONUSCO", version: 1 }),
    expect: only("cds_officer"),
    label: "out of scope, to another mission",
  },
  {
    method: "GET",
    route: "/api/cases/:id/timeline",
    url: () => `/api/cases/${fixture.inScopeCase}/timeline`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/timeline",
    url: () => `/api/cases/${fixture.outOfScopeCase}/timeline`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/transitions",
    url: async () => `/api/cases/${await freshCase("MONUSCO")}/transitions`,
    body: () => ({ transition: "assess", version: 1 }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/transitions",
    url: async () => `/api/cases/${await freshCase("UNMISS")}/transitions`,
    body: () => ({ transition: "assess", version: 1 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/referrals",
    url: async () => `/api/cases/${await freshCase("MONUSCO", "preliminary_assessment")}/referrals`,
    body: () => ({ entity: "member_state", countryCode: "GHA", sentOn: "2026-11-02", caseVersion: 1 }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/referrals",
    url: async () => `/api/cases/${await freshCase("UNMISS", "preliminary_assessment", ["IND"])}/referrals`,
    body: () => ({ entity: "member_state", countryCode: "IND", sentOn: "2026-11-02", caseVersion: 1 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/figures",
    url: () => "/api/figures?by=nationality&mission=MONUSCO",
    expect: only("cds_officer", "cdt_officer", "analyst"),
  },
  {
    method: "GET",
    route: "/api/cases/:id/summary",
    url: () => `/api/cases/${fixture.inScopeCase}/summary?language=ar`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/summary",
    url: () => `/api/cases/${fixture.outOfScopeCase}/summary`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/documents",
    url: () => `/api/cases/${fixture.inScopeCase}/documents`,
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/documents",
    url: () => `/api/cases/${fixture.outOfScopeCase}/documents`,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/documents",
    url: () => `/api/cases/${fixture.inScopeCase}/documents`,
    body: () => documentUpload("other", null),
    expect: only("cds_officer", "cdt_officer", "investigator"),
    label: "in scope, a document of the case",
  },
  {
    method: "POST",
    route: "/api/cases/:id/documents",
    url: async () => `/api/cases/${(await freshDocuments()).caseId}/documents`,
    body: () => documentUpload("reply", lastDocuments.referralId),
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
    label: "a reply on the State's own referral",
  },
  {
    method: "POST",
    route: "/api/cases/:id/documents",
    url: () => `/api/cases/${fixture.outOfScopeCase}/documents`,
    body: () => documentUpload("other", null),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/case-documents/:id/content",
    url: async () => `/api/case-documents/${(await freshDocuments()).documentId}/content`,
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
    label: "on the State's referral",
  },
  {
    method: "GET",
    route: "/api/case-documents/:id/content",
    url: async () => `/api/case-documents/${(await freshDocuments()).internalDocumentId}/content`,
    expect: only("cds_officer", "cdt_officer", "investigator"),
    label: "kept on the case",
  },
  {
    method: "POST",
    route: "/api/referrals/:id/notes-verbales",
    url: async () => `/api/referrals/${(await freshDocuments()).referralId}/notes-verbales`,
    body: () => ({ template: "reminder", language: "fr", datedOn: "2026-11-20" }),
    expect: only("cds_officer", "cdt_officer"),
  },
  {
    method: "GET",
    route: "/api/referrals/:id/correspondence",
    url: async () => `/api/referrals/${(await freshDocuments()).referralId}/correspondence`,
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
  },
  {
    method: "POST",
    route: "/api/cases/:id/assistance-requests",
    url: () => `/api/cases/${fixture.inScopeCase}/assistance-requests`,
    body: () => ({ urgency: "urgent", needs: ["medical"] }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/assistance-requests",
    url: () => `/api/cases/${fixture.outOfScopeCase}/assistance-requests`,
    body: () => ({ urgency: "urgent", needs: [] }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/reports/:id/assistance-requests",
    url: () => `/api/reports/${fixture.inScopeReport}/assistance-requests`,
    body: () => ({ urgency: "priority", needs: [] }),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "GET",
    route: "/api/assistance-requests",
    url: () => "/api/assistance-requests",
    expect: only("cds_officer", "cdt_officer", "victim_assistance"),
  },
  {
    method: "POST",
    route: "/api/assistance-requests/:id/take",
    url: async () => `/api/assistance-requests/${await openAssistanceRequest("MONUSCO")}/take`,
    expect: only("victim_assistance"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/assistance-requests/:id/take",
    url: async () => `/api/assistance-requests/${await openAssistanceRequest("UNMISS")}/take`,
    expect: only(),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/cases/:id/reports",
    url: () => `/api/cases/${fixture.inScopeCase}/reports`,
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/reports",
    url: () => `/api/cases/${fixture.outOfScopeCase}/reports`,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/referrals",
    url: () => `/api/cases/${fixture.inScopeCase}/referrals`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/referrals",
    url: () => `/api/cases/${fixture.outOfScopeCase}/referrals`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  {
    method: "PATCH",
    route: "/api/referrals/:id/reply",
    url: async () => `/api/referrals/${await freshReferral("MONUSCO", "GHA")}/reply`,
    body: () => ({
      reply: "will_investigate",
      repliedOn: "2026-10-10",
      nioName: "Major A. Boateng",
      nioAppointedOn: "2026-10-10",
      version: 1,
    }),
    expect: only("cds_officer", "member_state_focal_point"),
    label: "own State",
  },
  {
    method: "PATCH",
    route: "/api/referrals/:id/reply",
    url: async () => `/api/referrals/${await freshReferral("UNMISS", "IND")}/reply`,
    body: () => ({ reply: "declined", repliedOn: "2026-10-10", version: 1 }),
    expect: only("cds_officer"),
    label: "another State",
  },
  {
    method: "GET",
    route: "/api/referrals/overdue",
    url: () => "/api/referrals/overdue",
    expect: only("cds_officer", "cdt_officer", "member_state_focal_point"),
  },
  { method: "GET", route: "/api/cases/export", url: () => "/api/cases/export?format=csv", expect: only(...caseRoles) },
  {
    method: "PATCH",
    route: "/api/cases/:id",
    url: async () => `/api/cases/${await freshCase("MONUSCO")}`,
    body: () => ({ paternityClaim: true, version: 1 }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "PATCH",
    route: "/api/cases/:id",
    url: async () => `/api/cases/${await freshCase("UNMISS")}`,
    body: () => ({ paternityClaim: true, version: 1 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/assignments",
    url: () => `/api/cases/${fixture.inScopeCase}/assignments`,
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/assignments",
    url: () => `/api/cases/${fixture.outOfScopeCase}/assignments`,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "PUT",
    route: "/api/cases/:id/assignments",
    url: async () => `/api/cases/${await freshCase("MONUSCO")}/assignments`,
    body: () => ({ userIds: [staff.investigator.id], version: 1 }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "PUT",
    route: "/api/cases/:id/assignments",
    url: async () => `/api/cases/${await freshCase("UNMISS")}/assignments`,
    body: () => ({ userIds: [], version: 1 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/notes",
    url: () => `/api/cases/${fixture.inScopeCase}/notes`,
    expect: only("cds_officer", "cdt_officer", "investigator", "victim_assistance"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/notes",
    url: () => `/api/cases/${fixture.outOfScopeCase}/notes`,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/notes",
    url: () => `/api/cases/${fixture.inScopeCase}/notes`,
    body: () => ({ body: "Called the focal point." }),
    expect: only("cds_officer", "cdt_officer", "investigator"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/notes",
    url: () => `/api/cases/${fixture.outOfScopeCase}/notes`,
    body: () => ({ body: "Called the focal point." }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/perpetrators",
    url: () => `/api/cases/${fixture.inScopeCase}/perpetrators`,
    body: () => ({ categoryCode: "MIL_MC", nationalityCode: "GHA" }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/perpetrators",
    url: () => `/api/cases/${fixture.outOfScopeCase}/perpetrators`,
    body: () => ({ categoryCode: "MIL_MC", nationalityCode: "IND" }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/perpetrators/:id/identity",
    url: async () => `/api/perpetrators/${(await freshEnforcement("MONUSCO", "GHA")).perpetratorId}/identity`,
    body: () => ({ reason: "Vetting before deployment." }),
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
    label: "own national, in scope",
  },
  {
    method: "POST",
    route: "/api/perpetrators/:id/identity",
    url: async () => `/api/perpetrators/${(await freshEnforcement("UNMISS", "IND")).perpetratorId}/identity`,
    body: () => ({ reason: "Vetting before deployment." }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/units",
    url: () => "/api/units?mission=MONUSCO",
    expect: only("cds_officer", "cdt_officer", "analyst", "member_state_focal_point"),
  },
  {
    method: "GET",
    route: "/api/leadership",
    url: () => "/api/leadership?mission=MONUSCO",
    expect: only("cds_officer", "analyst", "cdt_officer", "head_of_mission"),
  },
  ...(["MONUSCO", "UNMISS"] as const).flatMap((missionCode): MatrixRow[] => {
    const label = missionCode === "MONUSCO" ? "own mission" : "another mission";
    const drafters = missionCode === "MONUSCO" ? only("cds_officer", "cdt_officer") : only("cds_officer");
    return [
      {
        method: "POST",
        route: "/api/leadership/plans",
        url: () => "/api/leadership/plans",
        // Each attempt drafts another year's plan, so that one role's success does not refuse the next.
        body: () => ({ missionCode, year: nextPlanYear(), post: "head_of_mission", leaderName: "Matrix Leader" }),
        expect: drafters,
        label,
      },
      {
        method: "POST",
        route: "/api/leadership/plans/:id/commitments",
        url: async () => `/api/leadership/plans/${(await freshPlan(missionCode)).planId}/commitments`,
        body: () => ({ commitment: "Matrix commitment", owner: "Matrix owner", dueOn: "2026-12-31" }),
        expect: drafters,
        label,
      },
      {
        method: "PUT",
        route: "/api/leadership/commitments/:id/status",
        url: async () => `/api/leadership/commitments/${(await freshPlan(missionCode)).commitmentId}/status`,
        body: () => ({ status: "in_progress" }),
        expect: drafters,
        label,
      },
      {
        method: "POST",
        route: "/api/leadership/plans/:id/certify",
        url: async () => `/api/leadership/plans/${(await freshPlan(missionCode)).planId}/certify`,
        body: () => ({ version: 1 }),
        expect: missionCode === "MONUSCO" ? only("head_of_mission") : only(),
        label,
      },
    ];
  }),
  {
    method: "GET",
    route: "/api/units/patterns",
    url: () => "/api/units/patterns?mission=MONUSCO",
    expect: only("cds_officer", "cdt_officer", "analyst", "member_state_focal_point"),
  },
  {
    method: "POST",
    route: "/api/units/:id/decisions",
    url: async () => `/api/units/${await freshUnit("MONUSCO", "GHA")}/decisions`,
    body: () => ({ decision: "review", decidedOn: "2026-10-01", grounds: "Several allegations in one rotation." }),
    expect: only("cds_officer"),
    label: "headquarters' decision",
  },
  {
    method: "POST",
    route: "/api/units/:id/leaders",
    url: async () => `/api/units/${await freshUnit("MONUSCO", "GHA")}/leaders`,
    body: () => ({ post: "commander", name: "Col. Matrix", servedFrom: "2026-02-01" }),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/units/:id/leaders",
    url: async () => `/api/units/${await freshUnit("UNMISS", "IND")}/leaders`,
    body: () => ({ post: "commander", name: "Col. Matrix", servedFrom: "2026-02-01" }),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "PUT",
    route: "/api/perpetrators/:id/unit",
    url: async () => `/api/perpetrators/${(await freshEnforcement("MONUSCO", "GHA")).perpetratorId}/unit`,
    body: () => ({ contingentId: null }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "PUT",
    route: "/api/perpetrators/:id/unit",
    url: async () => `/api/perpetrators/${(await freshEnforcement("UNMISS", "IND")).perpetratorId}/unit`,
    body: () => ({ contingentId: null }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "PUT",
    route: "/api/cases/:id/units/:unitId/duties",
    url: async () => {
      const { caseId, unitId } = await freshCaseUnit("MONUSCO", "GHA");
      return `/api/cases/${caseId}/units/${unitId}/duties`;
    },
    body: () => ({ duties: [{ duty: "reported", answer: "no" }] }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "PUT",
    route: "/api/cases/:id/units/:unitId/duties",
    url: async () => {
      const { caseId, unitId } = await freshCaseUnit("UNMISS", "IND");
      return `/api/cases/${caseId}/units/${unitId}/duties`;
    },
    body: () => ({ duties: [{ duty: "reported", answer: "no" }] }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/proceedings",
    url: () => `/api/cases/${fixture.inScopeCase}/proceedings`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/proceedings",
    url: () => `/api/cases/${fixture.outOfScopeCase}/proceedings`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/perpetrators/:id/proceedings",
    url: async () => `/api/perpetrators/${(await freshEnforcement("MONUSCO", "GHA")).perpetratorId}/proceedings`,
    body: () => ({ kind: "court_martial", venue: "mission_area", openedOn: "2026-06-02", charges: "Matrix charge." }),
    expect: only("cds_officer", "cdt_officer", "member_state_focal_point"),
    label: "own national, in scope",
  },
  {
    method: "POST",
    route: "/api/perpetrators/:id/proceedings",
    url: async () => `/api/perpetrators/${(await freshEnforcement("UNMISS", "IND")).perpetratorId}/proceedings`,
    body: () => ({ kind: "court_martial", venue: "mission_area", openedOn: "2026-06-02", charges: "Matrix charge." }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "PUT",
    route: "/api/proceedings/:id",
    url: async () => `/api/proceedings/${await freshProceeding("MONUSCO", "GHA")}`,
    body: () => ({
      ...{ kind: "court_martial", venue: "mission_area", openedOn: "2026-06-02", charges: "Matrix charge." },
      version: 1,
    }),
    expect: only("cds_officer", "cdt_officer", "member_state_focal_point"),
    label: "own national, in scope",
  },
  {
    method: "PUT",
    route: "/api/proceedings/:id",
    url: async () => `/api/proceedings/${await freshProceeding("UNMISS", "IND")}`,
    body: () => ({
      ...{ kind: "court_martial", venue: "mission_area", openedOn: "2026-06-02", charges: "Matrix charge." },
      version: 1,
    }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  ...(["MONUSCO", "UNMISS"] as const).map(
    (missionCode): MatrixRow => ({
      method: "POST",
      route: "/api/cases/:id/units/:unitId/leader-allegations",
      url: async () => {
        const { caseId, unitId, leaderId } = await freshCaseUnitLeader(missionCode);
        lastLeaderId = leaderId;
        return `/api/cases/${caseId}/units/${unitId}/leader-allegations`;
      },
      body: () => ({ leaderId: lastLeaderId, allegationCodes: ["OBSTRUCTION_FAILURE_TO_REPORT"] }),
      expect: missionCode === "MONUSCO" ? only("cds_officer", "cdt_officer") : only("cds_officer"),
      label: missionCode === "MONUSCO" ? "in scope" : "out of scope",
    }),
  ),
  {
    method: "GET",
    route: "/api/cases/:id/command",
    url: () => `/api/cases/${fixture.inScopeCase}/command`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/command",
    url: () => `/api/cases/${fixture.outOfScopeCase}/command`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/enforcement",
    url: () => `/api/cases/${fixture.inScopeCase}/enforcement`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/enforcement",
    url: () => `/api/cases/${fixture.outOfScopeCase}/enforcement`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/investigations",
    url: async () => `/api/cases/${await freshCase("MONUSCO", "referred")}/investigations`,
    body: () => ({ entity: "nio", countryCode: "GHA", startedOn: "2026-09-01" }),
    expect: only("cds_officer", "cdt_officer", "member_state_focal_point"),
    label: "NIO of own State",
  },
  {
    method: "POST",
    route: "/api/cases/:id/investigations",
    url: async () => `/api/cases/${await freshCase("UNMISS", "referred", ["IND"])}/investigations`,
    body: () => ({ entity: "oios", startedOn: "2026-09-01" }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "PATCH",
    route: "/api/investigations/:id",
    url: async () => `/api/investigations/${(await freshEnforcement("MONUSCO", "GHA")).investigationId}`,
    body: () => ({ investigators: "NIO team", version: 1 }),
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
    label: "in scope",
  },
  {
    method: "PATCH",
    route: "/api/investigations/:id",
    url: async () => `/api/investigations/${(await freshEnforcement("UNMISS", "IND")).investigationId}`,
    body: () => ({ investigators: "NIO team", version: 1 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/investigations/:id/updates",
    url: async () => `/api/investigations/${(await freshEnforcement("MONUSCO", "GHA")).investigationId}/updates`,
    body: () => ({ note: "Interviews done." }),
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/investigations/:id/updates",
    url: async () => `/api/investigations/${(await freshEnforcement("UNMISS", "IND")).investigationId}/updates`,
    body: () => ({ note: "Interviews done." }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/investigations/:id/extensions",
    url: async () => `/api/investigations/${(await freshEnforcement("MONUSCO", "GHA")).investigationId}/extensions`,
    body: () => ({ days: 10, reason: "Witness unavailable." }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/investigations/:id/extensions",
    url: async () => `/api/investigations/${(await freshEnforcement("UNMISS", "IND")).investigationId}/extensions`,
    body: () => ({ days: 10, reason: "Witness unavailable." }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/referrals/:id/extensions",
    url: async () => `/api/referrals/${await freshReferral("MONUSCO", "GHA")}/extensions`,
    body: () => ({ days: 5, reason: "The Permanent Mission asked for time." }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/referrals/:id/extensions",
    url: async () => `/api/referrals/${await freshReferral("UNMISS", "IND")}/extensions`,
    body: () => ({ days: 5, reason: "The Permanent Mission asked for time." }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "PUT",
    route: "/api/investigations/:id/findings/:perpetratorId",
    url: async () => {
      const { investigationId, perpetratorId } = await freshEnforcement("MONUSCO", "GHA");
      return `/api/investigations/${investigationId}/findings/${perpetratorId}`;
    },
    body: () => ({ finding: "substantiated", recordedOn: "2026-10-01" }),
    expect: only("cds_officer", "cdt_officer", "investigator", "member_state_focal_point"),
    label: "in scope",
  },
  {
    method: "PUT",
    route: "/api/investigations/:id/findings/:perpetratorId",
    url: async () => {
      const { investigationId, perpetratorId } = await freshEnforcement("UNMISS", "IND");
      return `/api/investigations/${investigationId}/findings/${perpetratorId}`;
    },
    body: () => ({ finding: "substantiated", recordedOn: "2026-10-01" }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/cases/:id/actions",
    url: async () => `/api/cases/${(await freshEnforcement("MONUSCO", "GHA")).caseId}/actions`,
    body: () => ({
      perpetratorId: lastEnforcement.perpetratorId,
      stage: "interim",
      takenBy: "member_state",
      kind: "repatriation",
      decidedOn: "2026-10-01",
    }),
    expect: only("cds_officer", "cdt_officer", "member_state_focal_point"),
    label: "by the State, on its national",
  },
  {
    method: "POST",
    route: "/api/cases/:id/actions",
    url: async () => `/api/cases/${(await freshEnforcement("UNMISS", "IND")).caseId}/actions`,
    body: () => ({
      perpetratorId: lastEnforcement.perpetratorId,
      stage: "interim",
      takenBy: "un",
      kind: "administrative_leave",
      decidedOn: "2026-10-01",
    }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/publication/review",
    url: () => "/api/publication/review",
    expect: only("publisher", "cds_officer"),
  },
  {
    method: "POST",
    route: "/api/publication/preview",
    url: () => "/api/publication/preview",
    body: () => ({ caseIds: [fixture.outOfScopeCase] }),
    expect: only("publisher", "cds_officer"),
  },
  {
    method: "POST",
    route: "/api/publication",
    url: () => "/api/publication",
    body: () => ({ caseIds: [fixture.outOfScopeCase], action: "publish" }),
    expect: only("publisher", "cds_officer"),
  },
  {
    method: "GET",
    route: "/api/public/allegations",
    url: () => "/api/public/allegations?format=csv",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/stats/allegations",
    url: () => "/api/public/stats/allegations?groupBy=year",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/stats/perpetrators",
    url: () => "/api/public/stats/perpetrators?groupBy=category",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/stats/victims",
    url: () => "/api/public/stats/victims?groupBy=group",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/stats/investigations",
    url: () => "/api/public/stats/investigations?groupBy=entity",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/stats/actions",
    url: () => "/api/public/stats/actions?groupBy=action&stage=final",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/member-states",
    url: () => "/api/public/member-states",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/member-states/:country",
    url: () => "/api/public/member-states/GHA",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/missions/command",
    url: () => "/api/public/missions/command",
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/api/accountability", url: () => "/api/accountability", expect: only("cds_officer") },
  {
    method: "GET",
    route: "/api/accountability/missions",
    url: () => "/api/accountability/missions",
    expect: only("cds_officer"),
  },
  {
    method: "GET",
    route: "/api/accountability/:country",
    url: () => "/api/accountability/GHA",
    expect: only("cds_officer", "member_state_focal_point"),
    label: "the focal point's own State",
  },
  {
    method: "GET",
    route: "/api/accountability/:country",
    url: () => "/api/accountability/IND?format=pdf",
    expect: only("cds_officer"),
    label: "another State",
  },
  {
    method: "GET",
    route: "/data/member-states",
    url: () => "/data/member-states?lang=fr",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/data/member-states/:country",
    url: () => "/data/member-states/GHA?lang=ar",
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/help", url: () => "/help?lang=ar", expect: everyone, anonymous: "allow" },
  { method: "GET", route: "/api/help-information", url: () => "/api/help-information", expect: everyone },
  { method: "GET", route: "/api/languages", url: () => "/api/languages", expect: everyone },
  // A gateway's webhook answers only a delivery signed with its secret (src/server/modules/sms/sms.test.ts).
  ...(["twilio", "generic"] as const).map((gateway) => ({
    method: "POST" as const,
    route: `/api/sms/${gateway}`,
    url: () => `/api/sms/${gateway}`,
    body: () => ({ from: "+243815550100", text: "unsigned" }),
    expect: only(),
    anonymous: "signed" as const,
  })),
  { method: "GET", route: "/api/languages/template", url: () => "/api/languages/template", expect: everyone },
  { method: "GET", route: "/api/languages/:code", url: () => "/api/languages/sw", expect: everyone },
  {
    method: "PUT",
    route: "/api/languages/:code",
    url: () => "/api/languages/kg",
    body: () => ({ code: "kg", name: "Kikongo", fallback: "fr", messages: { "form.submit": "Tinda" } }),
    expect: only("administrator"),
  },
  {
    method: "GET",
    route: "/api/help-information/:scope/versions",
    url: async () => `/api/help-information/${await helpKept("HQ")}/versions`,
    expect: everyone,
  },
  {
    method: "PUT",
    route: "/api/help-information/:scope",
    url: async () => `/api/help-information/${await helpKept("MONUSCO")}`,
    body: () => helpEdit("MONUSCO"),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "PUT",
    route: "/api/help-information/:scope",
    url: async () => `/api/help-information/${await helpKept("UNMISS")}`,
    body: () => helpEdit("UNMISS"),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "PUT",
    route: "/api/help-information/:scope",
    url: async () => `/api/help-information/${await helpKept("HQ")}`,
    body: () => helpEdit("HQ"),
    expect: only("cds_officer"),
    label: "headquarters",
  },
  {
    method: "GET",
    route: "/api/public/commitments",
    url: () => "/api/public/commitments",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "POST",
    route: "/api/commitments",
    url: () => "/api/commitments",
    body: () => ({ kind: "voluntary_compact", countryCode: "ISL", joinedOn: "2019-05-02" }),
    expect: only("cds_officer"),
  },
  {
    method: "DELETE",
    route: "/api/commitments/:id",
    url: async () => `/api/commitments/${await freshCommitment()}`,
    expect: only("cds_officer"),
  },
  {
    method: "GET",
    route: "/data",
    url: () => "/data?view=victims&groupBy=group&lang=ar",
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/data/world.svg", url: () => "/data/world.svg", expect: everyone, anonymous: "allow" },
  {
    method: "GET",
    route: "/data/victim-support",
    url: () => "/data/victim-support?lang=ar",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/data/misconduct",
    url: () => "/data/misconduct?groupBy=area&lang=ru",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/data/system-wide",
    url: () => "/data/system-wide?groupBy=category&lang=zh",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/system-wide",
    url: () => "/api/public/system-wide?groupBy=entity&year=2026",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/publication/system-wide-report",
    url: () => "/api/publication/system-wide-report?year=2026&quarter=1&format=xlsx",
    expect: only("publisher", "cds_officer"),
  },
  {
    method: "GET",
    route: "/api/public/stats/misconduct",
    url: () => "/api/public/stats/misconduct?groupBy=level",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/victim-support",
    url: () => "/api/public/victim-support",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/data/allegations",
    url: () => "/data/allegations?year=2026&lang=zh",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/data/allegations/feed.atom",
    url: () => "/data/allegations/feed.atom",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/data/good-practices",
    url: () => "/data/good-practices?area=prevention&lang=ru",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/data/commitments",
    url: () => "/data/commitments?lang=es",
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/public/good-practices",
    url: () => "/api/public/good-practices?area=prevention",
    expect: everyone,
    anonymous: "allow",
  },
  { method: "GET", route: "/api/good-practices", url: () => "/api/good-practices", expect: everyone },
  {
    method: "POST",
    route: "/api/good-practices",
    url: () => "/api/good-practices",
    body: (role) => ({
      title: `Practice shared by ${role} ${randomUUID()}`,
      area: "prevention",
      theme: "Training",
      countryCodes: ["GHA"],
    }),
    expect: only("cds_officer", "member_state_focal_point"),
    label: "for Ghana",
  },
  {
    method: "PATCH",
    route: "/api/good-practices/:id",
    url: async () => `/api/good-practices/${await freshPractice()}`,
    body: () => ({
      title: `Edited ${randomUUID()}`,
      area: "enforcement",
      theme: "Investigations",
      countryCodes: ["GHA"],
      version: 1,
    }),
    expect: only("cds_officer", "member_state_focal_point"),
  },
  {
    method: "POST",
    route: "/api/good-practices/:id/steps",
    url: async () => `/api/good-practices/${await freshPractice()}/steps`,
    body: () => ({ step: "submit" }),
    expect: only("cds_officer", "member_state_focal_point"),
    label: "submit",
  },
  {
    method: "POST",
    route: "/api/good-practices/:id/files",
    url: async () => `/api/good-practices/${await freshPractice()}/files`,
    body: () => ({ fileName: "guide.pdf", contentBase64: matrixPdf.toString("base64") }),
    expect: only("cds_officer", "member_state_focal_point"),
  },
  {
    method: "DELETE",
    route: "/api/good-practices/:id/files/:fileId",
    url: async () => {
      const { practiceId, fileId } = await freshPracticeFile();
      return `/api/good-practices/${practiceId}/files/${fileId}`;
    },
    expect: only("cds_officer", "member_state_focal_point"),
  },
  {
    method: "GET",
    route: "/api/good-practices/files/:fileId",
    url: async () => `/api/good-practices/files/${(await freshPracticeFile()).fileId}`,
    expect: only("cds_officer", "member_state_focal_point"),
    label: "a draft's",
  },
  {
    method: "GET",
    route: "/api/public/good-practices/files/:fileId",
    url: async () => `/api/public/good-practices/files/${(await freshPracticeFile("published")).fileId}`,
    expect: everyone,
    anonymous: "allow",
  },
  {
    method: "GET",
    route: "/api/overdue",
    url: () => "/api/overdue",
    expect: only("cds_officer", "cdt_officer", "member_state_focal_point"),
  },
  {
    method: "GET",
    route: "/api/work",
    url: () => "/api/work",
    expect: only(
      "cds_officer",
      "cdt_officer",
      "cbcm_focal_point",
      "member_state_focal_point",
      "victim_assistance",
      "identity_custodian",
      "publisher",
    ),
  },
  { method: "GET", route: "/api/notifications", url: () => "/api/notifications", expect: everyone },
  {
    method: "POST",
    route: "/api/notifications/read",
    url: () => "/api/notifications/read",
    body: () => ({}),
    expect: everyone,
  },
  { method: "GET", route: "/api/saved-filters", url: () => "/api/saved-filters", expect: everyone },
  {
    method: "POST",
    route: "/api/saved-filters",
    url: () => "/api/saved-filters",
    body: () => ({ name: "Mine", query: { status: "referred" } }),
    expect: only(...caseRoles),
  },
  {
    method: "DELETE",
    route: "/api/saved-filters/:id",
    url: async () => {
      const saved = await clients.cds_officer.request({
        method: "POST",
        url: "/api/saved-filters",
        payload: { name: `Someone else's ${randomUUID()}`, query: {} },
      });
      return `/api/saved-filters/${saved.json().id}`;
    },
    expect: only("cds_officer"),
    label: "another user's filter (only its owner)",
  },
  { method: "GET", route: "/api/audit-events", url: () => "/api/audit-events", expect: only("auditor") },
  {
    method: "GET",
    route: "/api/audit-events/verification",
    url: () => "/api/audit-events/verification",
    expect: only("auditor"),
  },
  { method: "GET", route: "/api/cases", url: () => "/api/cases", expect: only(...caseRoles) },
  {
    method: "GET",
    route: "/api/cases/:id",
    url: () => `/api/cases/${fixture.inScopeCase}`,
    expect: only(...caseRoles),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id",
    url: () => `/api/cases/${fixture.outOfScopeCase}`,
    expect: only("cds_officer", "analyst", "publisher"),
    label: "out of scope",
  },
  // Victim assistance: only the mission's victim-assistance staff; case officers see codes on a case.
  { method: "GET", route: "/api/victims", url: () => "/api/victims", expect: only("victim_assistance") },
  {
    method: "POST",
    route: "/api/victims",
    url: () => "/api/victims",
    body: () => ({ missionCode: "MONUSCO", sex: "female", caseId: fixture.inScopeCase }),
    expect: only("victim_assistance"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/victims",
    url: () => "/api/victims",
    body: () => ({ missionCode: "UNMISS", sex: "female" }),
    expect: only(),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/victims/:id",
    url: () => `/api/victims/${victimFixture.inScope}`,
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/victims/:id",
    url: () => `/api/victims/${victimFixture.outOfScope}`,
    expect: only(),
    label: "out of scope",
  },
  {
    method: "PATCH",
    route: "/api/victims/:id",
    url: async () => `/api/victims/${await freshVictim("MONUSCO")}`,
    body: () => ({ ageAtIncident: 15, version: 1 }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "PATCH",
    route: "/api/victims/:id",
    url: async () => `/api/victims/${await freshVictim("UNMISS")}`,
    body: () => ({ ageAtIncident: 15, version: 1 }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/identity",
    url: () => `/api/victims/${victimFixture.inScope}/identity`,
    body: () => ({ reason: "Matrix test of the reveal" }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/identity",
    url: () => `/api/victims/${victimFixture.outOfScope}/identity`,
    body: () => ({ reason: "Matrix test of the reveal" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/consents",
    url: () => `/api/victims/${victimFixture.inScope}/consents`,
    body: () => ({ recipient: "service_providers", granted: true, givenOn: "2026-01-05" }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/consents",
    url: () => `/api/victims/${victimFixture.outOfScope}/consents`,
    body: () => ({ recipient: "service_providers", granted: true, givenOn: "2026-01-05" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/shares",
    url: async () => `/api/victims/${await freshVictim("MONUSCO")}/shares`,
    body: () => ({ unitCode: OTHER_ENTITY_UNIT, consentBy: "victim", consentOn: "2026-01-05" }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/shares",
    url: async () => `/api/victims/${await freshVictim("UNMISS")}/shares`,
    body: () => ({ unitCode: OTHER_ENTITY_UNIT, consentBy: "victim", consentOn: "2026-01-05" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/shares/:shareId/end",
    url: async () => freshShare("MONUSCO"),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/shares/:shareId/end",
    url: async () => freshShare("UNMISS"),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/cases",
    url: () => `/api/victims/${victimFixture.inScope}/cases`,
    body: () => ({ caseId: fixture.inScopeCase }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/cases",
    url: () => `/api/victims/${victimFixture.outOfScope}/cases`,
    body: () => ({ caseId: fixture.outOfScopeCase }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/assessments",
    url: () => `/api/victims/${victimFixture.inScope}/assessments`,
    body: () => ({ assessedOn: "2026-01-05", needs: ["medical"] }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/assessments",
    url: () => `/api/victims/${victimFixture.outOfScope}/assessments`,
    body: () => ({ assessedOn: "2026-01-05", needs: ["medical"] }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/updates",
    url: () => `/api/victims/${victimFixture.inScope}/updates`,
    body: () => ({ informedOn: "2026-01-05", means: "in_person", topics: ["case_progress"] }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/updates",
    url: () => `/api/victims/${victimFixture.outOfScope}/updates`,
    body: () => ({ informedOn: "2026-01-05", means: "phone", topics: ["outcome"] }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/referrals",
    url: () => `/api/victims/${victimFixture.inScope}/referrals`,
    body: () => ({ providerId: victimFixture.provider, serviceType: "medical", proposedOn: "2026-01-05" }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/referrals",
    url: () => `/api/victims/${victimFixture.outOfScope}/referrals`,
    body: () => ({ providerId: victimFixture.provider, serviceType: "medical", proposedOn: "2026-01-05" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/children",
    url: () => `/api/victims/${victimFixture.inScope}/children`,
    body: () => ({ sex: "female", birthYear: 2025 }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/children",
    url: () => `/api/victims/${victimFixture.outOfScope}/children`,
    body: () => ({ sex: "female", birthYear: 2025 }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "PATCH",
    route: "/api/assistance-referrals/:id",
    url: async () => `/api/assistance-referrals/${await freshAssistanceReferral(victimFixture.inScope)}`,
    body: () => ({ status: "accepted", on: "2026-01-06", version: 1 }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "PATCH",
    route: "/api/assistance-referrals/:id",
    url: async () => `/api/assistance-referrals/${await freshAssistanceReferral(victimFixture.outOfScope)}`,
    body: () => ({ status: "accepted", on: "2026-01-06", version: 1 }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/assistance-referrals/:id/follow-ups",
    url: async () => `/api/assistance-referrals/${await freshAssistanceReferral(victimFixture.inScope)}/follow-ups`,
    body: () => ({ note: "Attended.", recordedOn: "2026-01-07" }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/assistance-referrals/:id/follow-ups",
    url: async () => `/api/assistance-referrals/${await freshAssistanceReferral(victimFixture.outOfScope)}/follow-ups`,
    body: () => ({ note: "Attended.", recordedOn: "2026-01-07" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/victims",
    url: () => `/api/cases/${fixture.inScopeCase}/victims`,
    expect: only("cds_officer", "cdt_officer", "investigator", "victim_assistance"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/cases/:id/victims",
    url: () => `/api/cases/${fixture.outOfScopeCase}/victims`,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/service-providers",
    url: () => "/api/service-providers?mission=MONUSCO",
    expect: everyone,
  },
  {
    method: "POST",
    route: "/api/service-providers",
    url: () => "/api/service-providers",
    body: () => ({ missionCode: "MONUSCO", name: "Matrix clinic", serviceTypes: ["medical"] }),
    expect: only("victim_assistance"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/service-providers",
    url: () => "/api/service-providers",
    body: () => ({ missionCode: "UNMISS", name: "Matrix clinic", serviceTypes: ["medical"] }),
    expect: only(),
    label: "another mission",
  },
  {
    method: "PATCH",
    route: "/api/service-providers/:id",
    url: () => `/api/service-providers/${victimFixture.provider}`,
    body: () => ({ contact: "+243 000 000 001" }),
    expect: only("victim_assistance"),
    label: "own mission",
  },
  {
    method: "PATCH",
    route: "/api/service-providers/:id",
    url: () => `/api/service-providers/${victimFixture.outOfScopeProvider}`,
    body: () => ({ contact: "+211 000 000 001" }),
    expect: only(),
    label: "another mission",
  },
  // Paternity claims: the mission's advocates, and the alleged father's State with the mother's consent.
  {
    method: "POST",
    route: "/api/victims/:id/paternity-claims",
    url: () => `/api/victims/${victimFixture.inScope}/paternity-claims`,
    body: () => ({
      childId: claimFixture.inScope.childId,
      perpetratorId: claimFixture.inScope.perpetratorId,
      notifiedOn: "2026-02-01",
    }),
    expect: only("victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/victims/:id/paternity-claims",
    url: () => `/api/victims/${victimFixture.outOfScope}/paternity-claims`,
    body: () => ({
      childId: claimFixture.outOfScope.childId,
      perpetratorId: claimFixture.outOfScope.perpetratorId,
      notifiedOn: "2026-02-01",
    }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/paternity-claims",
    url: () => "/api/paternity-claims",
    expect: only("victim_assistance", "member_state_focal_point"),
  },
  {
    method: "GET",
    route: "/api/paternity-claims/:id",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.inScope)}`,
    expect: only("victim_assistance", "member_state_focal_point"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/paternity-claims/:id",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.outOfScope)}`,
    expect: only(),
    label: "out of scope",
  },
  {
    method: "PATCH",
    route: "/api/paternity-claims/:id",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.inScope)}`,
    body: () => ({ focalPointName: "Col. Matrix", version: 1 }),
    expect: only("victim_assistance", "member_state_focal_point"),
    label: "in scope",
  },
  {
    method: "PATCH",
    route: "/api/paternity-claims/:id",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.outOfScope)}`,
    body: () => ({ focalPointName: "Col. Matrix", version: 1 }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/paternity-claims/:id/samples",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.inScope)}/samples`,
    body: () => ({ donor: "alleged_father", sampleCode: "DNA-M-1" }),
    expect: only("victim_assistance", "member_state_focal_point"),
    label: "in scope, the alleged father's",
  },
  {
    method: "POST",
    route: "/api/paternity-claims/:id/samples",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.inScope)}/samples`,
    body: () => ({ donor: "child", sampleCode: "DNA-M-1" }),
    expect: only("victim_assistance"),
    label: "in scope, the child's",
  },
  {
    method: "POST",
    route: "/api/paternity-claims/:id/samples",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.outOfScope)}/samples`,
    body: () => ({ donor: "alleged_father", sampleCode: "DNA-M-1" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/dna-samples/:id/events",
    url: async () => `/api/dna-samples/${await freshSample(claimFixture.inScope, "alleged_father")}/events`,
    body: () => ({ kind: "sealed", occurredAt: "2026-02-02T10:00:00Z", byWhom: "Nurse" }),
    expect: only("victim_assistance", "member_state_focal_point"),
    label: "in scope, the alleged father's",
  },
  {
    method: "POST",
    route: "/api/dna-samples/:id/events",
    url: async () => `/api/dna-samples/${await freshSample(claimFixture.inScope, "mother")}/events`,
    body: () => ({ kind: "sealed", occurredAt: "2026-02-02T10:00:00Z", byWhom: "Nurse" }),
    expect: only("victim_assistance"),
    label: "in scope, the mother's",
  },
  {
    method: "POST",
    route: "/api/dna-samples/:id/events",
    url: async () => `/api/dna-samples/${await freshSample(claimFixture.outOfScope, "alleged_father")}/events`,
    body: () => ({ kind: "sealed", occurredAt: "2026-02-02T10:00:00Z", byWhom: "Nurse" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/paternity-claims/:id/payments",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.inScope, true)}/payments`,
    body: () => ({ paidOn: "2026-03-01", amount: 50, currency: "USD" }),
    expect: only("victim_assistance", "member_state_focal_point"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/paternity-claims/:id/payments",
    url: async () => `/api/paternity-claims/${await freshClaim(claimFixture.outOfScope, true)}/payments`,
    body: () => ({ paidOn: "2026-03-01", amount: 50, currency: "USD" }),
    expect: only(),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/publication/import",
    url: () => "/api/publication/import",
    body: () => ({
      csv: "reference,date_reported,mission,category_of_personnel,nationality,allegation,victims,victims_children,paternity_claim,investigating_entity,investigation_days,findings,interim_action,final_action,criminal_referral\nMATRIX-HIST-1,2016-01,MONUSCO,Military (MC),GHA,SE,1,0,No,,,,,,\n",
    }),
    expect: only("cds_officer"),
  },
  {
    method: "GET",
    route: "/api/publication/imports",
    url: () => "/api/publication/imports",
    expect: only("cds_officer"),
  },
  {
    method: "POST",
    route: "/api/publication/imports/:id/withdraw",
    url: async () => `/api/publication/imports/${await freshImport()}/withdraw`,
    body: () => ({ reason: "Matrix: the wrong file was imported." }),
    expect: only("cds_officer"),
  },
  // Screening: headquarters keeps the list; headquarters and mission teams screen.
  {
    method: "POST",
    route: "/api/screening/entries",
    url: () => "/api/screening/entries",
    body: () => ({ name: "Matrix Person", reason: "substantiated_sea" }),
    expect: only("cds_officer"),
  },
  {
    method: "POST",
    route: "/api/screenings",
    url: () => "/api/screenings",
    body: () => ({ name: "Matrix Candidate" }),
    expect: only("cds_officer", "cdt_officer"),
  },
  {
    method: "POST",
    route: "/api/screenings/batch",
    url: () => "/api/screenings/batch",
    body: () => ({ csv: "name,date_of_birth,nationality,document_numbers\nMatrix Candidate,,,\n" }),
    expect: only("cds_officer", "cdt_officer"),
  },
  // The Trust Fund's books: read by the roles that follow it; headquarters and the mission's advocates write.
  {
    method: "GET",
    route: "/api/risk/shared",
    url: () => "/api/risk/shared",
    expect: only("cds_officer", "cdt_officer", "analyst"),
  },
  {
    method: "GET",
    route: "/api/risk/:missionCode/shares",
    url: () => "/api/risk/MONUSCO/shares",
    expect: only("cds_officer", "cdt_officer", "analyst"),
    label: "own mission",
  },
  {
    method: "GET",
    route: "/api/risk/:missionCode/shares",
    url: () => "/api/risk/UNMISS/shares",
    expect: only("cds_officer", "analyst"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/risk/:missionCode/shares",
    url: async () => {
      await endRegisterShares("MONUSCO");
      return "/api/risk/MONUSCO/shares";
    },
    body: () => ({ unitCode: OTHER_ENTITY_UNIT, reason: "Child-friendly spaces beside the camps" }),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission, with another entity's unit",
  },
  {
    method: "POST",
    route: "/api/risk/:missionCode/shares",
    url: () => "/api/risk/UNMISS/shares",
    body: () => ({ unitCode: OTHER_ENTITY_UNIT, reason: "Child-friendly spaces beside the camps" }),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/risk/:missionCode/shares/:shareId/end",
    url: () => freshRegisterShare("MONUSCO", OTHER_ENTITY_UNIT),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/risk/:missionCode/shares/:shareId/end",
    url: () => freshRegisterShare("UNMISS", OTHER_ENTITY_UNIT),
    expect: only("cds_officer"),
    label: "another mission",
  },
  // UNMIK's register, shared with the actor's unit for one request: read, or handed back, by its team.
  {
    method: "POST",
    route: "/api/risk/:missionCode/shares/:shareId/end",
    url: () => freshRegisterShare("UNMIK", "MONUSCO"),
    expect: only("cds_officer", "cdt_officer"),
    label: "another mission's, shared with the actor's unit",
  },
  {
    method: "GET",
    route: "/api/risk/:missionCode",
    url: () => "/api/risk/MONUSCO",
    expect: only("cds_officer", "cdt_officer", "analyst"),
    label: "own mission",
  },
  {
    method: "GET",
    route: "/api/risk/:missionCode",
    url: () => "/api/risk/UNMISS",
    expect: only("cds_officer", "analyst"),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/risk/:missionCode/reports/:quarter",
    url: () => "/api/risk/MONUSCO/reports/2026-Q1?format=xlsx",
    expect: only("cds_officer", "cdt_officer", "analyst"),
    label: "own mission",
  },
  {
    method: "GET",
    route: "/api/risk/:missionCode/reports/:quarter",
    url: () => "/api/risk/UNMISS/reports/2026-Q1",
    expect: only("cds_officer", "analyst"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/risk-assessments",
    url: () => "/api/risk-assessments",
    body: () => riskAssessment("MONUSCO"),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/risk-assessments",
    url: () => "/api/risk-assessments",
    body: () => riskAssessment("UNMISS"),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/risk-assessments/:id",
    url: async () => `/api/risk-assessments/${await freshAssessment("MONUSCO")}`,
    expect: only("cds_officer", "cdt_officer", "analyst"),
    label: "in scope",
  },
  {
    method: "GET",
    route: "/api/risk-assessments/:id",
    url: async () => `/api/risk-assessments/${await freshAssessment("UNMISS")}`,
    expect: only("cds_officer", "analyst"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/risk-assessments/:id/mitigations",
    url: async () => `/api/risk-assessments/${await freshAssessment("MONUSCO")}/mitigations`,
    body: () => riskMitigation,
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/risk-assessments/:id/mitigations",
    url: async () => `/api/risk-assessments/${await freshAssessment("UNMISS")}/mitigations`,
    body: () => riskMitigation,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "POST",
    route: "/api/risk-mitigations/:id/completion",
    url: async () => `/api/risk-mitigations/${await freshMitigation("MONUSCO")}/completion`,
    body: () => ({ completedOn: "2026-02-01", version: 1 }),
    expect: only("cds_officer", "cdt_officer"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/risk-mitigations/:id/completion",
    url: async () => `/api/risk-mitigations/${await freshMitigation("UNMISS")}/completion`,
    body: () => ({ completedOn: "2026-02-01", version: 1 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/training",
    url: () => "/api/training?mission=MONUSCO",
    expect: only("cds_officer", "cdt_officer", "analyst", "member_state_focal_point"),
  },
  {
    method: "GET",
    route: "/api/training/courses",
    url: () => "/api/training/courses",
    expect: only("cds_officer", "cdt_officer", "analyst", "member_state_focal_point"),
  },
  {
    method: "POST",
    route: "/api/training/courses",
    url: () => "/api/training/courses",
    body: (role) => ({
      code: `MATRIX-${roles.indexOf(role)}`,
      title: "Matrix course",
      kind: "refresher",
      validityMonths: 12,
    }),
    expect: only("cds_officer"),
  },
  {
    method: "POST",
    route: "/api/training/contingents",
    url: () => "/api/training/contingents",
    body: (role) => ({
      missionCode: "MONUSCO",
      countryCode: "GHA",
      name: `Matrix ${role}`,
      categoryCode: "MIL_MC",
      strength: 100,
      deployedOn: "2026-01-01",
    }),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/training/contingents",
    url: () => "/api/training/contingents",
    body: (role) => ({
      missionCode: "UNMISS",
      countryCode: "GHA",
      name: `Matrix ${role}`,
      categoryCode: "MIL_MC",
      strength: 100,
      deployedOn: "2026-01-01",
    }),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/training/sessions",
    url: trainingSessionsUrl,
    body: () => trainingSession("induction", "MONUSCO", null),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission's induction",
  },
  {
    method: "POST",
    route: "/api/training/sessions",
    url: trainingSessionsUrl,
    body: () => trainingSession("induction", "UNMISS", null),
    expect: only("cds_officer"),
    label: "another mission's induction",
  },
  {
    method: "POST",
    route: "/api/training/sessions",
    url: trainingSessionsUrl,
    body: () => trainingSession("pre_deployment", null, "GHA"),
    expect: only("cds_officer", "member_state_focal_point"),
    label: "own State's pre-deployment",
  },
  {
    method: "POST",
    route: "/api/training/sessions",
    url: trainingSessionsUrl,
    body: () => trainingSession("pre_deployment", null, "SEN"),
    expect: only("cds_officer"),
    label: "another State's pre-deployment",
  },
  {
    method: "POST",
    route: "/api/training/sessions/:id/certification",
    url: async () =>
      `/api/training/sessions/${await freshTrainingSession("pre_deployment", null, "GHA")}/certification`,
    body: () => ({ statement: "Matrix certification of the whole contingent." }),
    expect: only("member_state_focal_point"),
    label: "own State",
  },
  {
    method: "POST",
    route: "/api/training/sessions/:id/certification",
    url: async () =>
      `/api/training/sessions/${await freshTrainingSession("pre_deployment", null, "SEN")}/certification`,
    body: () => ({ statement: "Matrix certification of the whole contingent." }),
    expect: only(),
    label: "another State",
  },
  {
    method: "POST",
    route: "/api/training/sessions/:id/attendance",
    url: async () => `/api/training/sessions/${await freshTrainingSession("induction", "MONUSCO", "GHA")}/attendance`,
    body: () => attendanceList,
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/training/sessions/:id/attendance",
    url: async () => `/api/training/sessions/${await freshTrainingSession("pre_deployment", null, "GHA")}/attendance`,
    body: () => attendanceList,
    expect: only("cds_officer", "member_state_focal_point"),
    label: "own State",
  },
  {
    method: "POST",
    route: "/api/training/sessions/:id/attendance",
    url: async () => `/api/training/sessions/${await freshTrainingSession("induction", "UNMISS", "SEN")}/attendance`,
    body: () => attendanceList,
    expect: only("cds_officer"),
    label: "out of scope",
  },
  {
    method: "GET",
    route: "/api/after-action-reviews",
    url: () => "/api/after-action-reviews?q=curfew",
    expect: only("cds_officer", "cdt_officer", "analyst"),
  },
  {
    method: "POST",
    route: "/api/after-action-reviews",
    url: () => "/api/after-action-reviews",
    body: () => afterActionReview("MONUSCO"),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/after-action-reviews",
    url: () => "/api/after-action-reviews",
    body: () => afterActionReview("UNMISS"),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/after-action-reviews/:id",
    url: async () => `/api/after-action-reviews/${await freshReview("MONUSCO")}`,
    expect: only("cds_officer", "cdt_officer", "analyst"),
    label: "own mission",
  },
  {
    method: "GET",
    route: "/api/after-action-reviews/:id",
    url: async () => `/api/after-action-reviews/${await freshReview("UNMISS")}`,
    expect: only("cds_officer", "cdt_officer", "analyst"),
    label: "another mission's lessons",
  },
  {
    method: "POST",
    route: "/api/after-action-reviews/:id/actions",
    url: async () => `/api/after-action-reviews/${await freshReview("MONUSCO")}/actions`,
    body: () => followUpAction,
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/after-action-reviews/:id/actions",
    url: async () => `/api/after-action-reviews/${await freshReview("UNMISS")}/actions`,
    body: () => followUpAction,
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/after-action-actions/:id/completion",
    url: async () => `/api/after-action-actions/${await freshFollowUp("MONUSCO")}/completion`,
    body: () => ({ completedOn: "2026-02-01", version: 1 }),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/after-action-actions/:id/completion",
    url: async () => `/api/after-action-actions/${await freshFollowUp("UNMISS")}/completion`,
    body: () => ({ completedOn: "2026-02-01", version: 1 }),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/outreach/:missionCode",
    url: () => "/api/outreach/MONUSCO",
    expect: only("cds_officer", "cdt_officer", "analyst", "cbcm_focal_point"),
    label: "own mission",
  },
  {
    method: "GET",
    route: "/api/outreach/:missionCode",
    url: () => "/api/outreach/UNMISS",
    expect: only("cds_officer", "analyst"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/outreach",
    url: () => "/api/outreach",
    body: () => outreachActivity("MONUSCO"),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/outreach",
    url: () => "/api/outreach",
    body: () => outreachActivity("UNMISS"),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/cbcm-networks/:missionCode",
    url: () => "/api/cbcm-networks/MONUSCO",
    expect: only("cds_officer", "cdt_officer", "analyst", "cbcm_focal_point"),
    label: "own mission",
  },
  {
    method: "GET",
    route: "/api/cbcm-networks/:missionCode",
    url: () => "/api/cbcm-networks/UNMISS",
    expect: only("cds_officer", "analyst"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/cbcm-networks",
    url: () => "/api/cbcm-networks",
    body: (role) => ({
      missionCode: "MONUSCO",
      name: `Matrix network ${role}`,
      area: "Matrix area",
      languages: ["French"],
      channels: ["phone"],
    }),
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/cbcm-networks",
    url: () => "/api/cbcm-networks",
    body: (role) => ({
      missionCode: "UNMISS",
      name: `Matrix network ${role}`,
      area: "Matrix area",
      languages: ["French"],
      channels: ["phone"],
    }),
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "POST",
    route: "/api/cbcm-networks/:id/members",
    url: async () => `/api/cbcm-networks/${await freshNetwork("MONUSCO")}/members`,
    body: () => networkMember,
    expect: only("cds_officer", "cdt_officer"),
    label: "own mission",
  },
  {
    method: "POST",
    route: "/api/cbcm-networks/:id/members",
    url: async () => `/api/cbcm-networks/${await freshNetwork("UNMISS")}/members`,
    body: () => networkMember,
    expect: only("cds_officer"),
    label: "another mission",
  },
  {
    method: "GET",
    route: "/api/trust-fund",
    url: () => "/api/trust-fund",
    expect: only("cds_officer", "victim_assistance", "analyst", "publisher", "member_state_focal_point", "auditor"),
  },
  {
    method: "POST",
    route: "/api/trust-fund/contributions",
    url: () => "/api/trust-fund/contributions",
    body: () => ({ countryCode: "GHA", receivedOn: "2026-01-05", amount: 1000, currency: "USD" }),
    expect: only("cds_officer"),
  },
  {
    method: "POST",
    route: "/api/trust-fund/projects",
    url: () => "/api/trust-fund/projects",
    body: () => ({
      missionCode: "MONUSCO",
      title: "Matrix project",
      implementingPartner: "Partner",
      budget: 1000,
      currency: "USD",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      services: ["medical"],
    }),
    expect: only("cds_officer", "victim_assistance"),
  },
  {
    method: "POST",
    route: "/api/trust-fund/projects/:id/beneficiaries",
    url: async () => `/api/trust-fund/projects/${await freshProject("MONUSCO")}/beneficiaries`,
    body: () => ({ reportedOn: "2026-01-05", category: "victims", people: 3 }),
    expect: only("cds_officer", "victim_assistance"),
    label: "in scope",
  },
  {
    method: "POST",
    route: "/api/trust-fund/projects/:id/beneficiaries",
    url: async () => `/api/trust-fund/projects/${await freshProject("UNMISS")}/beneficiaries`,
    body: () => ({ reportedOn: "2026-01-05", category: "victims", people: 3 }),
    expect: only("cds_officer"),
    label: "out of scope",
  },
];

/** A report nobody has linked yet, so that every role's attempt meets the same state. */
async function freshReport(missionCode: string, route = "unknown"): Promise<string> {
  await t.app.inject({ method: "POST", url: "/api/public/reports", payload: { ...publicReport(missionCode), route } });
  const [row] = await t.handle.asOwner((owner) =>
    owner.query<{ id: string }>(
      "SELECT r.id FROM reports r WHERE r.case_id IS NULL ORDER BY r.received_at DESC LIMIT 1",
    ),
  );
  return row.id;
}

const victimFixture = { inScope: "", outOfScope: "", provider: "", outOfScopeProvider: "" };
let victimSequence = 0;

/** A victim straight into the table (as the system), so that each role meets the same state. */
async function freshVictim(missionCode: string): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(victims)
      .values({ code: `V-${missionCode}-M${++victimSequence}`, missionCode, sex: "female", ageGroup: "adult" })
      .returning({ id: victims.id }),
  );
  return row.id;
}

/** A unit of another entity than the peace operations' (DPO), that records may be shared with. */
const OTHER_ENTITY_UNIT = "UNICEF-MX";

/** A fresh victim's record shared with another entity's unit: the url that ends the share. */
async function freshShare(missionCode: string): Promise<string> {
  const victimId = await freshVictim(missionCode);
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(victimShares)
      .values({ victimId, unitCode: OTHER_ENTITY_UNIT, consentBy: "victim", consentOn: "2026-01-05" })
      .returning({ id: victimShares.id }),
  );
  return `/api/victims/${victimId}/shares/${row.id}/end`;
}

/** A fresh case of `missionCode` shared with `unitCode` (the share ended if `ended`); no national of the focal point's State. */
async function freshCaseShare(missionCode: string, unitCode: string, ended = false) {
  const caseId = await freshCase(missionCode, "received", ["IND"]);
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(caseShares)
      .values({ caseId, unitCode, reason: "Joint inquiry", endedAt: ended ? new Date() : null })
      .returning({ id: caseShares.id }),
  );
  return { caseId, endUrl: `/api/cases/${caseId}/shares/${row.id}/end` };
}

/** A share of a mission's risk register with `unitCode`: the url that ends it. */
async function freshRegisterShare(missionCode: string, unitCode: string): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(preventionShares)
      .values({ missionCode, unitCode, reason: "Same places" })
      .returning({ id: preventionShares.id }),
  );
  return `/api/risk/${missionCode}/shares/${row.id}/end`;
}

/** Ends every share of a mission's risk register (so that sharing it again is not a conflict). */
async function endRegisterShares(missionCode: string) {
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.update(preventionShares).set({ endedAt: new Date() }).where(eq(preventionShares.missionCode, missionCode)),
  );
}

async function freshAssistanceReferral(victimId: string): Promise<string> {
  const providerId = victimId === victimFixture.inScope ? victimFixture.provider : victimFixture.outOfScopeProvider;
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(assistanceReferrals)
      .values({ victimId, providerId, serviceType: "medical", proposedOn: "2026-01-05" })
      .returning({ id: assistanceReferrals.id }),
  );
  return row.id;
}

interface ClaimParties {
  victimId: string;
  caseId: string;
  childId: string;
  perpetratorId: string;
  countryCode: string;
}
const claimFixture = { inScope: {} as ClaimParties, outOfScope: {} as ClaimParties };

/** A mother with a child, a perpetrator of the given State on her case, and her consent to tell that State. */
async function claimParties(victimId: string, caseId: string, countryCode: string): Promise<ClaimParties> {
  return inTransaction(t.app.services.db, systemActor, async (tx) => {
    const [child] = await tx
      .insert(victimChildren)
      .values({ victimId, code: `C-${randomUUID()}`, sex: "female" })
      .returning({ id: victimChildren.id });
    const [perpetrator] = await tx
      .insert(perpetrators)
      .values({ caseId, code: "P-09", categoryCode: "MIL_MC", nationalityCode: countryCode })
      .returning({ id: perpetrators.id });
    await tx
      .insert(victimConsents)
      .values({ victimId, recipient: "member_state", granted: true, givenOn: "2026-01-01" });
    return { victimId, caseId, childId: child.id, perpetratorId: perpetrator.id, countryCode };
  });
}

/** An import of one historical allegation of its own, to withdraw. */
async function freshImport(): Promise<string> {
  const reference = `MATRIX-IMP-${randomUUID().slice(0, 8)}`;
  const csv = `reference,date_reported,mission,category_of_personnel,nationality,allegation,victims,victims_children,paternity_claim,investigating_entity,investigation_days,findings,interim_action,final_action,criminal_referral\n${reference},2016-01,MONUSCO,Military (MC),GHA,SE,1,0,No,,,,,,\n`;
  const outcome = await importAllegations(t.app.services, systemActor, csv, { skipInvalid: false, sourceFile: null });
  return outcome.importId;
}

async function freshClaim(parties: ClaimParties, supportOrdered = false): Promise<string> {
  const support = supportOrdered
    ? {
        paternity: "established",
        supportAmount: 50,
        supportCurrency: "USD",
        supportFrequency: "monthly",
        supportAuthority: "Court",
        supportOrderedOn: "2026-02-15",
      }
    : {};
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(paternityClaims)
      .values({ ...parties, notifiedOn: "2026-02-01", responseDueOn: "2026-02-15", ...support })
      .returning({ id: paternityClaims.id }),
  );
  return row.id;
}

async function freshSample(parties: ClaimParties, donor: "mother" | "child" | "alleged_father"): Promise<string> {
  const claimId = await freshClaim(parties);
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(dnaSamples).values({ claimId, donor, sampleCode: "DNA-M-0" }).returning({ id: dnaSamples.id }),
  );
  return row.id;
}

const riskAssessment = (missionCode: string) => ({
  missionCode,
  location: "Matrix camp",
  locationKind: "camp",
  assessedOn: "2026-01-05",
  reviewOn: "2026-07-05",
  factors: [{ kind: "lighting", likelihood: 2, impact: 3 }],
});
const riskMitigation = { factorKind: null, action: "Matrix mitigation", owner: "Matrix owner", dueOn: "2026-03-01" };

async function freshAssessment(missionCode: string): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(riskAssessments)
      .values({
        missionCode,
        location: "Matrix camp",
        locationKind: "camp",
        assessedOn: "2026-01-05",
        reviewOn: "2026-07-05",
      })
      .returning({ id: riskAssessments.id }),
  );
  return row.id;
}

async function freshMitigation(missionCode: string): Promise<string> {
  const assessmentId = await freshAssessment(missionCode);
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(riskMitigations)
      .values({ assessmentId, ...riskMitigation })
      .returning({ id: riskMitigations.id }),
  );
  return row.id;
}

const courseIds = new Map<string, string>();
async function trainingSessionsUrl() {
  if (courseIds.size === 0) {
    const rows = await inTransaction(t.app.services.db, systemActor, (tx) =>
      tx.select({ id: trainingCourses.id, kind: trainingCourses.kind }).from(trainingCourses),
    );
    for (const row of rows) courseIds.set(row.kind, row.id);
  }
  return "/api/training/sessions";
}
const trainingSession = (kind: string, missionCode: string | null, countryCode: string | null) => ({
  courseId: courseIds.get(kind),
  missionCode,
  countryCode,
  startsOn: "2026-01-05",
  endsOn: "2026-01-06",
  trainer: "Matrix trainer",
  participants: 10,
  completions: 10,
});
const attendanceList = {
  fileName: "matrix.csv",
  contentBase64: Buffer.from("service_number,completed\nMX-0001,Yes\n").toString("base64"),
};

/** A session with a contingent of its State (in MONUSCO, or UNMISS for an induction there). */
async function freshTrainingSession(kind: string, missionCode: string | null, countryCode: string): Promise<string> {
  await trainingSessionsUrl();
  return inTransaction(t.app.services.db, systemActor, async (tx) => {
    const [unit] = await tx
      .insert(contingents)
      .values({
        missionCode: missionCode ?? "MONUSCO",
        countryCode,
        name: `Matrix ${randomUUID()}`,
        categoryCode: "MIL_MC",
        strength: 10,
        deployedOn: "2026-02-01",
      })
      .returning({ id: contingents.id });
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        ...trainingSession(kind, missionCode, countryCode),
        courseId: courseIds.get(kind) as string,
        contingentId: unit.id,
      })
      .returning({ id: trainingSessions.id });
    return row.id;
  });
}

const followUpAction = { action: "Matrix follow-up", owner: "Matrix owner", dueOn: "2026-03-01" };
const afterActionReview = (missionCode: string) => ({
  missionCode,
  title: "Matrix review",
  heldOn: "2026-01-10",
  whatHappened: "Matrix: what happened in detail.",
  contributingFactors: ["curfew"],
  lessons: "Matrix lessons to share.",
});

async function freshReview(missionCode: string): Promise<string> {
  return inTransaction(t.app.services.db, systemActor, async (tx) => {
    const [row] = await tx
      .insert(afterActionReviews)
      .values({
        missionCode,
        title: "Matrix review",
        heldOn: "2026-01-10",
        contributingFactors: ["curfew"],
        lessons: "Matrix lessons",
      })
      .returning({ id: afterActionReviews.id });
    const whatHappenedEncrypted = await t.app.services.encryption.encrypt(
      tx,
      "Matrix",
      fieldContext("after_action_details", "what_happened_encrypted", row.id),
    );
    await tx.insert(afterActionDetails).values({ reviewId: row.id, whatHappenedEncrypted, caseIds: [] });
    return row.id;
  });
}

async function freshFollowUp(missionCode: string): Promise<string> {
  const reviewId = await freshReview(missionCode);
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(afterActionActions)
      .values({ reviewId, ...followUpAction })
      .returning({ id: afterActionActions.id }),
  );
  return row.id;
}

const outreachActivity = (missionCode: string) => ({
  missionCode,
  heldOn: "2026-01-10",
  place: "Matrix place",
  community: "Matrix community",
  women: 5,
  language: "French",
  topics: ["how_to_report"],
  materials: ["meeting"],
});
const networkMember = { kind: "organisation", name: "Matrix NGO", location: "Matrix town", languages: ["French"] };

async function freshNetwork(missionCode: string): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(cbcmNetworks)
      .values({
        missionCode,
        name: `Matrix ${randomUUID()}`,
        area: "Matrix",
        languages: ["French"],
        channels: ["phone"],
      })
      .returning({ id: cbcmNetworks.id }),
  );
  return row.id;
}

async function freshProject(missionCode: string): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(trustFundProjects)
      .values({
        missionCode,
        title: "Matrix project",
        implementingPartner: "Partner",
        budget: 1000,
        currency: "USD",
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        services: ["medical"],
      })
      .returning({ id: trustFundProjects.id }),
  );
  return row.id;
}

/** A request to victim assistance nobody has taken up yet, in a mission. */
async function openAssistanceRequest(missionCode: string): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(assistanceRequests)
      .values({ missionCode, urgency: "urgent", needs: ["medical"], requestedBy: "matrix" })
      .returning({ id: assistanceRequests.id }),
  );
  return row.id;
}

async function freshCase(missionCode: string, status = "received", nationalityCodes = ["GHA"]): Promise<string> {
  const id = randomUUID();
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(cases).values({
      id,
      reference: `${missionCode}-T-${id}`,
      missionCode,
      status,
      dateReported: "2026-06-01",
      categoryCodes: ["MIL_MC"],
      nationalityCodes,
    }),
  );
  return id;
}

const documentUpload = (kind: string, referralId: string | null) => ({
  kind,
  referralId,
  datedOn: "2026-11-20",
  fileName: "reply.pdf",
  contentBase64: matrixPdf.toString("base64"),
});

/**
 * A referred MONUSCO case of Ghana's nationals (the investigator assigned), referred to Ghana, with
 * a document on the referral and one kept on the case only.
 */
let lastDocuments = { caseId: "", referralId: "", documentId: "", internalDocumentId: "" };
async function freshDocuments() {
  const caseId = await freshCase("MONUSCO", "referred", ["GHA"]);
  lastDocuments = await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(caseAssignments).values({ caseId, userId: staff.investigator.id });
    const [referral] = await tx
      .insert(referrals)
      .values({ caseId, entity: "member_state", countryCode: "GHA", sentOn: "2026-11-02" })
      .returning({ id: referrals.id });
    const document = async (referralId: string | null) => {
      const id = randomUUID();
      await tx.insert(caseDocuments).values({
        id,
        caseId,
        referralId,
        seriesId: id,
        kind: referralId ? "note_verbale" : "investigation_report",
        fileNameEncrypted: await t.app.services.encryption.encrypt(
          tx,
          "note.pdf",
          fieldContext("case_documents", "file_name_encrypted", id),
        ),
        contentType: "application/pdf",
        sizeBytes: matrixPdf.length,
        sha256: "0".repeat(64),
        contentEncrypted: await t.app.services.encryption.encryptBytes(
          tx,
          matrixPdf,
          fieldContext("case_documents", "content_encrypted", id),
        ),
        datedOn: "2026-11-02",
        uploadedBy: staff.cds_officer.id,
      });
      return id;
    };
    return {
      caseId,
      referralId: referral.id,
      documentId: await document(referral.id),
      internalDocumentId: await document(null),
    };
  });
  return lastDocuments;
}

/** A referred case with one alleged perpetrator of the State's nationality and that State's NIO investigating; the investigator is assigned to the MONUSCO ones. */
let lastEnforcement = { caseId: "", perpetratorId: "", investigationId: "" };
/** A unit (a contingent's rotation) recorded just for one request. */
async function freshUnit(missionCode: string, countryCode: string): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(contingents)
      .values({
        missionCode,
        countryCode,
        name: `Matrix unit ${randomUUID()}`,
        categoryCode: "MIL_MC",
        strength: 10,
        deployedOn: "2026-01-01",
      })
      .returning({ id: contingents.id }),
  );
  return row.id;
}

/** A case whose alleged perpetrator served in a unit of their State, both recorded just for one request. */
let lastLeaderId = "";

/** A fresh case whose person served in a fresh unit of the mission (Ghana's or India's) with a commander. */
async function freshCaseUnitLeader(missionCode: "MONUSCO" | "UNMISS") {
  const { caseId, unitId } = await freshCaseUnit(missionCode, missionCode === "MONUSCO" ? "GHA" : "IND");
  const leaderId = await inTransaction(t.app.services.db, systemActor, (tx) =>
    insertLeader(
      t.app.services,
      tx,
      unitId,
      { post: "commander", name: "Col. Matrix", rank: null, servedFrom: "2026-01-01", servedTo: null },
      null,
    ),
  );
  return { caseId, unitId, leaderId };
}

async function freshCaseUnit(missionCode: string, countryCode: string) {
  const { caseId, perpetratorId } = await freshEnforcement(missionCode, countryCode);
  const unitId = await freshUnit(missionCode, countryCode);
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.update(perpetrators).set({ contingentId: unitId }).where(eq(perpetrators.id, perpetratorId)),
  );
  return { caseId, unitId };
}

async function freshEnforcement(missionCode: string, countryCode: string) {
  const caseId = await freshCase(missionCode, "under_investigation", [countryCode]);
  lastEnforcement = await inTransaction(t.app.services.db, systemActor, async (tx) => {
    const id = randomUUID();
    const identityEncrypted = await t.app.services.encryption.encrypt(
      tx,
      JSON.stringify({ name: "Cpl. Matrix", rank: null, serviceNumber: null }),
      fieldContext("perpetrators", "identity_encrypted", id),
    );
    const [perpetrator] = await tx
      .insert(perpetrators)
      .values({ id, caseId, code: "P-01", categoryCode: "MIL_MC", nationalityCode: countryCode, identityEncrypted })
      .returning({ id: perpetrators.id });
    const [investigation] = await tx
      .insert(investigations)
      .values({
        caseId,
        entity: "nio",
        countryCode,
        startedOn: "2026-09-01",
        dueOn: "2026-11-30",
        deadlineKind: "investigation_sea",
        policyVersion: "default-1",
      })
      .returning({ id: investigations.id });
    // In scope means assigned, for the investigator.
    if (missionCode === "MONUSCO") await tx.insert(caseAssignments).values({ caseId, userId: staff.investigator.id });
    return { caseId, perpetratorId: perpetrator.id, investigationId: investigation.id };
  });
  return lastEnforcement;
}

let planYear = 2000;
const nextPlanYear = () => planYear++;
// Fresh plans are written straight to the database, in years the drafting rows never reach.
let freshPlanYear = 3000;

/** A fresh plan of a mission with one item, at version 1. */
async function freshPlan(missionCode: string) {
  return inTransaction(t.app.services.db, systemActor, async (tx) => {
    const [plan] = await tx
      .insert(leadershipPlans)
      .values({ missionCode, year: freshPlanYear++, post: "force_commander", leaderName: "Matrix Leader" })
      .returning({ id: leadershipPlans.id });
    const [item] = await tx
      .insert(leadershipCommitments)
      .values({ planId: plan.id, commitment: "Matrix commitment", owner: "Matrix owner", dueOn: "2026-12-31" })
      .returning({ id: leadershipCommitments.id });
    return { planId: plan.id, commitmentId: item.id };
  });
}

/** A pending court-martial of a fresh case's person, at version 1. */
async function freshProceeding(missionCode: string, countryCode: string) {
  const { caseId, perpetratorId } = await freshEnforcement(missionCode, countryCode);
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(nationalProceedings)
      .values({
        caseId,
        perpetratorId,
        countryCode,
        kind: "court_martial",
        venue: "mission_area",
        openedOn: "2026-06-02",
        charges: "Matrix charge.",
      })
      .returning({ id: nationalProceedings.id }),
  );
  return row.id;
}

/** A draft practice of Ghana's, so that each role meets the same state. */
/** A file on a fresh practice of Ghana's, draft or published; answers the practice's and the file's ids. */
async function freshPracticeFile(
  status: "draft" | "published" = "draft",
): Promise<{ practiceId: string; fileId: string }> {
  const practiceId = await freshPractice();
  const [row] = await inTransaction(t.app.services.db, systemActor, async (tx) => {
    if (status === "published")
      await tx.update(goodPractices).set({ status, publishedAt: new Date() }).where(eq(goodPractices.id, practiceId));
    return tx
      .insert(goodPracticeFiles)
      .values({
        practiceId,
        fileName: "guide.pdf",
        contentType: "application/pdf",
        sizeBytes: 9,
        sha256: "0".repeat(64),
        content: Buffer.from("%PDF-1.7\n"),
      })
      .returning({ id: goodPracticeFiles.id });
  });
  return { practiceId, fileId: row.id };
}

/** A UN entity of its own (no unit here), for a member installation to report. */
async function freshEntity(): Promise<string> {
  const code = `MX${randomUUID().slice(0, 6).toUpperCase()}`;
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(unEntities).values({ code, kind: "fund_programme", name: `Matrix entity ${code}` }),
  );
  return code;
}
let matrixEntity = "";
/** An installation registered as a member of this one (the hub), whose signed bundles it merges. */
const matrixMember = federationKeys();

async function freshPractice(): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(goodPractices)
      .values({ title: `Draft ${randomUUID()}`, area: "prevention", theme: "Training", countryCodes: ["GHA"] })
      .returning({ id: goodPractices.id }),
  );
  return row.id;
}

/** A referral awaiting the State's reply, on a fresh case. */
async function freshReferral(missionCode: string, countryCode: string): Promise<string> {
  const caseId = await freshCase(missionCode, "referred", [countryCode]);
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(referrals)
      .values({ caseId, entity: "member_state", countryCode, sentOn: "2026-10-01", replyDueOn: "2026-10-15" })
      .returning({ id: referrals.id }),
  );
  return row.id;
}

beforeAll(async () => {
  identityProvider = await startIdentityProvider("unicef");
  t = await createTestApp({ ssoProviders: [identityProvider.config("UNICEF")] });
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(unEntities).values({ code: MONUSCO_ENTITY, kind: "other_entity", name: "MONUSCO alone" });
    await tx.update(missions).set({ entityCode: MONUSCO_ENTITY }).where(eq(missions.code, "MONUSCO"));
  });
  for (const role of roles) {
    staff[role] = await t.createStaff(role, scopes[role]);
    clients[role] = await t.tokenFor(staff[role]);
  }
  fixture.targetUserId = (await t.createStaff("analyst")).id;
  await addFederationMember(t.app.services, systemActor, {
    code: "MATRIX-MEMBER",
    name: "A member installation",
    publicKey: matrixMember.publicKey,
    entityCodes: [await freshEntity()],
  });
  // In scope: a MONUSCO report filed by the CBCM focal point; out of scope: an UNMISS report from the public.
  await clients.cbcm_focal_point.request({
    method: "POST",
    url: "/api/reports",
    payload: { channel: "cbcm", report: publicReport() },
  });
  const { published } = await t.app.services.sealingKey();
  for (const [which, missionCode] of [
    ["own", "MONUSCO"],
    ["other", "UNMISS"],
  ] as const)
    fixture.sealed[which] = {
      report: await sealJson(published, { channel: "hotline", report: publicReport(missionCode) }),
    };
  fixture.receipt = (
    await t.app.inject({ method: "POST", url: "/api/public/reports", payload: publicReport("UNMISS") })
  ).json().receipt;
  const queue = (await clients.cds_officer.request({ method: "GET", url: "/api/reports" })).json().items as {
    id: string;
    missionCode: string;
  }[];
  fixture.inScopeReport = queue.find((item) => item.missionCode === "MONUSCO")?.id as string;
  fixture.outOfScopeReport = queue.find((item) => item.missionCode === "UNMISS")?.id as string;
  // One evidence file on each report, sealed as the intake seals them.
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    for (const [id, reportId] of [
      [fixture.inScopeEvidence, fixture.inScopeReport],
      [fixture.outOfScopeEvidence, fixture.outOfScopeReport],
    ]) {
      const seal = (column: string, value: Buffer) =>
        t.app.services.encryption.encryptBytes(tx, value, fieldContext("evidence_files", column, id));
      await tx.insert(evidenceFiles).values({
        id,
        reportId,
        fileNameEncrypted: await seal("file_name_encrypted", Buffer.from("scan.pdf")),
        contentType: "application/pdf",
        sizeBytes: 9,
        sha256: "0".repeat(64),
        contentEncrypted: await seal("content_encrypted", Buffer.from("%PDF-1.7\n")),
      });
    }
  });
  // In scope for every scoped role: MONUSCO, a Ghanaian contingent member, assigned to the investigator.
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(cases).values([
      {
        id: fixture.inScopeCase,
        reference: "MONUSCO-2026-0001",
        missionCode: "MONUSCO",
        dateReported: "2026-03-01",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["GHA"],
        allegationCodes: ["SE_TRANSACTIONAL_SEX"],
      },
      {
        id: fixture.outOfScopeCase,
        reference: "UNMISS-2026-0001",
        missionCode: "UNMISS",
        dateReported: "2026-04-01",
        categoryCodes: ["MIL_MC"],
        nationalityCodes: ["IND"],
        allegationCodes: ["SA_RAPE"],
      },
    ]);
    await tx.insert(caseAssignments).values({ caseId: fixture.inScopeCase, userId: staff.investigator.id });
    await tx.insert(caseNotes).values({ id: fixture.note, caseId: fixture.inScopeCase, body: "A note to redact." });
  });
  await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx.insert(missions).values({
      code: OTHER_ENTITY_UNIT,
      entityCode: "UNICEF",
      name: "UNICEF office",
      kind: "entity_office",
      startYear: 2000,
    }),
  );
  victimFixture.inScope = await freshVictim("MONUSCO");
  victimFixture.outOfScope = await freshVictim("UNMISS");
  await inTransaction(t.app.services.db, systemActor, async (tx) => {
    await tx.insert(victimCases).values([
      { victimId: victimFixture.inScope, caseId: fixture.inScopeCase },
      { victimId: victimFixture.outOfScope, caseId: fixture.outOfScopeCase },
    ]);
    const providers = await tx
      .insert(serviceProviders)
      .values([
        { missionCode: "MONUSCO", name: "Matrix hospital", serviceTypes: ["medical"] },
        { missionCode: "UNMISS", name: "Matrix hospital", serviceTypes: ["medical"] },
      ])
      .returning({ id: serviceProviders.id });
    victimFixture.provider = providers[0].id;
    victimFixture.outOfScopeProvider = providers[1].id;
  });
  claimFixture.inScope = await claimParties(victimFixture.inScope, fixture.inScopeCase, "GHA");
  claimFixture.outOfScope = await claimParties(victimFixture.outOfScope, fixture.outOfScopeCase, "IND");
});
afterAll(async () => {
  await t.close();
  await identityProvider.close();
});

/** A request by the victim assistance officer to reveal a victim's identity, waiting for a custodian. */
async function freshRevealRequest(): Promise<string> {
  const requester = { ...systemActor, userId: staff.victim_assistance.id, role: "victim_assistance" as const };
  const [row] = await inTransaction(t.app.services.db, requester, (tx) =>
    tx
      .insert(revealRequests)
      .values({
        subjectType: "victim",
        subjectId: victimFixture.inScope,
        subjectLabel: "V-MATRIX",
        requestedBy: staff.victim_assistance.id,
        requesterRole: "victim_assistance",
        reason: "Matrix: arranging medical care.",
      })
      .returning({ id: revealRequests.id }),
  );
  return row.id;
}

/** A commitment recorded just for one removal. */
/** Each scope's latest help version, read before each request so that every edit starts from it. */
const helpVersions = new Map<string, number>();
async function helpKept(scope: string): Promise<string> {
  const listed = (await clients.cds_officer.request({ method: "GET", url: "/api/help-information" })).json() as {
    items: { scope: string; version: number }[];
  };
  let version = listed.items.find((item) => item.scope === scope)?.version;
  if (version === undefined)
    version = (await saveHelp(t.app.services, systemActor, scope, { contacts: [], texts: {}, version: 0 })).version;
  helpVersions.set(scope, version);
  return scope;
}
const helpEdit = (scope: string) => ({
  contacts: [{ kind: "hotline", value: "+243 81 555 0140", hours: "24/7" }],
  texts: { en: { nextSteps: "An officer reads it.", timeline: "Within two days." } },
  version: helpVersions.get(scope),
});

async function freshCommitment(): Promise<string> {
  const [row] = await inTransaction(t.app.services.db, systemActor, (tx) =>
    tx
      .insert(commitments)
      .values({ kind: "a4p", countryCode: "FIN", member: `Matrix ${randomUUID()}`, joinedOn: "2020-01-01" })
      .returning({ id: commitments.id }),
  );
  return row.id;
}

describe("access matrix", () => {
  for (const row of matrix) {
    for (const role of roles) {
      const expected = row.expect(role);
      it(`${row.method} ${row.route}${row.label ? ` (${row.label})` : ""}: ${role} is ${expected === "allow" ? "allowed" : "denied"}`, async () => {
        const response = await clients[role].request({
          method: row.method,
          url: await row.url(role),
          headers: await row.headers?.(),
          payload: row.body?.(role) as object | undefined,
        });
        if (expected === "allow") expect(response.statusCode, response.body).toBeLessThan(400);
        else {
          expect([403, 404], response.body).toContain(response.statusCode);
          expect(response.headers["content-type"]).toContain("application/problem+json");
        }
      });
    }
    it(`${row.method} ${row.route}${row.label ? ` (${row.label})` : ""}: anonymous is ${row.anonymous === "allow" ? "allowed" : row.anonymous === "signed" ? "refused unless signed" : "refused"}`, async () => {
      const response = await t.app.inject({
        method: row.method,
        url: await row.url("cds_officer"),
        headers: await row.headers?.(),
        payload: row.body?.("cds_officer") as object | undefined,
      });
      if (row.anonymous === "allow") expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(400);
      else if (row.anonymous === "signed") expect(response.statusCode).toBe(403);
      else expect(response.statusCode).toBe(401);
    });
  }

  it("every API route is in this matrix", () => {
    const covered = new Set(matrix.map((row) => `${row.method} ${row.route}`));
    const uncovered = t.app.routeList
      .filter(
        (route) =>
          route.url.startsWith("/api/") ||
          route.url === "/healthz" ||
          route.url === "/readyz" ||
          route.url.startsWith("/report") ||
          route.url.startsWith("/sign-in") ||
          route.url === "/sign-out" ||
          route.url === "/start" ||
          route.url.startsWith("/data"),
      )
      .filter(
        (route) =>
          !route.url.startsWith("/api/auth/") &&
          !route.url.startsWith("/api/docs") &&
          route.url !== "/api/openapi.json",
      )
      .map((route) => `${route.method} ${route.url}`)
      .filter((key) => !covered.has(key));
    expect(uncovered).toEqual([]);
  });

  it("the sign-in library answers only the steps the app uses; the rest of it is unreachable", async () => {
    const reachable = t.app.routeList
      .filter((route) => route.url.startsWith("/api/auth/"))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(reachable).toEqual(
      [
        ...["/api/auth/sign-in/email", ...Object.keys(signInSteps)].map((url) => `POST ${url}`),
        `GET ${SSO_CALLBACK}`,
      ].sort(),
    );
    for (const url of ["/api/auth/update-user", "/api/auth/get-session", "/api/auth/list-sessions"]) {
      const response = await clients.administrator.request({ method: url.endsWith("user") ? "POST" : "GET", url });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it("every event the routes recorded is declared in the audit catalogue, with its subject and details", async () => {
    const events = await t.app.services.handle.asOwner((owner) =>
      owner.query<{ action: string; subject_type: string | null; details: Record<string, unknown> }>(
        "SELECT DISTINCT ON (action, details::text) action, subject_type, details FROM audit_events",
      ),
    );
    expect(events.length).toBeGreaterThan(50);
    const undeclared = events.filter((event) => !isAuditAction(event.action)).map((event) => event.action);
    expect(undeclared).toEqual([]);
    for (const event of events) {
      const declared = auditCatalogue[event.action as keyof typeof auditCatalogue];
      if (event.subject_type !== null) expect(event.subject_type, event.action).toBe(declared.subject);
      const parsed = z.strictObject(declared.details.shape).safeParse(event.details);
      expect(parsed.success ? "" : `${event.action}: ${parsed.error.message}`).toBe("");
    }
  });
});
