// The web app's routes. Who is signed in decides between sign-in, two-factor enrolment and the
// workspace; each area shows only when the server's abilities say so.
import { AppShell } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { createRootRoute, createRoute, createRouter, Navigate, Outlet } from "@tanstack/react-router";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../domain/contracts/users.js";
import { EmptyState, Loading, ProblemAlert } from "./components/page.js";
import { type Area, areas, Header, pathOf, Workspace } from "./components/shell.js";
import { AccountPage } from "./routes/account.js";
import { AuditPage } from "./routes/audit.js";
import { MyWorkPage } from "./routes/work.js";
import { PublishQueue } from "./routes/publish.js";
import { CaseDetail } from "./routes/case-detail.js";
import { CaseList } from "./routes/cases.js";
import { EnrolTwoFactor } from "./routes/enrol.js";
import { ReferencePage } from "./routes/reference.js";
import { HelpInformationPage } from "./routes/help-information.js";
import { NotificationsPage, OverduePage } from "./routes/deadlines.js";
import { RevealRequestsPage } from "./routes/reveal-requests.js";
import { RecordReport } from "./routes/record-report.js";
import { ReportDetail, ReportQueue } from "./routes/reports.js";
import { SignIn } from "./routes/sign-in.js";
import { TokensPage } from "./routes/tokens.js";
import { UsersPage } from "./routes/users.js";
import { VictimCaseload, VictimRecordPage } from "./routes/victims.js";
import { ClaimPage, PaternityList } from "./routes/paternity.js";
import { TrustFundPage } from "./routes/trust-fund.js";
import { ScreeningPage } from "./routes/screening.js";
import { RiskAssessmentPage, RiskRegisterPage } from "./routes/risk.js";
import { TrainingPage } from "./routes/training.js";
import { AfterActionList, AfterActionPage } from "./routes/after-action.js";
import { OutreachPage } from "./routes/outreach.js";
import { GoodPracticesPage } from "./routes/good-practices.js";
import { AccountabilityPage } from "./routes/accountability.js";
import { useMe } from "./session.js";

function SignedOutFrame({ me, children }: { me: Me | null; children: ReactNode }) {
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
  if (!me.data)
    return (
      <SignedOutFrame me={null}>
        <SignIn onSignedIn={refresh} />
      </SignedOutFrame>
    );
  if (me.data.twoFactorPending)
    return (
      <SignedOutFrame me={me.data}>
        <EnrolTwoFactor onEnrolled={refresh} />
      </SignedOutFrame>
    );
  return (
    <Workspace me={me.data}>
      <Outlet />
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

// The charts library is loaded only by the page that draws charts: the rest of the app stays light on a slow line.
const FiguresPage = lazy(() => import("./routes/figures.js").then((module) => ({ default: module.FiguresPage })));

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
      <Suspense fallback={null}>
        <FiguresPage />
      </Suspense>
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
