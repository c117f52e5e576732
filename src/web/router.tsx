// The web app's routes. Who is signed in decides between sign-in, two-factor enrolment and the
// workspace; each area shows only when the server's abilities say so.
import { AppShell } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { createRootRoute, createRoute, createRouter, Navigate, Outlet } from "@tanstack/react-router";
import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../domain/contracts/users.js";
import { EmptyState, Loading, ProblemAlert } from "./components/page.js";
import { Header, Workspace } from "./components/shell.js";
import { type Area, areas, pathOf } from "../domain/contracts/staff-app.js";
import { signInAddress } from "./first-answer.js";
import { useMe } from "./session.js";

function SignedOutFrame({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Header me={me} />
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

function Root() {
  const me = useMe();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries();
  if (me.isPending) return <Loading />;
  if (me.error) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    // Signed out (or the session ended): the server's sign-in page, which comes back here.
    window.location.replace(signInAddress());
    return <Loading />;
  }
  if (me.data.twoFactorPending)
    return (
      <SignedOutFrame me={me.data}>
        <Suspense fallback={<Loading />}>
          <EnrolTwoFactor onEnrolled={refresh} />
        </Suspense>
      </SignedOutFrame>
    );
  return (
    <Workspace me={me.data}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </Workspace>
  );
}

/** The signed-in user (Root renders children only once there is one). */
function useSignedIn(): Me {
  return useMe().data as Me;
}

function Guarded({ area, children }: { area: Area; children: ReactNode }) {
  const me = useSignedIn();
  const { t } = useTranslation();
  return me.can[area] ? children : <EmptyState>{t("problems.forbidden")}</EmptyState>;
}

function Home() {
  const me = useSignedIn();
  const first = areas.find((area) => me.can[area]) ?? "account";
  return <Navigate to={pathOf(first)} replace />;
}

/**
 * Each page is its own file, fetched when first opened (then kept by the browser): sign-in and the
 * first page load only what they draw, which matters on a slow line.
 */
function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  // biome-ignore lint/suspicious/noExplicitAny: each page keeps its own props, checked where it is used
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as M[K];
}
const FiguresPage = lazyNamed(() => import("./routes/figures.js"), "FiguresPage");
// Enrolment (and its QR code library) is needed once per account, not on every first page.
const EnrolTwoFactor = lazyNamed(() => import("./routes/enrol.js"), "EnrolTwoFactor");
const AccountPage = lazyNamed(() => import("./routes/account.js"), "AccountPage");
const AuditPage = lazyNamed(() => import("./routes/audit.js"), "AuditPage");
const MyWorkPage = lazyNamed(() => import("./routes/work.js"), "MyWorkPage");
const PublishQueue = lazyNamed(() => import("./routes/publish.js"), "PublishQueue");
const CaseDetail = lazyNamed(() => import("./routes/case-detail.js"), "CaseDetail");
const CaseList = lazyNamed(() => import("./routes/cases.js"), "CaseList");
const ReferencePage = lazyNamed(() => import("./routes/reference.js"), "ReferencePage");
const HelpInformationPage = lazyNamed(() => import("./routes/help-information.js"), "HelpInformationPage");
const NotificationsPage = lazyNamed(() => import("./routes/deadlines.js"), "NotificationsPage");
const OverduePage = lazyNamed(() => import("./routes/deadlines.js"), "OverduePage");
const RevealRequestsPage = lazyNamed(() => import("./routes/reveal-requests.js"), "RevealRequestsPage");
const RecordReport = lazyNamed(() => import("./routes/record-report.js"), "RecordReport");
const ReportDetail = lazyNamed(() => import("./routes/reports.js"), "ReportDetail");
const ReportQueue = lazyNamed(() => import("./routes/reports.js"), "ReportQueue");
const TokensPage = lazyNamed(() => import("./routes/tokens.js"), "TokensPage");
const UsersPage = lazyNamed(() => import("./routes/users.js"), "UsersPage");
const VictimCaseload = lazyNamed(() => import("./routes/victims.js"), "VictimCaseload");
const VictimRecordPage = lazyNamed(() => import("./routes/victims.js"), "VictimRecordPage");
const ClaimPage = lazyNamed(() => import("./routes/paternity.js"), "ClaimPage");
const PaternityList = lazyNamed(() => import("./routes/paternity.js"), "PaternityList");
const TrustFundPage = lazyNamed(() => import("./routes/trust-fund.js"), "TrustFundPage");
const ScreeningPage = lazyNamed(() => import("./routes/screening.js"), "ScreeningPage");
const RiskAssessmentPage = lazyNamed(() => import("./routes/risk.js"), "RiskAssessmentPage");
const RiskRegisterPage = lazyNamed(() => import("./routes/risk.js"), "RiskRegisterPage");
const TrainingPage = lazyNamed(() => import("./routes/training.js"), "TrainingPage");
const AfterActionList = lazyNamed(() => import("./routes/after-action.js"), "AfterActionList");
const AfterActionPage = lazyNamed(() => import("./routes/after-action.js"), "AfterActionPage");
const OutreachPage = lazyNamed(() => import("./routes/outreach.js"), "OutreachPage");
const GoodPracticesPage = lazyNamed(() => import("./routes/good-practices.js"), "GoodPracticesPage");
const LeadershipPage = lazyNamed(() => import("./routes/leadership.js"), "LeadershipPage");
const UnitsPage = lazyNamed(() => import("./routes/units.js"), "UnitsPage");
const AccountabilityPage = lazyNamed(() => import("./routes/accountability.js"), "AccountabilityPage");

const rootRoute = createRootRoute({ component: Root });
const page = <TPath extends string>(path: TPath, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

const routeTree = rootRoute.addChildren([
  page("/staff", Home),
  page("/publish", () => (
    <Guarded area="publish">
      <PublishQueue />
    </Guarded>
  )),
  page("/figures", () => (
    <Guarded area="figures">
      <FiguresPage />
    </Guarded>
  )),
  page("/work", () => (
    <Guarded area="work">
      <MyWorkPage />
    </Guarded>
  )),
  page("/reports", () => (
    <Guarded area="reports">
      <ReportQueue />
    </Guarded>
  )),
  page("/reports/new", () => (
    <Guarded area="reports">
      <RecordReport />
    </Guarded>
  )),
  page("/reports/$reportId", () => (
    <Guarded area="reports">
      <ReportDetail />
    </Guarded>
  )),
  page("/cases", () => (
    <Guarded area="cases">
      <CaseList />
    </Guarded>
  )),
  page("/cases/$caseId", () => (
    <Guarded area="cases">
      <CaseDetail />
    </Guarded>
  )),
  page("/victims", () => (
    <Guarded area="victims">
      <VictimCaseload />
    </Guarded>
  )),
  page("/victims/$victimId", () => (
    <Guarded area="victims">
      <VictimRecordPage />
    </Guarded>
  )),
  page("/paternity", () => (
    <Guarded area="paternity">
      <PaternityList />
    </Guarded>
  )),
  page("/paternity/$claimId", () => (
    <Guarded area="paternity">
      <ClaimPage />
    </Guarded>
  )),
  page("/trust-fund", () => (
    <Guarded area="trustFund">
      <TrustFundPage />
    </Guarded>
  )),
  page("/screening", () => (
    <Guarded area="screening">
      <ScreeningPage />
    </Guarded>
  )),
  page("/risk", () => (
    <Guarded area="risk">
      <RiskRegisterPage />
    </Guarded>
  )),
  page("/training", () => (
    <Guarded area="training">
      <TrainingPage />
    </Guarded>
  )),
  page("/good-practices", () => (
    <Guarded area="goodPractices">
      <GoodPracticesPage />
    </Guarded>
  )),
  page("/leadership", () => (
    <Guarded area="leadership">
      <LeadershipPage />
    </Guarded>
  )),
  page("/units", () => (
    <Guarded area="units">
      <UnitsPage />
    </Guarded>
  )),
  page("/accountability", () => (
    <Guarded area="accountability">
      <AccountabilityPage />
    </Guarded>
  )),
  page("/outreach", () => (
    <Guarded area="outreach">
      <OutreachPage />
    </Guarded>
  )),
  page("/after-action", () => (
    <Guarded area="afterAction">
      <AfterActionList />
    </Guarded>
  )),
  page("/after-action/$reviewId", () => (
    <Guarded area="afterAction">
      <AfterActionPage />
    </Guarded>
  )),
  page("/risk/assessments/$assessmentId", () => (
    <Guarded area="risk">
      <RiskAssessmentPage />
    </Guarded>
  )),
  page("/overdue", () => (
    <Guarded area="overdue">
      <OverduePage />
    </Guarded>
  )),
  page("/notifications", () => (
    <Guarded area="notifications">
      <NotificationsPage />
    </Guarded>
  )),
  page("/users", () => (
    <Guarded area="users">
      <UsersPage />
    </Guarded>
  )),
  page("/reference", () => <ReferencePage canManage={useSignedIn().can.reference} />),
  page("/help-information", () => (
    <Guarded area="helpInformation">
      <HelpInformationPage />
    </Guarded>
  )),
  page("/audit", () => (
    <Guarded area="audit">
      <AuditPage />
    </Guarded>
  )),
  page("/reveal-requests", () => (
    <Guarded area="revealRequests">
      <RevealRequestsPage />
    </Guarded>
  )),
  page("/tokens", () => (
    <Guarded area="tokens">
      <TokensPage />
    </Guarded>
  )),
  page("/account", () => <AccountPage me={useSignedIn()} />),
]);

export const router = createRouter({ routeTree, defaultNotFoundComponent: Home });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
